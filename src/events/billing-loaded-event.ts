import type { Feature, Identity, Merchant, Subscription } from '../api/schemas.js';
import { eventInit } from './event-init.js';

export interface BillingLoadedDetail {
  subscriptions: Subscription[];
  features: Feature[];
  /** `null` when the account has no billing customer yet. */
  identity: Identity | null;
  merchants: Merchant[];
}

/** Every section has its data (after the first load, `reload()` or a configuration change). */
export class BillingLoadedEvent extends Event {
  static readonly eventName = 'billing-loaded';
  readonly detail: BillingLoadedDetail;
  constructor(detail: BillingLoadedDetail) {
    super(BillingLoadedEvent.eventName, eventInit());
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'billing-loaded': BillingLoadedEvent;
  }
}
