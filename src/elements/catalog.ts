/** What the catalog offers a subscription instead of its price: the other interval, a cheaper plan. */
import type { Merchant, Plan, Price, Subscription } from '../api/schemas.js';
import type { BillingState } from '../session/state.js';
import { PAYMENT_NEEDED } from './messages.js';

/** The merchants a subscription belongs to: its own, or (without a merchant id) any. */
function merchantsOf(sub: Subscription, state: BillingState): Merchant[] {
  return (state.merchants.value ?? []).filter((merchant) => !sub.merchant_id || merchant.id === sub.merchant_id);
}

const isPlanOf = (sub: Subscription, plan: Plan) => plan.id === sub.plan?.id || plan.prices.some((p) => p.id === sub.price?.id);

/** The same plan's price for the other interval (month ↔ year), when the catalog has one. */
export function alternatePrice(sub: Subscription, state: BillingState): Price | undefined {
  const current = sub.price;
  if (!current || current.interval_count !== 1 || (current.interval !== 'month' && current.interval !== 'year')) return undefined;
  const other = current.interval === 'month' ? 'year' : 'month';
  for (const merchant of merchantsOf(sub, state)) {
    for (const plan of merchant.plans) {
      if (!isPlanOf(sub, plan)) continue;
      const found = plan.prices.find((p) => p.interval === other && p.interval_count === 1 && p.currency === current.currency);
      if (found) return found;
    }
  }
  return undefined;
}

/** Set to cancel, at the period end or on a date: its card offers Resume instead of changes and Cancel. */
export const isCanceling = (sub: Subscription): boolean => sub.cancel_at_period_end || sub.cancel_at !== null;

/**
 * What a subscription's card offers to change: its other interval, when the catalog has it,
 * and its seats, when its price has adjustable ones; nothing while it is set to cancel or
 * awaits a payment. The card's buttons and the panel's `openChange()` both follow it.
 */
export function cardChanges(sub: Subscription, state: BillingState): { interval: Price | undefined; seats: boolean } | undefined {
  if (isCanceling(sub) || PAYMENT_NEEDED.has(sub.status)) return undefined;
  return { interval: alternatePrice(sub, state), seats: Boolean(sub.price?.adjustable_quantity?.enabled) };
}

/**
 * The next cheaper plan of the same merchant at the same interval and currency (the most
 * expensive of those that cost less), for the cancel flow's save offer.
 */
export function cheaperPlan(sub: Subscription, state: BillingState): { plan: Plan; price: Price } | undefined {
  const current = sub.price;
  if (!current || current.unit_amount === null) return undefined;
  let best: { plan: Plan; price: Price } | undefined;
  for (const merchant of merchantsOf(sub, state)) {
    if (!merchant.plans.some((plan) => isPlanOf(sub, plan))) continue;
    for (const plan of merchant.plans) {
      if (isPlanOf(sub, plan)) continue;
      for (const price of plan.prices) {
        const same = price.interval === current.interval && price.interval_count === current.interval_count && price.currency === current.currency;
        if (!same || price.unit_amount === null || price.unit_amount >= current.unit_amount) continue;
        if (!best || price.unit_amount > best.price.unit_amount!) best = { plan, price };
      }
    }
  }
  return best;
}
