import { eventInit } from './event-init.js';

export type RedirectKind = 'checkout' | 'portal' | 'invoice';
export interface BillingRedirectDetail {
  kind: RedirectKind;
  url: string;
}

/**
 * The panel is about to navigate to a Stripe-hosted page (already checked by the redirect
 * policy). Cancelable: call `preventDefault()` to navigate yourself.
 */
export class BillingRedirectEvent extends Event {
  static readonly eventName = 'billing-redirect';
  readonly detail: BillingRedirectDetail;
  constructor(detail: BillingRedirectDetail) {
    super(BillingRedirectEvent.eventName, eventInit(true));
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'billing-redirect': BillingRedirectEvent;
  }
}
