// #region readme
import { useState } from 'react';
import { BillingPanel } from 'billing-panel/react'; // registers the tags too
import { baseUrl, getToken, redirectHosts } from './session';

export function Billing() {
  const [last, setLast] = useState('none');
  return (
    <>
      <BillingPanel
        baseUrl={baseUrl}
        redirectHosts={redirectHosts}
        tokenProvider={() => getToken()}
        onBillingRedirect={(event) => {
          event.preventDefault(); // the app navigates itself
          setLast(`billing-redirect ${event.detail.kind}`);
        }}
        onBillingChanged={(event) => setLast(`billing-changed ${event.detail.action}`)}
      />
      <p>Last event: {last}</p>
    </>
  );
}
// #endregion
