/** The session on its own, with no element: a plain host object records what reaches it. */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { scenario } from '../helpers/fake.js';
import { BillingSession, type SessionHost } from '../../src/session/session.js';
import { requestTimeout, sessionKey, type BillingConfig } from '../../src/session/config.js';
import type { RemoteScenario } from '../../src/testing/fake-api/remote.js';

function recordingHost(config: BillingConfig, locale = 'en') {
  const seen = { changed: 0, events: [] as string[], navigations: [] as string[] };
  const host: SessionHost = {
    config: () => config,
    locale: () => locale,
    changed: () => void seen.changed++,
    dispatch: (event) => {
      seen.events.push(event.type);
      return true;
    },
    rendered: () => Promise.resolve(),
    navigate: (url) => void seen.navigations.push(url),
  };
  return { host, seen };
}

const RESOURCES = ['subscriptions', 'features', 'identity', 'merchants'] as const;

describe('session key', () => {
  it('ignores the identity of the provider function, and only that', () => {
    const base = { baseUrl: 'https://billing.example', tokenProvider: () => 't' };
    expect(sessionKey(base)).to.equal(sessionKey({ ...base, tokenProvider: () => 'other' }));
    expect(sessionKey(base)).to.not.equal(sessionKey({ ...base, accountId: 'acct_1' }));
    expect(sessionKey(base)).to.not.equal(sessionKey({ ...base, token: 't' }));
    expect(sessionKey(base)).to.not.equal(sessionKey({ ...base, baseUrl: 'https://billing.example/v2' }));
    expect(sessionKey({ baseUrl: 'https://billing.example' })).to.equal('');
    expect(sessionKey({ token: 't' })).to.equal('');
  });

  it('keeps timeouts within 1 s–120 s', () => {
    expect(requestTimeout(5000)).to.equal(5000);
    for (const value of [undefined, 0, 999, 120_001, Number.NaN, Infinity, '5000']) expect(requestTimeout(value)).to.equal(15_000);
  });
});

describe('BillingSession without an element', () => {
  let s: RemoteScenario;
  beforeEach(async () => {
    s = await scenario('active-usd');
  });

  it('loads the four resources together and announces billing-loaded', async () => {
    const { host, seen } = recordingHost({ baseUrl: s.baseUrl, token: s.token });
    const session = new BillingSession(host, { resources: RESOURCES, finishCheckout: false });
    await waitUntil(() => seen.events.includes('billing-loaded'), undefined, { timeout: 5000 });
    expect(session.subscriptions()[0]!.plan!.name).to.equal('Pro');
    expect(await s.requests()).to.have.length(4);
    session.dispose();
  });

  it('drops everything once disposed: no change, event or request', async () => {
    // Long enough that the answers are still on their way when it is disposed, however busy the machine.
    await s.setOptions({ latencyMs: 1500 });
    const { host, seen } = recordingHost({ baseUrl: s.baseUrl, token: s.token });
    const session = new BillingSession(host, { resources: RESOURCES, finishCheckout: false });
    await waitUntil(async () => (await s.requests()).length === 4, undefined, { timeout: 5000 });
    const changes = seen.changed;
    session.dispose();
    void session.actions.sync();
    session.reload();
    session.retryFailed();
    // Another request under the same latency: the session's own answers have come (or not) by then.
    await fetch(`${s.baseUrl}/api/subscriptions/features`, { headers: { authorization: `Bearer ${s.token}` } });
    expect(seen.changed).to.equal(changes);
    expect(seen.events).to.deep.equal([]);
    expect(await s.requests()).to.have.length(5);
  });

  it("opens Stripe's Checkout and portal in the panel's language", async () => {
    const { host } = recordingHost({ baseUrl: s.baseUrl, token: s.token, redirectHosts: new URL(s.baseUrl).host }, 'zh-TW');
    host.dispatch = (event) => event.type !== 'billing-redirect'; // the host navigates itself
    const session = new BillingSession(host, { resources: RESOURCES, finishCheckout: false });
    await session.actions.subscribe('price_pro_month_usd');
    await session.actions.openPortal();
    expect((await s.requests('createCheckoutSession'))[0]!.body).to.include({ locale: 'zh-TW' });
    expect((await s.requests('createPortalSession'))[0]!.body).to.include({ locale: 'zh-TW' });
    session.dispose();
  });

  it('refuses a configuration no request can be made with', () => {
    const { host } = recordingHost({ baseUrl: 'ftp://billing.example', token: 'opaque' });
    expect(() => new BillingSession(host, { resources: RESOURCES, finishCheckout: false })).to.throw();
  });
});
