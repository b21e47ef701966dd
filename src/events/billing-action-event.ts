import { eventInit } from './event-init.js';

/** The owner's actions, as `billing-action` names them. */
export type OwnerAction = 'checkout' | 'portal' | 'invoice' | 'sync' | 'change' | 'cancel' | 'resume';

export interface BillingActionDetail {
  action: OwnerAction;
  /** The subscription the action is about (invoice, change, cancel, resume). */
  subscriptionId?: string;
  /** The price to subscribe or switch to. */
  priceId?: string;
  /** The interval to switch to. */
  interval?: 'month' | 'year';
  /** The quantity (seats) asked for. */
  quantity?: number;
  /** When a cancellation takes effect. */
  timing?: 'period_end' | 'immediately';
  /** The reason the owner gave for cancelling. */
  reason?: string;
}

/**
 * The owner asked for an action (and confirmed it where a confirmation is needed); nothing
 * has been sent yet. Cancelable: `preventDefault()` sends nothing and returns the panel to
 * idle — for analytics, the host's own confirmation, or a retention offer.
 */
export class BillingActionEvent extends Event {
  static readonly eventName = 'billing-action';
  readonly detail: BillingActionDetail;
  constructor(detail: BillingActionDetail) {
    super(BillingActionEvent.eventName, eventInit(true));
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'billing-action': BillingActionEvent;
  }
}
