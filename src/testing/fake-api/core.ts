/**
 * ONE stateful, in-memory fake of the billing service (`src/api/billing-api.yaml`).
 * It has no I/O of its own: `FakeBillingService.handle()` takes a plain request and
 * returns a plain response, and two thin adapters put it on the wire — a connect
 * middleware (`node.ts`: vite dev server, test runner, e2e) and msw handlers (`msw.ts`:
 * browser, Storybook). It runs unchanged in Node and in the browser.
 *
 * Every scenario is an isolated account with its own state, request log and faults,
 * addressed by a path prefix: its base URL is `{origin}/s/{scenarioId}`.
 * Control routes under `/__fake/…` create scenarios, read logs and inject faults.
 * Fake Stripe-hosted pages live at `{base}/fake-stripe/…` so a checkout round trip runs locally.
 */
import { buildDataSet, DATA_SETS, planAndPrice, type DataSetName, type Json, type WireCustomer, type WireMerchant, type WireSubscription } from './data-sets.js';
import { makeTestToken, readTestToken } from './tokens.js';
import { checkoutPage, invoicePage, portalPage } from './stripe-pages.js';

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

export type FaultKind = 'malformed-json' | 'html' | 'empty' | 'drift' | 'hang' | 'network';

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
  /** How many requests it applies to; default: all. */
  times?: number;
}

export interface ScenarioOptions {
  accountId?: string;
  /** How lists are wrapped: the canonical `{items}`, Stripe's `{data}`, or a bare array. */
  listStyle?: 'items' | 'data' | 'array';
  /** How "no customer" is said: 404, or 200 with `customer_id: null`. */
  identityStyle?: '404' | 'null';
  /** A service without the optional resume route answers 404 or 405. */
  resume?: 'ok' | 404 | 405;
  /** A subscription made by checkout stays `incomplete` for this many list reads. */
  activationReads?: number;
  /** URLs of sessions: the local fake Stripe pages (default) or real-looking stripe.com URLs. */
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
  operation: string | null;
  status: number;
  time: number;
}

interface CheckoutSession {
  id: string;
  price_id: string;
  success_url: string;
  cancel_url: string;
  quantity: number;
  status: 'open' | 'complete';
  subscription_id: string | null;
}

const LIVE = new Set(['active', 'trialing', 'past_due', 'unpaid', 'incomplete', 'paused']);
const GRANTING = new Set(['active', 'trialing', 'past_due']);
const DAY = 86_400_000;

export const CORS_ALLOW_HEADERS = 'Authorization, Content-Type';

function json(status: number, body: unknown, headers: Record<string, string> = {}): FakeResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}
function error(status: number, code: string, message: string, headers: Record<string, string> = {}): FakeResponse {
  return json(status, { error: { code, message } }, headers);
}
function html(status: number, body: string): FakeResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
}
function redirect(location: string): FakeResponse {
  return { status: 303, headers: { location }, body: '' };
}
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const isHttpUrl = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value.replace('{CHECKOUT_SESSION_ID}', 'x'));
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

let counter = 0;
const newId = (prefix: string) => `${prefix}_${Date.now().toString(36)}${(++counter).toString(36)}`;

export class Scenario {
  readonly id: string;
  readonly accountId: string;
  dataset: DataSetName;
  options: ScenarioOptions;
  log: LogEntry[] = [];
  faults: Fault[] = [];
  customer: WireCustomer | null = null;
  merchants: WireMerchant[] = [];
  /** The service's own records. */
  local = new Map<string, WireSubscription>();
  /** What Stripe knows (syncs copy it into `local`). */
  stripe = new Map<string, WireSubscription>();
  sessions = new Map<string, CheckoutSession>();
  /** Portal session id → return_url. */
  portals = new Map<string, string>();
  pendingActivation = new Map<string, number>();
  usage: Record<string, number> = {};
  features: ReturnType<typeof buildDataSet>['features'] = [];

  constructor(id: string, dataset: DataSetName, options: ScenarioOptions = {}) {
    this.id = id;
    this.accountId = options.accountId ?? `acct_${id}`;
    this.dataset = dataset;
    this.options = options;
    this.reset(dataset);
  }

  reset(dataset: DataSetName = this.dataset, origin?: string): void {
    const data = buildDataSet(dataset, Date.now(), origin ? `${origin}/s/${this.id}/fake-stripe/invoice/in_pastdue` : undefined);
    this.dataset = dataset;
    this.customer = data.customer;
    this.merchants = data.merchants;
    this.features = data.features;
    this.usage = data.usage;
    this.local = new Map();
    this.stripe = new Map();
    this.sessions = new Map();
    const rename = this.options.planName;
    if (rename && data.merchants[0]?.plans[0]) data.merchants[0].plans[0].name = rename;
    data.subscriptions.forEach((sub, index) => {
      if (index === 0 && this.options.status) sub.status = this.options.status;
      if (index === 0 && rename && sub.plan) sub.plan.name = rename;
      this.local.set(sub.id, sub);
      this.stripe.set(sub.id, clone(sub));
    });
  }

  /** Newest first, as the contract says. */
  subscriptions(): WireSubscription[] {
    const time = (v: string | number) => (typeof v === 'number' ? v * 1000 : Date.parse(v));
    return [...this.local.values()].sort((a, b) => time(b.created) - time(a.created));
  }

  /** Apply a change to the subscription in both stores (what Stripe and the webhook would do). */
  update(id: string, change: (sub: WireSubscription) => void): WireSubscription | undefined {
    const remote = this.stripe.get(id);
    if (remote) change(remote);
    const local = this.local.get(id);
    if (local) change(local);
    return local ?? remote;
  }

  featureList(): Json[] {
    const granting = this.subscriptions().filter((s) => GRANTING.has(s.status));
    return this.features.map((definition) => {
      const grants = granting.filter((s) => s.plan && s.plan.id in definition.limits);
      const limits = grants.map((s) => definition.limits[s.plan!.id] ?? null);
      const enabled = grants.length > 0;
      const unlimited = limits.some((l) => l === null);
      const limit = !enabled || unlimited ? null : Math.max(...limits.map(Number));
      return {
        key: definition.key,
        name: definition.name,
        description: definition.description,
        enabled,
        limit,
        usage: enabled && definition.unit ? (this.usage[definition.key] ?? 0) : null,
        unit: definition.unit,
        subscription_id: grants[0]?.id ?? null,
      };
    });
  }

  /** Stripe completes a paid checkout: a customer if needed, and a subscription. */
  completeCheckout(sessionId: string): CheckoutSession | undefined {
    const session = this.sessions.get(sessionId);
    if (!session) return undefined;
    if (session.status === 'complete') return session;
    const found = planAndPrice(this.merchants, session.price_id)!;
    this.customer ??= {
      customer_id: newId('cus'),
      email: 'owner@example.com',
      name: 'Ada Owner',
      livemode: found.merchant.livemode,
      default_payment_method: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: new Date().getFullYear() + 3 },
    };
    const now = Date.now();
    const trialDays = found.price.trial_period_days;
    const activation = this.options.activationReads ?? 0;
    const status = activation > 0 ? 'incomplete' : trialDays ? 'trialing' : 'active';
    const periodDays = found.price.interval === 'year' ? 365 : 30 * found.price.interval_count;
    const sub: WireSubscription = {
      id: newId('sub'),
      status,
      merchant_id: found.merchant.id,
      plan: { id: found.plan.id, name: found.plan.name, description: found.plan.description },
      price: clone(found.price),
      quantity: session.quantity,
      created: new Date(now).toISOString(),
      current_period_start: new Date(now).toISOString(),
      current_period_end: new Date(now + (trialDays ?? periodDays) * DAY).toISOString(),
      cancel_at_period_end: false,
      cancel_at: null,
      canceled_at: null,
      ended_at: null,
      trial_end: trialDays ? new Date(now + trialDays * DAY).toISOString() : null,
      latest_invoice_url: null,
    };
    if (activation > 0) this.pendingActivation.set(sub.id, activation);
    this.stripe.set(sub.id, sub);
    if (this.options.webhook) this.local.set(sub.id, clone(sub));
    session.status = 'complete';
    session.subscription_id = sub.id;
    return session;
  }

  /** An invoice paid on the fake hosted invoice page: past_due/unpaid/incomplete become active in Stripe. */
  payInvoices(): void {
    for (const sub of this.stripe.values()) {
      if (['past_due', 'unpaid', 'incomplete'].includes(sub.status)) {
        sub.status = 'active';
        sub.latest_invoice_url = null;
        if (this.options.webhook) this.local.set(sub.id, clone(sub));
      }
    }
  }
}

interface Route {
  operation: string;
  style: 'token' | 'account';
  pathAccount?: string;
  subscriptionId?: string;
}

/** `/api/…` path inside a scenario → the contract operation (token-style operationId). */
function routeOf(method: string, path: string): Route | { status: 404 | 405 } {
  const token = /^\/api\/subscriptions(\/.*)?$/.exec(path);
  const account = /^\/api\/accounts\/([^/]+)\/subscriptions(\/.*)?$/.exec(path);
  const match = token ?? account;
  if (!match) return { status: 404 };
  const style = token ? 'token' : 'account';
  const rest = (token ? token[1] : account![2]) ?? '';
  const pathAccount = account ? decodeURIComponent(account[1]!) : undefined;
  const simple: Record<string, [string, string]> = {
    '': ['GET', 'listSubscriptions'],
    '/features': ['GET', 'listFeatures'],
    '/identity': ['GET', 'getIdentity'],
    '/merchants': ['GET', 'listMerchants'],
    '/stripe/checkout-session': ['POST', 'createCheckoutSession'],
    '/stripe/portal-session': ['POST', 'createPortalSession'],
    '/stripe/checkout-session-sync': ['POST', 'syncCheckoutSession'],
    '/sync': ['POST', 'syncSubscriptions'],
  };
  const actions: Record<string, string> = { change: 'changeSubscription', cancel: 'cancelSubscription', resume: 'resumeSubscription' };
  const base = { style, ...(pathAccount === undefined ? {} : { pathAccount }) } as const;
  const known = simple[rest];
  if (known) return method === known[0] ? { ...base, operation: known[1] } : { status: 405 };
  if (style === 'token') {
    const action = /^\/([^/]+)\/(change|cancel|resume)$/.exec(rest);
    if (action) {
      if (method !== 'POST') return { status: 405 };
      return { ...base, operation: actions[action[2]!]!, subscriptionId: decodeURIComponent(action[1]!) };
    }
  } else {
    const action = /^\/(change|cancel|resume)$/.exec(rest);
    if (action) return method === 'POST' ? { ...base, operation: actions[action[1]!]! } : { status: 405 };
  }
  return { status: 404 };
}

/** Schema drift: the same answer with renamed and retyped fields, as a careless deploy would send. */
function drift(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(drift);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'id' || key === 'key') out[key] = 42;
      else if (key === 'items') out['results'] = drift(inner);
      else if (key === 'url') out['redirect'] = inner;
      else out[key] = drift(inner);
    }
    return out;
  }
  return value;
}

export class FakeBillingService {
  readonly scenarios = new Map<string, Scenario>();

  createScenario(dataset: DataSetName = 'active-usd', options: ScenarioOptions = {}, origin?: string): Scenario {
    const id = newId('scn').slice(4);
    const scenario = new Scenario(id, dataset, options);
    if (origin) scenario.reset(dataset, origin);
    this.scenarios.set(id, scenario);
    return scenario;
  }

  describe(scenario: Scenario, origin: string) {
    const tokenFor = (role: string, exp?: number) =>
      makeTestToken({ acc: scenario.accountId, role, ...(exp === undefined ? {} : { exp }) });
    return {
      id: scenario.id,
      dataset: scenario.dataset,
      accountId: scenario.accountId,
      baseUrl: `${origin}/s/${scenario.id}`,
      tokens: {
        owner: tokenFor('owner'),
        member: tokenFor('member'),
        expired: tokenFor('owner', Math.floor(Date.now() / 1000) - 3600),
      },
    };
  }

  async handle(request: FakeRequest): Promise<FakeResponse | undefined> {
    const url = new URL(request.url);
    const origin = request.headers['origin'];
    const cors: Record<string, string> = origin
      ? {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
          'access-control-allow-headers': CORS_ALLOW_HEADERS,
          'access-control-expose-headers': 'Retry-After',
          'access-control-max-age': '600',
          vary: 'Origin',
        }
      : {};
    const withCors = (response: FakeResponse): FakeResponse => ({ ...response, headers: { ...cors, ...response.headers } });

    if (url.pathname.startsWith('/__fake/')) {
      if (request.method === 'OPTIONS') return withCors({ status: 204, headers: {}, body: '' });
      return withCors(this.control(request, url));
    }
    const scoped = /^\/s\/([^/]+)(\/.*)$/.exec(url.pathname);
    if (!scoped) return undefined;
    const scenario = this.scenarios.get(scoped[1]!);
    const path = scoped[2]!;
    if (!scenario) return withCors(error(404, 'scenario_not_found', 'No such fake scenario (the server may have restarted).'));
    const base = `${url.origin}/s/${scenario.id}`;
    if (path.startsWith('/fake-stripe/')) return withCors(this.stripePage(scenario, request, path, base));
    if (!path.startsWith('/api/')) return withCors(error(404, 'not_found', 'Not found'));

    const entry: LogEntry = {
      method: request.method,
      path,
      query: Object.fromEntries(url.searchParams),
      headers: { ...request.headers },
      body: parseBody(request.body),
      operation: null,
      status: 0,
      time: Date.now(),
    };
    scenario.log.push(entry);
    if (request.method === 'OPTIONS') {
      entry.operation = 'preflight';
      entry.status = 204;
      return withCors({ status: 204, headers: {}, body: '' });
    }
    const route = routeOf(request.method, path);
    const finish = (response: FakeResponse): FakeResponse => {
      entry.status = response.status;
      const latency = (scenario.options.latencyMs ?? 0) + (response.delayMs ?? 0);
      return withCors(latency ? { ...response, delayMs: latency } : response);
    };
    if ('status' in route) {
      return finish(route.status === 405 ? error(405, 'method_not_allowed', 'Method not allowed') : error(404, 'not_found', 'Not found'));
    }
    entry.operation = route.operation;

    const fault = this.takeFault(scenario, route.operation);
    if (fault && fault.kind !== 'drift' && (fault.kind || fault.status)) return finish(this.faultResponse(fault));

    let response = this.api(scenario, route, entry.body, url, base, request.headers['authorization']);
    if (fault?.kind === 'drift' && response.status < 300 && response.body) {
      response = { ...response, body: JSON.stringify(drift(JSON.parse(response.body))) };
    }
    if (fault?.latencyMs) response = { ...response, delayMs: fault.latencyMs };
    return finish(response);
  }

  private takeFault(scenario: Scenario, operation: string): Fault | undefined {
    const index = scenario.faults.findIndex((f) => !f.operation || f.operation === '*' || f.operation === operation);
    if (index < 0) return undefined;
    const fault = scenario.faults[index]!;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) scenario.faults.splice(index, 1);
    }
    return fault;
  }

  private faultResponse(fault: Fault): FakeResponse {
    const headers: Record<string, string> = fault.retryAfter ? { 'retry-after': fault.retryAfter } : {};
    const withDelay = (r: FakeResponse): FakeResponse => (fault.latencyMs ? { ...r, delayMs: fault.latencyMs } : r);
    switch (fault.kind) {
      case 'hang':
        return { status: 200, headers, body: '', hang: true };
      case 'network':
        return { status: 0, headers, body: '', network: true };
      case 'malformed-json':
        return withDelay({ status: fault.status ?? 200, headers: { ...headers, 'content-type': 'application/json' }, body: '{"items": [{"id": "sub_1", ' });
      case 'html':
        return withDelay({
          status: fault.status ?? 502,
          headers: { ...headers, 'content-type': 'text/html' },
          body: '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>',
        });
      case 'empty':
        return withDelay({ status: fault.status ?? 200, headers, body: '' });
      default: {
        const status = fault.status ?? 500;
        if (fault.body !== undefined) {
          return withDelay({ status, headers: { ...headers, 'content-type': fault.contentType ?? 'application/json' }, body: fault.body });
        }
        return withDelay(error(status, 'injected_fault', `Injected HTTP ${status}`, headers));
      }
    }
  }

  private authorize(scenario: Scenario, route: Route, authorization: string | undefined): FakeResponse | undefined {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    const claims = match ? readTestToken(match[1]!) : undefined;
    if (!claims) return error(401, 'unauthorized', 'Missing or invalid bearer token.');
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) return error(401, 'token_expired', 'The token has expired.');
    if (claims.acc !== scenario.accountId || (route.pathAccount !== undefined && route.pathAccount !== scenario.accountId)) {
      return error(403, 'not_owner', 'This token is not for this account.');
    }
    if (claims.role !== 'owner') return error(403, 'not_owner', 'Only the account owner can manage billing.');
    return undefined;
  }

  private api(scenario: Scenario, route: Route, body: unknown, url: URL, base: string, authorization: string | undefined): FakeResponse {
    const denied = this.authorize(scenario, route, authorization);
    if (denied) return denied;
    const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const list = (items: unknown[], hasMore = false) => {
      switch (scenario.options.listStyle) {
        case 'array':
          return json(200, items);
        case 'data':
          return json(200, { object: 'list', data: items, has_more: hasMore });
        default:
          return json(200, { items, has_more: hasMore });
      }
    };
    const stripeUrl = (kind: 'checkout' | 'portal' | 'invoice', id: string) => {
      if (scenario.options.stripeUrls === 'stripe') {
        return kind === 'checkout'
          ? `https://checkout.stripe.com/c/pay/${id}`
          : kind === 'portal'
            ? `https://billing.stripe.com/p/session/${id}`
            : `https://invoice.stripe.com/i/acct_fake/${id}`;
      }
      return `${base}/fake-stripe/${kind}/${id}`;
    };

    switch (route.operation) {
      case 'listSubscriptions': {
        const limit = url.searchParams.has('limit') ? Number(url.searchParams.get('limit')) : 15;
        const offset = url.searchParams.has('offset') ? Number(url.searchParams.get('offset')) : 0;
        if (!Number.isInteger(limit) || limit < 1 || limit > 100 || !Number.isInteger(offset) || offset < 0) {
          return error(400, 'invalid_pagination', 'limit must be 1–100 and offset ≥ 0.');
        }
        for (const [id, left] of scenario.pendingActivation) {
          if (left <= 1) {
            scenario.pendingActivation.delete(id);
            scenario.update(id, (s) => {
              s.status = 'active';
            });
          } else scenario.pendingActivation.set(id, left - 1);
        }
        const all = scenario.subscriptions();
        return list(all.slice(offset, offset + limit), offset + limit < all.length);
      }
      case 'listFeatures':
        return list(scenario.featureList());
      case 'getIdentity': {
        if (!scenario.customer) {
          return scenario.options.identityStyle === 'null'
            ? json(200, { account_id: scenario.accountId, provider: 'stripe', customer_id: null, email: null, name: null, default_payment_method: null })
            : error(404, 'customer_not_found', 'This account has no billing customer yet.');
        }
        return json(200, { account_id: scenario.accountId, provider: 'stripe', ...scenario.customer });
      }
      case 'listMerchants':
        return json(200, { items: scenario.merchants });
      case 'createCheckoutSession': {
        const priceId = input['price_id'];
        if (typeof priceId !== 'string') return error(400, 'invalid_request', 'price_id is required.');
        if (!isHttpUrl(input['success_url']) || !isHttpUrl(input['cancel_url'])) {
          return error(400, 'invalid_url', 'success_url and cancel_url must be absolute http(s) URLs.');
        }
        const found = planAndPrice(scenario.merchants, priceId);
        if (!found) return error(422, 'price_not_found', 'That price does not exist.');
        const duplicate = scenario.subscriptions().find((s) => s.merchant_id === found.merchant.id && LIVE.has(s.status));
        if (duplicate) return error(409, 'already_subscribed', 'This account already has a subscription with this merchant; change it instead.');
        const id = newId('cs_test');
        const quantity = typeof input['quantity'] === 'number' ? input['quantity'] : 1;
        scenario.sessions.set(id, {
          id,
          price_id: priceId,
          success_url: input['success_url'] as string,
          cancel_url: input['cancel_url'] as string,
          quantity,
          status: 'open',
          subscription_id: null,
        });
        return json(200, { id, url: stripeUrl('checkout', id) });
      }
      case 'createPortalSession': {
        if (!isHttpUrl(input['return_url'])) return error(400, 'invalid_url', 'return_url must be an absolute http(s) URL.');
        if (!scenario.customer) return error(409, 'customer_not_found', 'This account has no billing customer yet.');
        const id = newId('bps');
        scenario.portals.set(id, input['return_url'] as string);
        return json(200, { id, url: stripeUrl('portal', id) });
      }
      case 'syncCheckoutSession': {
        const sessionId = input['session_id'];
        if (typeof sessionId !== 'string' || !sessionId) return error(400, 'invalid_request', 'session_id is required.');
        const session = scenario.sessions.get(sessionId);
        if (!session) return error(404, 'session_not_found', 'No such checkout session.');
        if (session.status !== 'complete' || !session.subscription_id) return json(200, { subscription: null, hosted_invoice_url: null });
        const remote = scenario.stripe.get(session.subscription_id)!;
        scenario.local.set(remote.id, clone(remote));
        return json(200, { subscription: scenario.local.get(remote.id), hosted_invoice_url: null });
      }
      case 'syncSubscriptions': {
        const allowDeletes = url.searchParams.get('allow_deletes') === 'true';
        for (const remote of scenario.stripe.values()) scenario.local.set(remote.id, clone(remote));
        if (allowDeletes) for (const id of scenario.local.keys()) if (!scenario.stripe.has(id)) scenario.local.delete(id);
        return list(scenario.subscriptions());
      }
      case 'changeSubscription':
      case 'cancelSubscription':
      case 'resumeSubscription':
        return this.mutate(scenario, route, input, stripeUrl);
    }
    return error(404, 'not_found', 'Not found');
  }

  private mutate(
    scenario: Scenario,
    route: Route,
    input: Record<string, unknown>,
    stripeUrl: (kind: 'invoice', id: string) => string,
  ): FakeResponse {
    if (route.operation === 'resumeSubscription' && scenario.options.resume && scenario.options.resume !== 'ok') {
      const status = scenario.options.resume;
      return error(status, status === 404 ? 'not_found' : 'method_not_allowed', 'Resume is not offered by this service.');
    }
    const id = route.style === 'account' ? input['subscription_id'] : route.subscriptionId;
    if (typeof id !== 'string' || !id) return error(400, 'invalid_request', 'subscription_id is required.');
    const current = scenario.local.get(id);
    if (!current) return error(404, 'subscription_not_found', 'No such subscription.');
    const ended = current.status === 'canceled' || current.status === 'incomplete_expired';
    const now = new Date().toISOString();

    if (route.operation === 'cancelSubscription') {
      const timing = input['timing'];
      if (timing !== 'period_end' && timing !== 'immediately') return error(400, 'invalid_request', 'timing must be period_end or immediately.');
      if (ended) return error(409, 'already_canceled', 'This subscription has already ended.');
      const sub = scenario.update(id, (s) => {
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
    }

    if (route.operation === 'resumeSubscription') {
      if (ended) return error(409, 'already_canceled', 'An ended subscription cannot be resumed; subscribe again.');
      if (!current.cancel_at_period_end) return error(409, 'not_scheduled_to_cancel', 'This subscription is not set to cancel.');
      const sub = scenario.update(id, (s) => {
        s.cancel_at_period_end = false;
        s.cancel_at = null;
        s.canceled_at = null;
      });
      return json(200, { subscription: sub, hosted_invoice_url: null });
    }

    // changeSubscription
    const interval = input['interval'];
    const priceId = input['price_id'];
    if ((interval === undefined) === (priceId === undefined)) {
      return error(400, 'invalid_request', 'Send exactly one of interval or price_id.');
    }
    if (ended) return error(409, 'already_canceled', 'An ended subscription cannot be changed.');
    const merchant = scenario.merchants.find((m) => m.id === current.merchant_id);
    const plan = merchant?.plans.find((p) => p.id === current.plan?.id);
    let target: { plan: NonNullable<typeof plan>; price: NonNullable<typeof plan>['prices'][number] } | undefined;
    if (interval !== undefined) {
      if (interval !== 'month' && interval !== 'year') return error(400, 'invalid_request', 'interval must be month or year.');
      const price = plan?.prices.find((p) => p.interval === interval && p.interval_count === 1 && p.currency === current.price?.currency);
      if (!plan || !price) return error(422, 'price_not_found', `This plan has no ${interval === 'year' ? 'yearly' : 'monthly'} price.`);
      target = { plan, price };
    } else {
      const found = typeof priceId === 'string' ? planAndPrice(scenario.merchants, priceId) : undefined;
      if (!found || found.merchant.id !== current.merchant_id) return error(422, 'price_not_found', 'That price is not offered by this merchant.');
      target = found;
    }
    if (target.price.id === current.price?.id) return error(409, 'no_change', 'The subscription is already on this price.');
    const yearly = (p: { unit_amount: number | null; interval: string; interval_count: number } | null) =>
      !p || p.unit_amount === null ? 0 : (p.unit_amount * (p.interval === 'year' ? 1 : 12)) / p.interval_count;
    const upgrade = yearly(target.price) > yearly(current.price) || (current.price?.interval === 'month' && target.price.interval === 'year');
    const { plan: newPlan, price: newPrice } = target;
    const sub = scenario.update(id, (s) => {
      s.plan = { id: newPlan.id, name: newPlan.name, description: newPlan.description };
      s.price = clone(newPrice);
    });
    return json(200, { subscription: sub, hosted_invoice_url: upgrade ? stripeUrl('invoice', newId('in')) : null });
  }

  private stripePage(scenario: Scenario, request: FakeRequest, path: string, base: string): FakeResponse {
    const match = /^\/fake-stripe\/(checkout|portal|invoice)\/([^/]+)(\/pay)?$/.exec(path);
    if (!match) return html(404, '<!doctype html><title>Not found</title><h1>Not found</h1>');
    const [, kind, id, pay] = match as unknown as [string, string, string, string | undefined];
    if (kind === 'checkout') {
      const session = scenario.sessions.get(id);
      if (!session) return html(404, '<!doctype html><title>Not found</title><h1>This checkout session does not exist</h1>');
      if (pay && request.method === 'POST') {
        scenario.completeCheckout(id);
        return redirect(session.success_url.split('{CHECKOUT_SESSION_ID}').join(encodeURIComponent(id)));
      }
      const found = planAndPrice(scenario.merchants, session.price_id)!;
      return html(200, checkoutPage({ session, merchant: found.merchant.name, plan: found.plan.name, price: found.price, action: `${base}/fake-stripe/checkout/${id}/pay` }));
    }
    if (kind === 'portal') {
      const returnUrl = scenario.portals.get(id);
      if (!returnUrl) return html(404, '<!doctype html><title>Not found</title><h1>This portal session does not exist</h1>');
      return html(200, portalPage({ customer: scenario.customer, subscriptions: scenario.subscriptions(), returnUrl }));
    }
    if (pay && request.method === 'POST') {
      scenario.payInvoices();
      return html(200, invoicePage({ paid: true, action: '' }));
    }
    return html(200, invoicePage({ paid: false, action: `${base}/fake-stripe/invoice/${id}/pay` }));
  }

  private control(request: FakeRequest, url: URL): FakeResponse {
    const body = (parseBody(request.body) ?? {}) as Record<string, unknown>;
    const path = url.pathname.slice('/__fake'.length);
    // A landing page for round trips that must stay on this origin (tests read it with CORS).
    if (path === '/echo') return json(200, { url: url.href });
    if (path === '/scenarios' && request.method === 'POST') {
      const dataset = (body['dataset'] ?? 'active-usd') as DataSetName;
      if (!DATA_SETS.includes(dataset)) return error(400, 'unknown_dataset', `Unknown data set; one of ${DATA_SETS.join(', ')}.`);
      const scenario = this.createScenario(dataset, (body['options'] ?? {}) as ScenarioOptions, url.origin);
      return json(201, this.describe(scenario, url.origin));
    }
    const match = /^\/scenarios\/([^/]+)(\/[a-z-]+)?(\/[^/]+)?$/.exec(path);
    const scenario = match ? this.scenarios.get(match[1]!) : undefined;
    if (!match || !scenario) return error(404, 'scenario_not_found', 'No such fake scenario.');
    const action = `${request.method} ${match[2] ?? ''}`;
    switch (action) {
      case 'GET ':
        return json(200, this.describe(scenario, url.origin));
      case 'GET /log':
        return json(200, scenario.log);
      case 'DELETE /log':
        scenario.log = [];
        return json(200, { ok: true });
      case 'POST /faults':
        scenario.faults.push(body as Fault);
        return json(200, { ok: true });
      case 'DELETE /faults':
        scenario.faults = [];
        return json(200, { ok: true });
      case 'PATCH /options':
        Object.assign(scenario.options, body);
        return json(200, { ok: true });
      case 'POST /reset':
        scenario.reset((body['dataset'] as DataSetName | undefined) ?? scenario.dataset, url.origin);
        scenario.log = [];
        scenario.faults = [];
        return json(200, this.describe(scenario, url.origin));
      case 'POST /complete-checkout': {
        const session = scenario.completeCheckout(match[3]?.slice(1) ?? '');
        return session ? json(200, session) : error(404, 'session_not_found', 'No such checkout session.');
      }
      case 'GET /state':
        return json(200, { customer: scenario.customer, local: [...scenario.local.values()], stripe: [...scenario.stripe.values()], sessions: [...scenario.sessions.values()] });
    }
    return error(404, 'not_found', 'Unknown control route.');
  }
}

function parseBody(body: string): unknown {
  if (!body) return null;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
