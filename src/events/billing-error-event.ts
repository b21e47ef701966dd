import type { BillingError, BillingErrorKind } from '../api/errors.js';
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

/** The event of `error` in `operation`, its text as it is (the session's own reports also redact tokens). */
export function billingErrorEvent(operation: string, { kind, status, message, details }: BillingError): BillingErrorEvent {
  return new BillingErrorEvent({ operation, kind, status, message, details });
}

declare global {
  interface HTMLElementEventMap {
    'billing-error': BillingErrorEvent;
  }
}
