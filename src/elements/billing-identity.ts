import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { Identity, PaymentMethod } from '../api/schemas.js';
import type { ResourceName } from '../session/state.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { BillingElement } from './billing-element.js';

/** `cus_Q1w2E3r4T5y6U7` → `cus_Q1w2…y6U7`. */
export function shortId(id: string): string {
  return id.length > 14 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id;
}

/** A card is expired once its expiry month is over. */
export function cardExpired(method: PaymentMethod, now = new Date()): boolean {
  if (!method.exp_year || !method.exp_month) return false;
  return now >= new Date(method.exp_year, method.exp_month, 1);
}

const BRANDS: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  diners: 'Diners Club',
};

/**
 * @summary Which Stripe customer backs the account: name, email, shortened customer id,
 * default payment method (brand, last 4, expiry), test mode, or "no billing customer yet".
 * @tag billing-identity
 * @csspart base - The section.
 * @csspart heading - The section's heading.
 * @csspart badge - "Test mode" and "Expired" badges.
 * @csspart skeleton - A loading placeholder line.
 * @csspart error - The error notice with its retry button.
 * @fires {BillingErrorEvent} billing-error - When used on its own: a request failed.
 * @fires {BillingLoadedEvent} billing-loaded - When used on its own: its data arrived.
 * @fires {BillingTokenExpiredEvent} billing-token-expired - When used on its own: the session expired.
 */
export class BillingIdentity extends BillingElement {
  static override styles = [sharedStyles];
  protected readonly resources: readonly ResourceName[] = ['identity'];

  private renderPaymentMethod(method: PaymentMethod | null) {
    if (!method) return html`<span class="muted">${msg('None on file')}</span>`;
    const brand = method.brand ? (BRANDS[method.brand.toLowerCase()] ?? method.brand) : msg('Card');
    const expiry =
      method.exp_month && method.exp_year ? `${String(method.exp_month).padStart(2, '0')}/${method.exp_year}` : undefined;
    const expired = cardExpired(method);
    return html`<span class="wrap">
      ${brand} ${method.last4 ? html`<span aria-label=${msg(str`ending in ${method.last4}`)}>•••• ${method.last4}</span>` : nothing}
      ${expiry ? html`<span class="muted">· ${msg(str`expires ${expiry}`)}</span>` : nothing}
      ${expired ? html`<span class="badge tone-danger" part="badge">${msg('Expired')}</span>` : nothing}
    </span>`;
  }

  private renderIdentity(identity: Identity | null) {
    if (!identity || !identity.customer_id) {
      return html`<p class="muted empty">
        ${msg('No billing customer yet. One is created when you subscribe to a plan.')}
      </p>`;
    }
    return html`${identity.livemode === false
        ? html`<span class="badge tone-warning" part="badge">${msg('Test mode')}</span>`
        : nothing}
      <dl>
        ${identity.name ? html`<dt>${msg('Name')}</dt><dd>${identity.name}</dd>` : nothing}
        ${identity.email ? html`<dt>${msg('Email')}</dt><dd>${identity.email}</dd>` : nothing}
        <dt>${msg('Customer ID')}</dt>
        <dd><code title=${identity.customer_id}>${shortId(identity.customer_id)}</code></dd>
        <dt>${msg('Payment method')}</dt>
        <dd>${this.renderPaymentMethod(identity.default_payment_method)}</dd>
      </dl>`;
  }

  override render() {
    return this.renderSection('identity-heading', msg('Billing details'), (state) =>
      this.renderResource('identity', state.identity, msg('billing details'), (identity) => this.renderIdentity(identity), 2),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-identity': BillingIdentity;
  }
}
