import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement } from '../helpers/actions.js';
import { waitUntil } from '../helpers/wait.js';
import '../helpers/console-guard.js';
import { scenario } from '../helpers/fake.js';
import { findText, getByRole, queryAllByRole, visibleText } from '../../src/testing/queries.js';
import { loadedPanel } from '../helpers/panel.js';
import type { BillingLoadedEvent } from '../../src/events/billing-loaded-event.js';

describe('<billing-panel> shows everything', () => {
  it('shows subscriptions, plans, features and billing details of an active account', async () => {
    const s = await scenario('active-usd');
    const el = await loadedPanel(s);
    const text = visibleText(el);
    for (const expected of ['Billing', 'Subscriptions', 'Pro', 'Active', '$29.00 per month', 'Next charge', 'Plans', 'Starter', '$9.00 per month', 'Business', '$249.00 every 3 months', 'Current plan', 'Features', 'Inboxes', 'inboxes: 3 of 10 used', 'Unlimited', 'Billing details', 'Ada Owner', 'owner@example.com', 'cus_Q1w2…y6U7', 'Visa', '•••• 4242', 'expires 12/30']) {
      expect(text, expected).to.contain(expected);
    }
    expect(getByRole(el, 'heading', 'Billing').tagName).to.equal('H2');
    expect(getByRole(el, 'heading', 'Subscriptions').tagName).to.equal('H3');
    expect(queryAllByRole(el, 'heading', 'Pro').map((h) => h.tagName)).to.deep.equal(['H4', 'H4']);
  });

  it('sends exactly the five GETs on load, together, with the bearer token and no duplicates', async () => {
    const s = await scenario('active-usd');
    await s.fault({ operation: '*', latencyMs: 600 });
    await loadedPanel(s);
    const requests = await s.requests();
    expect(requests.map((r) => `${r.method} ${r.path}`).sort()).to.deep.equal([
      'GET /api/subscriptions',
      'GET /api/subscriptions/features',
      'GET /api/subscriptions/identity',
      'GET /api/subscriptions/invoices',
      'GET /api/subscriptions/merchants',
    ]);
    for (const request of requests) expect(request.headers['authorization']).to.equal(`Bearer ${s.token}`);
    const times = requests.map((r) => r.time);
    expect(Math.max(...times) - Math.min(...times), 'all five started before any answered').to.be.lessThan(500);
    expect(requests.find((r) => r.operation === 'listSubscriptions')!.query).to.deep.equal({ limit: '15', offset: '0', locale: 'en' });
  });

  it('uses account-style routes when account-id is set', async () => {
    const s = await scenario('active-usd');
    await loadedPanel(s, { accountStyle: true });
    const paths = (await s.requests()).map((r) => r.path).sort();
    expect(paths).to.deep.equal([
      `/api/accounts/${s.accountId}/subscriptions`,
      `/api/accounts/${s.accountId}/subscriptions/features`,
      `/api/accounts/${s.accountId}/subscriptions/identity`,
      `/api/accounts/${s.accountId}/subscriptions/invoices`,
      `/api/accounts/${s.accountId}/subscriptions/merchants`,
    ]);
  });

  it('fires billing-loaded with the data and never the token; never reflects the token', async () => {
    const s = await scenario('active-usd');
    const el = document.createElement('billing-panel');
    document.body.append(el);
    const loaded = oneEvent(el, 'billing-loaded') as Promise<BillingLoadedEvent>;
    el.baseUrl = s.baseUrl;
    el.token = s.token;
    const event = await loaded;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.subscriptions[0]!.id).to.equal('sub_active_usd');
    expect(event.detail.merchants[0]!.name).to.equal('Inbox Manager');
    expect(JSON.stringify(event.detail)).to.not.contain(s.token);
    expect(el.hasAttribute('token')).to.equal(false);
    expect(el.outerHTML).to.not.contain(s.token);
    expect(visibleText(el)).to.not.contain(s.token.slice(0, 12));
    el.remove();
  });

  const STATUSES: Array<[string, string]> = [
    ['incomplete', 'Incomplete'],
    ['incomplete_expired', 'Expired'],
    ['trialing', 'Trial'],
    ['active', 'Active'],
    ['past_due', 'Past due'],
    ['canceled', 'Canceled'],
    ['unpaid', 'Unpaid'],
    ['paused', 'Paused'],
    ['on_hold_2027', 'Status: on_hold_2027'],
  ];
  for (const [status, label] of STATUSES) {
    it(`shows the status badge "${label}" for ${status}`, async () => {
      const s = await scenario('active-usd', { status });
      const el = await loadedPanel(s);
      const card = el.shadowRoot!.querySelector('billing-subscriptions')!.shadowRoot!.querySelector('[part~="subscription"]')!;
      expect(visibleText(card.querySelector('[part~="status-badge"]')!)).to.equal(label);
      const needsPayment = ['past_due', 'unpaid', 'incomplete'].includes(status);
      expect(visibleText(card).includes('Payment needed.'), 'payment notice').to.equal(needsPayment);
    });
  }

  it('says when a subscription cancels, and that payment is needed when past due', async () => {
    const s = await scenario('cancel-at-period-end');
    const el = await loadedPanel(s);
    const end = new Date((await s.state()).local[0]!['current_period_end'] as string);
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(end);
    expect(visibleText(el)).to.contain(`Cancels on ${date}`);
    expect(visibleText(el)).to.contain('$290.00 per year');
    const due = await loadedPanel(await scenario('past-due'));
    expect(visibleText(due)).to.contain('Payment needed. The latest payment did not go through.');
    expect(visibleText(due)).to.contain('Expired');
  });

  it('shows the trial end and yen without decimals', async () => {
    const s = await scenario('trialing-jpy');
    const el = await loadedPanel(s);
    const text = visibleText(el);
    expect(text).to.contain('Trial');
    expect(text).to.contain('Trial ends');
    expect(text).to.contain('¥15,000 per year');
    expect(text, 'the plans open on the subscriber\'s interval').to.not.contain('¥1,500 per month');
    expect(text, 'the trial says what is charged when it ends').to.match(/Trial ends \w{3} \d{1,2}, \d{4} Then ¥15,000 per year/);
    expect(text).to.contain('None on file');
  });

  it('shows several merchants by name, test mode, and THB and CNY prices', async () => {
    const s = await scenario('multi-merchant');
    const el = await loadedPanel(s);
    const text = visibleText(el);
    for (const expected of ['Inbox Manager', 'Inbox Manager Thailand', '收件箱管理', 'Test mode', 'THB 299.00 per month', 'CN¥49.00 per month']) {
      expect(text, expected).to.contain(expected);
    }
    expect(queryAllByRole(el, 'heading', 'Inbox Manager Thailand').map((h) => h.tagName)).to.deep.equal(['H4']);
    // The subscription card (h4 under "Subscriptions") and the plan card (h5 under its merchant).
    expect(queryAllByRole(el, 'heading', 'Basic (Thailand)').map((h) => h.tagName)).to.deep.equal(['H4', 'H5']);
  });

  it('toggles plans between monthly and yearly, with the yearly saving', async () => {
    const el = await loadedPanel(await scenario('active-usd'));
    const monthly = getByRole(el, 'button', 'Monthly');
    const yearly = getByRole(el, 'button', 'Yearly');
    expect(monthly.getAttribute('aria-pressed')).to.equal('true');
    expect(visibleText(el)).to.contain('Save up to 17% yearly');
    yearly.click();
    await findText(el, '$290.00 per year');
    expect(yearly.getAttribute('aria-pressed')).to.equal('true');
    expect(visibleText(el)).to.contain('$90.00 per year');
    expect(visibleText(el).match(/Save/g), 'the saving is said once').to.have.length(1);
    expect(visibleText(el), 'a quarterly price shows under Monthly only').to.not.contain('$249.00 every 3 months');
    monthly.click();
    await findText(el, '$249.00 every 3 months');
  });

  it('loads the next page with "Show more subscriptions"', async () => {
    const s = await scenario('many');
    const el = await loadedPanel(s);
    const cards = () => el.shadowRoot!.querySelector('billing-subscriptions')!.shadowRoot!.querySelectorAll('[part~="subscription"]');
    expect(cards()).to.have.length(15);
    const more = getByRole(el, 'button', 'Show more subscriptions');
    more.focus();
    await sendKeys({ press: 'Enter' });
    expect(deepActiveElement(), 'keeps the focus while the page loads').to.equal(more);
    await waitUntil(() => cards().length === 30);
    expect(deepActiveElement(), 'and once it is in').to.equal(more);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => cards().length === 40);
    expect(queryAllByRole(el, 'button', 'Show more subscriptions')).to.have.length(0);
    await waitUntil(() => deepActiveElement()?.textContent?.trim() === 'Subscriptions', 'the last page: the focus goes to the heading, not the body');
    const pages = (await s.requests('listSubscriptions')).map((r) => r.query);
    expect(pages).to.deep.equal([
      { limit: '15', offset: '0', locale: 'en' },
      { limit: '15', offset: '15', locale: 'en' },
      { limit: '15', offset: '30', locale: 'en' },
    ]);
  });

  it("describes each card's actions by its plan, so that two Cancel subscription buttons say which", async () => {
    const el = await loadedPanel(await scenario('multi-merchant'));
    const cancels = queryAllByRole(el, 'button', 'Cancel subscription');
    expect(cancels.length).to.be.greaterThan(1);
    const descriptions = cancels.map((button) => (button.getRootNode() as ShadowRoot).getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent?.trim());
    const plans = cancels.map((button) => button.closest('[part~="subscription"]')!.querySelector('[part~="plan-name"]')!.textContent!.trim());
    expect(descriptions).to.deep.equal(plans);
    expect(new Set(descriptions).size, 'each says another plan').to.equal(descriptions.length);
  });

  it('shows features as included or not, with an accessible meter and "Unlimited"', async () => {
    const el = await loadedPanel(await scenario('active-usd'));
    const meter = getByRole<HTMLMeterElement>(el, 'meter', 'Inboxes');
    expect(meter.value).to.equal(3);
    expect(meter.max).to.equal(10);
    expect(meter.getAttribute('aria-valuetext')).to.equal('inboxes: 3 of 10 used');
    expect(visibleText(el)).to.contain('Unlimited · requests: 4,200 used');
    const starter = await loadedPanel(await scenario('canceled'));
    expect(visibleText(starter)).to.contain('Not included in your plan');
  });

  it('says when there is no billing customer and no subscription yet', async () => {
    const el = await loadedPanel(await scenario('new-account'));
    expect(visibleText(el)).to.contain('No billing customer yet.');
    expect(visibleText(el)).to.contain('No subscriptions yet.');
    expect(visibleText(el)).to.contain('Not included in your plan');
    expect(visibleText(el)).to.not.contain('Current plan');
  });
});
