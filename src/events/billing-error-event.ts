import type { BillingErrorKind } from '../api/errors.js';
import { eventInit } from './event-init.js';

export interface BillingErrorDetail {
  /** The contract operation that failed (`listSubscriptions`, `cancelSubscription`…), or `configure`. */
  operation: string;
  kind: BillingErrorKind;
  status: number | undefined;
  /** A message fit to show; technical details are in `details`. */
  message: string;
  /** Technical details (validation paths, HTTP status). Never the token. */
  details: string | undefined;
}

/** A request or the configuration failed. */
export class BillingErrorEvent extends Event {
  static readonly eventName = 'billing-error';
  readonly detail: BillingErrorDetail;
  constructor(detail: BillingErrorDetail) {
    super(BillingErrorEvent.eventName, eventInit());
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'billing-error': BillingErrorEvent;
  }
}
