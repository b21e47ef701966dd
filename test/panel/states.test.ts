import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../helpers/wait.js';
import { deepActiveElement } from '../helpers/actions.js';
import '../helpers/console-guard.js';
import { scenario } from '../helpers/fake.js';
import { findByRole, findText, getByRole, queryAllByRole, visibleText } from '../../src/testing/queries.js';
import { configure, loadedPanel, panel } from '../helpers/panel.js';
import type { BillingPanel } from '../../src/billing-panel.js';
import { RESOURCES, type BillingState } from '../../src/session/state.js';
import { TOGETHER_MS } from '../../src/session/resources.js';
import type { BillingErrorEvent } from '../../src/events/billing-error-event.js';
import { makeTestToken } from '../../src/testing/fake-api/tokens.js';

const section = (el: BillingPanel, tag: string) => el.shadowRoot!.querySelector(tag)!;

describe('<billing-panel> states', () => {
  it('says it is not configured and sends nothing without a token', async () => {
    const s = await scenario();
    const el = await panel(undefined);
    el.baseUrl = s.baseUrl;
    await el.updateComplete;
    expect(visibleText(el)).to.contain('Billing is not configured: set base-url and a token (or tokenProvider).');
    expect(await s.log()).to.have.length(0);
  });

  it('says it is not configured without a base-url', async () => {
    const el = await fixture<BillingPanel>(html`<billing-panel token="x.y.z"></billing-panel>`);
    expect(visibleText(el)).to.contain('Billing is not configured');
  });

  it('reports an invalid base-url as a configuration error, in the panel and as an event', async () => {
    const el = document.createElement('billing-panel');
    const failed = oneEvent(el, 'billing-error') as Promise<BillingErrorEvent>;
    el.setAttribute('base-url', 'ftp://billing.example.com');
    el.token = makeTestToken({ acc: 'a' });
    document.body.append(el);
    const event = await failed;
    expect(event.detail).to.include({ operation: 'configure', kind: 'config' });
    await el.updateComplete;
    expect(visibleText(el)).to.contain('Billing is not configured correctly. base-url must be an absolute https:// or http:// URL, without credentials, query or fragment.');
    el.remove();
  });

  it('reports a malformed token as a configuration error, without sending it', async () => {
    const s = await scenario();
    // Shaped like a JWT (`eyJ….….`) but its payload is not JSON; opaque tokens are valid (contract 1.1).
    const el = await panel(s, { token: `eyJhbGciOiJub25lIn0.${btoa('not json').replace(/=+$/, '')}.` });
    await findText(el, 'Billing is not configured correctly. The token is not a valid JWT.');
    expect(await s.log()).to.have.length(0);
  });

  it('shows a skeleton per section while it loads, then the data', async () => {
    const s = await scenario();
    await s.fault({ operation: 'listFeatures', kind: 'hang' });
    const el = await panel(s);
    await findText(el, 'Pro');
    const features = section(el, 'billing-features').shadowRoot!;
    expect(features.querySelector('[aria-busy="true"]')).to.not.equal(null);
    expect(features.querySelectorAll('[part~="skeleton"]').length).to.be.greaterThan(0);
    expect(visibleText(el)).to.contain('Billing details');
  });

  it('isolates a failing resource and retries only that one', async () => {
    const s = await scenario();
    await s.fault({ operation: 'listFeatures', status: 500 });
    const el = document.createElement('billing-panel');
    const failed = oneEvent(el, 'billing-error') as Promise<BillingErrorEvent>;
    configure(el, s);
    await fixture(html`<div>${el}</div>`);
    const event = await failed;
    expect(event.detail).to.include({ operation: 'listFeatures', kind: 'http', status: 500 });
    const alert = await findByRole(el, 'alert');
    expect(visibleText(alert), 'no "try again later" beside a Try again button').to.equal('Could not load features. Try again');
    await findText(el, '$29.00 per month');
    await findText(el, 'Ada Owner');
    await s.clearFaults();
    await s.clearLog();
    const loaded = oneEvent(el, 'billing-loaded');
    getByRole(el, 'button', 'Try again').click();
    await loaded;
    await findText(el, 'inboxes: 3 of 10 used');
    expect((await s.requests()).map((r) => r.operation)).to.deep.equal(['listFeatures']);
  });

  it("keeps the keyboard focus in the section when Try again gives way to the skeleton: on the section's heading", async () => {
    const s = await scenario();
    await s.fault({ operation: 'listFeatures', status: 500, latencyMs: 300 });
    const el = await panel(s);
    const retry = await findByRole(el, 'button', 'Try again');
    await s.clearFaults();
    await s.fault({ operation: 'listFeatures', latencyMs: 300 });
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !retry.isConnected, 'the skeleton replaces Try again');
    await el.updateComplete;
    const heading = deepActiveElement();
    expect(heading?.localName, 'focused while the features load').to.equal('h3');
    expect(heading?.textContent?.trim()).to.equal('Features');
    await findText(el, 'inboxes: 3 of 10 used');
    expect(deepActiveElement(), 'still focused once they are in').to.equal(heading);
  });

  it('renders answers that arrive together once, and shows them without waiting for a slow one', async () => {
    const s = await scenario();
    await s.fault({ operation: 'getIdentity', latencyMs: 30 });
    await s.fault({ operation: 'listMerchants', latencyMs: 60 });
    // When the first answer came: an answer waits for the others at most TOGETHER_MS after it
    // (a loaded machine may spread them further; a render after that is allowed).
    let firstAnswer = Infinity;
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
      const response = await realFetch(...args);
      firstAnswer = Math.min(firstAnswer, performance.now());
      return response;
    };
    const el = document.createElement('billing-panel') as BillingPanel & { render(): unknown; billing: BillingState };
    const render = el.render.bind(el);
    let partial = 0;
    el.render = () => {
      const ready = RESOURCES.filter((name) => el.billing[name].status === 'ready').length;
      if (ready > 0 && ready < RESOURCES.length && performance.now() - firstAnswer < TOGETHER_MS) partial++;
      return render();
    };
    try {
      const loaded = oneEvent(el, 'billing-loaded');
      configure(el, s);
      await fixture(html`<div>${el}</div>`);
      await loaded;
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(partial, 'renders with some answers in and others on their way, sooner than TOGETHER_MS after the first').to.equal(0);

    const slow = await scenario();
    await slow.fault({ operation: 'listFeatures', latencyMs: 1500 });
    const other = await panel(slow);
    await findText(other, 'Ada Owner');
    expect(other.shadowRoot!.querySelector('billing-features')!.shadowRoot!.querySelector('[aria-busy="true"]'), 'the features still loading').to.not.equal(null);
  });

  it('renders again only the sections that show what an answer changed', async () => {
    const s = await scenario();
    await s.fault({ operation: 'listFeatures', status: 500 });
    const el = await panel(s);
    await findByRole(el, 'alert');
    await findText(el, 'Ada Owner');
    await findText(el, '$29.00 per month');
    await waitUntil(() => el.shadowRoot!.querySelector('billing-invoices')?.shadowRoot?.querySelector('[part~="invoice"]'), 'the invoice rows');
    const renders = new Map<string, number>();
    for (const section of el.shadowRoot!.querySelectorAll<HTMLElement & { render(): unknown }>('.sections > *')) {
      const render = section.render.bind(section);
      section.render = () => (renders.set(section.localName, (renders.get(section.localName) ?? 0) + 1), render());
    }
    await s.clearFaults();
    const loaded = oneEvent(el, 'billing-loaded');
    getByRole(el, 'button', 'Try again').click();
    await loaded;
    await findText(el, 'inboxes: 3 of 10 used');
    expect(renders.get('billing-features'), 'the features: loading, then loaded').to.be.at.least(1);
    for (const other of ['billing-subscriptions', 'billing-invoices', 'billing-plans', 'billing-identity']) expect(renders.get(other) ?? 0, other).to.equal(0);
  });

  it('asks tokenProvider once after a 401 and repeats the request', async () => {
    const s = await scenario();
    let calls = 0;
    const el = document.createElement('billing-panel');
    el.baseUrl = s.baseUrl;
    el.token = makeTestToken({ acc: s.accountId, role: 'owner', exp: Math.floor(Date.now() / 1000) + 3600, sub: 'revoked' }).replace(/\.$/, '.x');
    await s.fault({ operation: '*', status: 401, times: 5 });
    el.tokenProvider = () => {
      calls++;
      return s.token;
    };
    const loaded = oneEvent(el, 'billing-loaded');
    await fixture(html`<div>${el}</div>`);
    await loaded;
    expect(calls).to.equal(1);
    const statuses = (await s.requests()).map((r) => r.status).sort();
    expect(statuses).to.deep.equal([200, 200, 200, 200, 200, 401, 401, 401, 401, 401]);
  });

  it('shows "session expired" and fires billing-token-expired once after a 401 with no provider', async () => {
    const s = await scenario();
    await s.fault({ operation: '*', status: 401 });
    const el = document.createElement('billing-panel');
    let expiredEvents = 0;
    el.addEventListener('billing-token-expired', () => expiredEvents++);
    const expired = oneEvent(el, 'billing-token-expired');
    configure(el, s);
    await fixture(html`<div>${el}</div>`);
    await expired;
    await findText(el, 'Your session has expired. Sign in again to manage billing.');
    await waitUntil(async () => (await s.requests()).length === 5);
    expect(expiredEvents).to.equal(1);
    expect(queryAllByRole(el, 'heading', 'Subscriptions')).to.have.length(0);
  });

  it('handles an expired JWT before any request: session expired with no provider', async () => {
    const s = await scenario();
    const el = document.createElement('billing-panel');
    const expired = oneEvent(el, 'billing-token-expired');
    configure(el, s, { token: s.info.tokens.expired });
    await fixture(html`<div>${el}</div>`);
    await expired;
    await findText(el, 'Your session has expired.');
    expect(await s.log()).to.have.length(0);
  });

  it('handles an expired JWT before any request: asks tokenProvider once', async () => {
    const s = await scenario();
    let calls = 0;
    const el = document.createElement('billing-panel');
    configure(el, s, { token: s.info.tokens.expired });
    el.tokenProvider = async () => {
      calls++;
      return s.token;
    };
    const loaded = oneEvent(el, 'billing-loaded');
    await fixture(html`<div>${el}</div>`);
    await loaded;
    expect(calls).to.equal(1);
    const requests = await s.requests();
    expect(requests).to.have.length(5);
    for (const r of requests) expect(r.headers['authorization']).to.equal(`Bearer ${s.token}`);
  });

  it('works with tokenProvider alone', async () => {
    const s = await scenario('trialing-jpy');
    const el = document.createElement('billing-panel');
    el.baseUrl = s.baseUrl;
    el.tokenProvider = () => Promise.resolve(s.token);
    const loaded = oneEvent(el, 'billing-loaded');
    await fixture(html`<div>${el}</div>`);
    await loaded;
    expect(visibleText(el)).to.contain('Pro (Japan)');
  });

  it('says only the account owner can manage billing on 403', async () => {
    const s = await scenario();
    const el = await panel(s, { token: s.info.tokens.member });
    await findText(el, 'Only the account owner can manage billing.');
    expect(queryAllByRole(el, 'heading', 'Plans')).to.have.length(0);
  });

  it('explains an invalid response plainly and gives the details only in the event', async () => {
    const s = await scenario();
    await s.fault({ operation: 'listSubscriptions', kind: 'drift' });
    const el = document.createElement('billing-panel');
    const failed = oneEvent(el, 'billing-error') as Promise<BillingErrorEvent>;
    configure(el, s);
    await fixture(html`<div>${el}</div>`);
    const event = await failed;
    expect(event.detail.kind).to.equal('invalid-response');
    expect(event.detail.details).to.contain('items');
    expect(JSON.stringify(event.detail)).to.not.contain(s.token);
    await findText(el, 'Could not load subscriptions. The billing service sent an answer this page could not understand.');
    expect(visibleText(el)).to.not.contain('items');
    await findText(el, 'Starter');
  });

  it('fails a request that takes longer than timeout, in that section only', async () => {
    const s = await scenario();
    await s.fault({ operation: 'listMerchants', kind: 'hang' });
    const el = document.createElement('billing-panel');
    el.timeout = 1000;
    const failed = oneEvent(el, 'billing-error') as Promise<BillingErrorEvent>;
    configure(el, s);
    await fixture(html`<div>${el}</div>`);
    expect((await failed).detail).to.include({ operation: 'listMerchants', kind: 'timeout' });
    await findText(el, 'Could not load plans. The billing service took too long to answer.');
    await findText(el, '$29.00 per month');
  });

  it('announces loading and loaded in a polite live region', async () => {
    const s = await scenario();
    const el = await loadedPanel(s);
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    expect(live.textContent!.trim()).to.equal('Billing information loaded.');
  });

  it('reload() loads every resource again', async () => {
    const s = await scenario();
    const el = await loadedPanel(s);
    await s.clearLog();
    const loaded = oneEvent(el, 'billing-loaded');
    el.reload();
    await loaded;
    expect((await s.requests()).map((r) => r.operation).sort()).to.deep.equal(['getIdentity', 'listFeatures', 'listInvoices', 'listMerchants', 'listSubscriptions']);
  });
});
