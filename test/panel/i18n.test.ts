import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../helpers/console-guard.js';
import { scenario } from '../helpers/fake.js';
import { findText, getByRole, visibleText } from '../../src/testing/queries.js';
import { loadedPanel } from '../helpers/panel.js';
import { catalogFor, getLocale, useLocale } from '../../src/i18n/localization.js';
import { createBillingClient } from '../../src/api/client.js';
import type { BillingPanel } from '../../src/billing-panel.js';
import type { RemoteScenario } from '../../src/testing/fake-api/remote.js';

/** Brand and code words that stay as they are in every language. */
const KEPT = ['Stripe', 'base-url', 'tokenProvider', 'ID'];

/** The English fragments of every message in the catalog (placeholders cut out). */
async function englishFragments(): Promise<string[]> {
  const xml = new DOMParser().parseFromString(await (await fetch('/src/i18n/xliff/ja.xlf')).text(), 'application/xml');
  const fragments = new Set<string>();
  for (const source of Array.from(xml.querySelectorAll('source'))) {
    for (const node of Array.from(source.childNodes)) {
      if (node.nodeType !== Node.TEXT_NODE) continue;
      for (let part of (node.textContent ?? '').split(/[.:…!?()]/)) {
        for (const kept of KEPT) part = part.split(kept).join(' ');
        part = part.trim();
        if (part.length >= 4 && /[A-Za-z]{3}/.test(part)) fragments.add(part);
      }
    }
  }
  return [...fragments];
}

/** Everything the service said (plan names, highlights, features…): not ours to translate. */
async function serviceTexts(s: RemoteScenario): Promise<string[]> {
  const client = createBillingClient({ baseUrl: s.baseUrl, getToken: () => s.token });
  const [merchants, features, identity, page] = await Promise.all([
    client.subscriptions.merchants(),
    client.subscriptions.features(),
    client.subscriptions.identity(),
    client.subscriptions.list(),
  ]);
  const texts = [
    ...merchants.flatMap((m) => [m.name, ...m.plans.flatMap((p) => [p.name, p.description ?? '', ...p.highlights])]),
    ...features.flatMap((f) => [f.name ?? '', f.description ?? '', f.unit ?? '']),
    identity?.name ?? '',
    identity?.email ?? '',
    ...page.items.map((sub) => sub.plan?.name ?? ''),
  ];
  return texts.filter(Boolean).sort((a, b) => b.length - a.length);
}

function withoutService(text: string, service: string[]): string {
  let out = text;
  for (const t of service) out = out.split(t).join(' ');
  return out;
}

const LOCALES: Array<[string, string, string]> = [
  ['ja', '請求', 'サブスクリプション'],
  ['th', 'การเรียกเก็บเงิน', 'การสมัครสมาชิก'],
  ['zh', '账单', '订阅'],
];

describe('localization', () => {
  after(() => useLocale('en'));

  it('maps locales to the four catalogs', () => {
    expect(catalogFor('ja-JP')).to.equal('ja');
    expect(catalogFor('th')).to.equal('th');
    expect(catalogFor('zh-Hans-CN')).to.equal('zh');
    expect(catalogFor('zh-TW')).to.equal('zh');
    expect(catalogFor('en-GB')).to.equal('en');
    expect(catalogFor('fr')).to.equal('en');
  });

  for (const [locale, billing, subscriptions] of LOCALES) {
    for (const dataset of ['active-usd', 'past-due', 'new-account', 'cancel-at-period-end'] as const) {
      it(`leaves no English in the ${locale} UI (${dataset})`, async () => {
        const s = await scenario(dataset);
        const el = await loadedPanel(s, { locale });
        await findText(el, billing);
        await findText(el, subscriptions);
        expect(getLocale()).to.equal(locale);
        const text = withoutService(visibleText(el), await serviceTexts(s));
        const left = (await englishFragments()).filter((fragment) => new RegExp(`\\b${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text));
        expect(left, `English left in ${locale}: ${text.slice(0, 400)}`).to.deep.equal([]);
        expect(text).to.not.match(/\b(per month|per year|Monthly|Yearly|Next charge|Cancel subscription|Payment needed)\b/);
      });
    }

    it(`asks the service in ${locale}, formats dates and money through Intl, and does not overflow`, async () => {
      const s = await scenario('active-usd');
      const el = await loadedPanel(s, { locale });
      await findText(el, billing);
      expect((await s.requests('listSubscriptions'))[0]!.query['locale']).to.equal(locale);
      const end = new Date((await s.state()).local[0]!['current_period_end'] as string);
      expect(visibleText(el)).to.contain(new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(end));
      expect(visibleText(el)).to.contain(new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(29));
      el.parentElement!.style.width = '360px';
      await el.updateComplete;
      const base = el.shadowRoot!.querySelector('[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
      getByRole(el, 'button', locale === 'ja' ? '年払い' : locale === 'th' ? 'รายปี' : '按年');
    });
  }

  it('follows the page’s lang when there is no locale attribute', async () => {
    const s = await scenario('active-usd');
    const loaded = oneEvent(document, 'billing-loaded');
    const wrapper = await fixture(html`<div lang="th"><billing-panel base-url=${s.baseUrl} .token=${s.token}></billing-panel></div>`);
    await loaded;
    const el = wrapper.querySelector<BillingPanel>('billing-panel')!;
    await findText(el, 'การเรียกเก็บเงิน');
    expect((await s.requests('listSubscriptions'))[0]!.query['locale']).to.equal('th');
  });

  it('comes back to English', async () => {
    const el = await loadedPanel(await scenario('active-usd'), { locale: 'en' });
    await findText(el, 'Subscriptions');
    expect(getLocale()).to.equal('en');
  });
});
