import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../helpers/console-guard.js';
import { scenario } from '../helpers/fake.js';
import { findText, visibleText, waitFor } from '../../src/testing/queries.js';
import { configure, loadedPanel, panel } from '../helpers/panel.js';
import { BillingPanel } from '../../src/billing-panel.js';
import { startedHere } from '../helpers/actions.js';

/** Records the AbortSignal of every fetch the page makes while `run` is active. */
function spyOnFetch() {
  const signals: AbortSignal[] = [];
  const original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    if (init?.signal) signals.push(init.signal);
    return original(input, init);
  };
  return { signals, restore: () => (window.fetch = original) };
}

let tagCount = 0;
const lateTag = () => `billing-panel-late-${++tagCount}`;

describe('<billing-panel> lifecycle', () => {
  it('works when properties are set before the element is defined', async () => {
    const s = await scenario('trialing-jpy');
    const tag = lateTag();
    const el = document.createElement(tag) as BillingPanel;
    el.baseUrl = s.baseUrl;
    el.token = s.token;
    el.tokenProvider = () => s.token;
    const loaded = oneEvent(el, 'billing-loaded');
    document.body.append(el);
    customElements.define(tag, class extends BillingPanel {});
    await loaded;
    await findText(el, 'Pro (Japan)');
    expect((await s.requests()).length).to.equal(5);
    el.remove();
  });

  it('works when the markup comes before the script', async () => {
    const s = await scenario('active-usd');
    const tag = lateTag();
    const host = document.createElement('div');
    host.innerHTML = `<${tag} base-url="${s.baseUrl}" token="${s.token}" locale="en"></${tag}>`;
    document.body.append(host);
    customElements.define(tag, class extends BillingPanel {});
    await findText(host.firstElementChild!, '$29.00 per month');
    host.remove();
  });

  it('aborts its requests when removed, and loads again when put back', async () => {
    const s = await scenario();
    await s.fault({ operation: '*', kind: 'hang', times: 5 });
    const spy = spyOnFetch();
    try {
      const el = await panel(s);
      await waitUntil(async () => (await s.requests()).length === 5);
      expect(spy.signals).to.have.length(5);
      const parent = el.parentElement!;
      el.remove();
      await Promise.resolve(); // removal disposes the session after the current task's microtasks
      expect(spy.signals.every((signal) => signal.aborted)).to.equal(true);
      const loaded = oneEvent(el, 'billing-loaded');
      parent.append(el);
      await loaded;
      expect(visibleText(el)).to.contain('$29.00 per month');
    } finally {
      spy.restore();
    }
  });

  it('stops its timers when removed (the checks after a return from checkout)', async () => {
    const s = await scenario('new-account', { activationReads: 50, webhook: true });
    const created = await fetch(`${s.baseUrl}/api/subscriptions/stripe/checkout-session`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ price_id: 'price_pro_month_usd', success_url: 'https://a.test/', cancel_url: 'https://a.test/' }),
    });
    const { id } = (await created.json()) as { id: string };
    await s.completeCheckout(id);
    startedHere(s, id);
    const pending = new Map<number, number>();
    const realSet = window.setTimeout;
    const realClear = window.clearTimeout;
    window.setTimeout = ((fn: () => void, ms?: number) => {
      const handle = realSet(() => {
        pending.delete(handle);
        fn();
      }, ms);
      pending.set(handle, ms ?? 0);
      return handle;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((handle: number) => {
      pending.delete(handle);
      realClear(handle);
    }) as typeof window.clearTimeout;
    try {
      history.replaceState(null, '', `${location.pathname}?checkout_session_id=${id}`);
      const el = await panel(s);
      await findText(el, 'Confirming your subscription…');
      // The first check again, 800 ms after the sync, is waiting.
      await waitFor(() => [...pending.values()].includes(800), 'a check is scheduled', 8000);
      el.remove();
      await Promise.resolve(); // removal disposes the session after the current task's microtasks
      // The panel's own timers stop at once; an aborted request clears its 15 s timeout
      // as soon as its fetch settles.
      expect([...pending.values()].filter((ms) => ms !== 15_000), 'timers left after removal').to.deep.equal([]);
      await waitFor(() => pending.size === 0, `request timeouts cleared (${pending.size} pending)`);
    } finally {
      window.setTimeout = realSet;
      window.clearTimeout = realClear;
      history.replaceState(null, '', location.pathname);
      localStorage.clear();
    }
  });

  it('does not refetch when moved in the DOM', async () => {
    const s = await scenario();
    const el = await loadedPanel(s);
    const other = document.createElement('div');
    document.body.append(other);
    other.append(el);
    await el.updateComplete;
    expect(visibleText(el)).to.contain('$29.00 per month');
    expect(await s.requests()).to.have.length(5);
    other.remove();
  });

  it('keeps two panels with different tokens independent', async () => {
    const [a, b] = await Promise.all([scenario('active-usd'), scenario('trialing-jpy')]);
    const [one, two] = await Promise.all([loadedPanel(a), loadedPanel(b)]);
    expect(visibleText(one)).to.contain('$29.00 per month');
    expect(visibleText(one)).to.not.contain('Pro (Japan)');
    expect(visibleText(two)).to.contain('¥15,000 per year');
    expect(visibleText(two)).to.not.contain('$29.00');
    for (const r of await a.requests()) expect(r.headers['authorization']).to.equal(`Bearer ${a.token}`);
    for (const r of await b.requests()) expect(r.headers['authorization']).to.equal(`Bearer ${b.token}`);
    expect(await a.requests()).to.have.length(5);
    expect(await b.requests()).to.have.length(5);
  });

  it('aborts what is in flight when the token changes, and never shows the old account', async () => {
    const [a, b] = await Promise.all([scenario('active-usd'), scenario('trialing-jpy')]);
    await a.fault({ operation: 'listSubscriptions', kind: 'hang' });
    const spy = spyOnFetch();
    try {
      const el = await panel(a);
      await findText(el, 'Ada Owner');
      const loaded = oneEvent(el, 'billing-loaded');
      configure(el, b);
      await loaded;
      const text = visibleText(el);
      expect(text).to.contain('Pro (Japan)');
      expect(text).to.not.contain('Ada Owner');
      expect(text).to.not.contain('$29.00');
      const hung = spy.signals.slice(0, 5);
      expect(hung.some((signal) => signal.aborted), 'the hanging request of the old account was aborted').to.equal(true);
    } finally {
      spy.restore();
    }
  });

  it('changes account when account-id changes', async () => {
    const s = await scenario();
    const el = await loadedPanel(s);
    await s.clearLog();
    const loaded = oneEvent(el, 'billing-loaded');
    el.accountId = s.accountId;
    await loaded;
    expect((await s.requests()).every((r) => r.path.startsWith(`/api/accounts/${s.accountId}/`))).to.equal(true);
  });

  it('throws nothing when a second copy registers the elements again', async () => {
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    await import(/* @vite-ignore */ `${new URL('../../src/define.ts', import.meta.url).href}?copy=2`);
    window.removeEventListener('error', onError);
    expect(errors).to.deep.equal([]);
    expect(customElements.get('billing-panel')).to.equal(BillingPanel);
  });

  it('renders the default layout, or the light-DOM children given instead', async () => {
    const s = await scenario();
    const el = await fixture<BillingPanel>(html`<billing-panel base-url=${s.baseUrl} .token=${s.token}>
      <billing-features></billing-features>
    </billing-panel>`);
    await findText(el, 'inboxes: 3 of 10 used');
    expect(visibleText(el)).to.not.contain('Plans');
    await waitUntil(async () => (await s.requests()).length === 5);
    expect(await s.requests()).to.have.length(5);
  });
});

describe('billing elements on their own', () => {
  it('loads only what a standalone element shows, with its own base-url and token', async () => {
    const s = await scenario('active-usd');
    const el = await fixture(html`<billing-features base-url=${s.baseUrl} .token=${s.token}></billing-features>`);
    await findText(el, 'inboxes: 3 of 10 used');
    expect((await s.requests()).map((r) => r.operation)).to.deep.equal(['listFeatures']);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Features');
  });

  it('shares one request per resource between elements inside a panel', async () => {
    const s = await scenario('active-usd');
    const loaded = oneEvent(document, 'billing-loaded');
    const el = await fixture<BillingPanel>(html`<billing-panel base-url=${s.baseUrl} .token=${s.token}>
      <billing-plans></billing-plans>
      <billing-subscriptions></billing-subscriptions>
      <billing-subscriptions></billing-subscriptions>
      <billing-identity></billing-identity>
    </billing-panel>`);
    await loaded;
    await findText(el, 'Current plan');
    await findText(el, 'Ada Owner');
    const operations = (await s.requests()).map((r) => r.operation).sort();
    expect(operations).to.deep.equal(['getIdentity', 'listFeatures', 'listInvoices', 'listMerchants', 'listSubscriptions']);
  });

  it('standalone plans, subscriptions and identity each work alone', async () => {
    const s = await scenario('active-usd');
    const plans = await fixture(html`<billing-plans base-url=${s.baseUrl} .token=${s.token}></billing-plans>`);
    await findText(plans, 'Current plan');
    const subs = await fixture(html`<billing-subscriptions base-url=${s.baseUrl} .token=${s.token}></billing-subscriptions>`);
    await findText(subs, '$29.00 per month');
    const identity = await fixture(html`<billing-identity base-url=${s.baseUrl} .token=${s.token}></billing-identity>`);
    await findText(identity, 'cus_Q1w2…y6U7');
    const unconfigured = await fixture(html`<billing-identity></billing-identity>`);
    await findText(unconfigured, 'Billing is not configured');
  });
});
