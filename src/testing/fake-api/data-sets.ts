/**
 * The named data sets of the fake billing service. Everything is in the contract's wire
 * shape (snake_case, ISO timestamps, minor units), built relative to "now" so that dates
 * such as "cancels on" stay in the future.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface WirePrice {
  id: string;
  nickname: string | null;
  unit_amount: number | null;
  currency: string;
  interval: string;
  interval_count: number;
  trial_period_days: number | null;
}
export interface WirePlan {
  id: string;
  name: string;
  description: string | null;
  highlights: string[];
  feature_keys: string[];
  prices: WirePrice[];
}
export interface WireMerchant {
  id: string;
  name: string;
  provider: string;
  livemode: boolean;
  plans: WirePlan[];
}
export interface WireSubscription {
  id: string;
  status: string;
  merchant_id: string | null;
  plan: { id: string; name: string; description: string | null } | null;
  price: WirePrice | null;
  quantity: number;
  created: string | number;
  current_period_start: string | number | null;
  current_period_end: string | number | null;
  cancel_at_period_end: boolean;
  cancel_at: string | number | null;
  canceled_at: string | number | null;
  ended_at: string | number | null;
  trial_end: string | number | null;
  latest_invoice_url: string | null;
}
export interface WireCustomer {
  customer_id: string;
  email: string | null;
  name: string | null;
  livemode: boolean;
  default_payment_method: { brand: string; last4: string; exp_month: number; exp_year: number } | null;
}
export interface FeatureDefinition {
  key: string;
  name: string;
  description: string | null;
  unit: string | null;
  /** Limit per plan id; null = unlimited; a plan not listed does not grant the feature. */
  limits: Record<string, number | null>;
}

export interface DataSet {
  customer: WireCustomer | null;
  merchants: WireMerchant[];
  subscriptions: WireSubscription[];
  features: FeatureDefinition[];
  usage: Record<string, number>;
}

export const DATA_SETS = [
  'new-account',
  'active-usd',
  'trialing-jpy',
  'past-due',
  'cancel-at-period-end',
  'canceled',
  'multi-merchant',
  'many',
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
};

const DAY = 86_400_000;

function price(
  id: string,
  unit_amount: number | null,
  currency: string,
  interval: string,
  extra: Partial<WirePrice> = {},
): WirePrice {
  return { id, nickname: null, unit_amount, currency, interval, interval_count: 1, trial_period_days: null, ...extra };
}

function usdMerchant(): WireMerchant {
  return {
    id: 'merch_inbox',
    name: 'Inbox Manager',
    provider: 'stripe',
    livemode: true,
    plans: [
      {
        id: 'prod_starter',
        name: 'Starter',
        description: 'For one person and one inbox.',
        highlights: ['1 inbox', '10,000 API calls a month', 'Email support'],
        feature_keys: ['inboxes', 'api_calls'],
        prices: [price('price_starter_month_usd', 900, 'usd', 'month'), price('price_starter_year_usd', 9000, 'usd', 'year')],
      },
      {
        id: 'prod_pro',
        name: 'Pro',
        description: 'For growing teams.',
        highlights: ['10 inboxes', 'Unlimited API calls', '5 seats', 'Priority support'],
        feature_keys: ['inboxes', 'api_calls', 'seats', 'priority_support'],
        prices: [price('price_pro_month_usd', 2900, 'usd', 'month'), price('price_pro_year_usd', 29000, 'usd', 'year')],
      },
      {
        id: 'prod_business',
        name: 'Business',
        description: 'Billed every three months.',
        highlights: ['Unlimited inboxes', 'Unlimited API calls', '25 seats', 'Priority support'],
        feature_keys: ['inboxes', 'api_calls', 'seats', 'priority_support'],
        prices: [price('price_business_quarter_usd', 24900, 'usd', 'month', { interval_count: 3 })],
      },
    ],
  };
}

function jpyMerchant(): WireMerchant {
  return {
    id: 'merch_inbox_jp',
    name: 'Inbox Manager Japan',
    provider: 'stripe',
    livemode: true,
    plans: [
      {
        id: 'prod_jp_pro',
        name: 'Pro (Japan)',
        description: null,
        highlights: ['10 inboxes', 'Unlimited API calls'],
        feature_keys: ['inboxes', 'api_calls', 'seats'],
        prices: [
          price('price_jp_pro_month', 1500, 'jpy', 'month', { trial_period_days: 14 }),
          price('price_jp_pro_year', 15000, 'jpy', 'year', { trial_period_days: 14 }),
        ],
      },
    ],
  };
}

function thbMerchant(): WireMerchant {
  return {
    id: 'merch_inbox_th',
    name: 'Inbox Manager Thailand',
    provider: 'stripe',
    livemode: false,
    plans: [
      {
        id: 'prod_th_basic',
        name: 'Basic (Thailand)',
        description: null,
        highlights: ['3 inboxes'],
        feature_keys: ['inboxes'],
        prices: [price('price_th_basic_month', 29900, 'thb', 'month'), price('price_th_basic_year', 299000, 'thb', 'year')],
      },
    ],
  };
}

function cnyMerchant(): WireMerchant {
  return {
    id: 'merch_inbox_cn',
    name: '收件箱管理',
    provider: 'stripe',
    livemode: true,
    plans: [
      {
        id: 'prod_cn_pro',
        name: '专业版',
        description: null,
        highlights: ['10 个收件箱'],
        feature_keys: ['inboxes', 'seats'],
        prices: [price('price_cn_pro_month', 4900, 'cny', 'month'), price('price_cn_pro_year', 49000, 'cny', 'year')],
      },
    ],
  };
}

const FEATURES: FeatureDefinition[] = [
  {
    key: 'inboxes',
    name: 'Inboxes',
    description: 'Connected inboxes',
    unit: 'inboxes',
    limits: { prod_starter: 1, prod_pro: 10, prod_business: null, prod_jp_pro: 10, prod_th_basic: 3, prod_cn_pro: 10 },
  },
  {
    key: 'api_calls',
    name: 'API calls',
    description: 'Requests this month',
    unit: 'requests',
    limits: { prod_starter: 10_000, prod_pro: null, prod_business: null, prod_jp_pro: null },
  },
  {
    key: 'seats',
    name: 'Seats',
    description: null,
    unit: 'seats',
    limits: { prod_pro: 5, prod_business: 25, prod_jp_pro: 5, prod_cn_pro: 5 },
  },
  {
    key: 'priority_support',
    name: 'Priority support',
    description: 'Answers within four business hours',
    unit: null,
    limits: { prod_pro: null, prod_business: null },
  },
];

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
  }
}
