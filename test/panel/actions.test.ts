import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../helpers/console-guard.js';
import { fakeOrigin, scenario } from '../helpers/fake.js';
import { rememberCheckout } from '../../src/session/checkout-return.js';
import { findByRole, findText, getByRole, queryAllByRole, visibleText } from '../../src/testing/queries.js';
import { loadedPanel, panel } from '../helpers/panel.js';
import { captureChanges, captureRedirects, deepActiveElement, startedHere, waitForDialog, openDialog } from '../helpers/actions.js';
import type { RemoteScenario } from '../../src/testing/fake-api/remote.js';
import type { BillingPanel } from '../../src/billing-panel.js';
import type { BillingErrorEvent } from '../../src/events/billing-error-event.js';

const page = location.pathname;
afterEach(() => {
  history.replaceState(null, '', page);
  localStorage.clear();
});

/** A panel whose redirects are allowed to the fake's own fake-Stripe pages. */
async function actionPanel(s: RemoteScenario, options: Parameters<typeof loadedPanel>[1] = {}) {
  const el = await loadedPanel(s, options);
  el.redirectHosts = new URL(s.baseUrl).host;
  await el.updateComplete;
  return el;
}

describe('owner actions: subscribe', () => {
  it('starts Stripe Checkout with the literal {CHECKOUT_SESSION_ID} in success_url, keeping the page’s query and hash', async () => {
    history.replaceState(null, '', `${page}?tab=billing&checkout_session_id=old#plans`);
    const s = await scenario('new-account');
    const el = await actionPanel(s);
    const redirects = captureRedirects(el);
    getByRole(el, 'button', /^Subscribe to Pro,/).click();
    await waitUntil(() => redirects.length === 1);
    const [post] = await s.requests('createCheckoutSession');
    expect(post!.body).to.deep.equal({
      price_id: 'price_pro_month_usd',
      success_url: `${location.origin}${page}?tab=billing&checkout_session_id={CHECKOUT_SESSION_ID}#plans`,
      cancel_url: `${location.origin}${page}?tab=billing#plans`,
      locale: 'en',
    });
    expect(post!.headers['authorization']).to.equal(`Bearer ${s.token}`);
    expect(redirects[0]!.kind).to.equal('checkout');
    expect(redirects[0]!.url).to.match(/\/fake-stripe\/checkout\/cs_test_/);
  });

  it('uses success-url and cancel-url when given, and the yearly price when Yearly is chosen', async () => {
    const s = await scenario('new-account');
    const el = await actionPanel(s);
    el.successUrl = 'https://app.example.com/billing/done';
    el.cancelUrl = 'https://app.example.com/billing';
    const redirects = captureRedirects(el);
    getByRole(el, 'button', 'Yearly').click();
    (await findByRole(el, 'button', /^Subscribe to Starter,/)).click();
    await waitUntil(() => redirects.length === 1);
    const [post] = await s.requests('createCheckoutSession');
    expect(post!.body).to.deep.equal({
      price_id: 'price_starter_year_usd',
      success_url: 'https://app.example.com/billing/done?checkout_session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://app.example.com/billing',
      locale: 'en',
    });
  });

  it('sends one POST for a triple click, and shows the control busy meanwhile', async () => {
    const s = await scenario('new-account');
    const el = await actionPanel(s);
    await s.fault({ operation: 'createCheckoutSession', latencyMs: 400, times: 1, status: 200, body: JSON.stringify({ id: 'cs_x', url: 'https://checkout.stripe.com/c/pay/cs_x' }) });
    const redirects = captureRedirects(el);
    const button = getByRole(el, 'button', /^Subscribe to Pro,/);
    button.focus();
    button.click();
    button.click();
    button.click();
    await el.updateComplete;
    await waitUntil(() => button.getAttribute('aria-busy') === 'true');
    // Unavailable, yet focusable: a disabled button would drop the focus to the page's body.
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(deepActiveElement(), 'the busy control keeps the focus').to.equal(button);
    expect(getByRole(el, 'button', /^Subscribe to Starter,/).hasAttribute('disabled'), 'the others are disabled').to.equal(true);
    await waitUntil(() => redirects.length === 1);
    await waitUntil(() => button.getAttribute('aria-busy') === 'false' && !button.hasAttribute('aria-disabled'));
    expect(deepActiveElement(), 'and keeps it after').to.equal(button);
    expect(await s.requests('createCheckoutSession')).to.have.length(1);
  });

  it('never opens a second checkout: with a live subscription it offers a confirmed switch', async () => {
    const s = await scenario('active-usd');
    const el = await actionPanel(s);
    const changes = captureChanges(el);
    expect(queryAllByRole(el, 'button', /^Subscribe/)).to.have.length(0);
    getByRole(el, 'button', /^Switch to Starter,/).click();
    const dialog = await waitForDialog(el);
    expect(visibleText(dialog)).to.contain('Your Pro subscription will change to Starter at $9.00 per month.');
    // Stripe's priced preview: a downgrade is a credit.
    await waitUntil(() => visibleText(dialog).includes('$16.67 is credited to your balance.'), 'the preview');
    getByRole(dialog, 'button', 'Confirm switch').click();
    await waitUntil(() => changes.length === 1);
    const [post] = await s.requests('changeSubscription');
    expect(post!.body).to.deep.equal({ price_id: 'price_starter_month_usd' });
    expect(await s.requests('createCheckoutSession')).to.have.length(0);
    expect(changes[0]!.action).to.equal('change');
    await findText(el, '$9.00 per month');
  });
});

describe('owner actions: return from checkout', () => {
  async function paidSession(s: RemoteScenario, price = 'price_pro_month_usd'): Promise<string> {
    const res = await fetch(`${s.baseUrl}/api/subscriptions/stripe/checkout-session`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ price_id: price, success_url: 'https://a.test/?checkout_session_id={CHECKOUT_SESSION_ID}', cancel_url: 'https://a.test/' }),
    });
    const { id } = (await res.json()) as { id: string };
    await s.completeCheckout(id);
    await s.clearLog();
    startedHere(s, id);
    return id;
  }

  it('syncs the session once, removes the parameter, confirms and shows the subscription', async () => {
    const s = await scenario('new-account');
    const id = await paidSession(s);
    history.replaceState(null, '', `${page}?x=1&checkout_session_id=${id}#done`);
    const el = document.createElement('billing-panel');
    const changed = oneEvent(el, 'billing-changed');
    el.baseUrl = s.baseUrl;
    el.token = s.token;
    await fixture(html`<div>${el}</div>`);
    await findText(el, 'Confirming your subscription…');
    expect(location.search + location.hash).to.equal('?x=1#done');
    const event = await changed;
    expect(event.detail.action).to.equal('checkout-sync');
    expect(event.detail.subscription!.status).to.equal('active');
    await findText(el, 'Your subscription is active.');
    expect(visibleText(el)).to.contain('$29.00 per month');
    const syncs = await s.requests('syncCheckoutSession');
    expect(syncs.map((r) => r.body)).to.deep.equal([{ session_id: id }]);
    // Re-render and reconnect: still once.
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    el.reload();
    await oneEvent(el, 'billing-loaded');
    expect(await s.requests('syncCheckoutSession')).to.have.length(1);
  });

  it('syncs once with two panels on the page', async () => {
    const s = await scenario('new-account');
    const id = await paidSession(s);
    history.replaceState(null, '', `${page}?checkout_session_id=${id}`);
    const root = await fixture(html`<div>
      <billing-panel base-url=${s.baseUrl} .token=${s.token}></billing-panel>
      <billing-panel base-url=${s.baseUrl} .token=${s.token}></billing-panel>
    </div>`);
    const [first] = root.querySelectorAll('billing-panel');
    await findText(first!, 'Your subscription is active.');
    expect(await s.requests('syncCheckoutSession')).to.have.length(1);
  });

  it('checks again with backoff while the new subscription is not active yet', async () => {
    const s = await scenario('new-account', { activationReads: 3, webhook: true });
    const id = await paidSession(s);
    history.replaceState(null, '', `${page}?checkout_session_id=${id}`);
    const el = await panel(s);
    await findText(el, 'Your subscription is active.', 8000);
    const lists = await s.requests('listSubscriptions');
    expect(lists.length).to.be.greaterThanOrEqual(3);
  });

  it('says the payment is still processing when it stays inactive', async function () {
    this.timeout(30_000);
    const s = await scenario('new-account', { activationReads: 50, webhook: true });
    const id = await paidSession(s);
    history.replaceState(null, '', `${page}?checkout_session_id=${id}`);
    const el = await panel(s);
    await findText(el, 'Your payment is still processing.', 12000);
    expect(visibleText(el)).to.contain('Incomplete');
  });

  for (const [name, value] of [
    ['the literal placeholder', '{CHECKOUT_SESSION_ID}'],
    ['an empty value', ''],
    ['an absurdly long value', 'cs_'.padEnd(400, 'x')],
    ['markup', '<script>x</script>'],
  ] as const) {
    it(`drops ${name} without a request`, async () => {
      const s = await scenario('new-account');
      history.replaceState(null, '', `${page}?checkout_session_id=${encodeURIComponent(value)}&keep=1`);
      await loadedPanel(s);
      expect(location.search).to.equal('?keep=1');
      expect(await s.requests('syncCheckoutSession')).to.have.length(0);
    });
  }

  it('remembers the checkout it starts, per account, with the session id', async () => {
    const s = await scenario('new-account');
    const el = await actionPanel(s);
    const redirects = captureRedirects(el);
    getByRole(el, 'button', /^Subscribe to Pro,/).click();
    await waitUntil(() => redirects.length === 1);
    const stored = JSON.parse(localStorage.getItem('billing-panel.pending-checkouts') ?? '{}') as Record<string, { id?: string }>;
    const [account] = Object.keys(stored);
    expect(account).to.contain(s.baseUrl);
    expect(account).to.contain(s.accountId);
    expect(redirects[0]!.url).to.contain(stored[account!]!.id);
  });

  const foreign: Array<[string, (s: RemoteScenario, id: string) => void]> = [
    ['no checkout was started in this browser', () => undefined],
    ['the checkout was started for another account', (_s, id) => rememberCheckout(`${fakeOrigin()}/s/other#acct_other`, id)],
    ['another checkout was started', (s) => startedHere(s, 'cs_another_one')],
  ];
  for (const [name, setUp] of foreign) {
    it(`removes the parameter and syncs nothing when ${name}`, async () => {
      const s = await scenario('new-account');
      const id = await paidSession(s);
      localStorage.clear();
      setUp(s, id);
      history.replaceState(null, '', `${page}?checkout_session_id=${id}&keep=1`);
      const el = await loadedPanel(s);
      expect(location.search).to.equal('?keep=1');
      expect(visibleText(el)).to.not.contain('Confirming');
      expect(await s.requests('syncCheckoutSession')).to.have.length(0);
    });
  }

  it('syncs nothing for a checkout started more than a day ago', async () => {
    const s = await scenario('new-account');
    const id = await paidSession(s);
    const stored = JSON.parse(localStorage.getItem('billing-panel.pending-checkouts')!) as Record<string, { at: number }>;
    for (const entry of Object.values(stored)) entry.at -= 86_400_001;
    localStorage.setItem('billing-panel.pending-checkouts', JSON.stringify(stored));
    history.replaceState(null, '', `${page}?checkout_session_id=${id}`);
    await loadedPanel(s);
    expect(await s.requests('syncCheckoutSession')).to.have.length(0);
  });

  it('survives a malformed query and a router whose replaceState throws', async () => {
    const s = await scenario('new-account');
    const id = await paidSession(s);
    history.replaceState(null, '', `${page}?%=1&checkout_session_id=${id}`);
    const original = history.replaceState;
    history.replaceState = () => {
      throw new DOMException('The router refuses.', 'SecurityError');
    };
    try {
      const el = await panel(s);
      await findText(el, 'Your subscription is active.');
      expect(await s.requests('syncCheckoutSession')).to.have.length(1);
    } finally {
      history.replaceState = original;
    }
  });

  it('changes nothing when coming back through cancel_url', async () => {
    const s = await scenario('new-account');
    history.replaceState(null, '', `${page}?tab=billing`);
    const el = await loadedPanel(s);
    expect(visibleText(el)).to.not.contain('Confirming');
    expect((await s.requests()).every((r) => r.method === 'GET')).to.equal(true);
  });
});

describe('owner actions: portal, invoice and sync', () => {
  it('opens the Customer Portal with return_url', async () => {
    history.replaceState(null, '', `${page}?tab=billing#top`);
    const s = await scenario('active-usd');
    const el = await actionPanel(s);
    const redirects = captureRedirects(el);
    getByRole(el, 'button', 'Manage billing').click();
    await waitUntil(() => redirects.length === 1);
    expect((await s.requests('createPortalSession'))[0]!.body).to.deep.equal({ return_url: `${location.origin}${page}?tab=billing#top`, locale: 'en' });
    expect(redirects[0]!.kind).to.equal('portal');
    expect(redirects[0]!.url).to.contain('/fake-stripe/portal/');
  });

  it('offers "Update payment method" and "Pay invoice" when payment is needed', async () => {
    const s = await scenario('past-due');
    const el = await actionPanel(s);
    const redirects = captureRedirects(el);
    getByRole(el, 'button', 'Pay invoice').click();
    await waitUntil(() => redirects.length === 1);
    expect(redirects[0]).to.deep.equal({ kind: 'invoice', url: `${s.baseUrl}/fake-stripe/invoice/in_pastdue` });
    const update = getByRole<HTMLButtonElement>(el, 'button', 'Update payment method');
    await waitUntil(() => !update.disabled, 'the controls come back once the host took over the navigation');
    update.click();
    await waitUntil(() => redirects.length === 2);
    expect(redirects[1]!.kind).to.equal('portal');
    expect(await s.requests('createPortalSession')).to.have.length(1);
  });

  it('offers no payment actions to an active subscription, and none at all in readonly', async () => {
    const el = await actionPanel(await scenario('active-usd'));
    expect(queryAllByRole(el, 'button', 'Pay invoice')).to.have.length(0);
    const readonly = await actionPanel(await scenario('past-due'), { readOnly: true });
    const names = queryAllByRole(readonly, 'button').map((b) => b.textContent!.trim());
    expect(names).to.deep.equal(['Monthly', 'Yearly']);
  });

  it('syncs with allow_deletes=false, reloads, and says when it last synced', async () => {
    const s = await scenario('past-due');
    const el = await actionPanel(s);
    const changes = captureChanges(el);
    await fetch(`${s.baseUrl}/fake-stripe/invoice/in_pastdue/pay`, { method: 'POST' });
    getByRole(el, 'button', 'Sync with Stripe').click();
    getByRole(el, 'button', 'Sync with Stripe').click();
    await waitUntil(() => changes.length === 1);
    const syncs = await s.requests('syncSubscriptions');
    expect(syncs).to.have.length(1);
    expect(syncs[0]!.query).to.deep.equal({ allow_deletes: 'false' });
    expect(syncs[0]!.body).to.deep.equal({});
    expect(changes[0]).to.deep.equal({ action: 'sync', subscription: null });
    await findText(el, 'Last synced');
    // Announced: the time sits in a status region that was there before the sync.
    expect(queryAllByRole(el, 'status').some((region) => region.textContent!.includes('Last synced'))).to.equal(true);
    expect(visibleText(el)).to.contain('Active');
    expect(visibleText(el)).to.not.contain('Payment needed');
  });
});

describe('owner actions: change, cancel, resume', () => {
  it('switches to yearly billing after a confirmation that states the new price, then sends the owner to pay', async () => {
    const s = await scenario('active-usd');
    const el = await actionPanel(s);
    const redirects = captureRedirects(el);
    const changes = captureChanges(el);
    const opener = getByRole(el, 'button', 'Switch to yearly billing');
    opener.click();
    const dialog = await waitForDialog(el);
    expect(visibleText(dialog)).to.contain('Pro will cost $290.00 per year instead of $29.00 per month.');
    await waitUntil(() => visibleText(dialog).includes('Due today: $265.83'), 'the preview');
    expect(visibleText(dialog)).to.contain('Then $290.00 on');
    expect(deepActiveElement()?.closest('dialog'), 'focus moved into the dialog').to.equal(dialog);
    getByRole(dialog, 'button', 'Confirm switch').click();
    await waitUntil(() => redirects.length === 1);
    expect((await s.requests('changeSubscription'))[0]!.body).to.deep.equal({ interval: 'year' });
    expect(redirects[0]!.kind).to.equal('invoice');
    // The host navigates itself (prevented): billing-changed follows the reload.
    await waitUntil(() => changes.length === 1);
    expect(changes[0]!.action).to.equal('change');
    await findText(el, '$290.00 per year');
  });

  it('offers no interval switch when the plan has no price for the other interval', async () => {
    const s = await scenario('active-usd');
    const el = await actionPanel(s);
    const changes = captureChanges(el);
    const redirects = captureRedirects(el);
    getByRole(el, 'button', /^Switch to Business,/).click();
    getByRole(await waitForDialog(el), 'button', 'Confirm switch').click();
    await waitUntil(() => changes.length === 1 && redirects.length === 1);
    expect(redirects[0]!.kind, 'an upgrade is paid at once').to.equal('invoice');
    await el.updateComplete;
    const card = el.shadowRoot!.querySelector('billing-subscriptions')!;
    await findText(card, '$249.00 every 3 months');
    await waitUntil(() => queryAllByRole(el, 'button', 'Cancel subscription').length === 1);
    expect(queryAllByRole(el, 'button', /Switch to (yearly|monthly) billing/)).to.have.length(0);
  });

  it('cancels at period end by default, with a reason, saying until when access lasts', async () => {
    const s = await scenario('active-usd');
    const el = await actionPanel(s);
    const changes = captureChanges(el);
    const end = new Date((await s.state()).local[0]!['current_period_end'] as string);
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(end);
    getByRole(el, 'button', 'Cancel subscription').click();
    const dialog = await waitForDialog(el);
    expect(visibleText(dialog)).to.contain(`You keep access until ${date}.`);
    expect(visibleText(dialog)).to.contain('Access ends now.');
    expect(dialog.querySelector<HTMLInputElement>('input[value="period_end"]')!.checked).to.equal(true);
    const reason = dialog.querySelector('select')!;
    reason.value = 'too_expensive';
    getByRole(dialog, 'button', 'Confirm cancellation').click();
    await waitUntil(() => changes.length === 1);
    expect((await s.requests('cancelSubscription'))[0]!.body).to.deep.equal({ timing: 'period_end', reason: 'too_expensive' });
    await findText(el, `Cancels on ${date}`);
    expect(changes[0]!.subscription!.cancel_at_period_end).to.equal(true);
    getByRole(el, 'button', 'Resume subscription');
  });

  it('cancels immediately when chosen', async () => {
    const s = await scenario('active-usd');
    const el = await actionPanel(s);
    getByRole(el, 'button', 'Cancel subscription').click();
    const dialog = await waitForDialog(el);
    dialog.querySelector<HTMLInputElement>('input[value="immediately"]')!.click();
    getByRole(dialog, 'button', 'Confirm cancellation').click();
    await findText(el, 'Canceled');
    expect((await s.requests('cancelSubscription'))[0]!.body).to.deep.equal({ timing: 'immediately' });
    expect(queryAllByRole(el, 'button', 'Cancel subscription')).to.have.length(0);
    expect(queryAllByRole(el, 'button', 'Resume subscription')).to.have.length(0);
  });

  it('sends nothing when the dialog is dismissed with Esc, the Keep button or the backdrop, and gives focus back', async () => {
    const s = await scenario('active-usd');
    const el = await actionPanel(s);
    const opener = getByRole(el, 'button', 'Cancel subscription');
    const dismissals: Array<(dialog: HTMLDialogElement) => Promise<void>> = [
      async () => sendKeys({ press: 'Escape' }),
      async (dialog) => getByRole(dialog, 'button', 'Keep subscription').click(),
      async () => sendMouse({ type: 'click', position: [2, 2] }),
    ];
    for (const dismiss of dismissals) {
      opener.focus();
      opener.click();
      const dialog = await waitForDialog(el);
      expect(deepActiveElement()?.closest('dialog')).to.equal(dialog);
      await dismiss(dialog);
      await waitUntil(() => !openDialog(el), 'the dialog closes');
      expect(deepActiveElement()).to.equal(opener);
    }
    expect(await s.requests('cancelSubscription')).to.have.length(0);
  });

  it('resumes a subscription set to cancel at period end', async () => {
    const s = await scenario('cancel-at-period-end');
    const el = await actionPanel(s);
    const changes = captureChanges(el);
    getByRole(el, 'button', 'Resume subscription').click();
    await waitUntil(() => changes.length === 1);
    expect(changes[0]!.action).to.equal('resume');
    expect(await s.requests('resumeSubscription')).to.have.length(1);
    await findByRole(el, 'button', 'Cancel subscription');
    expect(visibleText(el)).to.not.contain('Cancels on');
  });

  for (const status of [404, 405] as const) {
    it(`falls back to the Customer Portal when resume answers ${status}`, async () => {
      const s = await scenario('cancel-at-period-end', { resume: status });
      const el = await actionPanel(s);
      const redirects = captureRedirects(el);
      getByRole(el, 'button', 'Resume subscription').click();
      await waitUntil(() => redirects.length === 1);
      expect(redirects[0]!.kind).to.equal('portal');
    });
  }

  it('offers neither resume nor cancel for a canceled subscription', async () => {
    const el = await actionPanel(await scenario('canceled'));
    expect(queryAllByRole(el, 'button', 'Resume subscription')).to.have.length(0);
    expect(queryAllByRole(el, 'button', 'Cancel subscription')).to.have.length(0);
    getByRole(el, 'button', /^Subscribe to Pro,/);
  });
});

describe('owner actions: failures', () => {
  async function failCancel(s: RemoteScenario, fault: Parameters<RemoteScenario['fault']>[0]) {
    await s.fault({ operation: 'cancelSubscription', ...fault });
    const el = await actionPanel(s);
    const failed = oneEvent(el, 'billing-error') as Promise<BillingErrorEvent>;
    getByRole(el, 'button', 'Cancel subscription').click();
    getByRole(await waitForDialog(el), 'button', 'Confirm cancellation').click();
    const event = await failed;
    const alert = await findByRole(el, 'alert');
    return { el, event, alert };
  }

  it('explains a failed POST, gives the control back and reloads to learn the truth', async () => {
    const s = await scenario('active-usd');
    const { el, event, alert } = await failCancel(s, { status: 500 });
    expect(event.detail).to.include({ operation: 'cancelSubscription', kind: 'http', status: 500 });
    expect(visibleText(alert)).to.equal('Could not cancel the subscription. Try again later.');
    const button = getByRole(el, 'button', 'Cancel subscription');
    await waitUntil(() => !button.hasAttribute('disabled'));
    await waitUntil(async () => (await s.requests('listSubscriptions')).length === 2, 'subscriptions reloaded');
    expect(await s.requests('cancelSubscription')).to.have.length(1);
  });

  it('says only the owner can manage billing on 403', async () => {
    const { alert } = await failCancel(await scenario('active-usd'), { status: 403 });
    expect(visibleText(alert)).to.equal('Only the account owner can manage billing.');
  });

  for (const status of [409, 422]) {
    it(`says what the service’s code means on ${status}, with the service’s own text only as a detail`, async () => {
      const body = JSON.stringify({ error: { code: 'already_canceled', message: 'This subscription was already canceled in Stripe.' } });
      const { alert } = await failCancel(await scenario('active-usd'), { status, body });
      expect(visibleText(alert)).to.equal('Could not cancel the subscription. This subscription has already ended. This subscription was already canceled in Stripe.');
      expect(visibleText(alert.querySelector('.detail')!)).to.equal('This subscription was already canceled in Stripe.');
    });
  }

  it('keeps a message of the service with an unknown code as a detail under its own words', async () => {
    const body = JSON.stringify({ error: { code: 'card_declined_weirdly', message: 'Something only the service knows.' } });
    const { alert } = await failCancel(await scenario('active-usd'), { status: 409, body });
    expect(visibleText(alert)).to.equal('Could not cancel the subscription. Try again later. Something only the service knows.');
  });

  const HOSTILE = [
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'https://evil.tld/c/pay/cs_1',
    'http://checkout.stripe.com/c/pay/cs_1',
    'https://checkout.stripe.com.evil.tld/c/pay/cs_1',
  ];
  for (const url of HOSTILE) {
    it(`refuses to navigate to ${url}`, async () => {
      const s = await scenario('new-account');
      await s.fault({ operation: 'createCheckoutSession', status: 200, body: JSON.stringify({ id: 'cs_1', url }) });
      const el = await actionPanel(s);
      const redirects = captureRedirects(el);
      const failed = oneEvent(el, 'billing-error') as Promise<BillingErrorEvent>;
      const before = location.href;
      getByRole(el, 'button', /^Subscribe to Pro,/).click();
      expect((await failed).detail.kind).to.equal('redirect-refused');
      const alert = await findByRole(el, 'alert');
      expect(visibleText(alert)).to.equal('The billing service asked to open a page that is not allowed, so it was not opened.');
      expect(redirects).to.have.length(0);
      expect(location.href).to.equal(before);
    });
  }

  it('clears busy states and reloads when the page comes back from the bfcache', async () => {
    const s = await scenario('new-account');
    await s.fault({ operation: 'createCheckoutSession', status: 200, body: JSON.stringify({ id: 'cs_1', url: 'https://checkout.stripe.com/c/pay/cs_1' }) });
    const el = await actionPanel(s);
    // A navigation that "happened": nobody prevents it, so swallow it here.
    el.addEventListener('billing-redirect', (e) => e.preventDefault());
    const button = getByRole(el, 'button', /^Subscribe to Pro,/);
    button.click();
    await waitUntil(async () => (await s.requests('createCheckoutSession')).length === 1);
    await s.clearLog();
    const loaded = oneEvent(el, 'billing-loaded');
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await loaded;
    expect(button.getAttribute('aria-busy')).to.equal('false');
    expect((await s.requests()).map((r) => r.operation).sort()).to.deep.equal(['getIdentity', 'listFeatures', 'listInvoices', 'listMerchants', 'listSubscriptions']);
  });

  it('runs one action at a time per panel', async () => {
    const s = await scenario('active-usd');
    await s.fault({ operation: 'syncSubscriptions', latencyMs: 300, times: 1 });
    const el = await actionPanel(s);
    const changes = captureChanges(el);
    getByRole(el, 'button', 'Sync with Stripe').click();
    getByRole(el, 'button', 'Manage billing').click();
    await el.updateComplete;
    expect(getByRole(el, 'button', 'Cancel subscription').hasAttribute('disabled')).to.equal(true);
    await waitUntil(() => changes.length === 1);
    expect(await s.requests('createPortalSession')).to.have.length(0);
  });
});

describe('owner actions: the panel when not allowed', () => {
  it('keeps dialogs out of readonly panels', async () => {
    const el = await actionPanel(await scenario('active-usd'), { readOnly: true });
    expect(el.shadowRoot!.querySelector('billing-subscriptions')!.shadowRoot!.querySelector('dialog')).to.equal(null);
    const panelEl = el as BillingPanel;
    expect(panelEl.readOnly).to.equal(true);
  });
});
