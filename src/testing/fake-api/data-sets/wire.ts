/**
 * The contract's wire shapes as the fake stores them: snake_case, ISO timestamps or epoch
 * seconds, amounts in Stripe's minor units.
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
  /** Contract 1.1: the owner may choose the quantity (seats) within the bounds. */
  adjustable_quantity?: { enabled: boolean; minimum: number; maximum: number } | null;
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
/** An invoice without its URLs (the service adds them for the scenario's origin and `stripeUrls`). */
export interface WireInvoice {
  id: string;
  number: string | null;
  status: string;
  currency: string;
  amount_due: number;
  amount_paid: number;
  total: number;
  created: string | number;
  period_start: string | number | null;
  period_end: string | number | null;
  subscription_id: string | null;
}
export interface FeatureDefinition {
  key: string;
  name: string;
  description: string | null;
  unit: string | null;
  /** Limit per plan id; null = unlimited; `quantity` = the subscription's quantity; a plan not listed does not grant it. */
  limits: Record<string, number | null | 'quantity'>;
}

export interface DataSet {
  customer: WireCustomer | null;
  merchants: WireMerchant[];
  subscriptions: WireSubscription[];
  features: FeatureDefinition[];
  usage: Record<string, number>;
}

export const DAY = 86_400_000;

/** Milliseconds since the epoch of a wire timestamp. */
export const timeOf = (value: string | number) => (typeof value === 'number' ? value * 1000 : Date.parse(value));
