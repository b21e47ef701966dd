/**
 * The fake billing service cannot drift from the contract: every answer it gives to a
 * script of calls over every data set and both route styles is validated against
 * `src/api/billing-api.yaml` (the OpenAPI document itself, not our zod schemas).
 */
import { expect } from '@open-wc/testing';
import { Validator } from '@cfworker/json-schema';
import { parse } from 'yaml';
import { FakeBillingService } from '../../src/testing/fake-api/service.js';
import type { FakeResponse, Fault, ScenarioOptions } from '../../src/testing/fake-api/types.js';
import { DATA_SETS, type DataSetName } from '../../src/testing/fake-api/data-sets/index.js';
import { fakeBillingHandlers } from '../../src/testing/fake-api/msw.js';
import { getResponse } from 'msw';

type Doc = {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { schema: object }>; $ref?: string }> }>>;
  components: { responses: Record<string, { content: Record<string, { schema: object }> }> };
};

let doc: Doc;
const validators = new Map<string, Validator>();

before(async () => {
  const text = await (await fetch('/src/api/billing-api.yaml')).text();
  doc = parse(text) as Doc;
});

/** The contract operation that a request path + method matches. */
function operationFor(method: string, path: string) {
  for (const [template, methods] of Object.entries(doc.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const operation = methods[method.toLowerCase()];
    if (operation && pattern.test(path)) return { template, operation };
  }
  return undefined;
}

function validatorFor(method: string, path: string, status: number): Validator {
  const found = operationFor(method, path);
  expect(found, `${method} ${path} is in the contract`).to.not.equal(undefined);
  const { template, operation } = found!;
  const key = `${template} ${method} ${status}`;
  let validator = validators.get(key);
  if (!validator) {
    let response = operation.responses[String(status)] ?? operation.responses['default']!;
    if (response.$ref) response = doc.components.responses[response.$ref.split('/').pop()!]!;
    let schema = response.content!['application/json']!.schema as Record<string, unknown>;
    // The contract's sync answer is `oneOf: [SubscriptionList, {type: object}]`. Every list is
    // also an object, so under a strict oneOf no list could ever conform; its description
    // ("the subscriptions after the sync") means anyOf, and that is what is checked.
    if (Array.isArray(schema['oneOf']) && template.endsWith('/sync')) schema = { anyOf: schema['oneOf'] };
    validator = new Validator({ ...(doc as object), ...schema } as never, '2020-12', false);
    validators.set(key, validator);
  }
  return validator;
}

function expectConformant(method: string, url: string, response: FakeResponse) {
  const path = new URL(url).pathname.replace(/^\/s\/[^/]+/, '');
  const body: unknown = JSON.parse(response.body);
  const result = validatorFor(method, path, response.status).validate(body);
  expect(result.valid, `${method} ${path} → ${response.status}: ${JSON.stringify(result.errors.slice(0, 3))}\n${response.body.slice(0, 400)}`).to.equal(true);
}

/** Drives a script of calls through every operation and validates each answer; returns how many. */
async function conformanceScript(dataset: DataSetName, style: 'token' | 'account', options: ScenarioOptions = {}, faults: Fault[] = []): Promise<number> {
  const service = new FakeBillingService();
  const origin = 'http://fake.test';
  const scenario = service.createScenario(dataset, options, origin);
  scenario.faults.push(...faults);
  const { tokens } = service.describe(scenario, origin);
  const root = `${origin}/s/${scenario.id}${style === 'token' ? '/api/subscriptions' : `/api/accounts/${scenario.accountId}/subscriptions`}`;
  let checked = 0;
  const call = async (method: string, path: string, body?: unknown, token = tokens.owner) => {
    const url = `${root}${path}`;
    const response = (await service.handle({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', origin: 'http://page.test', 'accept-language': 'ja' },
      body: body === undefined ? '' : JSON.stringify(body),
    }))!;
    expectConformant(method, url, response);
    checked++;
    return JSON.parse(response.body) as Record<string, unknown>;
  };
  const action = (id: string, name: string, body: Record<string, unknown> = {}) =>
    style === 'token' ? call('POST', `/${encodeURIComponent(id)}/${name}`, body) : call('POST', `/${name}`, { ...body, subscription_id: id });

  await call('GET', '?limit=5&offset=0&locale=ja');
  await call('GET', '/features?locale=ja');
  await call('GET', '/identity?locale=ja');
  await call('GET', '/merchants?locale=zh-TW');
  await call('GET', '/invoices?limit=5&offset=0&locale=ja');
  await call('GET', '/invoices?limit=0');
  await call('GET', '', undefined, tokens.member);
  await call('GET', '', undefined, tokens.expired);
  const price = scenario.merchants[0]!.plans[0]!.prices[0]!.id;
  const success = 'https://app.test/?checkout_session_id={CHECKOUT_SESSION_ID}';
  const checkout = await call('POST', '/stripe/checkout-session', { price_id: price, success_url: success, cancel_url: 'https://app.test/', quantity: 1, locale: 'ja' });
  if (typeof checkout['id'] === 'string') {
    scenario.completeCheckout(checkout['id']);
    await call('POST', '/stripe/checkout-session-sync', { session_id: checkout['id'] });
  }
  await call('POST', '/stripe/checkout-session-sync', { session_id: 'cs_unknown' });
  await call('POST', '/stripe/portal-session', { return_url: 'https://app.test/', locale: 'th' });
  await call('POST', '/sync', {});
  const subs = scenario.subscriptions();
  for (const sub of subs.slice(0, 3)) {
    const interval = sub.price?.interval === 'year' ? 'month' : 'year';
    await action(sub.id, 'change/preview', { interval });
    await action(sub.id, 'change/preview', { quantity: sub.quantity + 1 });
    await action(sub.id, 'change', { interval });
    await action(sub.id, 'change', { quantity: sub.quantity + 1 });
    await action(sub.id, 'cancel', { timing: 'period_end', reason: 'too_expensive' });
    await action(sub.id, 'resume');
    await action(sub.id, 'cancel', { timing: 'immediately' });
  }
  await action('sub_missing', 'cancel', { timing: 'period_end' });
  await action('sub_missing', 'change/preview', { interval: 'year' });
  return checked;
}

describe('fake billing service conformance to billing-api.yaml', () => {
  for (const dataset of DATA_SETS) {
    for (const style of ['token', 'account'] as const) {
      it(`answers the contract's shapes: ${dataset}, ${style} style`, async () => {
        expect(await conformanceScript(dataset, style)).to.be.greaterThan(20);
      });
    }
  }

  for (const style of ['token', 'account'] as const) {
    it(`answers the contract's shapes with opaque tokens, a three-decimal currency and no optional operations: ${style} style`, async () => {
      const options: ScenarioOptions = { tokens: 'opaque', currency: 'kwd', optional: { listInvoices: 404, previewChange: 405, resume: 404 } };
      expect(await conformanceScript('seats', style, options)).to.be.greaterThan(20);
      expect(await conformanceScript('cancel-at-period-end', style, { tokens: 'opaque', currency: 'huf' })).to.be.greaterThan(20);
    });
  }

  it(`answers oversize lists in the contract's shapes`, async () => {
    const oversize: Fault[] = [{ operation: 'listSubscriptions', kind: 'oversize', items: 300 }, { operation: 'listInvoices', kind: 'oversize', items: 300 }];
    expect(await conformanceScript('new-account', 'token', {}, oversize)).to.be.greaterThan(20);
    expect(await conformanceScript('past-due', 'account', {}, oversize.map((f) => ({ ...f })))).to.be.greaterThan(20);
  });

  it('answers CORS preflights and puts CORS headers on every answer', async () => {
    const service = new FakeBillingService();
    const scenario = service.createScenario('active-usd');
    const url = `http://fake.test/s/${scenario.id}/api/subscriptions`;
    const preflight = (await service.handle({
      method: 'OPTIONS',
      url,
      headers: { origin: 'http://page.test', 'access-control-request-headers': 'authorization' },
      body: '',
    }))!;
    expect(preflight.status).to.equal(204);
    expect(preflight.headers['access-control-allow-origin']).to.equal('http://page.test');
    expect(preflight.headers['access-control-allow-headers']).to.match(/Authorization/);
    expect(preflight.headers['access-control-allow-headers']).to.match(/Content-Type/);
    expect(preflight.headers['access-control-allow-headers']).to.match(/Accept-Language/);
    expect(preflight.headers['access-control-max-age']).to.equal('600');
    const get = (await service.handle({ method: 'GET', url, headers: { origin: 'http://page.test' }, body: '' }))!;
    expect(get.status).to.equal(401);
    expect(get.headers['access-control-allow-origin']).to.equal('http://page.test');
    expect(get.headers['access-control-expose-headers']).to.match(/Retry-After/);
  });

  it('gives the same answers through the msw adapter', async () => {
    const service = new FakeBillingService();
    const scenario = service.createScenario('trialing-jpy');
    const { tokens } = service.describe(scenario, 'https://billing.fake');
    const request = new Request(`https://billing.fake/s/${scenario.id}/api/subscriptions`, {
      headers: { authorization: `Bearer ${tokens.owner}` },
    });
    const response = await getResponse(fakeBillingHandlers(service), request);
    expect(response!.status).to.equal(200);
    const body = (await response!.json()) as { items: Array<{ status: string }> };
    expect(body.items[0]!.status).to.equal('trialing');
    expect(scenario.log).to.have.length(1);
    const ignored = await getResponse(fakeBillingHandlers(service), new Request('https://billing.fake/elsewhere'));
    expect(ignored).to.equal(undefined);
  });
});
