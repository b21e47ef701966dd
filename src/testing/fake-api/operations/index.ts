/** Every operation of the contract, by token-style operationId. */
import { cancelSubscription, changeSubscription, previewChange, resumeSubscription } from './changes.js';
import type { Operation } from './context.js';
import { getIdentity, listFeatures, listInvoices, listMerchants, listSubscriptions } from './reads.js';
import { createCheckoutSession, createPortalSession, syncCheckoutSession, syncSubscriptions } from './sessions.js';
import type { OptionalOperation } from '../types.js';

export { type OperationContext } from './context.js';

export const OPERATIONS: Record<string, Operation> = {
  listSubscriptions,
  listFeatures,
  getIdentity,
  listMerchants,
  listInvoices,
  createCheckoutSession,
  createPortalSession,
  syncCheckoutSession,
  syncSubscriptions,
  changeSubscription,
  previewChange,
  cancelSubscription,
  resumeSubscription,
};

/** The optional operations (contract 1.1), which a scenario may leave out. */
export const OPTIONAL: Partial<Record<string, OptionalOperation>> = {
  resumeSubscription: 'resume',
  listInvoices: 'listInvoices',
  previewChange: 'previewChange',
};
