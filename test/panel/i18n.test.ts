import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../helpers/console-guard.js';
import { scenario } from '../helpers/fake.js';
import { findText, getByRole, visibleText } from '../../src/testing/queries.js';
import { loadedPanel } from '../helpers/panel.js';
import { catalogFor, contentLanguage, getLocale, joinSentences, useLocale } from '../../src/i18n/localization.js';
import { stripeLocale } from '../../src/i18n/stripe-locale.js';
import { formatDate, formatPrice } from '../../src/i18n/format.js';
import { configErrorMessage, errorMessage, statusLabel } from '../../src/elements/messages.js';
import { actionErrorMessage } from '../../src/flows/action-failure.js';
import { kit } from '../../src/flows/kit.js';
import { BillingError, type BillingErrorKind } from '../../src/api/errors.js';
import { createBillingClient } from '../../src/api/client.js';
import type { BillingPanel } from '../../src/billing-panel.js';
import type { RemoteScenario } from '../../src/testing/fake-api/remote.js';

/** Brand and code words that stay as they are in every language. */
const KEPT = ['Stripe', 'base-url', 'tokenProvider', 'ID'];

const XLIFF = { ja: 'ja', th: 'th', zh: 'zh', 'zh-TW': 'zh-Hant' } as const;

async function catalog(file: string): Promise<Document> {
  return new DOMParser().parseFromString(await (await fetch(`/src/i18n/xliff/${file}.xlf`)).text(), 'application/xml');
}

/** The text of a source or target, with its placeholders as `{0}`. */
function unitText(node: Element): string {
  return Array.from(node.childNodes)
    .map((child) => (child.nodeType === Node.TEXT_NODE ? child.textContent : `{${(child as Element).getAttribute('id')}}`))
    .join('');
}

/** The English fragments of every message in the catalog (placeholders cut out). */
async function englishFragments(): Promise<string[]> {
  const xml = await catalog('ja');
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

/** Every text node the panel renders, through its shadow roots: one message (or joined sentences) each. */
function textNodes(root: Node): string[] {
  const out: string[] = [];
  const visit = (node: Node) => {
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) out.push(node.textContent!.trim());
    for (const child of Array.from(node.childNodes)) visit(child);
  };
  visit(root);
  return out;
}

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー';
/** Fragments glued with ASCII punctuation in Chinese or Japanese: "読み込めませんでした: …", "。 base-url". */
const CJK_GLUE = [new RegExp(`[${CJK}][:;,.!?]`, 'u'), new RegExp(`[${CJK}]\\s*[:;] `, 'u'), /[。！？：；] ./u];

function gluedInCjk(texts: string[]): string[] {
  return texts.filter((text) => CJK_GLUE.some((pattern) => pattern.test(text)));
}

/** The panel and each of its sections fit their width. */
function expectNoOverflow(el: BillingPanel, locale: string): void {
  for (const root of [el.shadowRoot!, ...Array.from(el.shadowRoot!.querySelectorAll('.sections > *')).map((child) => child.shadowRoot!)]) {
    const box = root.querySelector<HTMLElement>('[part~="base"]');
    if (box) expect(box.scrollWidth, `overflow in ${locale}`).to.be.at.most(box.clientWidth + 1);
  }
}

/** Switches the page's catalog and waits until it is loaded. */
async function inCatalogOf(locale: string): Promise<void> {
  useLocale(locale);
  await waitUntil(() => getLocale() === catalogFor(locale), `catalog of ${locale}`);
}

/** [panel locale, "Billing", "Subscriptions", "Yearly"] in each language. */
const LOCALES: Array<[string, string, string, string]> = [
  ['ja', 'お支払い・請求', 'サブスクリプション', '年払い'],
  ['th', 'การชำระเงิน', 'การสมัครสมาชิก', 'รายปี'],
  ['zh', '付款与账单', '订阅', '按年'],
  ['zh-TW', '付款與帳單', '訂閱', '年繳'],
];

/** Prices in the currencies whose Stripe minor units differ from ISO's or CLDR's, and the amounts each means. */
const MONEY: Array<[string, number, number]> = [
  ['idr', 15000000, 150000],
  ['huf', 500000, 5000],
  ['isk', 99900, 999],
  ['kwd', 1500, 1.5],
  ['jpy', 1500, 1500],
  ['bhd', 12345, 12.345],
  ['krw', 9900, 9900],
  ['cop', 1234500, 12345],
];

function moneyMerchants(): string {
  return JSON.stringify([
    {
      id: 'm_money',
      name: 'Money',
      livemode: true,
      plans: MONEY.map(([currency, amount], i) => ({
        id: `prod_${currency}`,
        name: `Plan ${currency.toUpperCase()}`,
        prices: [{ id: `price_${currency}`, unit_amount: amount, currency, interval: i % 2 ? 'month' : 'year', interval_count: 1 }],
      })),
    },
  ]);
}

describe('localization', () => {
  after(() => useLocale('en'));

  it('maps locales to the five catalogs: Traditional Chinese for zh-TW, zh-HK, zh-MO and zh-Hant', () => {
    expect(catalogFor('ja-JP')).to.equal('ja');
    expect(catalogFor('th')).to.equal('th');
    expect(catalogFor('th-u-ca-gregory')).to.equal('th');
    expect(catalogFor('zh')).to.equal('zh');
    expect(catalogFor('zh-CN')).to.equal('zh');
    expect(catalogFor('zh-SG')).to.equal('zh');
    expect(catalogFor('zh-Hans-CN')).to.equal('zh');
    expect(catalogFor('zh-Hans-TW')).to.equal('zh');
    expect(catalogFor('zh-TW')).to.equal('zh-Hant');
    expect(catalogFor('zh-HK')).to.equal('zh-Hant');
    expect(catalogFor('zh-MO')).to.equal('zh-Hant');
    expect(catalogFor('zh-Hant')).to.equal('zh-Hant');
    expect(catalogFor('zh-Hant-CN')).to.equal('zh-Hant');
    expect(catalogFor('en-GB')).to.equal('en');
    expect(catalogFor('fr')).to.equal('en');
    expect(catalogFor('not a locale!!')).to.equal('en');
  });

  it('gives the content the resolved locale as its lang, or en when the texts fall back to English', () => {
    expect(contentLanguage('zh-TW')).to.equal('zh-TW');
    expect(contentLanguage('ja-JP')).to.equal('ja-JP');
    expect(contentLanguage('th-u-ca-gregory')).to.equal('th-u-ca-gregory');
    expect(contentLanguage('en-GB')).to.equal('en-GB');
    expect(contentLanguage('fr')).to.equal('en');
  });

  it('maps the panel locale to Stripe’s locale values', () => {
    const cases: Array<[string, string]> = [
      ['ja', 'ja'],
      ['ja-JP', 'ja'],
      ['th', 'th'],
      ['th-u-ca-gregory', 'th'],
      ['zh', 'zh'],
      ['zh-CN', 'zh'],
      ['zh-Hans-HK', 'zh'],
      ['zh-TW', 'zh-TW'],
      ['zh-Hant', 'zh-TW'],
      ['zh-HK', 'zh-HK'],
      ['zh-MO', 'zh-HK'],
      ['zh-Hant-HK', 'zh-HK'],
      ['en', 'en'],
      ['en-US', 'en'],
      ['en-GB', 'en-GB'],
      ['es', 'es'],
      ['es-MX', 'es-419'],
      ['es-419', 'es-419'],
      ['fr-CA', 'fr-CA'],
      ['pt', 'pt'],
      ['pt-BR', 'pt-BR'],
      ['nn', 'nb'],
      ['de-AT', 'de'],
      ['ar', 'auto'],
      ['not a locale!!', 'auto'],
    ];
    for (const [locale, stripe] of cases) expect(stripeLocale(locale), locale).to.equal(stripe);
  });

  for (const [locale, file] of Object.entries(XLIFF)) {
    it(`has every message of the ${locale} catalog translated, in the language’s script, without ASCII glue`, async () => {
      const xml = await catalog(file);
      const script = locale === 'th' ? /\p{Script=Thai}/u : new RegExp(`[${CJK}]`, 'u');
      const units = Array.from(xml.querySelectorAll('trans-unit'));
      expect(units.length).to.be.greaterThan(150);
      const untranslated: string[] = [];
      const glued: string[] = [];
      for (const unit of units) {
        const target = unit.querySelector('target');
        const text = target ? unitText(target) : '';
        // Brand names stay Latin where readers know them so (UnionPay in Thai).
        if (!script.test(text) && !(locale === 'th' && text === 'UnionPay')) untranslated.push(`${unit.id}: ${text}`);
        if (locale === 'th' ? /: /.test(text) : gluedInCjk([text]).length) glued.push(`${unit.id}: ${text}`);
      }
      expect(untranslated, 'untranslated').to.deep.equal([]);
      expect(glued, 'ASCII punctuation between sentences').to.deep.equal([]);
    });

    it(`writes whole sentences in ${locale}: errors, configuration, unknown statuses and intervals`, async () => {
      await inCatalogOf(locale);
      const kinds: BillingErrorKind[] = ['network', 'timeout', 'http', 'not-found', 'rate-limited', 'invalid-response'];
      const texts = [
        ...kinds.flatMap((kind) => [
          errorMessage(new BillingError(kind), 'X'),
          actionErrorMessage(kit, new BillingError(kind), 'X'),
          actionErrorMessage(kit, new BillingError(kind, 'Already ended.', { code: 'already_canceled', fromService: true, status: 409 }), 'X'),
        ]),
        joinSentences('X', configErrorMessage(new BillingError('config', 'bad', { code: 'invalid_base_url' }))),
        statusLabel('on_hold'),
        formatPrice({ unit_amount: 100, currency: 'usd', interval: 'fortnight', interval_count: 1 }, locale),
        formatPrice({ unit_amount: 100, currency: 'usd', interval: 'fortnight', interval_count: 2 }, locale),
      ];
      // Each text is one of ours around "X", the raw value or the amount: none may be English.
      const english = texts.filter((text) => /\b(Could|the|billing|service|Try|Status|per|every)\b/.test(text));
      expect(english, 'English').to.deep.equal([]);
      if (locale !== 'th') expect(gluedInCjk(texts.map((t) => t.replace(/X/g, '。'))), 'glued').to.deep.equal([]);
      expect(statusLabel('on_hold')).to.contain('on_hold');
    });
  }

  for (const [locale, billing, subscriptions, yearly] of LOCALES) {
    for (const dataset of ['active-usd', 'past-due', 'new-account', 'cancel-at-period-end', 'trialing-jpy', 'multi-merchant'] as const) {
      it(`leaves no English and no glued fragments in the ${locale} UI at 360 px (${dataset})`, async () => {
        const s = await scenario(dataset);
        const el = await loadedPanel(s, { locale });
        el.parentElement!.style.width = '360px';
        await findText(el, billing);
        await findText(el, subscriptions);
        expect(getLocale()).to.equal(catalogFor(locale));
        const text = withoutService(visibleText(el), await serviceTexts(s));
        const left = (await englishFragments()).filter((fragment) => new RegExp(`\\b${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text));
        expect(left, `English left in ${locale}: ${text.slice(0, 400)}`).to.deep.equal([]);
        expect(text).to.not.match(/\b(per month|per year|Monthly|Yearly|Next charge|Cancel subscription|Payment needed)\b/);
        if (locale !== 'th') expect(gluedInCjk(textNodes(el)), 'fragments glued with ASCII punctuation').to.deep.equal([]);
        expectNoOverflow(el, locale);
      });
    }

    it(`formats dates and money in ${locale}, and names its catalog’s buttons`, async () => {
      const s = await scenario('active-usd');
      const el = await loadedPanel(s, { locale });
      await findText(el, billing);
      // The panel's language goes with every request: Accept-Language, and locale on the GETs that take it.
      const requests = await s.requests();
      for (const request of requests) expect(request.headers['accept-language'], request.path).to.equal(locale);
      for (const operation of ['listSubscriptions', 'listFeatures', 'listMerchants']) {
        expect(requests.find((r) => r.operation === operation)!.query['locale'], operation).to.equal(locale);
      }
      const end = new Date((await s.state()).local[0]!['current_period_end'] as string);
      expect(visibleText(el)).to.contain(formatDate(end, locale));
      expect(visibleText(el)).to.contain(new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(29));
      getByRole(el, 'button', yearly);
    });

    it(`shows the amounts of Stripe's minor units in ${locale}, never 100 times too much`, async () => {
      const s = await scenario('new-account');
      await s.fault({ operation: 'listMerchants', status: 200, body: moneyMerchants() });
      const el = await loadedPanel(s, { locale });
      await findText(el, billing);
      // One price per plan: no Monthly/Yearly toggle, every card shows its own.
      const text = visibleText(el.shadowRoot!.querySelector('billing-plans')!);
      for (const [currency, , amount] of MONEY) {
        const format = (value: number) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value).replace(/\s+/g, ' ');
        expect(text, `${currency} in ${locale}`).to.contain(format(amount));
        expect(text, `${currency} in ${locale}`).to.not.contain(format(amount * 100));
      }
    });
  }

  for (const dataset of ['active-usd', 'past-due', 'trialing-jpy', 'multi-merchant'] as const) {
    it(`fits English in 360 px (${dataset})`, async () => {
      const el = await loadedPanel(await scenario(dataset), { locale: 'en' });
      el.parentElement!.style.width = '360px';
      await findText(el, 'Subscriptions');
      expectNoOverflow(el, 'en');
    });
  }

  it('sets lang on the rendered content to the resolved locale, so that fonts and voices follow', async () => {
    const langs: Array<[string, string]> = [
      ['zh-TW', 'zh-TW'],
      ['zh', 'zh'],
      ['ja', 'ja'],
      ['fr', 'en'],
    ];
    for (const [locale, lang] of langs) {
      const el = await loadedPanel(await scenario('active-usd'), { locale });
      const content = el.shadowRoot!.querySelector('[part~="base"]')!;
      expect(content.getAttribute('lang'), locale).to.equal(lang);
      expect(el.hasAttribute('lang'), 'the host is the page’s').to.equal(false);
      const subscriptions = el.shadowRoot!.querySelector('billing-subscriptions')!;
      expect(subscriptions.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('lang')).to.equal(lang);
      expect(content.matches(`:lang(${lang})`)).to.equal(true);
    }
    const standalone = await fixture<HTMLElement>(html`<billing-features locale="zh-HK" base-url="https://billing.invalid"></billing-features>`);
    await waitUntil(() => standalone.shadowRoot!.querySelector('[part~="base"]'), 'standalone renders');
    expect(standalone.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('lang')).to.equal('zh-HK');
  });

  const BRANDS: Array<[string, string]> = [
    ['zh', '银联'],
    ['zh-TW', '銀聯'],
    ['th', 'UnionPay'],
  ];
  for (const [locale, brand] of BRANDS) {
    it(`names UnionPay as ${brand} in ${locale}, and the card expiry as printed on the card`, async () => {
      const s = await scenario('active-usd');
      const identity = { ...(await (await fetch(`${s.baseUrl}/api/subscriptions/identity`, { headers: { authorization: `Bearer ${s.token}` } })).json()) };
      identity.default_payment_method = { brand: 'unionpay', last4: '0005', exp_month: 3, exp_year: 2031 };
      await s.fault({ operation: 'getIdentity', status: 200, body: JSON.stringify(identity) });
      const el = await loadedPanel(s, { locale });
      await findText(el, brand);
      expect(visibleText(el)).to.contain('03/31');
      expect(visibleText(el)).to.not.contain('2031');
      if (locale !== 'th') expect(visibleText(el)).to.not.contain('UnionPay');
    });
  }

  it('follows the page’s lang when there is no locale attribute', async () => {
    const s = await scenario('active-usd');
    const loaded = oneEvent(document, 'billing-loaded');
    const wrapper = await fixture(html`<div lang="th"><billing-panel base-url=${s.baseUrl} .token=${s.token}></billing-panel></div>`);
    await loaded;
    const el = wrapper.querySelector<BillingPanel>('billing-panel')!;
    await findText(el, 'การชำระเงิน');
    expect((await s.requests('listSubscriptions'))[0]!.query['locale']).to.equal('th');
  });

  it('comes back to English', async () => {
    const el = await loadedPanel(await scenario('active-usd'), { locale: 'en' });
    await findText(el, 'Subscriptions');
    expect(getLocale()).to.equal('en');
  });
});
