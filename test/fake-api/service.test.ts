import { expect } from '@open-wc/testing';
import { createBillingClient } from '../../src/api/client.js';
import { scenario } from '../helpers/fake.js';

describe('fake billing service', () => {
  it('runs the checkout round trip on its fake Stripe pages', async () => {
    const s = await scenario('new-account');
    const client = createBillingClient({ baseUrl: s.baseUrl, getToken: () => s.token });
    const landing = `${new URL(s.baseUrl).origin}/__fake/echo`;
    const success = `${landing}?x=1&checkout_session_id={CHECKOUT_SESSION_ID}#billing`;
    const session = await client.subscriptions.createCheckoutSession({
      price_id: 'price_pro_month_usd',
      success_url: success,
      cancel_url: `${location.origin}/cancelled`,
    });
    const page = await (await fetch(session.url)).text();
    expect(page).to.contain('Pay and subscribe');
    expect(page).to.contain(`href="${location.origin}/cancelled"`);
    const paid = await fetch(`${session.url}/pay`, { method: 'POST' });
    expect(paid.url).to.equal(`${landing}?x=1&checkout_session_id=${session.id}`);
    // Stripe has it; the service learns of it through checkout-session sync.
    expect((await client.subscriptions.list()).items).to.have.length(0);
    const synced = await client.subscriptions.syncCheckoutSession({ session_id: session.id! });
    expect(synced.subscription!.status).to.equal('active');
    expect(await client.subscriptions.identity()).to.not.equal(null);
  });

  it('keeps a new subscription incomplete for a few reads when asked', async () => {
    const s = await scenario('new-account', { activationReads: 2, webhook: true });
    const client = createBillingClient({ baseUrl: s.baseUrl, getToken: () => s.token });
    const session = await client.subscriptions.createCheckoutSession({
      price_id: 'price_starter_month_usd',
      success_url: 'https://app.test/?checkout_session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://app.test/',
    });
    await s.completeCheckout(session.id!);
    expect((await client.subscriptions.list()).items[0]!.status).to.equal('incomplete');
    expect((await client.subscriptions.list()).items[0]!.status).to.equal('active');
  });

  it('refuses a second checkout with a merchant the account already subscribes to', async () => {
    const s = await scenario('active-usd');
    const client = createBillingClient({ baseUrl: s.baseUrl, getToken: () => s.token });
    const error = await client.subscriptions
      .createCheckoutSession({ price_id: 'price_starter_month_usd', success_url: 'https://a.test/', cancel_url: 'https://a.test/' })
      .catch((e: unknown) => e);
    expect(error).to.include({ status: 409, code: 'already_subscribed' });
  });

  it('serves a portal page that returns to return_url', async () => {
    const s = await scenario('active-usd');
    const client = createBillingClient({ baseUrl: s.baseUrl, getToken: () => s.token });
    const portal = await client.subscriptions.createPortalSession({ return_url: `${location.origin}/settings?tab=billing` });
    const page = await (await fetch(portal.url)).text();
    expect(page).to.contain(`href="${location.origin}/settings?tab=billing"`);
    expect(page).to.contain('Pro');
  });

  it('offers Stripe-looking URLs when asked', async () => {
    const s = await scenario('active-usd', { stripeUrls: 'stripe' });
    const client = createBillingClient({ baseUrl: s.baseUrl, getToken: () => s.token });
    const portal = await client.subscriptions.createPortalSession({ return_url: 'https://a.test/' });
    expect(portal.url).to.match(/^https:\/\/billing\.stripe\.com\/p\/session\//);
  });

  it('answers resume with 404 or 405 when the service does not offer it', async () => {
    for (const resume of [404, 405] as const) {
      const s = await scenario('cancel-at-period-end', { resume });
      const client = createBillingClient({ baseUrl: s.baseUrl, getToken: () => s.token });
      const error = await client.subscriptions.resume('sub_cancel_later').catch((e: unknown) => e);
      expect(error).to.include({ status: resume });
    }
  });

  it('speaks each list style the contract allows, and the client reads them all', async () => {
    for (const listStyle of ['items', 'data', 'array'] as const) {
      const s = await scenario('many', { listStyle });
      const client = createBillingClient({ baseUrl: s.baseUrl, getToken: () => s.token });
      const page = await client.subscriptions.list({ limit: 10 });
      expect(page.items, listStyle).to.have.length(10);
      expect(page.has_more, listStyle).to.equal(listStyle !== 'array');
    }
  });

  it('says "no customer" either as 404 (the default) or as customer_id null', async () => {
    const s = await scenario('new-account', { identityStyle: 'null' });
    const client = createBillingClient({ baseUrl: s.baseUrl, getToken: () => s.token });
    const identity = await client.subscriptions.identity();
    expect(identity!.customer_id).to.equal(null);
    expect((await s.requests('getIdentity'))[0]!.status).to.equal(200);
    const missing = await scenario('new-account');
    const other = createBillingClient({ baseUrl: missing.baseUrl, getToken: () => missing.token });
    expect(await other.subscriptions.identity()).to.equal(null);
    expect((await missing.requests('getIdentity'))[0]!.status).to.equal(404);
  });

  it('syncs from Stripe without deleting local subscriptions unless allowed', async () => {
    const s = await scenario('past-due');
    const client = createBillingClient({ baseUrl: s.baseUrl, getToken: () => s.token });
    const invoice = (await client.subscriptions.list()).items[0]!.latest_invoice_url!;
    await fetch(`${invoice}/pay`, { method: 'POST' });
    expect((await client.subscriptions.list()).items[0]!.status).to.equal('past_due');
    const page = await client.subscriptions.sync();
    expect(page!.items[0]!.status).to.equal('active');
  });

  it('logs every request with method, path, query, headers and body', async () => {
    const s = await scenario('active-usd');
    const client = createBillingClient({ baseUrl: s.baseUrl, accountId: s.accountId, getToken: () => s.token });
    await client.subscriptions.cancel('sub_active_usd', { timing: 'period_end' });
    const log = await s.log();
    const preflight = log.find((e) => e.method === 'OPTIONS');
    expect(preflight, 'the cross-origin POST was preflighted').to.not.equal(undefined);
    expect(preflight!.headers['access-control-request-headers']).to.match(/authorization/);
    const post = log.find((e) => e.method === 'POST')!;
    expect(post).to.deep.include({ path: `/api/accounts/${s.accountId}/subscriptions/cancel`, operation: 'cancelSubscription', status: 200 });
    expect(post.body).to.deep.equal({ timing: 'period_end', subscription_id: 'sub_active_usd' });
    expect(post.headers['authorization']).to.equal(`Bearer ${s.token}`);
  });
});
