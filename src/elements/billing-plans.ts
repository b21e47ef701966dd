import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { Merchant, Plan, Price, Subscription } from '../api/schemas.js';
import type { BillingState, ResourceName } from '../session/state.js';
import { formatPrice, yearlySaving } from '../i18n/format.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { BillingElement } from './billing-element.js';
import { LIVE_STATUSES, prorationNote } from './messages.js';
import { plansStyles } from './billing-plans.styles.js';

type Interval = 'month' | 'year';

const simple = (price: Price, interval: Interval) => price.interval === interval && price.interval_count === 1;

/** The price a plan card shows for the chosen interval, falling back to its first price. */
export function priceFor(plan: Plan, interval: Interval): Price | undefined {
  return plan.prices.find((p) => simple(p, interval)) ?? plan.prices[0];
}

/** The saving (percent) of the plan's yearly price against twelve of its monthly ones. */
export function planSaving(plan: Plan): number {
  const monthly = plan.prices.find((p) => simple(p, 'month'));
  return yearlySaving(monthly, plan.prices.find((p) => simple(p, 'year') && p.currency === monthly?.currency));
}

/**
 * @summary The plans the account can buy, per merchant: highlights, prices, a month/year
 * toggle with the yearly saving, the owner's current plan marked, and "Subscribe" (Stripe
 * Checkout) or, with a live subscription at that merchant, "Switch" (a confirmed change).
 * @tag billing-plans
 * @csspart base - The section.
 * @csspart heading - The section's heading.
 * @csspart interval-toggle - The month/year toggle.
 * @csspart merchant - One merchant's group of plans.
 * @csspart plan - One plan card.
 * @csspart plan-name - A plan's name.
 * @csspart price - A plan's price.
 * @csspart badge - "Current plan", "Test mode" and saving badges.
 * @csspart button - Every button.
 * @csspart skeleton - A loading placeholder line.
 * @csspart error - The error notice with its retry button.
 * @csspart action - The subscribe and switch buttons.
 * @csspart action-error - The message of a failed action.
 * @csspart dialog - The confirmation dialog of a switch.
 * @fires {BillingErrorEvent} billing-error - When used on its own: a request failed.
 * @fires {BillingRedirectEvent} billing-redirect - When used on its own: about to open Stripe Checkout (cancelable).
 * @fires {BillingChangedEvent} billing-changed - When used on its own: a switch succeeded.
 * @fires {BillingActionEvent} billing-action - When used on its own: the owner asked for an action; cancelable (then nothing is sent).
 * @fires {BillingLoadedEvent} billing-loaded - When used on its own: its data arrived.
 * @fires {BillingTokenExpiredEvent} billing-token-expired - When used on its own: the session expired.
 */
export class BillingPlans extends BillingElement {
  static override styles = [sharedStyles, plansStyles];
  protected readonly resources: readonly ResourceName[] = ['merchants', 'subscriptions'];

  /** The interval the cards show. */
  @state() private interval: Interval = 'month';

  /** The switch a confirmation dialog is about. */
  @state() private target: { sub: Subscription; plan: Plan; price: Price } | undefined;

  /**
   * Subscribe when the owner has no live subscription with the merchant; otherwise a switch
   * of that subscription (a change, confirmed first) — never a second checkout.
   */
  private renderPlanAction(plan: Plan, price: Price | undefined, liveWithMerchant: Subscription | undefined, state: BillingState) {
    // Unknown is not empty: without the subscriptions a Subscribe could be a second checkout.
    if (state.readOnly || !price || state.subscriptions.value === undefined) return nothing;
    const actions = state.connection!.actions;
    if (!liveWithMerchant) {
      return html`<div class="actions">
        ${this.actionButton(`checkout:${price.id}`, msg(str`Subscribe to ${plan.name}`), () => void actions.subscribe(price.id), { primary: true })}
        ${this.renderActionFailure([`checkout:${price.id}`], () => msg('Could not open the checkout.', { desc: 'An action failed: the Stripe Checkout page to subscribe did not open.' }))}
      </div>`;
    }
    if (liveWithMerchant.price?.id === price.id) return nothing;
    const label = liveWithMerchant.plan?.id === plan.id ? msg(str`Switch to ${formatPrice(price, state.locale)}`) : msg(str`Switch to ${plan.name}`);
    return html`<div class="actions">
      ${this.actionButton(`switch:${price.id}`, label, () => {
        this.target = { sub: liveWithMerchant, plan, price };
        void this.updateComplete.then(() => this.openDialog('switch-dialog'));
      })}
      ${this.renderActionFailure([`switch:${price.id}`], () => msg('Could not switch the plan.', { desc: 'An action failed: changing the subscription to another plan or price.' }))}
    </div>`;
  }

  private renderSwitchDialog(state: BillingState) {
    const target = this.target;
    const from = target?.sub.plan?.name || msg('Subscription');
    return this.renderDialog({
      id: 'switch-dialog',
      title: target ? msg(str`Switch to ${target.plan.name}?`) : '',
      body: html`<p>
          ${target ? msg(str`Your ${from} subscription will change to ${target.plan.name} at ${formatPrice(target.price, state.locale)}.`) : nothing}
        </p>
        <p class="muted">${prorationNote()}</p>`,
      confirm: msg('Confirm switch'),
      dismiss: msg('Cancel', { desc: 'Closes the switch dialog without changing anything (not "cancel the subscription").' }),
      onConfirm: () => {
        if (target) void state.connection!.actions.change(target.sub, { price_id: target.price.id }, `switch:${target.price.id}`);
      },
    });
  }

  /** Why the plans offer nothing while the subscriptions are loading or failed. */
  private renderUnknownSubscriptions(state: BillingState) {
    const subscriptions = state.subscriptions;
    if (state.readOnly || subscriptions.value !== undefined) return nothing;
    if (subscriptions.status !== 'error') return html`<p class="muted" role="status">${msg('Checking your current subscriptions…')}</p>`;
    return html`<div class="notice tone-warning" role="status" part="notice">
      <p>${msg('Your current subscriptions could not be loaded, so no plan can be chosen yet.')}</p>
      <button type="button" part="button retry" @click=${() => state.connection?.retry('subscriptions')}>${msg('Try again')}</button>
    </div>`;
  }

  private renderToggle(merchants: Merchant[]) {
    const plans = merchants.flatMap((m) => m.plans);
    const both = plans.some((p) => p.prices.some((x) => simple(x, 'month')) && p.prices.some((x) => simple(x, 'year')));
    if (!both) return nothing;
    const best = Math.max(0, ...plans.map(planSaving));
    const option = (value: Interval, label: string) =>
      html`<button
        type="button"
        part="button interval-option"
        class=${this.interval === value ? 'primary' : ''}
        aria-pressed=${this.interval === value ? 'true' : 'false'}
        @click=${() => (this.interval = value)}
      >
        ${label}
      </button>`;
    return html`<div class="toggle row" role="group" aria-label=${msg('Billing interval')} part="interval-toggle">
      ${option('month', msg('Monthly'))} ${option('year', msg('Yearly'))}
      ${best > 0 ? html`<span class="badge tone-success" part="badge">${msg(str`Save up to ${best}% yearly`)}</span>` : nothing}
    </div>`;
  }

  private renderPlan(plan: Plan, current: Subscription | undefined, live: Subscription | undefined, state: BillingState, level: number, index: string) {
    const { locale } = state;
    const price = priceFor(plan, this.interval);
    const saving = this.interval === 'year' && price && simple(price, 'year') ? planSaving(plan) : 0;
    return html`<li class="card plan ${current ? 'current' : ''}" part="plan" data-plan-id=${plan.id}>
      <div class="row spread">
        ${this.heading(level, `plan-${index}`, plan.name, 'plan-name')}
        ${current ? html`<span class="badge tone-success" part="badge">${msg('Current plan')}</span>` : nothing}
      </div>
      ${plan.description ? html`<p class="muted wrap">${plan.description}</p>` : nothing}
      ${price ? html`<p class="price" part="price">${formatPrice(price, locale)}</p>` : html`<p class="muted">${msg('No price available')}</p>`}
      ${saving > 0 ? html`<p class="saving">${msg(str`Save ${saving}% compared with monthly`)}</p>` : nothing}
      ${plan.highlights.length
        ? html`<ul class="highlights">${plan.highlights.map((h) => html`<li class="wrap">${h}</li>`)}</ul>`
        : nothing}
      ${this.renderPlanAction(plan, price, live, state)}
    </li>`;
  }

  private renderMerchants(merchants: Merchant[]) {
    const state = this.billing!;
    const subscriptions = state.subscriptions.value?.items ?? [];
    const live = subscriptions.filter((s) => LIVE_STATUSES.has(s.status));
    const currentOf = (merchant: Merchant, plan: Plan) =>
      live.find(
        (s) =>
          (s.merchant_id === null || s.merchant_id === merchant.id) &&
          (s.plan?.id === plan.id || plan.prices.some((p) => p.id === s.price?.id)),
      );
    const liveWith = (merchant: Merchant) =>
      live.find((s) => s.merchant_id === merchant.id) ??
      live.find((s) => !s.merchant_id && merchant.plans.some((plan) => plan.id === s.plan?.id));
    const withPlans = merchants.filter((m) => m.plans.length > 0);
    if (withPlans.length === 0) return html`<p class="muted empty">${msg('No plans are available.')}</p>`;
    const several = withPlans.length > 1;
    return html`${this.renderUnknownSubscriptions(state)} ${this.renderToggle(withPlans)}
    ${withPlans.map(
      (merchant, m) => html`<div class="merchant" part="merchant">
        ${several || merchant.livemode === false
          ? html`<div class="row merchant-head">
              ${several ? this.heading(1, `merchant-${m}`, merchant.name, 'merchant-name') : nothing}
              ${merchant.livemode === false ? html`<span class="badge tone-warning" part="badge">${msg('Test mode')}</span>` : nothing}
            </div>`
          : nothing}
        <ul class="plain grid">
          ${merchant.plans.map((plan, p) =>
            this.renderPlan(plan, currentOf(merchant, plan), liveWith(merchant), state, several ? 2 : 1, `${m}-${p}`),
          )}
        </ul>
      </div>`,
    )}`;
  }

  override render() {
    return this.renderSection(
      'plans-heading',
      msg('Plans'),
      (state) => html`${this.renderResource('merchants', state.merchants, msg('Could not load plans.'), (merchants) => this.renderMerchants(merchants), 4)}
      ${state.readOnly ? nothing : this.renderSwitchDialog(state)}`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-plans': BillingPlans;
  }
}
