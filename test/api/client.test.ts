import { expect } from '@open-wc/testing';
import { createBillingClient, type BillingClient } from '../../src/api/client.js';
import { BillingError } from '../../src/api/errors.js';
import { scenario } from '../helpers/fake.js';
import type { RemoteScenario } from '../../src/testing/fake-api/remote.js';

const styles = ['token', 'account'] as const;

function clientFor(s: RemoteScenario, style: (typeof styles)[number]): BillingClient {
  return createBillingClient({
    baseUrl: s.baseUrl,
    accountId: style === 'account' ? s.accountId : undefined,
    getToken: () => s.token,
  });
}

for (const style of styles) {
  const prefix = (s: RemoteScenario) =>
    style === 'token' ? '/api/subscriptions' : `/api/accounts/${s.accountId}/subscriptions`;

  describe(`client against the fake service (${style} style)`, () => {
    it('lists subscriptions with limit, offset and locale, newest first', async () => {
      const s = await scenario('many');
      const client = clientFor(s, style);
      const first = await client.subscriptions.list({ limit: 15, offset: 0, locale: 'ja' });
      expect(first.items).to.have.length(15);
      expect(first.has_more).to.equal(true);
      expect(first.items[0]!.id).to.equal('sub_many_01');
      const last = await client.subscriptions.list({ limit: 15, offset: 30 });
      expect(last.items.map((i) => i.id)).to.include('sub_many_40');
      expect(last.has_more).to.equal(false);
      const [request] = await s.requests('listSubscriptions');
      expect(request!.method).to.equal('GET');
      expect(request!.path).to.equal(prefix(s));
      expect(request!.query).to.deep.equal({ limit: '15', offset: '0', locale: 'ja' });
      expect(request!.headers['authorization']).to.equal(`Bearer ${s.token}`);
      expect(request!.headers['cookie']).to.equal(undefined);
    });

    it('reads features, identity and merchants', async () => {
      const s = await scenario('active-usd');
      const client = clientFor(s, style);
      const [features, identity, merchants] = await Promise.all([
        client.subscriptions.features(),
        client.subscriptions.identity(),
        client.subscriptions.merchants(),
      ]);
      expect(features.find((f) => f.key === 'seats')).to.include({ enabled: true, limit: 5, usage: 2 });
      expect(features.find((f) => f.key === 'api_calls')!.limit).to.equal(null);
      expect(identity!.customer_id).to.equal('cus_Q1w2E3r4T5y6U7');
      expect(identity!.default_payment_method!.last4).to.equal('4242');
      expect(merchants[0]!.plans.map((p) => p.name)).to.deep.equal(['Starter', 'Pro', 'Business']);
      const paths = (await s.requests()).map((r) => r.path).sort();
      expect(paths).to.deep.equal([`${prefix(s)}/features`, `${prefix(s)}/identity`, `${prefix(s)}/merchants`]);
    });

    it('answers null identity for an account with no customer (404)', async () => {
      const s = await scenario('new-account');
      expect(await clientFor(s, style).subscriptions.identity()).to.equal(null);
    });

    it('creates checkout and portal sessions with the documented bodies', async () => {
      const s = await scenario('new-account');
      const client = clientFor(s, style);
      const successUrl = 'https://app.example.com/billing?checkout_session_id={CHECKOUT_SESSION_ID}';
      const session = await client.subscriptions.createCheckoutSession({
        price_id: 'price_pro_month_usd',
        success_url: successUrl,
        cancel_url: 'https://app.example.com/billing',
      });
      expect(session.url).to.contain('/fake-stripe/checkout/');
      const [checkout] = await s.requests('createCheckoutSession');
      expect(checkout!.path).to.equal(`${prefix(s)}/stripe/checkout-session`);
      expect(checkout!.headers['content-type']).to.equal('application/json');
      expect(checkout!.body).to.deep.equal({
        price_id: 'price_pro_month_usd',
        success_url: successUrl,
        cancel_url: 'https://app.example.com/billing',
      });
      await s.completeCheckout(session.id!);
      const portal = await client.subscriptions.createPortalSession({ return_url: 'https://app.example.com/billing' });
      expect(portal.url).to.contain('/fake-stripe/portal/');
      const [portalRequest] = await s.requests('createPortalSession');
      expect(portalRequest!.body).to.deep.equal({ return_url: 'https://app.example.com/billing' });
    });

    it('syncs a completed checkout session, then a full sync with allow_deletes=false', async () => {
      const s = await scenario('new-account');
      const client = clientFor(s, style);
      const session = await client.subscriptions.createCheckoutSession({
        price_id: 'price_starter_month_usd',
        success_url: 'https://app.example.com/?checkout_session_id={CHECKOUT_SESSION_ID}',
        cancel_url: 'https://app.example.com/',
      });
      expect((await client.subscriptions.list()).items).to.have.length(0);
      await s.completeCheckout(session.id!);
      const synced = await client.subscriptions.syncCheckoutSession({ session_id: session.id! });
      expect(synced.subscription!.status).to.equal('active');
      expect(synced.subscription!.plan!.name).to.equal('Starter');
      expect((await client.subscriptions.list()).items).to.have.length(1);
      const page = await client.subscriptions.sync();
      expect(page!.items).to.have.length(1);
      const [sync] = await s.requests('syncSubscriptions');
      expect(sync!.path).to.equal(`${prefix(s)}/sync`);
      expect(sync!.query).to.deep.equal({ allow_deletes: 'false' });
      expect(sync!.body).to.deep.equal({});
    });

    it('changes interval and price, carrying the subscription id as the style requires', async () => {
      const s = await scenario('active-usd');
      const client = clientFor(s, style);
      const yearly = await client.subscriptions.change('sub_active_usd', { interval: 'year' });
      expect(yearly.subscription!.price!.interval).to.equal('year');
      expect(yearly.hosted_invoice_url).to.contain('/fake-stripe/invoice/');
      const starter = await client.subscriptions.change('sub_active_usd', { price_id: 'price_starter_year_usd' });
      expect(starter.subscription!.plan!.name).to.equal('Starter');
      expect(starter.hosted_invoice_url).to.equal(null);
      const [first, second] = await s.requests('changeSubscription');
      if (style === 'token') {
        expect(first!.path).to.equal('/api/subscriptions/sub_active_usd/change');
        expect(first!.body).to.deep.equal({ interval: 'year' });
        expect(second!.body).to.deep.equal({ price_id: 'price_starter_year_usd' });
      } else {
        expect(first!.path).to.equal(`${prefix(s)}/change`);
        expect(first!.body).to.deep.equal({ interval: 'year', subscription_id: 'sub_active_usd' });
        expect(second!.body).to.deep.equal({ price_id: 'price_starter_year_usd', subscription_id: 'sub_active_usd' });
      }
    });

    it('lists invoices (optional), newest first, with limit, offset and locale', async () => {
      const s = await scenario('active-usd');
      const page = await clientFor(s, style).subscriptions.invoices({ limit: 2, offset: 0, locale: 'th' });
      expect(page!.items).to.have.length(2);
      expect(page!.has_more).to.equal(true);
      expect(page!.items[0]!.created!.getTime()).to.be.greaterThan(page!.items[1]!.created!.getTime());
      expect(page!.items[0]!.currency).to.equal('usd');
      const [request] = await s.requests('listInvoices');
      expect(request!.path).to.equal(`${prefix(s)}/invoices`);
      expect(request!.query).to.deep.equal({ limit: '2', offset: '0', locale: 'th' });
    });

    it('previews a change (optional) with the body of the change, changing nothing', async () => {
      const s = await scenario('seats');
      const client = clientFor(s, style);
      const preview = await client.subscriptions.previewChange('sub_team_seats', { quantity: 7 });
      expect(preview!.currency).to.equal('usd');
      expect(preview!.lines.length).to.be.greaterThan(0);
      expect(preview!.amount_due).to.equal(preview!.lines.reduce((sum, line) => sum + line.amount, 0));
      expect((await client.subscriptions.list()).items[0]!.quantity).to.equal(5);
      const [request] = await s.requests('previewChange');
      expect(request!.method).to.equal('POST');
      if (style === 'token') {
        expect(request!.path).to.equal('/api/subscriptions/sub_team_seats/change/preview');
        expect(request!.body).to.deep.equal({ quantity: 7 });
      } else {
        expect(request!.path).to.equal(`${prefix(s)}/change/preview`);
        expect(request!.body).to.deep.equal({ quantity: 7, subscription_id: 'sub_team_seats' });
      }
    });

    for (const status of [404, 405] as const) {
      it(`answers null for the optional operations when the service does not offer them (${status})`, async () => {
        const s = await scenario('active-usd', { optional: { listInvoices: status, previewChange: status } });
        const client = clientFor(s, style);
        expect(await client.subscriptions.invoices()).to.equal(null);
        expect(await client.subscriptions.previewChange('sub_active_usd', { interval: 'year' })).to.equal(null);
      });
    }

    it('refuses a change body that is neither one of interval or price_id nor a quantity, sending nothing', async () => {
      const s = await scenario('seats');
      const client = clientFor(s, style);
      for (const body of [{}, { interval: 'year', price_id: 'p' }, { quantity: 0 }, { quantity: 2.5 }]) {
        const failure = await client.subscriptions.change('sub_team_seats', body as never).catch((e: unknown) => e);
        expect(failure).to.be.instanceOf(BillingError);
        expect((failure as BillingError).kind).to.equal('config');
      }
      expect(await s.requests('changeSubscription')).to.have.length(0);
      const seats = await client.subscriptions.change('sub_team_seats', { quantity: 6 });
      expect(seats.subscription!.quantity).to.equal(6);
    });

    it('cancels at period end with a reason, resumes, then cancels immediately', async () => {
      const s = await scenario('active-usd');
      const client = clientFor(s, style);
      const later = await client.subscriptions.cancel('sub_active_usd', { timing: 'period_end', reason: 'too_expensive' });
      expect(later.subscription!.cancel_at_period_end).to.equal(true);
      expect(later.subscription!.cancel_at).to.be.instanceOf(Date);
      const resumed = await client.subscriptions.resume('sub_active_usd');
      expect(resumed.subscription!.cancel_at_period_end).to.equal(false);
      const now = await client.subscriptions.cancel('sub_active_usd', { timing: 'immediately' });
      expect(now.subscription!.status).to.equal('canceled');
      const cancels = await s.requests('cancelSubscription');
      const resume = (await s.requests('resumeSubscription'))[0]!;
      const id = style === 'account' ? { subscription_id: 'sub_active_usd' } : {};
      expect(cancels[0]!.body).to.deep.equal({ timing: 'period_end', reason: 'too_expensive', ...id });
      expect(cancels[1]!.body).to.deep.equal({ timing: 'immediately', ...id });
      expect(resume.body).to.deep.equal({ ...id });
      expect(resume.path).to.equal(style === 'token' ? '/api/subscriptions/sub_active_usd/resume' : `${prefix(s)}/resume`);
    });

    it('reports the service message of a 409 and a 422', async () => {
      const s = await scenario('canceled');
      const client = clientFor(s, style);
      const conflict = await client.subscriptions.cancel('sub_canceled', { timing: 'period_end' }).catch((e: unknown) => e);
      expect(conflict).to.be.instanceOf(BillingError);
      expect(conflict).to.include({ kind: 'http', status: 409, code: 'already_canceled', fromService: true });
      expect((conflict as BillingError).message).to.equal('This subscription has already ended.');
      const s2 = await scenario('active-usd');
      const invalid = await clientFor(s2, style)
        .subscriptions.change('sub_active_usd', { price_id: 'price_th_basic_month' })
        .catch((e: unknown) => e);
      expect(invalid).to.include({ kind: 'http', status: 422, code: 'price_not_found' });
    });
  });
}

describe('client authorization', () => {
  it('maps a member token to forbidden (403) on every route', async () => {
    const s = await scenario('active-usd');
    const client = createBillingClient({ baseUrl: s.baseUrl, getToken: () => s.info.tokens.member });
    const calls = [
      () => client.subscriptions.list(),
      () => client.subscriptions.features(),
      () => client.subscriptions.identity(),
      () => client.subscriptions.merchants(),
      () => client.subscriptions.sync(),
      () => client.subscriptions.cancel('sub_active_usd', { timing: 'period_end' }),
    ];
    for (const call of calls) {
      const error = await call().catch((e: unknown) => e);
      expect(error).to.include({ kind: 'forbidden', status: 403 });
    }
  });

  it('asks for a fresh token once after a 401 and repeats the request', async () => {
    const s = await scenario('active-usd');
    const asked: boolean[] = [];
    const client = createBillingClient({
      baseUrl: s.baseUrl,
      getToken: ({ refresh }) => {
        asked.push(refresh);
        return refresh ? s.token : s.info.tokens.expired;
      },
    });
    const page = await client.subscriptions.list();
    expect(page.items).to.have.length(1);
    expect(asked).to.deep.equal([false, true]);
    const requests = await s.requests('listSubscriptions');
    expect(requests.map((r) => r.status)).to.deep.equal([401, 200]);
  });

  it('gives up with unauthorized when the refreshed token is refused too', async () => {
    const s = await scenario('active-usd');
    let calls = 0;
    const client = createBillingClient({
      baseUrl: s.baseUrl,
      getToken: () => {
        calls++;
        return `${s.info.tokens.expired}${calls}`;
      },
    });
    const error = await client.subscriptions.list().catch((e: unknown) => e);
    expect(error).to.include({ kind: 'unauthorized', status: 401 });
    expect(calls).to.equal(2);
    expect((await s.requests()).length).to.equal(2);
  });

  it('never sends a request without a token', async () => {
    const s = await scenario('active-usd');
    const client = createBillingClient({ baseUrl: s.baseUrl, getToken: () => '' });
    const error = await client.subscriptions.list().catch((e: unknown) => e);
    expect(error).to.include({ kind: 'unauthorized' });
    expect(await s.requests()).to.have.length(0);
  });
});

describe('client: what it sends and what it takes', () => {
  it('sends the panel language as Accept-Language on every request and as locale on the GETs that take it', async () => {
    const s = await scenario('active-usd');
    const client = createBillingClient({ baseUrl: s.baseUrl, getToken: () => s.token, locale: () => 'zh-TW' });
    await Promise.all([client.subscriptions.list(), client.subscriptions.features(), client.subscriptions.identity(), client.subscriptions.merchants()]);
    await client.subscriptions.sync();
    const requests = await s.requests();
    expect(requests).to.have.length(5);
    for (const request of requests) expect(request.headers['accept-language'], request.path).to.equal('zh-TW');
    const locales = Object.fromEntries(requests.map((r) => [r.operation, r.query['locale']]));
    expect(locales).to.deep.equal({
      listSubscriptions: 'zh-TW',
      listFeatures: 'zh-TW',
      getIdentity: undefined,
      listMerchants: 'zh-TW',
      syncSubscriptions: undefined,
    });
  });

  it('cuts a page longer than the limit asked before validating it, and never asks for more than 100', async () => {
    const item = { id: 'sub', status: 'active', current_period_end: 0, price: { id: 'p', currency: 'usd', unit_amount: 1, interval: 'month' } };
    const urls: string[] = [];
    const client = createBillingClient({
      baseUrl: 'https://billing.example',
      getToken: () => 'opaque-token',
      fetch: async (input) => {
        urls.push(String(input));
        const items = Array.from({ length: 5000 }, (_, i) => ({ ...item, id: `sub_${i}` }));
        return new Response(JSON.stringify({ items, has_more: false }), { headers: { 'content-type': 'application/json' } });
      },
    });
    const page = await client.subscriptions.list({ limit: 15 });
    expect(page.items).to.have.length(15);
    expect(page.has_more).to.equal(true);
    const big = await client.subscriptions.list({ limit: 1000 });
    expect(big.items).to.have.length(100);
    expect(new URL(urls[1]!).searchParams.get('limit')).to.equal('100');
  });

  it('never follows an HTTP redirect', async () => {
    const inits: RequestInit[] = [];
    const client = createBillingClient({
      baseUrl: 'https://billing.example',
      getToken: () => 'opaque-token',
      retry: { attempts: 1 },
      fetch: async (_input, init) => {
        inits.push(init!);
        // What fetch does with redirect: 'error' when the answer is a 3xx.
        if (init?.redirect === 'error') throw new TypeError('Failed to fetch');
        return new Response('{"items":[]}', { headers: { 'content-type': 'application/json' } });
      },
    });
    let error: unknown;
    await client.subscriptions.features().catch((e: unknown) => (error = e));
    expect(inits[0]!.redirect).to.equal('error');
    expect(error).to.be.instanceOf(BillingError);
  });
});
