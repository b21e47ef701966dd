/** The merchants of the data sets, with their plans and Stripe prices (minor units). */
import type { WireMerchant, WirePlan, WirePrice } from './wire.js';

export function price(
  id: string,
  unit_amount: number | null,
  currency: string,
  interval: string,
  extra: Partial<WirePrice> = {},
): WirePrice {
  return { id, nickname: null, unit_amount, currency, interval, interval_count: 1, trial_period_days: null, ...extra };
}

export function usdMerchant(): WireMerchant {
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

export function jpyMerchant(): WireMerchant {
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

export function thbMerchant(): WireMerchant {
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

export function cnyMerchant(): WireMerchant {
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

/** A per-seat plan: the owner picks the quantity (Stripe Checkout's adjustable_quantity). */
export function teamPlan(): WirePlan {
  const seats = { enabled: true, minimum: 1, maximum: 50 };
  return {
    id: 'prod_team',
    name: 'Team',
    description: 'Priced per seat.',
    highlights: ['Unlimited inboxes', 'Unlimited API calls', '1 to 50 seats'],
    feature_keys: ['inboxes', 'api_calls', 'seats'],
    prices: [
      price('price_team_month_usd', 1200, 'usd', 'month', { nickname: 'Per seat, monthly', adjustable_quantity: seats }),
      price('price_team_year_usd', 12000, 'usd', 'year', { nickname: 'Per seat, yearly', adjustable_quantity: { ...seats } }),
    ],
  };
}
