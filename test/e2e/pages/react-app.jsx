// A React 19 host: the element rendered by React, tokenProvider set as a property,
// billing events received through React 19's custom-element event props.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

const config = JSON.parse(new URLSearchParams(location.hash.slice(1)).get('config') ?? '{}');
window.reactEvents = [];

function Billing() {
  const [last, setLast] = useState('none');
  return (
    <section>
      <h1>React settings page</h1>
      <p data-testid="last-event">Last event: {last}</p>
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
