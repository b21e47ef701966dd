/**
 * The on-demand chunk (`on-demand.ts`): what runs only once the owner acts or asks for more
 * than the overview — the confirmation dialogs, the redirect policy and the steps of the
 * actions that leave for Stripe, the return from Checkout, the invoice rows. Loaded once
 * per page, when first needed or when the owner points at or focuses an element; a failed
 * load is tried again next time.
 */
import { BillingError } from '../api/errors.js';
import type * as OnDemand from './on-demand.js';

export type OnDemandModule = typeof OnDemand;

/** The `code` of the error when the chunk cannot load: the panel says so in its own words (`codeMessage`). */
export const CHUNK_UNAVAILABLE = 'panel_unavailable';

let module: Promise<OnDemandModule> | undefined;
let loaded: OnDemandModule | undefined;

export function loadOnDemand(): Promise<OnDemandModule> {
  module ??= import('./on-demand.js').then(
    (value) => (loaded = value),
    (error: unknown) => {
      module = undefined;
      throw error;
    },
  );
  return module;
}

/** The chunk if it has loaded (what only the chunk's own renders call). */
export const onDemand = (): OnDemandModule | undefined => loaded;

/** The chunk, or a `network` BillingError saying what could not load (reported next to the control that needed it). */
export async function needOnDemand(what: string): Promise<OnDemandModule> {
  try {
    return await loadOnDemand();
  } catch (cause) {
    throw new BillingError('network', 'Part of the billing panel (its on-demand chunk) could not be loaded.', { cause, code: CHUNK_UNAVAILABLE, details: `${what} could not be loaded` });
  }
}
