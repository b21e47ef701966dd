import { eventInit } from './event-init.js';

/** The token has expired or was refused, and no `tokenProvider` could give a valid one. */
export class BillingTokenExpiredEvent extends Event {
  static readonly eventName = 'billing-token-expired';
  readonly detail: Record<string, never> = {};
  constructor() {
    super(BillingTokenExpiredEvent.eventName, eventInit());
  }
}

declare global {
  interface HTMLElementEventMap {
    'billing-token-expired': BillingTokenExpiredEvent;
  }
}
