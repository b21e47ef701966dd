import { html, nothing, type PropertyDeclarations } from 'lit';
import { msg, str } from '@lit/localize';
import type { Merchant, Plan, Price, Subscription } from '../api/schemas.js';
import type { BillingState, ResourceName } from '../session/state.js';
import { formatPrice, yearlySaving } from '../i18n/format.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { BillingElement } from './billing-element.js';
import { LIVE_STATUSES } from './messages.js';
import { cardChanges } from './catalog.js';
import { plansStyles } from './billing-plans.styles.js';

type Interval = 'month' | 'year';

const simple = (price: Price, interval: Interval) => price.interval === interval && price.interval_count === 1;

/** The toggle position a price belongs under: a quarterly price under Monthly, a two-yearly one under Yearly. */
export function intervalOf(price: Price): Interval {
  if (price.interval === 'year') return 'year';
  return price.interval === 'month' && price.interval_count >= 12 ? 'year' : 'month';
}

/**
 * The price a plan card shows for the chosen interval: its price for exactly that interval;
 * for a plan with neither a monthly nor a yearly price (quarterly) the one under that
 * interval only, so it appears once; else its first price.
 */
export function priceFor(plan: Plan, interval: Interval): Price | undefined {
  const exact = plan.prices.find((p) => simple(p, interval));
  if (exact) return exact;
  if (!plan.prices.some((p) => simple(p, 'month') || simple(p, 'year'))) return plan.prices.find((p) => intervalOf(p) === interval);
  return plan.prices[0];
}

/** The saving (percent) of the plan's yearly price against twelve of its monthly ones. */
export function planSaving(plan: Plan): number {
  const monthly = plan.prices.find((p) => simple(p, 'month'));
  return yearlySaving(monthly, plan.prices.find((p) => simple(p, 'year') && p.currency === monthly?.currency));
}

/** The live subscriptions with a merchant (one without a merchant id counts where its plan is sold). */
export function liveWithMerchant(merchant: Merchant, subscriptions: readonly Subscription[]): Subscription[] {
  return subscriptions.filter(
    (s) => LIVE_STATUSES.has(s.status) && (s.merchant_id === merchant.id || (!s.merchant_id && merchant.plans.some((plan) => plan.id === s.plan?.id))),
  );
}

const onPlan = (sub: Subscription, plan: Plan) => sub.plan?.id === plan.id || plan.prices.some((p) => p.id === sub.price?.id);

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
 * @csspart preview - Stripe's priced preview in a change dialog (due now, its lines, the next charge).
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

  /** The interval the owner chose; until then the one their subscription is billed at. */
  static override properties: PropertyDeclarations = { chosenInterval: { state: true } };
  private chosenInterval: Interval | undefined;

  /** The interval the cards show: the owner's choice, else the subscriber's own, else monthly. */
  private get interval(): Interval {
    if (this.chosenInterval) return this.chosenInterval;
    const paid = (this.billing.subscriptions.value?.items ?? []).find((s) => LIVE_STATUSES.has(s.status) && s.price)?.price;
    return paid ? intervalOf(paid) : 'month';
  }

  /**
   * Subscribe when the owner has no live subscription with the merchant; otherwise a switch
   * of that subscription (a change, confirmed first) — never a second checkout, and never
   * to a price a live subscription already pays.
   */
  private renderPlanAction(plan: Plan, price: Price | undefined, live: Subscription[], state: BillingState, noteId: string | undefined) {
    // Unknown is not empty: without the subscriptions a Subscribe could be a second checkout.
    if (!price || state.subscriptions.value === undefined) return nothing;
    if (live.some((s) => s.price?.id === price.id)) return nothing;
    const actions = state.connection!.actions;
    const amount = formatPrice(price, state.locale);
    const target = live[0];
    if (!target) {
      if (!state.allowed.has('checkout')) return nothing;
      return html`<div class="actions">
        ${this.actionButton(`checkout:${price.id}`, msg(str`Subscribe to ${plan.name}`), () => void actions.subscribe(price.id), {
          primary: true,
          name: msg(str`Subscribe to ${plan.name}, ${amount}`, { desc: 'Accessible name of a plan\'s subscribe button: the plan and its price.' }),
        })}
        ${this.renderActionFailure([`checkout:${price.id}`], () => msg('Could not open the checkout.', { desc: 'An action failed: the Stripe Checkout page to subscribe did not open.' }))}
      </div>`;
    }
    // As on the card: no switch while it is set to cancel (Resume first) or awaits a payment.
    if (!state.allowed.has('change') || !cardChanges(target, state)) return nothing;
    const samePlan = onPlan(target, plan);
    const label = !samePlan
      ? msg(str`Switch to ${plan.name}`)
      : intervalOf(price) === 'year'
        ? msg('Switch to yearly billing')
        : msg('Switch to monthly billing');
    return html`<div class="actions">
      ${this.actionButton(
        `switch:${price.id}`,
        label,
        () => void this.flows.open({ kind: 'plan', sub: target, plan, price, key: `switch:${price.id}` }),
        {
          // The visible words first (label in name), then what they lead to.
          name: !samePlan
            ? msg(str`Switch to ${plan.name}, ${amount}`, { desc: 'Accessible name of a plan\'s switch button: the plan and its price.' })
            : intervalOf(price) === 'year'
              ? msg(str`Switch to yearly billing, ${amount}`, { desc: 'Accessible name of the current plan\'s switch to its yearly price.' })
              : msg(str`Switch to monthly billing, ${amount}`, { desc: 'Accessible name of the current plan\'s switch to its monthly price.' }),
          describedBy: noteId,
        },
      )}
      ${this.renderActionFailure([`switch:${price.id}`], () => msg('Could not switch the plan.', { desc: 'An action failed: changing the subscription to another plan or price.' }))}
    </div>`;
  }

  /** Why the plans offer nothing while the subscriptions are loading or failed. */
  private renderUnknownSubscriptions(state: BillingState) {
    const subscriptions = state.subscriptions;
    if (!state.allowed.has('checkout') && !state.allowed.has('change')) return nothing;
    if (subscriptions.value !== undefined) return nothing;
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
        @click=${() => (this.chosenInterval = value)}
      >
        ${label}
      </button>`;
    return html`<div class="toggle row" role="group" aria-label=${msg('Billing interval')} part="interval-toggle">
      ${option('month', msg('Monthly'))} ${option('year', msg('Yearly'))}
      ${best > 0 ? html`<span class="badge tone-success" part="badge">${msg(str`Save up to ${best}% yearly`)}</span>` : nothing}
    </div>`;
  }

  private renderPlan(plan: Plan, live: Subscription[], state: BillingState, level: number, index: string, noteId: string | undefined) {
    const { locale } = state;
    const price = priceFor(plan, this.interval);
    // With several subscriptions at the merchant, the cards speak of the one a switch changes.
    const current = live[0] !== undefined && onPlan(live[0], plan);
    const paid = current && live[0]!.price && live[0]!.price.id !== price?.id ? live[0]!.price : undefined;
    return html`<li class="card plan ${current ? 'current' : ''}" part="plan" data-plan-id=${plan.id} tabindex="-1" aria-labelledby="plan-${index}">
      <div class="row spread">
        ${this.heading(level, `plan-${index}`, plan.name, 'plan-name')}
        ${current ? html`<span class="badge tone-success" part="badge">${msg('Current plan')}</span>` : nothing}
      </div>
      ${plan.description ? html`<p class="muted wrap">${plan.description}</p>` : nothing}
      ${price ? html`<p class="price" part="price">${formatPrice(price, locale)}</p>` : html`<p class="muted">${msg('No price available')}</p>`}
      ${paid ? html`<p class="muted">${msg(str`You pay ${formatPrice(paid, locale)}.`, { desc: 'On the current plan\'s card when it shows another interval than the one paid.' })}</p>` : nothing}
      ${plan.highlights.length
        ? html`<ul class="highlights">${plan.highlights.map((h) => html`<li class="wrap">${h}</li>`)}</ul>`
        : nothing}
      ${this.renderPlanAction(plan, price, live, state, noteId)}
    </li>`;
  }

  private renderMerchants(merchants: Merchant[]) {
    const state = this.billing;
    const subscriptions = state.subscriptions.value?.items ?? [];
    const withPlans = merchants.filter((m) => m.plans.length > 0);
    if (withPlans.length === 0) return html`<p class="muted empty">${msg('No plans are available.')}</p>`;
    const several = withPlans.length > 1;
    const interval = this.interval;
    return html`${this.renderUnknownSubscriptions(state)} ${this.renderToggle(withPlans)}
    ${withPlans.map((merchant, m) => {
      const live = liveWithMerchant(merchant, subscriptions);
      const target = live[0];
      const noteId = live.length > 1 && state.allowed.has('change') ? `switch-note-${m}` : undefined;
      // A plan sold only at another interval (quarterly) shows under one toggle position.
      const plans = merchant.plans.filter((plan) => plan.prices.length === 0 || priceFor(plan, interval) !== undefined);
      return html`<div class="merchant" part="merchant">
        ${several || merchant.livemode === false
          ? html`<div class="row merchant-head">
              ${several ? this.heading(1, `merchant-${m}`, merchant.name, 'merchant-name') : nothing}
              ${merchant.livemode === false ? html`<span class="badge tone-warning" part="badge">${msg('Test mode')}</span>` : nothing}
            </div>`
          : nothing}
        ${noteId && target
          ? html`<p class="muted switch-note" id=${noteId}>
              ${msg(str`A switch here changes your ${target.plan?.name || msg('Subscription')} subscription (${target.price ? formatPrice(target.price, state.locale) : ''}).`, {
                desc: 'Above the plans of a merchant the owner has several subscriptions with: which one a switch changes (its plan and price).',
              })}
            </p>`
          : nothing}
        <ul class="plain grid">
          ${plans.map((plan, p) => this.renderPlan(plan, live, state, several ? 2 : 1, `${m}-${p}`, noteId))}
        </ul>
      </div>`;
    })}`;
  }

  override render() {
    return this.renderSection(
      'plans-heading',
      msg('Plans'),
      (state) => html`${this.renderResource('merchants', state.merchants, msg('Could not load plans.'), (merchants) => this.renderMerchants(merchants), { cards: 3, lines: 7, grid: true, actions: state.allowed.has('checkout') || state.allowed.has('change') ? 1 : 0, toolbar: 2 })}
      ${this.flows.render()} ${this.renderLive()}`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-plans': BillingPlans;
  }
}
