/** The entry of the on-demand chunk (see `load.ts`): one chunk, so that nothing is shared between chunks. */
export { flowView } from './dialogs.js';
export * from './steps.js';
export { invoiceRows } from './invoices.js';
export * as deepLinks from './deep-links.js';
export { settle } from './settle.js';
export { actionErrorMessage } from './action-failure.js';
