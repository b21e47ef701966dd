/**
 * The named data sets of the fake billing service. Everything is in the contract's wire
 * shape (snake_case, ISO timestamps, minor units), built relative to "now" so that dates
 * such as "cancels on" stay in the future.
 */
import { FEATURES } from './features.js';
import { cnyMerchant, jpyMerchant, teamPlan, thbMerchant, usdMerchant } from './merchants.js';
import { DAY, type DataSet, type WireCustomer, type WireMerchant, type WireSubscription } from './wire.js';

export * from './wire.js';

export const DATA_SETS = [
  'new-account',
  'active-usd',
  'trialing-jpy',
  'past-due',
  'cancel-at-period-end',
  'canceled',
  'multi-merchant',
  'many',
  'seats',
] as const;
export type DataSetName = (typeof DATA_SETS)[number];

export const DATA_SET_LABELS: Record<DataSetName, string> = {
  'new-account': 'New account (no customer, no subscription)',
  'active-usd': 'Active, monthly, USD',
  'trialing-jpy': 'Trialing, yearly, JPY',
  'past-due': 'Past due (payment needed)',
  'cancel-at-period-end': 'Set to cancel at period end',
  canceled: 'Canceled',
  'multi-merchant': 'Several merchants (USD, THB, CNY)',
  many: '40 subscriptions (pagination)',
  seats: 'Per-seat plan, 5 seats',
};

export function planAndPrice(merchants: WireMerchant[], priceId: string) {
  for (const merchant of merchants) {
    for (const plan of merchant.plans) {
      const found = plan.prices.find((p) => p.id === priceId);
      if (found) return { merchant, plan, price: found };
    }
  }
  return undefined;
}

export function subscriptionOf(
  merchants: WireMerchant[],
  id: string,
  priceId: string,
  status: string,
  now: number,
  extra: Partial<WireSubscription> = {},
): WireSubscription {
  const found = planAndPrice(merchants, priceId);
  if (!found) throw new Error(`unknown price ${priceId}`);
  const { merchant, plan, price: p } = found;
  const periodDays = p.interval === 'year' ? 365 : p.interval === 'week' ? 7 : p.interval === 'day' ? 1 : 30 * p.interval_count;
  const start = now - 5 * DAY;
  return {
    id,
    status,
    merchant_id: merchant.id,
    plan: { id: plan.id, name: plan.name, description: plan.description },
    price: { ...p },
    quantity: 1,
    created: new Date(start).toISOString(),
    current_period_start: new Date(start).toISOString(),
    current_period_end: new Date(start + periodDays * DAY).toISOString(),
    cancel_at_period_end: false,
    cancel_at: null,
    canceled_at: null,
    ended_at: null,
    trial_end: null,
    latest_invoice_url: null,
    ...extra,
  };
}

const CUSTOMER: WireCustomer = {
  customer_id: 'cus_Q1w2E3r4T5y6U7',
  email: 'owner@example.com',
  name: 'Ada Owner',
  livemode: true,
  default_payment_method: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030 },
};

export function buildDataSet(name: DataSetName, now = Date.now(), invoiceUrl = 'https://invoice.stripe.com/i/acct_fake/in_pastdue'): DataSet {
  const usd = usdMerchant();
  const base = { features: FEATURES, usage: { inboxes: 3, api_calls: 4200, seats: 2 } };
  switch (name) {
    case 'new-account':
      return { ...base, customer: null, merchants: [usd], subscriptions: [], usage: {} };
    case 'active-usd':
      return {
        ...base,
        customer: { ...CUSTOMER },
        merchants: [usd],
        subscriptions: [subscriptionOf([usd], 'sub_active_usd', 'price_pro_month_usd', 'active', now)],
      };
    case 'trialing-jpy': {
      const jpy = jpyMerchant();
      return {
        ...base,
        customer: { ...CUSTOMER, name: '山田 花子', email: 'hanako@example.jp', default_payment_method: null },
        merchants: [jpy],
        subscriptions: [
          subscriptionOf([jpy], 'sub_trial_jpy', 'price_jp_pro_year', 'trialing', now, {
            trial_end: new Date(now + 9 * DAY).toISOString(),
          }),
        ],
      };
    }
    case 'past-due':
      return {
        ...base,
        customer: { ...CUSTOMER, default_payment_method: { brand: 'mastercard', last4: '4444', exp_month: 1, exp_year: 2024 } },
        merchants: [usd],
        subscriptions: [
          subscriptionOf([usd], 'sub_past_due', 'price_pro_month_usd', 'past_due', now, { latest_invoice_url: invoiceUrl }),
        ],
      };
    case 'cancel-at-period-end': {
      const sub = subscriptionOf([usd], 'sub_cancel_later', 'price_pro_year_usd', 'active', now);
      return {
        ...base,
        customer: { ...CUSTOMER },
        merchants: [usd],
        subscriptions: [
          { ...sub, cancel_at_period_end: true, cancel_at: sub.current_period_end, canceled_at: new Date(now - DAY).toISOString() },
        ],
      };
    }
    case 'canceled':
      return {
        ...base,
        customer: { ...CUSTOMER },
        merchants: [usd],
        subscriptions: [
          subscriptionOf([usd], 'sub_canceled', 'price_starter_month_usd', 'canceled', now - 60 * DAY, {
            canceled_at: new Date(now - 20 * DAY).toISOString(),
            ended_at: new Date(now - 20 * DAY).toISOString(),
          }),
        ],
        usage: {},
      };
    case 'multi-merchant': {
      const merchants = [usd, thbMerchant(), cnyMerchant()];
      return {
        ...base,
        customer: { ...CUSTOMER, livemode: false },
        merchants,
        subscriptions: [
          subscriptionOf(merchants, 'sub_th_basic', 'price_th_basic_month', 'active', now),
          subscriptionOf(merchants, 'sub_cn_pro', 'price_cn_pro_year', 'active', now - DAY),
        ],
      };
    }
    case 'many': {
      const statuses = ['active', 'canceled', 'past_due', 'trialing', 'canceled', 'incomplete_expired', 'paused', 'unpaid'];
      const prices = ['price_starter_month_usd', 'price_pro_month_usd', 'price_pro_year_usd', 'price_business_quarter_usd'];
      const subscriptions = Array.from({ length: 40 }, (_, i) => {
        const sub = subscriptionOf([usd], `sub_many_${String(i + 1).padStart(2, '0')}`, prices[i % prices.length]!, statuses[i % statuses.length]!, now - i * DAY);
        // Half of them speak epoch seconds, as the contract allows.
        if (i % 2 === 1) {
          const toEpoch = (v: string | number | null) => (typeof v === 'string' ? Math.floor(Date.parse(v) / 1000) : v);
          sub.created = toEpoch(sub.created)!;
          sub.current_period_start = toEpoch(sub.current_period_start);
          sub.current_period_end = toEpoch(sub.current_period_end);
        }
        return sub;
      });
      return { ...base, customer: { ...CUSTOMER }, merchants: [usd], subscriptions };
    }
    case 'seats': {
      const merchants = [{ ...usd, plans: [...usd.plans, teamPlan()] }];
      return {
        ...base,
        customer: { ...CUSTOMER },
        merchants,
        subscriptions: [subscriptionOf(merchants, 'sub_team_seats', 'price_team_month_usd', 'active', now, { quantity: 5 })],
      };
    }
  }
}
