/**
 * The contract (`billing-api.yaml`) in code. Every response is validated here
 * before any element sees it, following the contract's robustness rules:
 * - lists arrive as `{items, has_more}`, Stripe's `{data, has_more}` or a bare array;
 * - timestamps are ISO 8601 strings or Unix epoch seconds, and become `Date`s;
 * - unknown properties are dropped, unknown enum values (status, interval) kept as strings;
 * - nullable fields become `null` whether the service sent `null` or left them out.
 */
import * as z from 'zod/mini';
import type { Parsed } from './http.js';

// zod probes `new Function` to decide whether it may JIT; that probe alone raises CSP
// violation reports on strict-CSP pages. Jitless mode never touches it.
z.config({ jitless: true });

/**
 * ISO 8601 string or epoch seconds → Date. One transform rather than a union piped into one:
 * the same answers, and the bundle carries no union schema for it.
 */
export const timestamp = z.transform((value: unknown, ctx) => {
  const date = typeof value === 'number' ? new Date(value * 1000) : typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    ctx.issues.push({ code: 'custom', message: 'Invalid timestamp', input: value });
    return z.NEVER;
  }
  return date;
});

/** A safe integer (at least `min`), as `z.int()` checks it, through the pipe and transform already in use. */
function int(min = Number.MIN_SAFE_INTEGER) {
  return z.pipe(
    z.number(),
    z.transform((value: number, ctx) => {
      if (Number.isSafeInteger(value) && value >= min) return value;
      ctx.issues.push({ code: 'custom', message: min > Number.MIN_SAFE_INTEGER ? `Expected an integer >= ${min}` : 'Expected an integer', input: value });
      return z.NEVER;
    }),
  );
}

/** A field the contract marks nullable: absent or null both become `null`. */
function nullable<T extends z.ZodMiniType>(schema: T) {
  return z._default(z.nullable(schema), null);
}

const text = z.string();
/** ISO currency code, lower case as Stripe writes it. */
const currency = z.pipe(text, z.transform((c: string) => c.toLowerCase()));

export const priceSchema = z.object({
  id: text,
  nickname: nullable(text),
  unit_amount: nullable(int()),
  currency,
  interval: text,
  interval_count: z._default(int(1), 1),
  trial_period_days: nullable(int()),
  /** Seats the owner may choose, within the bounds (Stripe's `adjustable_quantity`). */
  adjustable_quantity: nullable(
    z.object({
      enabled: z._default(z.boolean(), false),
      minimum: z.optional(int()),
      maximum: z.optional(int()),
    }),
  ),
});

export const planSchema = z.object({
  id: text,
  name: text,
  description: nullable(text),
  highlights: z._default(z.array(text), []),
  feature_keys: z._default(z.array(text), []),
  prices: z.array(priceSchema),
});

export const merchantSchema = z.object({
  id: text,
  name: text,
  provider: z._default(text, 'stripe'),
  livemode: z.optional(z.boolean()),
  plans: z.array(planSchema),
});

export const subscriptionSchema = z.object({
  id: text,
  status: text,
  merchant_id: nullable(text),
  plan: nullable(
    z.object({
      id: z.optional(text),
      name: z.optional(text),
      description: nullable(text),
    }),
  ),
  price: nullable(priceSchema),
  quantity: z._default(int(), 1),
  created: z.optional(timestamp),
  current_period_start: nullable(timestamp),
  current_period_end: nullable(timestamp),
  cancel_at_period_end: z._default(z.boolean(), false),
  cancel_at: nullable(timestamp),
  canceled_at: nullable(timestamp),
  ended_at: nullable(timestamp),
  trial_end: nullable(timestamp),
  latest_invoice_url: nullable(text),
});

export const featureSchema = z.object({
  key: text,
  name: z.optional(text),
  description: nullable(text),
  enabled: z.boolean(),
  limit: nullable(z.number()),
  usage: nullable(z.number()),
  unit: nullable(text),
  subscription_id: nullable(text),
});

export const paymentMethodSchema = z.object({
  brand: z.optional(text),
  last4: z.optional(text),
  exp_month: z.optional(int()),
  exp_year: z.optional(int()),
});

export const identitySchema = z.object({
  account_id: text,
  provider: z._default(text, 'stripe'),
  customer_id: nullable(text),
  email: nullable(text),
  name: nullable(text),
  livemode: z.optional(z.boolean()),
  default_payment_method: nullable(paymentMethodSchema),
});

export const redirectSessionSchema = z.object({
  id: z.optional(text),
  url: text,
});

/** Accept a bare subscription as well as the canonical `{subscription, hosted_invoice_url}`. */
function wrapBareSubscription(body: unknown): unknown {
  if (body && typeof body === 'object' && !Array.isArray(body) && !('subscription' in body) && 'id' in body && 'status' in body) {
    return { subscription: body };
  }
  return body;
}

export const mutationResultSchema = z.pipe(
  z.transform(wrapBareSubscription),
  z.object({
    subscription: nullable(subscriptionSchema),
    hosted_invoice_url: nullable(text),
  }),
);

/** `{items}`, `{data}` or a bare array → `{items, has_more}`. */
function normalizeList(body: unknown): unknown {
  if (Array.isArray(body)) return { items: body, has_more: false };
  if (body && typeof body === 'object' && !('items' in body) && 'data' in body) {
    const { data, has_more } = body as { data: unknown; has_more?: unknown };
    return { items: data, has_more };
  }
  return body;
}

/** Largest page a client takes, whatever `limit` it asked for. */
export const MAX_PAGE_SIZE = 100;

/**
 * A list answer cut to `limit` items before it is validated: a service that ignores `limit`
 * (or sends 5,000 items) costs no more than the page asked for. A cut list has more.
 */
export function capList(body: unknown, limit: number): unknown {
  const list = normalizeList(body) as { items?: unknown; has_more?: unknown } | null;
  const max = Math.max(1, Math.min(limit, MAX_PAGE_SIZE));
  if (!list || typeof list !== 'object' || !Array.isArray(list.items) || list.items.length <= max) return list;
  return { ...list, items: list.items.slice(0, max), has_more: true };
}

function listOf<T extends z.ZodMiniType>(item: T) {
  return z.pipe(
    z.transform(normalizeList),
    z.object({
      items: z.array(item),
      has_more: z._default(z.boolean(), false),
    }),
  );
}

export const invoiceSchema = z.object({
  id: text,
  number: nullable(text),
  status: text,
  currency,
  amount_due: z._default(int(), 0),
  amount_paid: z._default(int(), 0),
  total: z._default(int(), 0),
  created: nullable(timestamp),
  period_start: nullable(timestamp),
  period_end: nullable(timestamp),
  subscription_id: nullable(text),
  hosted_invoice_url: nullable(text),
  invoice_pdf: nullable(text),
});

export const changePreviewSchema = z.object({
  currency,
  amount_due: int(),
  lines: z._default(z.array(z.object({ description: text, amount: int() })), []),
  next_amount_due: nullable(int()),
  next_payment_at: nullable(timestamp),
});

export const subscriptionListSchema = listOf(subscriptionSchema);
export const invoiceListSchema = listOf(invoiceSchema);
export const featureListSchema = listOf(featureSchema);
export const merchantListSchema = listOf(merchantSchema);

export type Price = z.output<typeof priceSchema>;
export type Plan = z.output<typeof planSchema>;
export type Merchant = z.output<typeof merchantSchema>;
export type Subscription = z.output<typeof subscriptionSchema>;
export type Feature = z.output<typeof featureSchema>;
export type PaymentMethod = z.output<typeof paymentMethodSchema>;
export type Identity = z.output<typeof identitySchema>;
export type RedirectSession = z.output<typeof redirectSessionSchema>;
export type MutationResult = z.output<typeof mutationResultSchema>;
export type Invoice = z.output<typeof invoiceSchema>;
export type ChangePreview = z.output<typeof changePreviewSchema>;
export interface Page<T> {
  items: T[];
  has_more: boolean;
}
export type SubscriptionPage = Page<Subscription>;

/** Stripe's subscription statuses; any other string is shown as-is. */
export const KNOWN_STATUSES = [
  'incomplete',
  'incomplete_expired',
  'trialing',
  'active',
  'past_due',
  'canceled',
  'unpaid',
  'paused',
] as const;

/** Stripe's cancellation feedback values (CancelRequest.reason). */
export const CANCEL_REASONS = [
  'too_expensive',
  'missing_features',
  'switched_service',
  'unused',
  'customer_service',
  'too_complex',
  'low_quality',
  'other',
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/** Validate `body` against `schema`; the issues are summarised in plain paths for the error details. */
export function parseWith<T extends z.ZodMiniType>(schema: T, body: unknown): Parsed<z.output<T>> {
  const result = z.safeParse(schema, body);
  if (result.success) return { ok: true, value: result.data };
  const details = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, details };
}

/** Tiny valid answers, validated: what the warm-ups parse (and render) before the real ones arrive. */
export function sampleAnswers() {
  const value = <T>(parsed: Parsed<T>): T => (parsed as { value: T }).value;
  const month = { id: 'p_m', currency: 'usd', interval: 'month', unit_amount: 1000 };
  const year = { id: 'p_y', currency: 'usd', interval: 'year', unit_amount: 10000 };
  const plan = { id: 'pr', name: 'Plan', description: 'Plan', highlights: ['One'], feature_keys: ['k'], prices: [month, year] };
  const subscription = { id: 's', status: 'active', merchant_id: 'm', plan, price: month, created: 0, current_period_start: 0, current_period_end: 0 };
  return {
    subscriptions: value(parseWith(subscriptionListSchema, { items: [subscription] })),
    features: value(parseWith(featureListSchema, { items: [{ key: 'k', name: 'K', enabled: true, limit: 10, usage: 1, unit: 'u' }] })).items,
    identity: value(parseWith(identitySchema, { account_id: 'a', customer_id: 'c', email: 'e', name: 'n', default_payment_method: { brand: 'visa', last4: '4242', exp_month: 1, exp_year: 2030 } })),
    merchants: value(parseWith(merchantListSchema, { items: [{ id: 'm', name: 'M', plans: [plan] }] })).items,
    invoices: value(parseWith(invoiceListSchema, { items: [{ id: 'in', number: 'N-1', status: 'paid', currency: 'usd', total: 1000, created: 0, hosted_invoice_url: 'https://invoice.stripe.com/i/x' }] })),
  };
}

/** Parses tiny valid answers once, so that the schemas' first real parse is not also their setup. */
export function warmUpSchemas(): void {
  sampleAnswers();
}
