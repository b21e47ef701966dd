import type { Feature, Identity, Invoice, Merchant, Subscription } from '../api/schemas.js';
import { eventInit } from './event-init.js';

export interface BillingLoadedDetail {
  subscriptions: Subscription[];
  features: Feature[];
  /** `null` when the account has no billing customer yet. */
  identity: Identity | null;
  merchants: Merchant[];
  /**
   * The first page of invoices, newest first; `null` when the service does not offer them
   * (or the element does not show them: the sections other than the panel and `<billing-invoices>`).
   */
  invoices: Invoice[] | null;
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
