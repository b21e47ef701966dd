/**
 * Changes to one subscription: cancel, resume, change (interval, price and/or quantity) and
 * the optional priced preview of a change (contract 1.1), which changes nothing.
 */
import { planAndPrice, timeOf, type WirePlan, type WirePrice, type WireSubscription } from '../data-sets/index.js';
import { clone, error, json } from '../responses.js';
import type { FakeResponse } from '../types.js';
import { isQuantity, stripeUrl, type Operation, type OperationContext } from './context.js';

const isEnded = (sub: WireSubscription) => sub.status === 'canceled' || sub.status === 'incomplete_expired';

/** The subscription the request is about (path in token style, body in account style). */
function subscriptionOf({ scenario, route, input }: OperationContext): WireSubscription | FakeResponse {
  const id = route.style === 'account' ? input['subscription_id'] : route.subscriptionId;
  if (typeof id !== 'string' || !id) return error(400, 'invalid_request', 'subscription_id is required.');
  return scenario.local.get(id) ?? error(404, 'subscription_not_found', 'No such subscription.');
}

interface Target {
  plan: WirePlan;
  price: WirePrice;
  quantity: number;
}

/** What a change request asks for: one of interval or price_id (never both), and/or quantity. */
function targetOf({ scenario, input }: OperationContext, current: WireSubscription): Target | FakeResponse {
  const { interval, price_id: priceId, quantity } = input;
  if (interval !== undefined && priceId !== undefined) return error(400, 'invalid_request', 'Send one of interval or price_id, not both.');
  if (interval === undefined && priceId === undefined && quantity === undefined) {
    return error(400, 'invalid_request', 'Send interval, price_id or quantity.');
  }
  if (quantity !== undefined && !isQuantity(quantity)) return error(400, 'invalid_request', 'quantity must be an integer of at least 1.');
  if (isEnded(current)) return error(409, 'already_canceled', 'An ended subscription cannot be changed.');
  const merchant = scenario.merchants.find((m) => m.id === current.merchant_id);
  const plan = merchant?.plans.find((p) => p.id === current.plan?.id);
  let target: Omit<Target, 'quantity'> | undefined;
  if (interval !== undefined) {
    if (interval !== 'month' && interval !== 'year') return error(400, 'invalid_request', 'interval must be month or year.');
    const price = plan?.prices.find((p) => p.interval === interval && p.interval_count === 1 && p.currency === current.price?.currency);
    if (!plan || !price) return error(422, 'price_not_found', `This plan has no ${interval === 'year' ? 'yearly' : 'monthly'} price.`);
    target = { plan, price };
  } else if (priceId !== undefined) {
    const found = typeof priceId === 'string' ? planAndPrice(scenario.merchants, priceId) : undefined;
    if (!found || found.merchant.id !== current.merchant_id) return error(422, 'price_not_found', 'That price is not offered by this merchant.');
    target = found;
  } else {
    const price = plan?.prices.find((p) => p.id === current.price?.id);
    if (!plan || !price) return error(422, 'price_not_found', 'This subscription has no price to change the quantity of.');
    target = { plan, price };
  }
  const bounds = target.price.adjustable_quantity;
  if (quantity !== undefined && quantity !== current.quantity) {
    if (!bounds?.enabled) return error(422, 'quantity_not_adjustable', 'The quantity of this price cannot be changed.');
    if ((quantity as number) < bounds.minimum || (quantity as number) > bounds.maximum) {
      return error(422, 'quantity_out_of_range', `quantity must be between ${bounds.minimum} and ${bounds.maximum}.`);
    }
  }
  const next = { ...target, quantity: (quantity as number | undefined) ?? current.quantity };
  if (next.price.id === current.price?.id && next.quantity === current.quantity) return error(409, 'no_change', 'The subscription is already on this price.');
  return next;
}

/** Amount per year of a price × quantity, to tell an upgrade from a downgrade. */
const yearly = (price: WirePrice | null, quantity: number) =>
  !price || price.unit_amount === null ? 0 : (price.unit_amount * quantity * (price.interval === 'year' ? 1 : 12)) / price.interval_count;

const periodMs = (price: WirePrice) => (price.interval === 'year' ? 365 : price.interval === 'week' ? 7 : price.interval === 'day' ? 1 : 30 * price.interval_count) * 86_400_000;
const day = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Stripe's upcoming-invoice preview of a change: prorations now, and the next regular charge. */
function previewOf(current: WireSubscription, next: Target, now = Date.now()) {
  const oldAmount = (current.price?.unit_amount ?? 0) * current.quantity;
  const newAmount = (next.price.unit_amount ?? 0) * next.quantity;
  const start = current.current_period_start === null ? now : timeOf(current.current_period_start);
  const end = current.current_period_end === null ? now : timeOf(current.current_period_end);
  const left = end > now && end > start ? (end - now) / (end - start) : 0;
  const unused = { description: `Unused time on ${current.quantity} × ${current.plan?.name ?? 'the current plan'} after ${day(now)}`, amount: -Math.round(oldAmount * left) };
  // A new interval starts a new billing period now, charged in full; the same interval is prorated.
  const newCycle = current.price?.interval !== next.price.interval || current.price?.interval_count !== next.price.interval_count;
  const remaining = newCycle
    ? { description: `${next.quantity} × ${next.plan.name} (from ${day(now)})`, amount: newAmount }
    : { description: `Remaining time on ${next.quantity} × ${next.plan.name} after ${day(now)}`, amount: Math.round(newAmount * left) };
  const lines = [unused, remaining];
  return {
    currency: next.price.currency,
    amount_due: lines.reduce((sum, line) => sum + line.amount, 0),
    lines,
    next_amount_due: next.price.unit_amount === null ? null : newAmount,
    next_payment_at: new Date(newCycle ? now + periodMs(next.price) : end).toISOString(),
  };
}

export const changeSubscription: Operation = (context) => {
  const current = subscriptionOf(context);
  if ('body' in current) return current;
  const next = targetOf(context, current);
  if ('body' in next) return next;
  const upgrade = yearly(next.price, next.quantity) > yearly(current.price, current.quantity) || (current.price?.interval === 'month' && next.price.interval === 'year');
  const due = previewOf(current, next).amount_due;
  const changed = context.scenario.update(current.id, (s) => {
    s.plan = { id: next.plan.id, name: next.plan.name, description: next.plan.description };
    s.price = clone(next.price);
    s.quantity = next.quantity;
  })!;
  // An upgrade is invoiced at once: the open invoice is the page the owner pays the difference on.
  const invoice = upgrade ? context.scenario.addInvoice(changed, 'open', Math.max(due, 0)) : undefined;
  return json(200, { subscription: changed, hosted_invoice_url: invoice ? stripeUrl(context, 'invoice', invoice.id) : null });
};

/** Optional (contract 1.1): what the change would cost, without changing anything. */
export const previewChange: Operation = (context) => {
  const current = subscriptionOf(context);
  if ('body' in current) return current;
  const next = targetOf(context, current);
  if ('body' in next) return next;
  return json(200, previewOf(current, next));
};

export const cancelSubscription: Operation = (context) => {
  const current = subscriptionOf(context);
  if ('body' in current) return current;
  const timing = context.input['timing'];
  if (timing !== 'period_end' && timing !== 'immediately') return error(400, 'invalid_request', 'timing must be period_end or immediately.');
  if (isEnded(current)) return error(409, 'already_canceled', 'This subscription has already ended.');
  const now = new Date().toISOString();
  const sub = context.scenario.update(current.id, (s) => {
    s.canceled_at = now;
    if (timing === 'immediately') {
      s.status = 'canceled';
      s.ended_at = now;
      s.cancel_at_period_end = false;
      s.cancel_at = null;
    } else {
      s.cancel_at_period_end = true;
      s.cancel_at = s.current_period_end;
    }
  });
  return json(200, { subscription: sub, hosted_invoice_url: null });
};

export const resumeSubscription: Operation = (context) => {
  const current = subscriptionOf(context);
  if ('body' in current) return current;
  if (isEnded(current)) return error(409, 'already_canceled', 'An ended subscription cannot be resumed; subscribe again.');
  if (!current.cancel_at_period_end) return error(409, 'not_scheduled_to_cancel', 'This subscription is not set to cancel.');
  const sub = context.scenario.update(current.id, (s) => {
    s.cancel_at_period_end = false;
    s.cancel_at = null;
    s.canceled_at = null;
  });
  return json(200, { subscription: sub, hosted_invoice_url: null });
};
