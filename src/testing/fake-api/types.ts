/**
 * The vocabulary of the fake billing service: the plain request and response its core
 * speaks (adapters put them on the wire), scenario options, faults and the request log.
 */
export interface FakeRequest {
  method: string;
  /** Absolute URL. */
  url: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
}

export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Wait this long before answering (latency injection). */
  delayMs?: number;
  /** Never answer (the adapter keeps the connection open until the client gives up). */
  hang?: boolean;
  /** Drop the connection: the client sees a network error. */
  network?: boolean;
}

export type FaultKind = 'malformed-json' | 'html' | 'empty' | 'drift' | 'hang' | 'network' | 'redirect' | 'oversize';

export interface Fault {
  /** operationId in token style (`listSubscriptions`, `cancelSubscription`…), or `*` for every API call. */
  operation?: string;
  kind?: FaultKind;
  status?: number;
  /** Raw body to send with `status`. */
  body?: string;
  contentType?: string;
  retryAfter?: string;
  latencyMs?: number;
  /** `redirect`: where to (default: the same path on another origin). */
  location?: string;
  /** `oversize`: how many items the list answer carries, whatever `limit` says (default 5000). */
  items?: number;
  /** How many requests it applies to; default: all. */
  times?: number;
}

/** The operations of contract 1.1 that a service may leave out (it then answers 404 or 405). */
export type OptionalOperation = 'resume' | 'listInvoices' | 'previewChange';
export type OptionalAnswer = 'ok' | 404 | 405;

export interface ScenarioOptions {
  accountId?: string;
  /** How lists are wrapped: the canonical `{items}`, Stripe's `{data}`, or a bare array. */
  listStyle?: 'items' | 'data' | 'array';
  /** How "no customer" is said: 404 (default), or 200 with `customer_id: null`. */
  identityStyle?: '404' | 'null';
  /** Optional operations the service does not offer answer 404 or 405 (default: all offered). */
  optional?: Partial<Record<OptionalOperation, OptionalAnswer>>;
  /** Shorthand for `optional.resume` (kept for existing callers). */
  resume?: OptionalAnswer;
  /** The scenario's tokens: unsigned JWTs (default) or opaque strings the service maps to account and role. */
  tokens?: 'jwt' | 'opaque';
  /** Replaces the currency of every price, subscription and invoice (amounts stay, in Stripe's minor units). */
  currency?: string;
  /** A subscription made by checkout stays `incomplete` for this many list reads. */
  activationReads?: number;
  /** URLs of sessions and invoices: the local fake Stripe pages (default) or real-looking stripe.com URLs. */
  stripeUrls?: 'local' | 'stripe';
  /** The checkout webhook reaches the service at once (default false: only syncs bind it). */
  webhook?: boolean;
  /** Latency added to every API request, in ms. */
  latencyMs?: number;
  /** Replace the status of the first subscription (Storybook: one story per status). */
  status?: string;
  /** Rename the first plan and the first subscription's plan (layout tests with long names). */
  planName?: string;
}

export interface LogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  /** The `locale` the request carried (query, or the body of a session request), else null. */
  locale: string | null;
  operation: string | null;
  status: number;
  time: number;
}

export interface CheckoutSession {
  id: string;
  price_id: string;
  success_url: string;
  cancel_url: string;
  quantity: number;
  locale?: string | null;
  status: 'open' | 'complete';
  subscription_id: string | null;
}

/** A request resolved to a contract operation (token-style operationId). */
export interface Route {
  operation: string;
  style: 'token' | 'account';
  pathAccount?: string;
  subscriptionId?: string;
}
