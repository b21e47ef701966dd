import type { Subscription } from '../api/schemas.js';
import { eventInit } from './event-init.js';

export type BillingAction = 'checkout-sync' | 'sync' | 'change' | 'cancel' | 'resume';
export interface BillingChangedDetail {
  action: BillingAction;
  /** The subscription the action changed, when the service returned it. */
  subscription: Subscription | null;
}

/** An owner action succeeded and the affected data was reloaded. */
export class BillingChangedEvent extends Event {
  static readonly eventName = 'billing-changed';
  readonly detail: BillingChangedDetail;
  constructor(detail: BillingChangedDetail) {
    super(BillingChangedEvent.eventName, eventInit());
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'billing-changed': BillingChangedEvent;
  }
}
