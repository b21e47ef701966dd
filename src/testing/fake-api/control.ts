/**
 * The control routes under `/__fake/…`, for tests and the demo: create a scenario, read or
 * clear its request log, inject or clear faults, change options, reset it, complete a
 * checkout as Stripe would, read its state. `/__fake/echo` is a landing page on this origin.
 */
import { DATA_SETS, type DataSetName } from './data-sets/index.js';
import { error, json, parseBody } from './responses.js';
import type { FakeBillingService } from './service.js';
import type { FakeRequest, FakeResponse, Fault, ScenarioOptions } from './types.js';

export function controlRoute(service: FakeBillingService, request: FakeRequest, url: URL): FakeResponse {
  const body = (parseBody(request.body) ?? {}) as Record<string, unknown>;
  const path = url.pathname.slice('/__fake'.length);
  // A landing page for round trips that must stay on this origin (tests read it with CORS).
  if (path === '/echo') return json(200, { url: url.href });
  if (path === '/scenarios' && request.method === 'POST') {
    const dataset = (body['dataset'] ?? 'active-usd') as DataSetName;
    if (!DATA_SETS.includes(dataset)) return error(400, 'unknown_dataset', `Unknown data set; one of ${DATA_SETS.join(', ')}.`);
    const scenario = service.createScenario(dataset, (body['options'] ?? {}) as ScenarioOptions, url.origin);
    return json(201, service.describe(scenario, url.origin));
  }
  const match = /^\/scenarios\/([^/]+)(\/[a-z-]+)?(\/[^/]+)?$/.exec(path);
  const scenario = match ? service.scenarios.get(match[1]!) : undefined;
  if (!match || !scenario) return error(404, 'scenario_not_found', 'No such fake scenario.');
  switch (`${request.method} ${match[2] ?? ''}`) {
    case 'GET ':
      return json(200, service.describe(scenario, url.origin));
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
      return json(200, service.describe(scenario, url.origin));
    case 'POST /complete-checkout': {
      const session = scenario.completeCheckout(match[3]?.slice(1) ?? '');
      return session ? json(200, session) : error(404, 'session_not_found', 'No such checkout session.');
    }
    case 'GET /state':
      return json(200, {
        customer: scenario.customer,
        local: [...scenario.local.values()],
        stripe: [...scenario.stripe.values()],
        sessions: [...scenario.sessions.values()],
        invoices: scenario.invoices,
      });
  }
  return error(404, 'not_found', 'Unknown control route.');
}
