/**
 * One session per configuration: what a session must never leak across accounts,
 * lifecycles and failures (the observations of the review, each a test).
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../helpers/console-guard.js';
import { scenario } from '../helpers/fake.js';
import { findByRole, getByRole, queryAllByRole, findText, visibleText } from '../../src/testing/queries.js';
import { configure, loadedPanel, panel } from '../helpers/panel.js';
import { captureChanges, captureRedirects, deepActiveElement, openDialog, waitForDialog } from '../helpers/actions.js';
import type { RemoteScenario } from '../../src/testing/fake-api/remote.js';
import { makeTestToken } from '../../src/testing/fake-api/tokens.js';
import { BillingPanel } from '../../src/billing-panel.js';
import type { BillingErrorDetail } from '../../src/events/billing-error-event.js';

function captureErrors(el: HTMLElement): BillingErrorDetail[] {
  const seen: BillingErrorDetail[] = [];
  el.addEventListener('billing-error', (event) => seen.push(event.detail));
  return seen;
}

/**
 * Sends the same request as the panel did, under the same injected latency: once it is
 * answered, the panel's earlier request has been answered too.
 */
async function afterAnswerTo(s: RemoteScenario, path: string, init: RequestInit = {}): Promise<void> {
  await fetch(`${s.baseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' } }).catch(() => undefined);
}

const checkoutBody = JSON.stringify({ price_id: 'price_pro_month_usd', success_url: 'https://a.test/', cancel_url: 'https://a.test/' });

async function actionPanel(s: RemoteScenario): Promise<BillingPanel> {
  const el = await loadedPanel(s);
  el.redirectHosts = new URL(s.baseUrl).host;
  await el.updateComplete;
  return el;
}

describe('session: a parent that re-renders', () => {
  it('does not refetch when it hands a new tokenProvider function on every render, and asks the newest one', async () => {
    const s = await scenario();
    const el = document.createElement('billing-panel');
    el.baseUrl = s.baseUrl;
    el.tokenProvider = () => s.token;
    const loaded = oneEvent(el, 'billing-loaded');
    await fixture(html`<div>${el}</div>`);
    await loaded;
    let asked = -1;
    for (let render = 0; render < 20; render++) {
      el.tokenProvider = () => {
        asked = render;
        return makeTestToken({ acc: s.accountId, sub: `render-${render}` });
      };
      await el.updateComplete;
    }
    expect(await s.requests(), 'no request after 20 renders').to.have.length(5);
    // The token is refused once: the newest provider is the one asked for a new one.
    await s.fault({ operation: 'listFeatures', status: 401, times: 1 });
    el.reload();
    await oneEvent(el, 'billing-loaded');
    expect(asked).to.equal(19);
  });
});

describe('session: switching configuration in the middle of an action', () => {
  const switches: Array<[string, (el: BillingPanel, s: RemoteScenario, other: RemoteScenario) => void]> = [
    ['token', (el, s) => (el.token = s.info.tokens.member)],
    ['account-id', (el, s) => (el.accountId = s.accountId)],
    ['base-url', (el, _s, other) => configure(el, other)],
  ];
  for (const [what, change] of switches) {
    it(`drops the old account's checkout redirect and errors when ${what} changes, and gives the controls back at once`, async () => {
      const s = await scenario('new-account');
      const other = await scenario('new-account');
      const el = await actionPanel(s);
      const redirects = captureRedirects(el);
      const errors = captureErrors(el);
      await s.fault({ operation: 'createCheckoutSession', latencyMs: 1500, times: 2 });
      getByRole(el, 'button', /^Subscribe to Pro,/).click();
      await waitUntil(async () => (await s.requests('createCheckoutSession')).length === 1, undefined, { timeout: 5000 });
      change(el, s, other);
      await el.updateComplete;
      await waitUntil(() => queryAllByRole(el, 'button', /^Subscribe to/).length > 0 || what === 'token', 'the new session renders', { timeout: 5000 });
      for (const button of queryAllByRole(el, 'button')) expect(button.hasAttribute('disabled'), `${button.textContent} enabled`).to.equal(false);
      await afterAnswerTo(s, '/api/subscriptions/stripe/checkout-session', { method: 'POST', body: checkoutBody });
      await el.updateComplete;
      expect(redirects, 'no redirect of the old account').to.deep.equal([]);
      expect(errors.filter((e) => e.operation === 'createCheckoutSession')).to.deep.equal([]);
    });
  }

  for (const [opener, confirm] of [
    ['Cancel subscription', 'Confirm cancellation'],
    [/^Switch to Business,/, 'Confirm switch'],
  ] as const) {
    it(`closes the "${String(opener)}" dialog of the old account when the account changes, sending nothing, and keeps the focus in the panel`, async () => {
      const s = await scenario('active-usd');
      const other = await scenario('seats');
      const el = await actionPanel(s);
      getByRole(el, 'button', opener).click();
      const dialog = await waitForDialog(el);
      getByRole(dialog, 'button', confirm).focus();
      configure(el, other);
      await waitUntil(() => !openDialog(el), 'the dialog closes');
      await waitUntil(() => queryAllByRole(el, 'button', 'Change seats of Team, 5 now').length === 1, 'the new account renders');
      await waitUntil(() => deepActiveElement() !== document.body, 'the focus stays in the panel');
      expect(openDialog(el)).to.equal(undefined);
      const sent = [...(await s.requests()), ...(await other.requests())].filter((r) => r.method === 'POST').map((r) => r.operation);
      expect(sent.filter((op) => op !== 'previewChange'), 'no change or cancel on either account').to.deep.equal([]);
    });
  }

  it("never shows the old account's action error in the new account's panel", async () => {
    const s = await scenario('active-usd');
    const other = await scenario('active-usd');
    const el = await actionPanel(s);
    const errors = captureErrors(el);
    await s.fault({ operation: 'syncSubscriptions', latencyMs: 1500, status: 500, times: 2 });
    getByRole(el, 'button', 'Sync with Stripe').click();
    await waitUntil(async () => (await s.requests('syncSubscriptions')).length === 1, undefined, { timeout: 5000 });
    const loaded = oneEvent(el, 'billing-loaded');
    configure(el, other);
    await loaded;
    await afterAnswerTo(s, '/api/subscriptions/sync?allow_deletes=false', { method: 'POST', body: '{}' });
    await el.updateComplete;
    expect(JSON.stringify(errors)).to.equal('[]');
    expect(visibleText(el)).to.not.contain('Could not');
    expect(getByRole(el, 'button', 'Sync with Stripe').hasAttribute('disabled')).to.equal(false);
  });
});

describe('session: removal', () => {
  it('sends nothing more once removed while it loads', async () => {
    const s = await scenario();
    await s.setOptions({ latencyMs: 300 });
    const el = await panel(s);
    await waitUntil(async () => (await s.requests()).length === 5, undefined, { timeout: 5000 });
    el.remove();
    await afterAnswerTo(s, '/api/subscriptions/features');
    await el.updateComplete;
    expect((await s.requests()).filter((r) => r.headers['authorization'] === `Bearer ${s.token}`)).to.have.length(6);
  });

  it('sends nothing more once removed while an action runs, and redirects nowhere', async () => {
    const s = await scenario('new-account');
    const el = await actionPanel(s);
    const redirects = captureRedirects(el);
    await s.fault({ operation: 'createCheckoutSession', latencyMs: 1500, times: 2 });
    getByRole(el, 'button', /^Subscribe to Pro,/).click();
    await waitUntil(async () => (await s.requests('createCheckoutSession')).length === 1, undefined, { timeout: 5000 });
    await s.clearLog();
    el.remove();
    await afterAnswerTo(s, '/api/subscriptions/stripe/checkout-session', { method: 'POST', body: checkoutBody });
    await el.updateComplete;
    expect(await s.requests()).to.have.length(1); // the test's own request
    expect(redirects).to.deep.equal([]);
  });
});

describe('session: unknown is not empty', () => {
  it('offers no Subscribe or Switch while the subscriptions failed, says why, and retries', async () => {
    const s = await scenario('active-usd');
    await s.fault({ operation: 'listSubscriptions', status: 500 });
    const el = await panel(s);
    await findText(el, 'Your current subscriptions could not be loaded, so no plan can be chosen yet.');
    expect(queryAllByRole(el, 'button', /^(Subscribe|Switch)/)).to.deep.equal([]);
    await s.clearFaults();
    const plans = el.shadowRoot!.querySelector('billing-plans')!;
    getByRole(plans, 'button', 'Try again').click();
    await findText(el, 'Switch to Starter');
    expect(queryAllByRole(el, 'button', /^Subscribe/)).to.deep.equal([]);
  });

  it('offers no Subscribe while the subscriptions are still loading', async () => {
    const s = await scenario('active-usd');
    await s.fault({ operation: 'listSubscriptions', kind: 'hang' });
    const el = await panel(s);
    await findText(el, 'Checking your current subscriptions…');
    await findText(el, 'Starter');
    expect(queryAllByRole(el, 'button', /^(Subscribe|Switch)/)).to.deep.equal([]);
  });
});

describe('session: events after rendering', () => {
  it('fires billing-loaded once every section shows its data', async () => {
    const s = await scenario('active-usd');
    const el = document.createElement('billing-panel');
    let seen = '';
    el.addEventListener('billing-loaded', () => (seen = visibleText(el)));
    configure(el, s);
    await fixture(html`<div>${el}</div>`);
    await waitUntil(() => seen !== '', undefined, { timeout: 5000 });
    expect(seen).to.contain('$29.00 per month');
    expect(seen).to.contain('Starter');
    expect(seen).to.contain('owner@example.com');
  });

  it('fires billing-changed once the reloaded data has rendered', async () => {
    const s = await scenario('cancel-at-period-end');
    const el = await actionPanel(s);
    let seen = '';
    el.addEventListener('billing-changed', () => (seen = visibleText(el)));
    getByRole(el, 'button', 'Resume subscription').click();
    await waitUntil(() => seen !== '', undefined, { timeout: 5000 });
    expect(seen).to.not.contain('Cancels on');
    expect(seen).to.contain('Cancel subscription');
  });

  it('fires billing-changed after the reload when the host takes over the invoice redirect', async () => {
    const s = await scenario('active-usd');
    const el = await actionPanel(s);
    const redirects = captureRedirects(el);
    let seen = '';
    el.addEventListener('billing-changed', () => (seen = visibleText(el)));
    getByRole(el, 'button', 'Switch to yearly billing').click();
    const dialog = await waitForDialog(el);
    getByRole(dialog, 'button', 'Confirm switch').click();
    await waitUntil(() => seen !== '', undefined, { timeout: 5000 });
    expect(redirects.map((r) => r.kind)).to.deep.equal(['invoice']);
    expect(seen).to.contain('$290.00 per year');
  });
});

describe('session: tokens', () => {
  it('fails the loads when tokenProvider never settles, within the request timeout', async () => {
    const s = await scenario();
    const el = document.createElement('billing-panel');
    el.baseUrl = s.baseUrl;
    el.timeout = 1000;
    el.tokenProvider = () => new Promise<string>(() => undefined);
    const failed = oneEvent(el, 'billing-error');
    await fixture(html`<div>${el}</div>`);
    expect((await failed).detail.kind).to.equal('timeout');
    await findText(el, 'took too long');
    expect(await s.requests()).to.have.length(0);
  });

  it('asks a provider once however many requests wait for it', async () => {
    const s = await scenario();
    let calls = 0;
    const el = document.createElement('billing-panel');
    el.baseUrl = s.baseUrl;
    el.tokenProvider = async () => {
      calls++;
      return s.token;
    };
    const loaded = oneEvent(el, 'billing-loaded');
    await fixture(html`<div>${el}</div>`);
    await loaded;
    expect(calls).to.equal(1);
  });

  it('answers a 401 on a POST with a fresh token, sending it once more', async () => {
    const s = await scenario('active-usd');
    const el = await actionPanel(s);
    let asked = 0;
    el.tokenProvider = () => {
      asked++;
      return makeTestToken({ acc: s.accountId, sub: 'fresh' });
    };
    await el.updateComplete;
    const changes = captureChanges(el);
    await s.fault({ operation: 'syncSubscriptions', status: 401, times: 1 });
    // Sync sits next to the data: it shows once the data is there.
    (await findByRole(el, 'button', 'Sync with Stripe')).click();
    await waitUntil(() => changes.length === 1, undefined, { timeout: 5000 });
    expect(asked).to.equal(1);
    expect(await s.requests('syncSubscriptions')).to.have.length(2);
  });

  it('shows the session expired after a POST 401 that no provider can fix, without Try again', async () => {
    const s = await scenario('active-usd');
    const el = await actionPanel(s);
    const expired = oneEvent(el, 'billing-token-expired');
    await s.fault({ operation: 'syncSubscriptions', status: 401, times: 1 });
    // Sync sits next to the data: it shows once the data is there.
    (await findByRole(el, 'button', 'Sync with Stripe')).click();
    await expired;
    await findText(el, 'Your session has expired.');
    expect(queryAllByRole(el, 'button', 'Try again')).to.deep.equal([]);
    expect(await s.requests('syncSubscriptions')).to.have.length(1);
  });

  it('keeps every token out of messages, details and codes', async () => {
    const s = await scenario('active-usd');
    const el = await actionPanel(s);
    const errors = captureErrors(el);
    const other = 'eyJhbGciOiJIUzI1NiJ9.eyJhY2MiOiJvdGhlciJ9.c2lnbmF0dXJl';
    const body = JSON.stringify({ error: { code: `bad ${s.token}`, message: `Token ${s.token} and ${other} are not allowed` } });
    await s.fault({ operation: 'cancelSubscription', status: 409, body, contentType: 'application/json', times: 1 });
    getByRole(el, 'button', 'Cancel subscription').click();
    const dialog = await waitForDialog(el);
    getByRole(dialog, 'button', 'Confirm cancellation').click();
    await waitUntil(() => errors.length === 1, undefined, { timeout: 5000 });
    await el.updateComplete;
    const shown = visibleText(el) + JSON.stringify(errors);
    expect(shown).to.contain('[redacted]');
    expect(shown).to.not.contain(s.token);
    expect(shown).to.not.contain(other);
    expect(shown).to.not.contain('bad ');
  });
});

describe('session: opaque tokens (contract 1.1)', () => {
  it('sends an opaque token as it is and loads with it', async () => {
    const s = await scenario('active-usd', { tokens: 'opaque' });
    expect(s.token.split('.').length).to.not.equal(3);
    const el = await loadedPanel(s);
    expect(visibleText(el)).to.contain('$29.00 per month');
    for (const request of await s.requests()) expect(request.headers['authorization']).to.equal(`Bearer ${s.token}`);
  });

  it('learns that an opaque token expired from the 401', async () => {
    const s = await scenario('active-usd', { tokens: 'opaque' });
    const el = document.createElement('billing-panel');
    const expired = oneEvent(el, 'billing-token-expired');
    configure(el, s, { token: s.info.tokens.expired });
    await fixture(html`<div>${el}</div>`);
    await expired;
    await findText(el, 'Your session has expired.');
  });
});

describe('session: the service and the network', () => {
  it('never follows a redirect from the service', async () => {
    const s = await scenario('active-usd');
    await s.fault({ operation: 'listFeatures', kind: 'redirect' });
    const errors = captureErrors(document.body);
    const el = await panel(s);
    await findText(el, '$29.00 per month');
    await waitUntil(() => errors.some((e) => e.operation === 'listFeatures'), 'the features fail', { timeout: 8000 });
    const host = new URL(s.baseUrl).host;
    const features = await s.requests('listFeatures');
    expect(features.length).to.be.greaterThan(0);
    for (const request of features) expect(request.headers['host'], 'no request reached the other origin').to.equal(host);
  });

  it('reads no more than the page it asked for when the service sends 5,000 subscriptions', async () => {
    const s = await scenario('active-usd');
    await s.fault({ operation: 'listSubscriptions', kind: 'oversize', items: 5000, times: 1 });
    const el = await loadedPanel(s);
    const list = el.shadowRoot!.querySelector('billing-subscriptions')!;
    const cards = list.shadowRoot!.querySelectorAll('[part~="subscription"]');
    expect(cards.length).to.equal(15);
    getByRole(list, 'button', /Show more/);
  });

  it('loads what failed again by itself when the browser is back online', async () => {
    const s = await scenario('active-usd');
    await s.fault({ operation: 'listFeatures', kind: 'network' });
    const el = await panel(s);
    await findText(el, 'Could not load features');
    await s.clearFaults();
    window.dispatchEvent(new Event('online'));
    await findText(el, 'API calls');
    expect(visibleText(el)).to.not.contain('Could not load features');
  });

  for (const value of [50, 0, -1, Number.NaN, 10_000_000]) {
    it(`keeps the default timeout for timeout=${value}`, async () => {
      const s = await scenario('active-usd');
      await s.fault({ operation: 'listMerchants', latencyMs: 200 });
      const el = document.createElement('billing-panel');
      el.timeout = value;
      const loaded = oneEvent(el, 'billing-loaded');
      configure(el, s);
      await fixture(html`<div>${el}</div>`);
      await loaded;
      expect(visibleText(el)).to.contain('Starter');
    });
  }
});

describe('session: a navigation that does not leave', () => {
  it('gives the controls back when the page is still visible a few seconds after a redirect started', async function () {
    this.timeout(30_000);
    const s = await scenario('active-usd');
    const el = await loadedPanel(s);
    // A same-page address: the browser "navigates" and stays, as when a navigation is stopped.
    el.redirectHosts = location.host;
    await el.updateComplete;
    const stays = `${location.origin}${location.pathname}${location.search}#stripe-portal`;
    await s.fault({ operation: 'createPortalSession', status: 200, body: JSON.stringify({ url: stays }), contentType: 'application/json', times: 1 });
    const redirected = oneEvent(el, 'billing-redirect');
    const button = getByRole(el, 'button', 'Manage billing');
    button.click();
    await redirected;
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled'), 'busy while the page should be leaving').to.equal('true');
    await waitUntil(() => !button.hasAttribute('aria-disabled'), 'the controls come back', { timeout: 8000 });
    expect(location.hash).to.equal('#stripe-portal');
    history.replaceState(null, '', location.pathname);
  });
});

describe('session: a child upgraded before its panel', () => {
  it('finds the panel when it upgrades later, and loads nothing of its own', async () => {
    const s = await scenario('active-usd');
    const tag = `billing-panel-later-${Math.random().toString(36).slice(2)}`;
    const host = document.createElement('div');
    document.body.append(host);
    const outer = document.createElement(tag) as BillingPanel;
    outer.setAttribute('base-url', s.baseUrl);
    outer.setAttribute('token', s.token);
    const child = document.createElement('billing-features');
    outer.append(child);
    host.append(outer);
    await child.updateComplete;
    const loaded = oneEvent(outer, 'billing-loaded');
    customElements.define(tag, class extends BillingPanel {});
    await loaded;
    await findText(child, 'API calls');
    expect(visibleText(child)).to.not.contain('not configured');
    expect(await s.requests('listFeatures')).to.have.length(1);
    host.remove();
  });
});
