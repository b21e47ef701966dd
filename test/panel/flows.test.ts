/**
 * Issue 13: the priced preview of every change, seats, the `actions` allow-list, the deep
 * links and the save offer of the cancel flow — in Chromium, against the fake service.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../helpers/console-guard.js';
import { scenario } from '../helpers/fake.js';
import { getByRole, queryAllByRole, visibleText } from '../../src/testing/queries.js';
import { configure, loadedPanel } from '../helpers/panel.js';
import { announced, captureChanges, captureRedirects, deepActiveElement, openDialog, waitForDialog } from '../helpers/actions.js';
import type { BillingPanel } from '../../src/billing-panel.js';
import type { RemoteScenario } from '../../src/testing/fake-api/remote.js';
import type { BillingActionDetail } from '../../src/events/billing-action-event.js';

async function actionPanel(s: RemoteScenario, actions?: string): Promise<BillingPanel> {
  const el = await loadedPanel(s);
  el.redirectHosts = new URL(s.baseUrl).host;
  if (actions !== undefined) el.actions = actions;
  await el.updateComplete;
  return el;
}

const previewed = (dialog: HTMLDialogElement, text: string) => waitUntil(() => visibleText(dialog).includes(text), `the preview says "${text}"`);

describe('priced preview of a change (optional previewChange)', () => {
  it('shows a skeleton while Stripe prices the change, and changes nothing until confirmed', async () => {
    const s = await scenario('active-usd');
    await s.fault({ operation: 'previewChange', kind: 'hang' });
    const el = await actionPanel(s);
    getByRole(el, 'button', 'Switch to yearly billing').click();
    const dialog = await waitForDialog(el);
    await waitUntil(async () => (await s.requests('previewChange')).length === 1, 'the preview is asked');
    const preview = dialog.querySelector('[part="preview"]')!;
    expect(preview.getAttribute('aria-busy')).to.equal('true');
    expect(preview.querySelectorAll('.skeleton').length).to.be.greaterThan(1);
    expect(visibleText(dialog)).to.contain('Pro will cost $290.00 per year instead of $29.00 per month.');
    getByRole(dialog, 'button', "Don't change").click();
    await waitUntil(() => !openDialog(el), 'the dialog closes');
    expect(await s.requests('changeSubscription')).to.have.length(0);
  });

  it('shows what is paid now, the lines behind it and the next regular charge', async () => {
    const s = await scenario('active-usd');
    const el = await actionPanel(s);
    getByRole(el, 'button', 'Switch to yearly billing').click();
    const dialog = await waitForDialog(el);
    await previewed(dialog, 'Due today: $265.83');
    const lines = [...dialog.querySelectorAll('.preview-lines li')].map((li) => visibleText(li as HTMLElement));
    expect(lines).to.have.length(2);
    expect(lines[0]).to.match(/^Unused time on 1 × Pro .* -\$24\.17$/);
    expect(lines[1]).to.match(/^1 × Pro .* \$290\.00$/);
    expect(visibleText(dialog)).to.match(/Then \$290\.00 on [A-Z][a-z]{2} \d{1,2}, \d{4}\./);
    expect(visibleText(dialog)).not.to.contain('prorates');
    const [request] = await s.requests('previewChange');
    expect(request!.body).to.deep.equal({ interval: 'year' });
    expect(await s.requests('changeSubscription')).to.have.length(0);
  });

  for (const answer of [404, 405] as const) {
    it(`keeps the description of the change when the service does not offer previews (${answer})`, async () => {
      const s = await scenario('active-usd', { optional: { previewChange: answer } });
      const el = await actionPanel(s);
      const errors: Event[] = [];
      el.addEventListener('billing-error', (event) => errors.push(event));
      getByRole(el, 'button', /^Switch to Starter,/).click();
      const dialog = await waitForDialog(el);
      await previewed(dialog, 'The billing service prorates the change');
      expect(visibleText(dialog)).to.contain('Your Pro subscription will change to Starter at $9.00 per month.');
      expect(dialog.querySelector('[part="preview"]')).to.equal(null);
      expect(errors).to.have.length(0);
      getByRole(dialog, 'button', 'Confirm switch').click();
      await waitUntil(async () => (await s.requests('changeSubscription')).length === 1);
    });
  }

  it('keeps the description when the preview fails', async () => {
    const s = await scenario('active-usd');
    await s.fault({ operation: 'previewChange', status: 500 });
    const el = await actionPanel(s);
    getByRole(el, 'button', 'Switch to yearly billing').click();
    const dialog = await waitForDialog(el);
    await previewed(dialog, 'The billing service prorates the change');
    expect(visibleText(dialog)).not.to.contain('Due today');
  });
});

describe('seats (adjustable_quantity)', () => {
  it('changes the seats with the keyboard: a labelled spinbutton within the bounds, previewed, confirmed, announced', async () => {
    const s = await scenario('seats');
    const el = await actionPanel(s);
    const changes = captureChanges(el);
    const redirects = captureRedirects(el);
    const seen: BillingActionDetail[] = [];
    el.addEventListener('billing-action', (event) => seen.push(event.detail));
    const card = visibleText(el.shadowRoot!.querySelector('billing-subscriptions')!);
    expect(card, 'the card says what the five seats cost, and what that is made of').to.contain('$60.00 per month');
    expect(card).to.contain('Quantity 5 × $12.00');
    const opener = getByRole(el, 'button', 'Change seats of Team, 5 now');
    opener.focus();
    opener.click();
    const dialog = await waitForDialog(el);
    const seats = getByRole<HTMLInputElement>(dialog, 'spinbutton', 'Seats');
    expect([seats.min, seats.max, seats.value]).to.deep.equal(['1', '50', '5']);
    expect(deepActiveElement()).to.equal(seats);
    expect(getByRole<HTMLButtonElement>(dialog, 'button', 'Confirm seats').disabled, 'nothing to confirm yet').to.equal(true);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(seats.value).to.equal('7');
    await previewed(dialog, 'Due today:');
    const previews = await s.requests('previewChange');
    expect(previews.at(-1)!.body).to.deep.equal({ quantity: 7 });
    expect(await s.requests('changeSubscription')).to.have.length(0);
    getByRole(dialog, 'button', 'Confirm seats').click();
    await waitUntil(() => changes.length === 1, 'billing-changed');
    expect((await s.requests('changeSubscription'))[0]!.body).to.deep.equal({ quantity: 7 });
    expect(seen).to.deep.equal([{ action: 'change', subscriptionId: 'sub_team_seats', quantity: 7 }]);
    await waitUntil(() => announced(el) === 'Seats on your Team subscription: 7.', 'the live region says it');
    expect(deepActiveElement()?.closest('[data-subscription-id]')?.getAttribute('data-subscription-id')).to.equal('sub_team_seats');
    // More seats cost more now: the owner is sent to pay the prorated invoice.
    expect(redirects.map((r) => r.kind)).to.deep.equal(['invoice']);
    await waitUntil(() => queryAllByRole(el, 'button', 'Change seats of Team, 7 now').length === 1, 'the card shows 7 seats');
  });

  it('does nothing on Enter in the Seats field: neither dismisses what the owner typed nor confirms it', async () => {
    const s = await scenario('seats');
    const el = await actionPanel(s);
    const redirects = captureRedirects(el);
    getByRole(el, 'button', 'Change seats of Team, 5 now').click();
    const dialog = await waitForDialog(el);
    const seats = getByRole<HTMLInputElement>(dialog, 'spinbutton', 'Seats');
    seats.focus();
    await sendKeys({ press: 'ArrowUp' });
    await previewed(dialog, 'Due today:');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(dialog.open, 'the dialog stays open').to.equal(true);
    expect(seats.value).to.equal('6');
    expect(deepActiveElement()).to.equal(seats);
    expect(await s.requests('changeSubscription')).to.have.length(0);
    getByRole(dialog, 'button', 'Confirm seats').click();
    await waitUntil(() => redirects.length === 1, 'the confirm button confirms (more seats: the prorated invoice)');
    expect(await s.requests('changeSubscription')).to.have.length(1);
  });

  it('says the bounds and confirms nothing outside them', async () => {
    const s = await scenario('seats');
    const el = await actionPanel(s);
    getByRole(el, 'button', 'Change seats of Team, 5 now').click();
    const dialog = await waitForDialog(el);
    const seats = getByRole<HTMLInputElement>(dialog, 'spinbutton', 'Seats');
    seats.value = '60';
    seats.dispatchEvent(new Event('input', { bubbles: true }));
    await waitUntil(() => visibleText(dialog).includes('Choose a number of seats from 1 to 50.'));
    expect(getByRole<HTMLButtonElement>(dialog, 'button', 'Confirm seats').disabled).to.equal(true);
    expect(await s.requests('previewChange')).to.have.length(0);
  });

  it('offers no seat control for a price without adjustable quantity', async () => {
    const s = await scenario('active-usd');
    const el = await actionPanel(s);
    expect(queryAllByRole(el, 'button', /^Change seats/)).to.have.length(0);
  });
});

describe('the actions allow-list', () => {
  it('actions="portal invoice" is a billing-only panel', async () => {
    const s = await scenario('active-usd');
    const el = await actionPanel(s, 'portal invoice');
    expect(queryAllByRole(el, 'button', /^(Switch|Subscribe|Cancel subscription|Sync)/)).to.have.length(0);
    getByRole(el, 'button', 'Manage billing');
    expect(await el.openCancel('sub_active_usd')).to.equal(false);
    expect(await el.openChange('sub_active_usd')).to.equal(false);
    expect(openDialog(el)).to.equal(undefined);
  });

  it('offers only what is listed, and the save offer only with change', async () => {
    const s = await scenario('active-usd');
    const el = await actionPanel(s, 'cancel');
    expect(queryAllByRole(el, 'button', /^(Switch|Manage billing|Sync)/)).to.have.length(0);
    getByRole(el, 'button', 'Cancel subscription').click();
    const dialog = await waitForDialog(el);
    const reason = dialog.querySelector('select')!;
    reason.value = 'too_expensive';
    reason.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(queryAllByRole(dialog, 'button', /^Switch to/)).to.have.length(0);
  });

  it('actions="" offers none, like readonly', async () => {
    const s = await scenario('active-usd');
    const el = await actionPanel(s, '');
    expect(queryAllByRole(el, 'button', /^(Switch|Subscribe|Cancel subscription|Sync|Manage billing|Change seats)/)).to.have.length(0);
  });
});

describe('deep links', () => {
  it('openCancel before the data arrived opens the cancel confirmation once it has', async () => {
    const s = await scenario('active-usd');
    const el = document.createElement('billing-panel');
    configure(el, s);
    await fixture(html`<div>${el}</div>`);
    const opened = el.openCancel('sub_active_usd');
    expect(await opened).to.equal(true);
    const dialog = await waitForDialog(el);
    getByRole(dialog, 'heading', 'Cancel your Pro subscription?');
    getByRole(dialog, 'button', 'Confirm cancellation').click();
    await waitUntil(async () => (await s.requests('cancelSubscription')).length === 1);
  });

  for (const [dataset, id] of [
    ['cancel-at-period-end', 'sub_cancel_later'],
    ['past-due', 'sub_past_due'],
  ] as const) {
    it(`offers no plan switch for a subscription ${dataset === 'past-due' ? 'awaiting a payment' : 'set to cancel'}, in the plans or by openChange`, async () => {
      const s = await scenario(dataset);
      const el = await actionPanel(s);
      expect(queryAllByRole(el, 'button', /^Switch to /), 'the plans offer no switch').to.have.length(0);
      expect(await el.openChange(id, { priceId: 'price_starter_month_usd' })).to.equal(false);
      expect(openDialog(el)).to.equal(undefined);
    });
  }

  it('openChange opens the interval switch, a plan switch or the seats, as the buttons would', async () => {
    const s = await scenario('active-usd');
    const el = await actionPanel(s);
    expect(await el.openChange('sub_active_usd')).to.equal(true);
    let dialog = await waitForDialog(el);
    getByRole(dialog, 'heading', 'Switch to yearly billing?');
    dialog.close();
    await waitUntil(() => !openDialog(el));
    expect(await el.openChange('sub_active_usd', { priceId: 'price_starter_month_usd' })).to.equal(true);
    dialog = await waitForDialog(el);
    getByRole(dialog, 'heading', 'Switch to Starter?');
    dialog.close();
    await waitUntil(() => !openDialog(el));
    expect(await el.openChange('sub_unknown')).to.equal(false);
    expect(await el.openChange('sub_active_usd', { quantity: 3 })).to.equal(false);
    expect(await s.requests('changeSubscription')).to.have.length(0);

    const seats = await scenario('seats');
    const team = await actionPanel(seats);
    expect(await team.openChange('sub_team_seats', { quantity: 8 })).to.equal(true);
    dialog = await waitForDialog(team);
    expect(getByRole<HTMLInputElement>(dialog, 'spinbutton', 'Seats').value).to.equal('8');
  });

  it('opens nothing the card would not offer: an interval switch or cancel of a subscription set to cancel', async () => {
    const s = await scenario('cancel-at-period-end');
    const el = await actionPanel(s);
    expect(await el.openChange('sub_cancel_end')).to.equal(false);
    expect(await el.openCancel('sub_cancel_end')).to.equal(false);
    expect(openDialog(el)).to.equal(undefined);
  });

  it('checkout starts Stripe Checkout, and never a second one', async () => {
    const fresh = await scenario('new-account');
    const el = await actionPanel(fresh);
    const redirects = captureRedirects(el);
    expect(await el.checkout('price_pro_month_usd')).to.equal(true);
    expect(redirects.map((r) => r.kind)).to.deep.equal(['checkout']);
    const s = await scenario('active-usd');
    const subscribed = await actionPanel(s);
    expect(await subscribed.checkout('price_starter_month_usd')).to.equal(false);
    expect(await s.requests('createCheckoutSession')).to.have.length(0);
  });

  it('openPortal opens the Customer Portal through the veto', async () => {
    const s = await scenario('active-usd');
    const el = await actionPanel(s);
    const redirects = captureRedirects(el);
    expect(await el.openPortal()).to.equal(true);
    expect(redirects.map((r) => r.kind)).to.deep.equal(['portal']);
  });
});

describe('the save offer of the cancel flow', () => {
  async function cancelWith(reason: string) {
    const s = await scenario('active-usd');
    const el = await actionPanel(s);
    getByRole(el, 'button', 'Cancel subscription').click();
    const dialog = await waitForDialog(el);
    const select = dialog.querySelector('select')!;
    select.value = reason;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    await el.shadowRoot!.querySelector('billing-subscriptions')!.updateComplete;
    return { s, el, dialog };
  }

  it('offers yearly billing with its saving and the cheaper plan when it is too expensive; one click leads to a previewed change, not a cancel', async () => {
    const { s, el, dialog } = await cancelWith('too_expensive');
    const changes = captureChanges(el);
    getByRole(dialog, 'button', 'Switch to yearly billing and save 17%');
    getByRole(dialog, 'button', 'Confirm cancellation');
    getByRole(dialog, 'button', 'Switch to Starter at $9.00 per month').click();
    await waitUntil(() => queryAllByRole(dialog, 'heading', 'Switch to Starter?').length === 1, 'the switch replaces the cancellation');
    await previewed(dialog, 'is credited to your balance.');
    getByRole(dialog, 'button', 'Confirm switch').click();
    await waitUntil(() => changes.length === 1);
    expect((await s.requests('changeSubscription'))[0]!.body).to.deep.equal({ price_id: 'price_starter_month_usd' });
    expect(await s.requests('cancelSubscription')).to.have.length(0);
  });

  it('offers it for "unused" too, and not for other reasons; continuing cancels', async () => {
    const unused = await cancelWith('unused');
    getByRole(unused.dialog, 'button', 'Switch to Starter at $9.00 per month');
    const { s, dialog } = await cancelWith('missing_features');
    expect(queryAllByRole(dialog, 'button', /^Switch to/)).to.have.length(0);
    getByRole(dialog, 'button', 'Confirm cancellation').click();
    await waitUntil(async () => (await s.requests('cancelSubscription')).length === 1);
    expect((await s.requests('cancelSubscription'))[0]!.body).to.deep.equal({ timing: 'period_end', reason: 'missing_features' });
  });
});
