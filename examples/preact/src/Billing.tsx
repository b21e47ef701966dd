// #region readme
import { useState } from 'preact/hooks';
import 'billing-panel/define.js'; // registers <billing-panel>
import 'billing-panel/types/preact'; // types its props and onbilling-… events
import { baseUrl, getToken, redirectHosts } from './session';

export function Billing() {
  const [last, setLast] = useState('none');
  return (
    <>
      <billing-panel
        base-url={baseUrl}
        redirect-hosts={redirectHosts}
        tokenProvider={() => getToken()}
        onbilling-redirect={(event) => {
          event.preventDefault(); // the app navigates itself
          setLast(`billing-redirect ${event.detail.kind}`);
        }}
        onbilling-changed={(event) => setLast(`billing-changed ${event.detail.action}`)}
      />
      <p>Last event: {last}</p>
    </>
  );
}
// #endregion
