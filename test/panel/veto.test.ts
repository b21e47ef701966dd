/** The host's veto: `billing-action` before every owner action sends anything. */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../helpers/console-guard.js';
import { scenario } from '../helpers/fake.js';
import { getByRole, queryAllByRole } from '../../src/testing/queries.js';
import { loadedPanel } from '../helpers/panel.js';
import { captureRedirects, waitForDialog } from '../helpers/actions.js';
import type { BillingPanel } from '../../src/billing-panel.js';
import type { BillingActionDetail } from '../../src/events/billing-action-event.js';

/** Vetoes every action and records what was asked. */
function veto(el: HTMLElement): BillingActionDetail[] {
  const seen: BillingActionDetail[] = [];
  el.addEventListener('billing-action', (event) => {
    event.preventDefault();
    seen.push(event.detail);
  });
  return seen;
}

async function confirm(el: BillingPanel, name: string): Promise<void> {
  const dialog = await waitForDialog(el);
  getByRole(dialog, 'button', name).click();
}

const CASES: Array<{
  name: string;
  dataset: string;
  click: string;
  confirm?: (el: BillingPanel) => Promise<void>;
  expected: BillingActionDetail;
}> = [
  { name: 'checkout', dataset: 'new-account', click: 'Subscribe to Pro, $29.00 per month', expected: { action: 'checkout', priceId: 'price_pro_month_usd' } },
  { name: 'portal', dataset: 'active-usd', click: 'Manage billing', expected: { action: 'portal' } },
  { name: 'invoice', dataset: 'past-due', click: 'Pay invoice', expected: { action: 'invoice', subscriptionId: 'sub_pastdue' } },
  { name: 'sync', dataset: 'active-usd', click: 'Sync with Stripe', expected: { action: 'sync' } },
  {
    name: 'change',
    dataset: 'active-usd',
    click: 'Switch to yearly billing',
    confirm: (el) => confirm(el, 'Confirm switch'),
    expected: { action: 'change', subscriptionId: 'sub_active_usd', interval: 'year' },
  },
  {
    name: 'cancel',
    dataset: 'active-usd',
    click: 'Cancel subscription',
    confirm: (el) => confirm(el, 'Confirm cancellation'),
    expected: { action: 'cancel', subscriptionId: 'sub_active_usd', timing: 'period_end' },
  },
  {
    name: 'seat change',
    dataset: 'seats',
    click: 'Change seats of Team, 5 now',
    confirm: async (el) => {
      const dialog = await waitForDialog(el);
      const seats = getByRole<HTMLInputElement>(dialog, 'spinbutton', 'Seats');
      seats.value = '9';
      seats.dispatchEvent(new Event('input', { bubbles: true }));
      await waitUntil(() => !getByRole<HTMLButtonElement>(dialog, 'button', 'Confirm seats').disabled);
      getByRole(dialog, 'button', 'Confirm seats').click();
    },
    expected: { action: 'change', subscriptionId: 'sub_team_seats', quantity: 9 },
  },
  { name: 'resume', dataset: 'cancel-at-period-end', click: 'Resume subscription', expected: { action: 'resume', subscriptionId: 'sub_cancel_end' } },
];

describe('billing-action: the host can veto every owner action', () => {
  for (const { name, dataset, click, confirm: confirmIt, expected } of CASES) {
    it(`sends nothing for a vetoed ${name}, and is idle again`, async () => {
      const s = await scenario(dataset as never);
      const el = await loadedPanel(s);
      el.redirectHosts = new URL(s.baseUrl).host;
      await el.updateComplete;
      const asked = veto(el);
      const redirects = captureRedirects(el);
      await s.clearLog();
      getByRole(el, 'button', click).click();
      await confirmIt?.(el);
      await waitUntil(() => asked.length === 1, 'billing-action', { timeout: 5000 });
      await el.updateComplete;
      const { subscriptionId, ...rest } = asked[0]!;
      const { subscriptionId: expectedId, ...expectedRest } = expected;
      expect(rest).to.deep.equal(expectedRest);
      if (expectedId) expect(subscriptionId).to.be.a('string').and.not.equal('');
      // The price preview of an open change dialog is a read that changes nothing, not the action.
      const sent = (await s.requests()).filter((r) => !r.path.endsWith('/change/preview'));
      expect(sent, 'nothing sent').to.deep.equal([]);
      expect(redirects).to.deep.equal([]);
      for (const button of queryAllByRole(el, 'button')) {
        expect(button.getAttribute('aria-busy') === 'true' || button.hasAttribute('disabled'), `${button.textContent?.trim()} idle`).to.equal(false);
      }
    });
  }

  it('lets an action through when the host does not prevent it', async () => {
    const s = await scenario('active-usd');
    const el = await loadedPanel(s);
    const asked: BillingActionDetail[] = [];
    el.addEventListener('billing-action', (event) => asked.push(event.detail));
    getByRole(el, 'button', 'Sync with Stripe').click();
    await waitUntil(async () => (await s.requests('syncSubscriptions')).length === 1, 'the sync is sent', { timeout: 5000 });
    expect(asked).to.deep.equal([{ action: 'sync' }]);
  });
});
