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

/** Card brands as their readers know them: Latin names, except UnionPay (银联 / 銀聯). */
function brandName(brand: string): string {
  switch (brand.toLowerCase()) {
    case 'visa':
      return 'Visa';
    case 'mastercard':
      return 'Mastercard';
    case 'amex':
      return 'American Express';
    case 'discover':
      return 'Discover';
    case 'jcb':
      return 'JCB';
    case 'diners':
      return 'Diners Club';
    case 'unionpay':
      return msg('UnionPay', { desc: 'The card brand, as readers of the language know it (zh 银联).' });
    default:
      return brand;
  }
}

/** A card's expiry as printed on the card, MM/YY, in every language and calendar. */
export function cardExpiry(method: PaymentMethod): string | undefined {
  if (!method.exp_month || !method.exp_year) return undefined;
  return `${String(method.exp_month).padStart(2, '0')}/${String(method.exp_year % 100).padStart(2, '0')}`;
}

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
    const brand = method.brand ? brandName(method.brand) : msg('Card');
    const expiry = cardExpiry(method);
    const expired = cardExpired(method);
    return html`<span class="wrap">
      ${brand} ${method.last4 ? html`<span class="nowrap" aria-label=${msg(str`ending in ${method.last4}`)}>•••• ${method.last4}</span>` : nothing}
      ${expiry ? html`<span class="muted nowrap">· ${msg(str`expires ${expiry}`, { desc: 'A card\'s expiry as printed on it: MM/YY.' })}</span>` : nothing}
      ${expired
        ? html`<span class="badge tone-danger" part="badge">${msg('Expired', { desc: 'Badge of a payment card whose expiry date has passed.' })}</span>`
        : nothing}
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
      this.renderResource('identity', state.identity, msg('Could not load billing details.'), (identity) => this.renderIdentity(identity), { lines: 0, pairs: 4 }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-identity': BillingIdentity;
  }
}
