import { createContext } from '@lit/context';
import type { BillingState } from '../session/state.js';

/** The panel's connection state, provided to every billing element inside it. */
export const billingContext = createContext<BillingState>(Symbol.for('billing-panel/connection'));
