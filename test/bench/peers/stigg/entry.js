// Stigg's owner-facing billing UI: the customer portal, with React 18.
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { CustomerPortal, StiggProvider } from '@stigg/react-sdk';

createRoot(document.getElementById('root')).render(h(StiggProvider, { apiKey: 'client-api-key', customerId: 'customer-1' }, h(CustomerPortal)));
