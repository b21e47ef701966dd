/**
 * The billing client: every operation of the contract, no DOM and no Lit. How one request
 * travels (token, timeout, retries, errors) is `http.ts`; this file says which requests
 * there are and how their answers are read. A list page is cut to the limit asked (at
 * most 100) before it is validated.
 */
import { BillingError } from './errors.js';
import { createTransport, type Expect, type Parsed } from './http.js';
import { createRoutes, type Routes } from './routes.js';
import {
  capList,
  changePreviewSchema,
  featureListSchema,
  invoiceListSchema,
  identitySchema,
  merchantListSchema,
  MAX_PAGE_SIZE,
  mutationResultSchema,
  parseWith,
  redirectSessionSchema,
  subscriptionListSchema,
  type CancelReason,
  type ChangePreview,
  type Feature,
  type Invoice,
  type Identity,
  type Merchant,
  type MutationResult,
  type Page,
  type RedirectSession,
  type SubscriptionPage,
} from './schemas.js';

/**
 * Gives the bearer token. After a 401 it is called once more with `refresh: true` and the
 * token that was `rejected`, and the request is repeated when it returns another one.
 */
export type TokenSource = (context: {
  refresh: boolean;
  rejected?: string;
}) => string | null | undefined | Promise<string | null | undefined>;

export interface RetryOptions {
  /** Attempts in all for a GET, the first included (default 3). */
  attempts?: number;
  /** First backoff in ms, doubled each time, jittered to 50–100 % (default 300). */
  baseDelayMs?: number;
  /** Largest backoff in ms (default 4000). */
  maxDelayMs?: number;
  /** Longest `Retry-After` the client waits for; a longer one fails at once (default 10 000). */
  maxRetryAfterMs?: number;
}

export interface BillingClientOptions {
  /** Absolute http(s) URL of the billing service; a path prefix is kept. */
  baseUrl: string;
  /** When set, account-style routes `/api/accounts/{accountId}/subscriptions/…` are used. */
  accountId?: string | null | undefined;
  /** Returns the owner's bearer token; called with `{refresh: true}` once after a 401. */
  getToken: TokenSource;
  fetch?: typeof fetch;
  /** Timeout of each attempt in ms (default 15 000). */
  timeoutMs?: number;
  /** Tokens to redact from messages besides the one sent (every token the caller used). */
  secrets?: () => readonly string[];
  /** The panel's language (BCP 47): `Accept-Language` on every request, `locale` on the GETs that take it. */
  locale?: () => string | undefined;
  retry?: RetryOptions;
  /** Random source of the backoff jitter (tests make it deterministic). */
  random?: () => number;
  /** How the client waits between attempts (tests record the delays instead). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface RequestOptions {
  signal?: AbortSignal | undefined;
}

export interface ListParams {
  limit?: number | undefined;
  offset?: number | undefined;
  locale?: string | undefined;
}

export interface CheckoutSessionRequest {
  price_id: string;
  success_url: string;
  cancel_url: string;
  quantity?: number;
}

/** One of `interval` or `price_id` (never both), and/or `quantity` (seats). */
export type ChangeRequest = (
  | { interval: 'month' | 'year'; price_id?: never }
  | { price_id: string; interval?: never }
  | { interval?: never; price_id?: never; quantity: number }
) & { quantity?: number; proration_behavior?: ProrationBehavior };
export type ProrationBehavior = 'create_prorations' | 'always_invoice' | 'none';

export interface CancelRequest {
  timing: 'period_end' | 'immediately';
  reason?: CancelReason | string | null;
}

export interface SubscriptionsApi {
  list(params?: ListParams, options?: RequestOptions): Promise<SubscriptionPage>;
  features(options?: RequestOptions): Promise<Feature[]>;
  /** The Stripe customer behind the account, or `null` when it has none yet (404). */
  identity(options?: RequestOptions): Promise<Identity | null>;
  merchants(options?: RequestOptions): Promise<Merchant[]>;
  createCheckoutSession(body: CheckoutSessionRequest, options?: RequestOptions): Promise<RedirectSession>;
  createPortalSession(body: { return_url: string }, options?: RequestOptions): Promise<RedirectSession>;
  syncCheckoutSession(body: { session_id: string }, options?: RequestOptions): Promise<MutationResult>;
  /** Pulls from Stripe again; `allowDeletes` defaults to false (local subscriptions are kept). */
  sync(options?: RequestOptions & { allowDeletes?: boolean }): Promise<SubscriptionPage | null>;
  change(subscriptionId: string, body: ChangeRequest, options?: RequestOptions): Promise<MutationResult>;
  cancel(subscriptionId: string, body: CancelRequest, options?: RequestOptions): Promise<MutationResult>;
  resume(subscriptionId: string, options?: RequestOptions): Promise<MutationResult>;
  /** Optional (contract 1.1): the account's invoices, newest first; `null` when the service does not offer them (404/405). */
  invoices(params?: ListParams, options?: RequestOptions): Promise<Page<Invoice> | null>;
  /** Optional (contract 1.1): what `change` would cost, changing nothing; `null` when the service does not offer it (404/405). */
  previewChange(subscriptionId: string, body: ChangeRequest, options?: RequestOptions): Promise<ChangePreview | null>;
}

export interface BillingClient {
  readonly routes: Routes;
  readonly subscriptions: SubscriptionsApi;
}

/** The contract's default page size. */
const DEFAULT_PAGE_SIZE = 15;

export { abortableSleep, parseRetryAfter } from './http.js';

export function createBillingClient(options: BillingClientOptions): BillingClient {
  const routes = createRoutes(options.baseUrl, options.accountId);
  const { request } = createTransport(options);
  /** `locale` for the GETs that take it (an explicit one wins). */
  const withLocale = <Q extends { locale?: string | undefined }>(query: Q): Q => {
    const locale = query.locale ?? options.locale?.();
    return locale ? { ...query, locale } : query;
  };

  const schema = <T>(s: Parameters<typeof parseWith>[0]): Expect<T> => ({
    parse: (body) => parseWith(s, body) as Parsed<T>,
  });
  /** A list page, cut to the `limit` asked before it is validated. */
  const page = <T>(s: Parameters<typeof parseWith>[0], limit: number): Expect<T> => ({
    parse: (body) => parseWith(s, capList(body, limit)) as Parsed<T>,
  });
  /** `interval` xor `price_id`, and/or `quantity`: anything else is the caller's mistake, sent nowhere. */
  const changeBody = (body: ChangeRequest): Record<string, unknown> => {
    const interval = body.interval !== undefined;
    const price = body.price_id !== undefined;
    if ((interval && price) || (!interval && !price && body.quantity === undefined)) {
      throw new BillingError('config', 'A change needs one of interval or price_id, and/or quantity.');
    }
    if (body.quantity !== undefined && (!Number.isInteger(body.quantity) || body.quantity < 1)) {
      throw new BillingError('config', 'A quantity must be a whole number of at least 1.');
    }
    return { ...body };
  };
  const mutation: Expect<MutationResult> = {
    ...schema<MutationResult>(mutationResultSchema),
    empty: () => ({ subscription: null, hosted_invoice_url: null }),
  };

  const subscriptions: SubscriptionsApi = {
    list: async (params = {}, opts = {}) => {
      const limit = Math.min(params.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
      return request('listSubscriptions', 'GET', routes.list(withLocale({ ...params, limit })), page<SubscriptionPage>(subscriptionListSchema, limit), opts);
    },
    features: async (opts = {}) =>
      (await request('listFeatures', 'GET', routes.features(withLocale({})), schema<{ items: Feature[] }>(featureListSchema), opts))
        .items,
    identity: async (opts = {}) =>
      request<Identity | null>('getIdentity', 'GET', routes.identity(), schema<Identity>(identitySchema), {
        ...opts,
        notFound: () => null,
      }),
    merchants: async (opts = {}) =>
      (await request('listMerchants', 'GET', routes.merchants(withLocale({})), schema<{ items: Merchant[] }>(merchantListSchema), opts))
        .items,
    createCheckoutSession: async (body, opts = {}) =>
      request('createCheckoutSession', 'POST', routes.checkoutSession(), schema<RedirectSession>(redirectSessionSchema), {
        ...opts,
        body: { ...body },
      }),
    createPortalSession: async (body, opts = {}) =>
      request('createPortalSession', 'POST', routes.portalSession(), schema<RedirectSession>(redirectSessionSchema), {
        ...opts,
        body: { ...body },
      }),
    syncCheckoutSession: async (body, opts = {}) =>
      request('syncCheckoutSession', 'POST', routes.checkoutSessionSync(), mutation, { ...opts, body: { ...body } }),
    sync: async (opts = {}) =>
      request<SubscriptionPage | null>(
        'syncSubscriptions',
        'POST',
        routes.sync(opts.allowDeletes ?? false),
        {
          // The answer may be the list or any object; the caller reloads either way.
          parse: (body) => {
            const list = parseWith(subscriptionListSchema, body);
            return { ok: true, value: list.ok ? list.value : null };
          },
          empty: () => null,
        },
        { signal: opts.signal, body: {} },
      ),
    change: async (id, body, opts = {}) =>
      request('changeSubscription', 'POST', routes.subscriptionAction('change', id), mutation, { ...opts, body: changeBody(body) }),
    cancel: async (id, body, opts = {}) =>
      request('cancelSubscription', 'POST', routes.subscriptionAction('cancel', id), mutation, {
        ...opts,
        body: { timing: body.timing, ...(body.reason ? { reason: body.reason } : {}) },
      }),
    resume: async (id, opts = {}) =>
      request('resumeSubscription', 'POST', routes.subscriptionAction('resume', id), mutation, { ...opts, body: {} }),
    invoices: async (params = {}, opts = {}) => {
      const limit = Math.min(params.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
      return request<Page<Invoice> | null>('listInvoices', 'GET', routes.invoices(withLocale({ ...params, limit })), page<Page<Invoice>>(invoiceListSchema, limit), {
        ...opts,
        notOffered: () => null,
      });
    },
    previewChange: async (id, body, opts = {}) =>
      request<ChangePreview | null>('previewChange', 'POST', routes.subscriptionAction('change/preview', id), schema<ChangePreview>(changePreviewSchema), {
        ...opts,
        body: changeBody(body),
        notOffered: () => null,
      }),
  };

  return { routes, subscriptions };
}
