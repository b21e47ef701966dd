import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { Subscription } from '../api/schemas.js';
import type { ResourceName, SubscriptionsData } from '../controllers/connection.js';
import { formatDate, formatPrice } from '../i18n/format.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { BillingElement } from './billing-element.js';
import { PAYMENT_NEEDED, statusLabel, statusTone } from './messages.js';
import { subscriptionsStyles } from './billing-subscriptions.styles.js';

/**
 * @summary The account's subscriptions: plan, status, price per interval, dates, and a
 * clear notice when a payment is needed. Loads further pages with "Show more".
 * @tag billing-subscriptions
 * @csspart base - The section.
 * @csspart heading - The section's heading.
 * @csspart subscription - One subscription card.
 * @csspart status-badge - The status badge of a subscription.
 * @csspart payment-notice - The "payment needed" notice.
 * @csspart button - Every button.
 * @csspart skeleton - A loading placeholder line.
 * @csspart error - The error notice with its retry button.
 * @fires billing-error - When used on its own: a request failed.
 * @fires billing-loaded - When used on its own: its data arrived.
 * @fires billing-token-expired - When used on its own: the session expired.
 */
export class BillingSubscriptions extends BillingElement {
  static override styles = [sharedStyles, subscriptionsStyles];
  protected readonly resources: readonly ResourceName[] = ['subscriptions'];

  private renderDates(sub: Subscription, locale: string) {
    const date = (value: Date) => formatDate(value, locale);
    const rows: Array<[string, string]> = [];
    if (sub.status === 'trialing' && sub.trial_end) rows.push([msg('Trial ends'), date(sub.trial_end)]);
    if (sub.status === 'canceled' || sub.status === 'incomplete_expired') {
      const ended = sub.ended_at ?? sub.canceled_at;
      if (ended) rows.push([msg('Ended on'), date(ended)]);
    } else if (sub.cancel_at_period_end || sub.cancel_at) {
      const end = sub.cancel_at ?? sub.current_period_end;
      if (end) rows.push([msg('Access until'), date(end)]);
    } else if (sub.current_period_end) {
      const charges = ['active', 'trialing', 'past_due'].includes(sub.status) && sub.price?.unit_amount !== null;
      rows.push([charges ? msg('Next charge') : msg('Current period ends'), date(sub.current_period_end)]);
    }
    if (sub.quantity > 1) rows.push([msg('Quantity'), String(sub.quantity)]);
    return rows.length
      ? html`<dl>${rows.map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>`)}</dl>`
      : nothing;
  }

  private renderSubscription(sub: Subscription, locale: string, index: number) {
    const name = sub.plan?.name || msg('Subscription');
    const cancelsOn = !['canceled', 'incomplete_expired'].includes(sub.status) && (sub.cancel_at_period_end || sub.cancel_at)
      ? (sub.cancel_at ?? sub.current_period_end)
      : null;
    return html`<li class="card" part="subscription" data-subscription-id=${sub.id}>
      <div class="row spread">
        ${this.heading(1, `subscription-${index}`, name, 'plan-name')}
        <span class="badge tone-${statusTone(sub.status)}" part="status-badge">${statusLabel(sub.status)}</span>
      </div>
      ${sub.price ? html`<p class="price">${formatPrice(sub.price, locale)}</p>` : nothing}
      ${cancelsOn ? html`<p class="cancels tone-warning">${msg(str`Cancels on ${formatDate(cancelsOn, locale)}`)}</p>` : nothing}
      ${this.renderDates(sub, locale)}
      ${PAYMENT_NEEDED.has(sub.status)
        ? html`<div class="notice tone-danger" part="payment-notice">
            <p>
              <strong>${msg('Payment needed.')}</strong>
              ${sub.status === 'incomplete'
                ? msg('The first payment for this subscription has not gone through yet.')
                : msg('The latest payment did not go through. Update your payment method or pay the open invoice to keep this subscription.')}
            </p>
          </div>`
        : nothing}
    </li>`;
  }

  private renderList(data: SubscriptionsData) {
    const state = this.billing!;
    if (data.items.length === 0) {
      return html`<p class="muted empty">${msg('No subscriptions yet. Choose a plan to subscribe.')}</p>`;
    }
    return html`<ul class="plain">${data.items.map((sub, i) => this.renderSubscription(sub, state.locale, i))}</ul>
      ${state.moreError ? this.renderError('subscriptions', state.moreError, msg('more subscriptions')) : nothing}
      ${data.hasMore
        ? html`<button
            type="button"
            class="more"
            part="button"
            aria-busy=${state.loadingMore ? 'true' : 'false'}
            ?disabled=${state.loadingMore}
            @click=${() => void state.connection.loadMore()}
          >
            ${msg('Show more subscriptions')}
          </button>`
        : nothing}`;
  }

  override render() {
    const state = this.billing;
    if (!state) return nothing;
    if (state.phase !== 'ok') return this.inherited ? nothing : this.renderPhase(state);
    return html`<section class="base ${this.themeClass()}" part="base" aria-labelledby="subscriptions-heading">
      ${this.heading(0, 'subscriptions-heading', msg('Subscriptions'))}
      ${this.renderResource('subscriptions', state.subscriptions, msg('subscriptions'), (data) => this.renderList(data))}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-subscriptions': BillingSubscriptions;
  }
}
