// A React 19 host: the element rendered by React, tokenProvider set as a property,
// billing events received through React 19's custom-element event props. The provider is
// an inline arrow, new on every render, as React code is usually written.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

const config = JSON.parse(new URLSearchParams(location.hash.slice(1)).get('config') ?? '{}');
window.reactEvents = [];

function Billing() {
  const [last, setLast] = useState('none');
  const [renders, setRenders] = useState(0);
  return (
    <section>
      <h1>React settings page</h1>
      <p data-testid="last-event">Last event: {last}</p>
      <button type="button" onClick={() => setRenders((n) => n + 1)}>
        Re-render the page
      </button>
      <p>Renders: {renders}</p>
      <billing-panel
        base-url={config.base}
        redirect-hosts={config.hosts}
        tokenProvider={() => Promise.resolve(config.token)}
        onbilling-redirect={(event) => {
          event.preventDefault();
          window.reactEvents.push({ type: 'billing-redirect', detail: event.detail });
          setLast(`billing-redirect ${event.detail.kind}`);
        }}
        onbilling-changed={(event) => {
          window.reactEvents.push({ type: 'billing-changed', detail: event.detail });
          setLast(`billing-changed ${event.detail.action}`);
        }}
      />
    </section>
  );
}

createRoot(document.getElementById('root')).render(<Billing />);
