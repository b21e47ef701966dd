/**
 * What contract 1.1 added, as the fake service answers it over real cross-origin HTTP:
 * opaque tokens, locale, quantity and per-seat prices, the optional invoice list and change
 * preview (and their absence), redirect and oversize faults, any currency.
 */
import { expect } from '@open-wc/testing';
import { FakeBillingService } from '../../src/testing/fake-api/service.js';
import type { RemoteScenario } from '../../src/testing/fake-api/remote.js';
import type { ScenarioOptions } from '../../src/testing/fake-api/types.js';
import type { DataSetName } from '../../src/testing/fake-api/data-sets/index.js';
import { scenario } from '../helpers/fake.js';

type Body = Record<string, unknown> & { items: Array<Record<string, unknown>>; has_more?: boolean };

/** One request to the scenario's API, as a client on this page sends it. */
async function call(s: RemoteScenario, method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${s.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${options.token ?? s.token}`,
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as Body, headers: response.headers };
}

const accountPath = (s: RemoteScenario) => `/api/accounts/${encodeURIComponent(s.accountId)}/subscriptions`;
const time = (value: unknown) => (typeof value === 'number' ? value * 1000 : Date.parse(String(value)));

describe('fake billing service, contract 1.1', () => {
  it('answers preflights allowing Accept-Language, exposing Retry-After, cached for 600 s', async () => {
    const s = await scenario();
    await s.fault({ operation: 'getIdentity', status: 429, retryAfter: '3' });
    const limited = await call(s, 'GET', '/api/subscriptions/identity', { headers: { 'accept-language': 'ja' } });
    expect(limited.headers.get('retry-after'), 'readable cross-origin').to.equal('3');
    const service = new FakeBillingService();
    const local = service.createScenario('active-usd');
    const preflight = (await service.handle({
      method: 'OPTIONS',
      url: `http://fake.test/s/${local.id}/api/subscriptions`,
      headers: { origin: 'http://page.test', 'access-control-request-headers': 'authorization, accept-language' },
      body: '',
    }))!;
    expect(preflight.headers['access-control-allow-headers']).to.equal('Authorization, Content-Type, Accept-Language');
    expect(preflight.headers['access-control-max-age']).to.equal('600');
    expect(preflight.headers['access-control-expose-headers']).to.equal('Retry-After');
  });

  it('maps opaque tokens to the account and role, in both route styles; the expired one is a 401', async () => {
    const s = await scenario('active-usd', { tokens: 'opaque' });
    const { owner, member, expired } = s.info.tokens;
    for (const token of [owner, member, expired]) {
      expect(token.split('.'), 'not three dot-separated parts').to.have.length(1);
      expect(token).to.match(/^[\w-]{20,}$/);
    }
    expect(new Set([owner, member, expired]).size).to.equal(3);
    expect((await call(s, 'GET', '/api/subscriptions')).body.items).to.have.length(1);
    expect((await call(s, 'GET', accountPath(s))).body.items).to.have.length(1);
    expect((await call(s, 'POST', `${accountPath(s)}/cancel`, { body: { subscription_id: 'sub_active_usd', timing: 'period_end' } })).status).to.equal(200);
    expect((await call(s, 'GET', accountPath(s), { token: expired })).body).to.deep.equal({ error: { code: 'token_expired', message: 'The token has expired.' } });
    expect((await call(s, 'GET', accountPath(s), { token: member })).status).to.equal(403);
    expect((await call(s, 'GET', accountPath(s), { token: 'bpt_unknown0000000000000' })).status).to.equal(401);
    await s.reset();
    expect(s.info.tokens.owner, 'tokens survive a reset').to.equal(owner);
  });

  it('accepts locale on every GET and in session bodies, and logs it with Accept-Language', async () => {
    const s = await scenario('multi-merchant');
    for (const path of ['', '/features', '/identity', '/merchants', '/invoices']) {
      expect((await call(s, 'GET', `/api/subscriptions${path}?locale=zh-TW`, { headers: { 'accept-language': 'zh-TW' } })).status, path).to.equal(200);
    }
    const checkout = await call(s, 'POST', '/api/subscriptions/stripe/checkout-session', {
      body: { price_id: 'price_pro_month_usd', success_url: 'https://a.test/', cancel_url: 'https://a.test/', locale: 'ja' },
    });
    expect(checkout.status).to.equal(200);
    expect(await (await fetch(checkout.body['url'] as string)).text(), 'the fake Checkout page speaks it').to.contain('<html lang="ja">');
    const portal = await call(s, 'POST', '/api/subscriptions/stripe/portal-session', { body: { return_url: 'https://a.test/', locale: 'th' } });
    expect(portal.status).to.equal(200);
    expect((await call(s, 'POST', '/api/subscriptions/stripe/portal-session', { body: { return_url: 'https://a.test/', locale: 7 } })).status).to.equal(400);
    const log = await s.requests();
    expect(log.slice(0, 5).map((e) => [e.locale, e.headers['accept-language']])).to.deep.equal(Array(5).fill(['zh-TW', 'zh-TW']));
    expect(log.slice(5, 7).map((e) => e.locale)).to.deep.equal(['ja', 'th']);
  });

  it('offers per-seat prices: checkout with a quantity within the bounds, change of quantity alone or with the interval', async () => {
    const s = await scenario('seats', { webhook: true });
    const merchants = (await call(s, 'GET', '/api/subscriptions/merchants')).body.items as Array<{ plans: Array<{ id: string; prices: Array<Record<string, unknown>> }> }>;
    const team = merchants[0]!.plans.find((p) => p.id === 'prod_team')!;
    expect(team.prices[0]!['adjustable_quantity']).to.deep.equal({ enabled: true, minimum: 1, maximum: 50 });
    const [sub] = (await call(s, 'GET', '/api/subscriptions')).body.items;
    expect(sub).to.include({ id: 'sub_team_seats', quantity: 5 });
    const seats = (await call(s, 'GET', '/api/subscriptions/features')).body.items.find((f) => f['key'] === 'seats');
    expect(seats, 'the seats feature follows the quantity').to.include({ enabled: true, limit: 5 });

    const change = (body: Record<string, unknown>) => call(s, 'POST', '/api/subscriptions/sub_team_seats/change', { body });
    const more = await change({ quantity: 8 });
    expect(more.status).to.equal(200);
    expect(more.body['subscription']).to.include({ quantity: 8 });
    expect(more.body['hosted_invoice_url'], 'more seats are invoiced at once').to.be.a('string');
    const yearly = await change({ interval: 'year', quantity: 10 });
    expect(yearly.body['subscription']).to.deep.include({ quantity: 10 });
    expect((yearly.body['subscription'] as { price: { id: string } }).price.id).to.equal('price_team_year_usd');
    expect((await change({ quantity: 51 })).body).to.deep.equal({ error: { code: 'quantity_out_of_range', message: 'quantity must be between 1 and 50.' } });
    expect((await change({ quantity: 0 })).status).to.equal(400);
    expect((await change({ quantity: 10 })).status, 'nothing to change').to.equal(409);
    expect((await change({ interval: 'month', price_id: 'price_team_month_usd' })).status, 'never both').to.equal(400);
    expect((await change({ price_id: 'price_pro_month_usd', quantity: 3 })).body['error']).to.include({ code: 'quantity_not_adjustable' });

    await call(s, 'POST', '/api/subscriptions/sub_team_seats/cancel', { body: { timing: 'immediately' } });
    const checkout = await call(s, 'POST', '/api/subscriptions/stripe/checkout-session', {
      body: { price_id: 'price_team_month_usd', quantity: 12, success_url: 'https://a.test/?checkout_session_id={CHECKOUT_SESSION_ID}', cancel_url: 'https://a.test/' },
    });
    expect(checkout.status).to.equal(200);
    await s.completeCheckout(checkout.body['id'] as string);
    expect((await call(s, 'GET', '/api/subscriptions')).body.items[0]).to.include({ quantity: 12, status: 'active' });
    const tooMany = await call(s, 'POST', '/api/subscriptions/stripe/checkout-session', {
      body: { price_id: 'price_team_month_usd', quantity: 99, success_url: 'https://a.test/', cancel_url: 'https://a.test/' },
    });
    expect(tooMany.status).to.equal(422);
  });

  it('lists invoices newest first, paginated, with every status, hosted pages and PDFs', async () => {
    const s = await scenario('many');
    const first = await call(s, 'GET', '/api/subscriptions/invoices?limit=10&offset=0');
    expect(first.body.items).to.have.length(10);
    expect(first.body.has_more).to.equal(true);
    const all: Array<Record<string, unknown>> = [];
    for (let offset = 0; ; offset += 100) {
      const page = await call(s, 'GET', `${accountPath(s)}/invoices?limit=100&offset=${offset}`);
      all.push(...page.body.items);
      if (!page.body.has_more) break;
    }
    expect(all.length).to.be.greaterThan(100);
    expect(all.slice(0, 10)).to.deep.equal(first.body.items);
    const times = all.map((i) => time(i['created']));
    expect(times, 'newest first').to.deep.equal([...times].sort((a, b) => b - a));
    expect(new Set(all.map((i) => i['status']))).to.deep.equal(new Set(['paid', 'open', 'void', 'uncollectible', 'in_review']));
    const open = all.find((i) => i['status'] === 'open')!;
    expect(open['hosted_invoice_url']).to.equal(`${s.baseUrl}/fake-stripe/invoice/${open['id'] as string}`);
    expect(await (await fetch(open['hosted_invoice_url'] as string)).text()).to.contain('Pay invoice');
    const pdf = await fetch(open['invoice_pdf'] as string);
    expect(pdf.headers.get('content-type')).to.equal('application/pdf');
    expect(await pdf.text()).to.match(/^%PDF-1\.4[\s\S]*%%EOF\n$/);
    expect((await call(s, 'GET', '/api/subscriptions/invoices?limit=101')).status).to.equal(400);

    const stripe = await scenario('past-due', { stripeUrls: 'stripe' });
    const [latest] = (await call(stripe, 'GET', '/api/subscriptions/invoices')).body.items;
    expect(latest).to.include({ id: 'in_pastdue', status: 'open', hosted_invoice_url: 'https://invoice.stripe.com/i/acct_fake/in_pastdue' });
    expect(latest!['invoice_pdf']).to.equal('https://pay.stripe.com/invoice/acct_fake/in_pastdue/pdf');
  });

  it('previews a change, priced, without changing anything (both route styles)', async () => {
    const s = await scenario('active-usd');
    const before = await s.state();
    const preview = await call(s, 'POST', '/api/subscriptions/sub_active_usd/change/preview', { body: { interval: 'year' } });
    expect(preview.status).to.equal(200);
    const lines = preview.body['lines'] as Array<{ amount: number; description: string }>;
    expect(preview.body).to.include({ currency: 'usd', next_amount_due: 29000 });
    expect(preview.body['amount_due']).to.equal(lines.reduce((sum, line) => sum + line.amount, 0));
    expect(lines[0]!.amount, 'credit for the unused month').to.be.below(0);
    expect(lines[1]).to.include({ amount: 29000 });
    expect(time(preview.body['next_payment_at'])).to.be.greaterThan(Date.now() + 300 * 86_400_000);
    const down = await call(s, 'POST', `${accountPath(s)}/change/preview`, { body: { subscription_id: 'sub_active_usd', price_id: 'price_starter_month_usd' } });
    expect(down.body['amount_due'], 'a downgrade is a credit').to.be.below(0);
    expect((await call(s, 'POST', `${accountPath(s)}/change/preview`, { body: { subscription_id: 'sub_active_usd', interval: 'month' } })).status).to.equal(409);
    expect(await s.state()).to.deep.equal(before);
  });

  for (const [operation, method, path] of [
    ['listInvoices', 'GET', '/invoices'],
    ['previewChange', 'POST', '/change/preview'],
    ['resume', 'POST', '/resume'],
  ] as const) {
    it(`answers 404 or 405 to ${operation} when the service does not offer it`, async () => {
      for (const answer of [404, 405] as const) {
        const s = await scenario('cancel-at-period-end', { optional: { [operation]: answer } });
        const body = method === 'POST' ? { subscription_id: 'sub_cancel_later', interval: 'month' } : undefined;
        expect((await call(s, method, `${accountPath(s)}${path}`, { body })).status, `${answer} account style`).to.equal(answer);
        const tokenPath = path === '/invoices' ? path : `/sub_cancel_later${path}`;
        const response = await call(s, method, `/api/subscriptions${tokenPath}`, { body });
        expect(response.status, `${answer} token style`).to.equal(answer);
        expect(response.body['error']).to.include({ code: answer === 404 ? 'not_found' : 'method_not_allowed' });
      }
    });
  }

  it('redirects to another origin when told to (a service must not)', async () => {
    const s = await scenario();
    await s.fault({ operation: 'listSubscriptions', kind: 'redirect', status: 307 });
    const response = await fetch(`${s.baseUrl}/api/subscriptions`, { headers: { authorization: `Bearer ${s.token}` }, redirect: 'manual' });
    expect(response.type).to.equal('opaqueredirect');
    expect((await s.requests('listSubscriptions'))[0]!.status).to.equal(307);

    const service = new FakeBillingService();
    const local = service.createScenario('active-usd');
    local.faults.push({ kind: 'redirect' });
    const answer = (await service.handle({ method: 'GET', url: `http://127.0.0.1:9/s/${local.id}/api/subscriptions/features`, headers: { origin: 'http://page.test' }, body: '' }))!;
    expect(answer.status).to.equal(302);
    expect(answer.headers['location']).to.equal('http://localhost:9/__fake/echo?from=%2Fs%2F' + local.id + '%2Fapi%2Fsubscriptions%2Ffeatures');
    expect(answer.headers['access-control-allow-origin']).to.equal('http://page.test');
  });

  it('answers a list far longer than the limit when told to (oversize)', async () => {
    for (const [dataset, path, options] of [
      ['active-usd', '/api/subscriptions?limit=5', {}],
      ['new-account', '/api/subscriptions?limit=5', { listStyle: 'data' }],
      ['active-usd', '/api/subscriptions/invoices?limit=5', {}],
    ] as Array<[DataSetName, string, ScenarioOptions]>) {
      const s = await scenario(dataset, options);
      // 600, over the contract's maximum limit of 100: enough to tell, and cheap for the fake
      // server that the other test files share (5000 items block its event loop for a while).
      await s.fault({ operation: '*', kind: 'oversize', items: 600 });
      const { body } = await call(s, 'GET', path);
      const items = (body.items ?? body['data']) as Array<{ id: string }>;
      expect(items, `${dataset} ${path}`).to.have.length(600);
      expect(new Set(items.map((i) => i.id)).size, 'distinct ids').to.equal(600);
      expect(body.has_more).to.equal(true);
    }
  });

  it('renders any currency: every price, subscription and invoice in it, amounts unchanged', async () => {
    for (const currency of ['IDR', 'huf', 'isk', 'kwd', 'jpy']) {
      const s = await scenario('active-usd', { currency });
      const code = currency.toLowerCase();
      const merchants = (await call(s, 'GET', '/api/subscriptions/merchants')).body.items as Array<{ plans: Array<{ prices: Array<{ currency: string }> }> }>;
      expect(new Set(merchants.flatMap((m) => m.plans.flatMap((p) => p.prices.map((price) => price.currency))))).to.deep.equal(new Set([code]));
      const [sub] = (await call(s, 'GET', '/api/subscriptions')).body.items as Array<{ price: { currency: string; unit_amount: number } }>;
      expect(sub!.price).to.include({ currency: code, unit_amount: 2900 });
      const invoices = (await call(s, 'GET', '/api/subscriptions/invoices')).body.items;
      expect(new Set(invoices.map((i) => i['currency']))).to.deep.equal(new Set([code]));
      expect((await call(s, 'POST', '/api/subscriptions/sub_active_usd/change', { body: { interval: 'year' } })).status, 'the yearly price is found').to.equal(200);
    }
  });
});
