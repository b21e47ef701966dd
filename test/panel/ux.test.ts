/**
 * The panel tells one story per card: plans agree with the subscriptions, one primary
 * action per card, focus and an announcement after each confirmed action, and nothing
 * overflows or clips at 320 px.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { setViewport } from '@web/test-runner-commands';
import '../helpers/console-guard.js';
import { scenario } from '../helpers/fake.js';
import { allElements, findByRole, findText, getByRole, nameOf, queryAllByRole, visibleText } from '../../src/testing/queries.js';
import { loadedPanel, panel } from '../helpers/panel.js';
import { announced, captureChanges, captureRedirects, deepActiveElement, openDialog, waitForDialog } from '../helpers/actions.js';
import type { BillingPanel } from '../../src/billing-panel.js';
import type { DataSetName } from '../../src/testing/fake-api/data-sets/index.js';
import type { ScenarioOptions } from '../../src/testing/fake-api/types.js';

const parts = (el: BillingPanel, part: string) => allElements(el).filter((e) => e.getAttribute('part')?.split(' ').includes(part)) as HTMLElement[];
const buttons = (root: Element) => Array.from(root.querySelectorAll('button')).filter((b) => getComputedStyle(b).display !== 'none');
const pressed = (el: BillingPanel) => queryAllByRole(el, 'button').filter((b) => b.getAttribute('aria-pressed') === 'true').map(nameOf);

describe('plan cards agree with the subscriptions', () => {
  it('open on a yearly subscriber\'s interval and offer nothing already paid', async () => {
    const el = await loadedPanel(await scenario('trialing-jpy'));
    expect(pressed(el)).to.deep.equal(['Yearly']);
    const [card] = parts(el, 'plan');
    expect(visibleText(card!)).to.contain('Current plan');
    expect(visibleText(card!)).to.contain('¥15,000 per year');
    expect(buttons(card!), 'no switch to the price already paid').to.have.length(0);
    getByRole(el, 'button', 'Monthly').click();
    await findText(card!, '¥1,500 per month');
    expect(visibleText(card!)).to.contain('You pay ¥15,000 per year.');
    expect(buttons(card!).map(nameOf)).to.deep.equal(['Switch to monthly billing, ¥1,500 per month']);
  });

  it('name the plan and price a monthly subscriber would switch to, and never the paid one', async () => {
    const el = await loadedPanel(await scenario('active-usd'));
    expect(pressed(el)).to.deep.equal(['Monthly']);
    const names = parts(el, 'plan').flatMap((card) => buttons(card).map(nameOf));
    expect(names).to.deep.equal(['Switch to Starter, $9.00 per month', 'Switch to Business, $249.00 every 3 months']);
    expect(parts(el, 'plan').filter((card) => visibleText(card).includes('Current plan'))).to.have.length(1);
  });

  it('say which subscription a switch changes when there are several', async () => {
    const s = await scenario('many');
    const el = await loadedPanel(s);
    const items = (await s.state()).local;
    const live = items.filter((sub) => !['canceled', 'incomplete_expired'].includes(sub['status'] as string));
    const paid = new Set(live.map((sub) => (sub['price'] as { id: string }).id));
    expect(parts(el, 'plan').filter((card) => visibleText(card).includes('Current plan')), 'one current plan: the one a switch changes').to.have.length(1);
    const note = allElements(el).find((e) => e.classList.contains('switch-note'))!;
    expect(visibleText(note)).to.match(/^A switch here changes your \w+ subscription \(\$[\d,.]+ (per|every)/);
    for (const card of parts(el, 'plan')) {
      const price = card.querySelector('[part~="price"]')!.textContent!.trim();
      for (const button of buttons(card)) {
        expect(button.getAttribute('aria-describedby')).to.equal(note.id);
        expect(nameOf(button)).to.contain(price);
      }
      const id = card.dataset['planId'];
      expect(paid.has(`price_${id!.replace('prod_', '')}_month_usd`) && buttons(card).some((b) => nameOf(b).includes('per month')), `${id}: no switch to a paid price`).to.equal(false);
    }
  });

  it('offer no Subscribe or Switch while the subscriptions are unknown, and say why', async () => {
    const s = await scenario('active-usd');
    await s.fault({ operation: 'listSubscriptions', status: 500 });
    const el = document.createElement('billing-panel');
    el.baseUrl = s.baseUrl;
    el.token = s.token;
    document.body.append(el);
    try {
      await findText(el, 'could not be loaded, so no plan can be chosen yet');
      expect(queryAllByRole(el, 'button', /^(Subscribe|Switch) to/)).to.have.length(0);
    } finally {
      el.remove();
    }
  });
});

describe('hierarchy', () => {
  const datasets: DataSetName[] = ['new-account', 'active-usd', 'trialing-jpy', 'past-due', 'cancel-at-period-end', 'canceled', 'multi-merchant', 'many'];
  for (const dataset of datasets) {
    it(`has at most one primary action per card (${dataset})`, async () => {
      const el = await loadedPanel(await scenario(dataset));
      for (const card of [...parts(el, 'subscription'), ...parts(el, 'plan')]) {
        const primary = buttons(card).filter((b) => b.classList.contains('primary'));
        expect(primary.map(nameOf), visibleText(card).slice(0, 80)).to.have.length.at.most(1);
      }
      for (const button of queryAllByRole(el, 'button', 'Cancel subscription')) {
        expect(button.classList.contains('quiet'), 'cancel is a quiet secondary action').to.equal(true);
      }
    });
  }

  it('leads past due with paying, without a normal next charge', async () => {
    const el = await loadedPanel(await scenario('past-due'));
    const [card] = parts(el, 'subscription');
    const [first] = buttons(card!);
    expect(nameOf(first!)).to.equal('Pay invoice');
    expect(first!.classList.contains('primary')).to.equal(true);
    expect(visibleText(card!)).to.not.contain('Next charge');
    expect(visibleText(card!).indexOf('Payment needed.')).to.be.lessThan(visibleText(card!).indexOf('$29.00 per month'));
  });

  it('says each sentence once: one end date when set to cancel, no "Not included" twice', async () => {
    const el = await loadedPanel(await scenario('cancel-at-period-end'));
    const text = visibleText(el);
    expect(text).to.contain('Cancels on');
    expect(text).to.not.contain('Access until');
    const fresh = visibleText(await loadedPanel(await scenario('new-account')));
    expect(fresh).to.contain('Not included in your plan');
    expect(fresh, 'no "Not included" badge beside the line').to.not.match(/Not included(?! in your plan)/);
  });

  it('lists live subscriptions first and ended ones under "Past subscriptions"', async () => {
    const el = await loadedPanel(await scenario('many'));
    const heading = getByRole(el, 'heading', 'Past subscriptions');
    const cards = parts(el, 'subscription');
    const firstEnded = cards.findIndex((card) => /Canceled|Expired/.test(visibleText(card.querySelector('[part~="status-badge"]')!)));
    expect(firstEnded).to.be.greaterThan(0);
    expect(cards.slice(firstEnded).every((card) => /Canceled|Expired/.test(visibleText(card.querySelector('[part~="status-badge"]')!)))).to.equal(true);
    expect(heading.compareDocumentPosition(cards[firstEnded]!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
  });

  it('offers Sync only next to the data of an existing customer', async () => {
    const fresh = await loadedPanel(await scenario('new-account'));
    expect(queryAllByRole(fresh, 'button', 'Sync with Stripe')).to.have.length(0);
    const active = await loadedPanel(await scenario('active-usd'));
    expect(getByRole(active, 'button', 'Sync with Stripe').classList.contains('quiet')).to.equal(true);
  });
});

describe('focus and announcements after a confirmed action', () => {
  const date = (iso: unknown) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(iso as string));

  it('cancel at the period end: focus on Resume, and says when it ends', async () => {
    const s = await scenario('active-usd');
    const el = await loadedPanel(s);
    const end = date((await s.state()).local[0]!['current_period_end']);
    getByRole(el, 'button', 'Cancel subscription').click();
    getByRole(await waitForDialog(el), 'button', 'Confirm cancellation').click();
    await waitUntil(() => announced(el) !== '', 'an announcement');
    expect(announced(el)).to.equal(`Your Pro subscription ends on ${end}.`);
    await waitUntil(() => nameOf(deepActiveElement()!) === 'Resume subscription', `focus on Resume, not ${deepActiveElement()?.tagName}`);
  });

  it('cancel immediately: focus on the card, and says it ended', async () => {
    const el = await loadedPanel(await scenario('active-usd'));
    getByRole(el, 'button', 'Cancel subscription').click();
    const dialog = await waitForDialog(el);
    dialog.querySelector<HTMLInputElement>('input[value="immediately"]')!.click();
    getByRole(dialog, 'button', 'Confirm cancellation').click();
    await waitUntil(() => announced(el) !== '', 'an announcement');
    expect(announced(el)).to.equal('Your Pro subscription has ended.');
    await waitUntil(() => deepActiveElement()?.getAttribute('part') === 'subscription', 'focus on the card');
  });

  it('resume: focus on the card, and says it continues', async () => {
    const s = await scenario('cancel-at-period-end');
    const el = await loadedPanel(s);
    getByRole(el, 'button', 'Resume subscription').click();
    await waitUntil(() => announced(el) !== '', 'an announcement');
    expect(announced(el)).to.match(/^Your Pro subscription continues\. Next charge on \w{3} \d{1,2}, \d{4}\.$/);
    await waitUntil(() => deepActiveElement()?.getAttribute('part') === 'subscription', 'focus on the card');
    await findByRole(el, 'button', 'Cancel subscription');
  });

  it('interval switch: focus on the card, and says the new price', async () => {
    const s = await scenario('active-usd');
    const el = await loadedPanel(s);
    el.redirectHosts = new URL(s.baseUrl).host;
    captureRedirects(el);
    const changes = captureChanges(el);
    getByRole(el, 'button', 'Switch to yearly billing').click();
    getByRole(await waitForDialog(el), 'button', 'Confirm switch').click();
    await waitUntil(() => changes.length === 1 && announced(el) !== '', 'an announcement');
    expect(announced(el)).to.equal('Your Pro subscription is now $290.00 per year.');
    await waitUntil(() => deepActiveElement()?.getAttribute('part') === 'subscription', 'focus on the card');
  });

  it('plan switch: focus on the new plan\'s card, and says the new price', async () => {
    const s = await scenario('active-usd');
    const el = await loadedPanel(s);
    el.redirectHosts = new URL(s.baseUrl).host;
    captureRedirects(el);
    getByRole(el, 'button', /^Switch to Starter,/).click();
    getByRole(await waitForDialog(el), 'button', 'Confirm switch').click();
    await waitUntil(() => announced(el) !== '', 'an announcement');
    expect(announced(el)).to.equal('Your Starter subscription is now $9.00 per month.');
    await waitUntil(() => (deepActiveElement() as HTMLElement | null)?.dataset['planId'] === 'prod_starter', 'focus on the Starter card');
  });
});

describe('a control keeps its action', () => {
  it('when the plans arrive after the subscriptions, the Cancel button stays Cancel (a Switch is added beside it, not in its place)', async () => {
    const s = await scenario('active-usd');
    await s.fault({ operation: 'listMerchants', latencyMs: 1500 });
    const el = await panel(s);
    const cancel = await findByRole(el, 'button', 'Cancel subscription');
    expect(queryAllByRole(el, 'button', 'Switch to yearly billing')).to.have.length(0);
    await findByRole(el, 'button', 'Switch to yearly billing');
    expect(cancel.isConnected, 'the same element').to.equal(true);
    expect(nameOf(cancel)).to.equal('Cancel subscription');
  });
});

describe('at 320 px', () => {
  before(() => setViewport({ width: 320, height: 640 }));
  after(() => setViewport({ width: 800, height: 600 }));

  const LONG = 'x'.repeat(3000);
  const states: Array<[DataSetName, ScenarioOptions, string?]> = [
    ['new-account', {}],
    ['active-usd', {}],
    ['active-usd', { planName: LONG }, 'a 3,000-character plan name'],
    ['active-usd', { status: LONG }, 'a 3,000-character status'],
    ['trialing-jpy', {}],
    ['past-due', {}],
    ['cancel-at-period-end', {}],
    ['canceled', {}],
    ['multi-merchant', {}],
    ['many', {}],
  ];

  function expectFits(el: BillingPanel, what: string) {
    expect(document.documentElement.scrollWidth, `page width with ${what}`).to.be.at.most(320);
    for (const box of parts(el, 'base')) expect(box.scrollWidth, `a section with ${what}`).to.be.at.most(box.clientWidth + 1);
  }

  function expectDialogFits(dialog: HTMLDialogElement, what: string) {
    const rect = dialog.getBoundingClientRect();
    expect(rect.left, what).to.be.at.least(0);
    expect(rect.right, what).to.be.at.most(320);
    expect(dialog.scrollWidth, `${what}: content wider than the dialog`).to.be.at.most(dialog.clientWidth + 1);
    for (const part of [dialog.querySelector('h2')!, ...Array.from(dialog.querySelectorAll('button, select'))]) {
      const r = part.getBoundingClientRect();
      expect(r.left >= rect.left - 1 && r.right <= rect.right + 1, `${what}: ${nameOf(part)} clipped`).to.equal(true);
    }
  }

  for (const [dataset, options, label] of states) {
    it(`nothing overflows or clips: ${label ?? dataset}`, async () => {
      const el = await loadedPanel(await scenario(dataset, options));
      expectFits(el, label ?? dataset);
      for (const name of ['Cancel subscription', /^Switch to \w+,/]) {
        const [opener] = queryAllByRole(el, 'button', name);
        if (!opener) continue;
        (opener as HTMLElement).click();
        const dialog = await waitForDialog(el);
        expectDialogFits(dialog, `${String(name)} dialog`);
        dialog.close();
        await waitUntil(() => !openDialog(el));
      }
    });
  }
});
