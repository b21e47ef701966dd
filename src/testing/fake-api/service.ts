/**
 * ONE stateful, in-memory fake of the billing service (`src/api/billing-api.yaml`, 1.1).
 * It has no I/O of its own: `FakeBillingService.handle()` takes a plain request and
 * returns a plain response, and thin adapters put it on the wire — a connect middleware
 * (`node.ts`: vite dev server, test runner, e2e) and msw handlers (`msw.ts`: browser,
 * Storybook). It runs unchanged in Node and in the browser.
 *
 * Every scenario is an isolated account with its own state, request log and faults,
 * addressed by a path prefix: its base URL is `{origin}/s/{scenarioId}`.
 * Control routes under `/__fake/…` create scenarios, read logs and inject faults.
 * Fake Stripe-hosted pages live at `{base}/fake-stripe/…` so a checkout round trip runs locally.
 *
 * This file dispatches a request: control route, Stripe page or API call; an API call is
 * logged, routed, put through the scenario's faults and optional operations, authorized
 * and answered by its operation (`operations/`).
 */
import { authorize } from './auth.js';
import { controlRoute } from './control.js';
import { preflight, withCors } from './cors.js';
import { subscriptionOf, type DataSetName } from './data-sets/index.js';
import { invoiceOf } from './data-sets/invoices.js';
import { alters, drift, faultResponse, oversize, replacesAnswer, takeFault } from './faults.js';
import { OPERATIONS, OPTIONAL } from './operations/index.js';
import { error, newId, parseBody } from './responses.js';
import { routeOf } from './routes.js';
import { Scenario } from './scenario.js';
import { stripePage } from './stripe-routes.js';
import { makeTestToken } from './tokens.js';
import type { FakeRequest, FakeResponse, Fault, LogEntry, ScenarioOptions } from './types.js';

/** The `locale` a request carries: the query's, else a JSON body's (session requests). */
function localeOf(url: URL, body: unknown): string | null {
  const fromBody = body && typeof body === 'object' ? (body as Record<string, unknown>)['locale'] : undefined;
  return url.searchParams.get('locale') ?? (typeof fromBody === 'string' ? fromBody : null);
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

  /** What a test needs to talk to the scenario: its base URL, account and tokens. */
  describe(scenario: Scenario, origin: string) {
    const jwt = (role: string, exp?: number) => makeTestToken({ acc: scenario.accountId, role, ...(exp === undefined ? {} : { exp }) });
    const opaque = scenario.options.tokens === 'opaque';
    return {
      id: scenario.id,
      dataset: scenario.dataset,
      accountId: scenario.accountId,
      baseUrl: `${origin}/s/${scenario.id}`,
      tokens: {
        owner: opaque ? scenario.opaqueToken('owner') : jwt('owner'),
        member: opaque ? scenario.opaqueToken('member') : jwt('member'),
        expired: opaque ? scenario.opaqueToken('expired') : jwt('owner', Math.floor(Date.now() / 1000) - 3600),
      },
    };
  }

  async handle(request: FakeRequest): Promise<FakeResponse | undefined> {
    const url = new URL(request.url);
    const answer = (response: FakeResponse) => withCors(request.headers['origin'], response);
    if (url.pathname.startsWith('/__fake/')) return answer(request.method === 'OPTIONS' ? preflight() : controlRoute(this, request, url));
    const scoped = /^\/s\/([^/]+)(\/.*)$/.exec(url.pathname);
    if (!scoped) return undefined;
    const scenario = this.scenarios.get(scoped[1]!);
    const path = scoped[2]!;
    if (!scenario) return answer(error(404, 'scenario_not_found', 'No such fake scenario (the server may have restarted).'));
    const base = `${url.origin}/s/${scenario.id}`;
    if (path.startsWith('/fake-stripe/')) return answer(stripePage(scenario, request, path, base));
    if (!path.startsWith('/api/')) return answer(error(404, 'not_found', 'Not found'));
    return answer(this.api(scenario, request, url, path, base));
  }

  private api(scenario: Scenario, request: FakeRequest, url: URL, path: string, base: string): FakeResponse {
    const body = parseBody(request.body);
    const entry: LogEntry = {
      method: request.method,
      path,
      query: Object.fromEntries(url.searchParams),
      headers: { ...request.headers },
      body,
      locale: localeOf(url, body),
      operation: null,
      status: 0,
      time: Date.now(),
    };
    scenario.log.push(entry);
    if (request.method === 'OPTIONS') {
      entry.operation = 'preflight';
      entry.status = 204;
      return preflight();
    }
    const finish = (response: FakeResponse): FakeResponse => {
      entry.status = response.status;
      const latency = (scenario.options.latencyMs ?? 0) + (response.delayMs ?? 0);
      return latency ? { ...response, delayMs: latency } : response;
    };
    const route = routeOf(request.method, path);
    if ('status' in route) {
      return finish(route.status === 405 ? error(405, 'method_not_allowed', 'Method not allowed') : error(404, 'not_found', 'Not found'));
    }
    entry.operation = route.operation;

    const fault = takeFault(scenario, route.operation);
    if (fault && replacesAnswer(fault)) return finish(faultResponse(fault, url));
    const optional = OPTIONAL[route.operation];
    const offered = optional ? scenario.optional(optional) : 'ok';
    if (offered !== 'ok') {
      return finish(error(offered, offered === 404 ? 'not_found' : 'method_not_allowed', 'This service does not offer this operation.'));
    }
    const denied = authorize(scenario, route, request.headers['authorization']);
    const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    let response = denied ?? OPERATIONS[route.operation]!({ scenario, route, input, url, base });
    if (fault && alters(fault) && response.status < 300 && response.body) {
      response = { ...response, body: JSON.stringify(this.alter(scenario, fault, route.operation, JSON.parse(response.body))) };
    }
    if (fault?.latencyMs) response = { ...response, delayMs: fault.latencyMs };
    return finish(response);
  }

  /** The faults that alter a real answer: schema drift, and lists that ignore `limit`. */
  private alter(scenario: Scenario, fault: Fault, operation: string, body: unknown): unknown {
    if (fault.kind === 'drift') return drift(body);
    const price = scenario.merchants[0]?.plans[0]?.prices[0];
    const template = (index: number) => {
      if (!price) return {};
      const sub = subscriptionOf(scenario.merchants, `sub_oversize_${index + 1}`, price.id, 'active', Date.now() - index * 60_000);
      return operation === 'listInvoices' ? invoiceOf(sub, `in_oversize_${index + 1}`, 'paid', Date.now() - index * 60_000, null) : sub;
    };
    return oversize(body, fault.items ?? 5000, template);
  }
}
