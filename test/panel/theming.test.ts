import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../helpers/console-guard.js';
import { scenario } from '../helpers/fake.js';
import { findText, getByRole, visibleText } from '../../src/testing/queries.js';
import { loadedPanel, panel } from '../helpers/panel.js';
import type { BillingPanel } from '../../src/billing-panel.js';

const base = (el: BillingPanel) => el.shadowRoot!.querySelector('[part~="base"]')!;

describe('<billing-panel> theming and accessibility', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  for (const dataset of ['active-usd', 'past-due', 'new-account', 'multi-merchant', 'trialing-jpy', 'cancel-at-period-end'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`is axe-clean: ${dataset}, ${theme}`, async () => {
        const el = await loadedPanel(await scenario(dataset), { theme });
        await expect(el).to.be.accessible();
      });
    }
  }

  it('is axe-clean in the error, expired, owner-only and unconfigured states', async () => {
    const failing = await scenario();
    await failing.fault({ operation: 'listMerchants', status: 500 });
    const errored = await panel(failing);
    await findText(errored, 'Could not load plans');
    await expect(errored).to.be.accessible();
    const s = await scenario();
    const expired = await panel(s, { token: s.info.tokens.expired });
    await findText(expired, 'Your session has expired');
    await expect(expired).to.be.accessible();
    const member = await panel(s, { token: s.info.tokens.member, theme: 'dark' });
    await findText(member, 'Only the account owner');
    await expect(member).to.be.accessible();
    const bare = await panel(undefined);
    await expect(bare).to.be.accessible();
  });

  it('is axe-clean while loading', async () => {
    const s = await scenario();
    await s.fault({ operation: '*', kind: 'hang' });
    const el = await panel(s);
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('follows prefers-color-scheme with theme="auto"', async () => {
    const el = await loadedPanel(await scenario(), { theme: 'auto' });
    await emulateMedia({ colorScheme: 'dark' });
    expect(getComputedStyle(base(el)).backgroundColor).to.equal('rgb(17, 24, 39)');
    await emulateMedia({ colorScheme: 'light' });
    expect(getComputedStyle(base(el)).backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  it('uses a system UI font on a page that sets none, not the browser\'s serif default', async () => {
    const el = await loadedPanel(await scenario());
    const family = getComputedStyle(getByRole(el, 'button', 'Monthly')).fontFamily;
    expect(family).to.match(/^system-ui/);
    expect(family, 'Thai and CJK in the stack').to.contain('Noto Sans Thai').and.to.contain('Noto Sans JP');
  });

  it('takes --billing-* custom properties from the page, and its font with billing-panel { font-family: inherit }', async () => {
    const s = await scenario();
    const el = await fixture<HTMLElement>(html`<div style="--billing-accent: rgb(200, 0, 100); font-family: Georgia, serif">
      <billing-panel style="font-family: inherit" base-url=${s.baseUrl} .token=${s.token}></billing-panel>
    </div>`);
    const panelEl = el.querySelector('billing-panel')!;
    await findText(panelEl, 'Monthly');
    const monthly = getByRole(panelEl, 'button', 'Monthly');
    expect(getComputedStyle(monthly).backgroundColor).to.equal('rgb(200, 0, 100)');
    expect(getComputedStyle(monthly).fontFamily).to.contain('Georgia');
  });

  it('exposes parts for styling from outside', async () => {
    const el = await loadedPanel(await scenario());
    const style = document.createElement('style');
    style.textContent = 'billing-panel::part(status-badge) { outline: 3px solid rgb(1, 2, 3); }';
    document.head.append(style);
    const badge = el.shadowRoot!.querySelector('billing-subscriptions')!.shadowRoot!.querySelector('[part~="status-badge"]')!;
    expect(getComputedStyle(badge).outlineColor).to.equal('rgb(1, 2, 3)');
    style.remove();
  });

  it('stops the skeleton animation for prefers-reduced-motion', async () => {
    const s = await scenario();
    await s.fault({ operation: '*', kind: 'hang' });
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await panel(s);
    await el.updateComplete;
    const skeleton = el.shadowRoot!.querySelector('billing-features')!.shadowRoot!.querySelector('[part~="skeleton"]')!;
    expect(getComputedStyle(skeleton).animationName).to.equal('none');
  });

  it('does not break its layout with a 300-character plan name', async () => {
    const longName = 'Enterprise'.repeat(30);
    const el = await loadedPanel(await scenario('active-usd', { planName: longName }));
    el.parentElement!.style.width = '320px';
    await el.updateComplete;
    const box = base(el);
    expect(box.scrollWidth).to.be.at.most(box.clientWidth + 1);
    expect(visibleText(el).split(longName).length - 1, 'shown in the subscription, the plan card and its switch button').to.equal(3);
  });

  it('is reachable by keyboard with a visible focus ring', async () => {
    const el = await loadedPanel(await scenario());
    const yearly = getByRole(el, 'button', 'Yearly');
    getByRole(el, 'button', 'Monthly').focus();
    await sendKeys({ press: 'Tab' });
    const active = el.shadowRoot!.querySelector('billing-plans')!.shadowRoot!.activeElement;
    expect(active).to.equal(yearly);
    expect(getComputedStyle(yearly).outlineStyle).to.equal('solid');
    await sendKeys({ press: 'Enter' });
    await findText(el, '$290.00 per year');
  });
});
