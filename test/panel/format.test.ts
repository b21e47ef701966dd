import { expect } from '@open-wc/testing';
import { currencyDigits, dateOptions, describeInterval, formatDate, formatMoney, formatPrice, resolveLocale, yearlySaving } from '../../src/i18n/format.js';
import { cardExpired, cardExpiry, shortId } from '../../src/elements/billing-identity.js';

const price = (unit_amount: number | null, currency: string, interval = 'month', interval_count = 1) => ({
  id: 'p',
  nickname: null,
  unit_amount,
  currency,
  interval,
  interval_count,
  trial_period_days: null,
  adjustable_quantity: null,
});

/** Stripe's minor units (docs.stripe.com/currencies; contract 1.1), written out again as the test's own table. */
const ZERO_DECIMAL = ['BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF'];
const THREE_DECIMAL = ['BHD', 'JOD', 'KWD', 'OMR', 'TND'];
/** Two-decimal at Stripe, a sample: ISO 4217 or CLDR give some of them fewer digits (IDR, HUF, ISK, COP, PKR, IQD, TWD). */
const TWO_DECIMAL = ['USD', 'EUR', 'GBP', 'THB', 'CNY', 'TWD', 'HKD', 'INR', 'MXN', 'BRL', 'IDR', 'HUF', 'ISK', 'COP', 'PKR', 'IQD', 'CHF', 'SEK'];
const currency = (locale: string, amount: number, code: string) => new Intl.NumberFormat(locale, { style: 'currency', currency: code }).format(amount);

describe('formatting', () => {
  for (const locale of ['en', 'ja', 'th', 'zh', 'zh-TW']) {
    it(`converts Stripe's minor units of every currency before Intl formats them (${locale})`, () => {
      for (const code of ZERO_DECIMAL) {
        expect(currencyDigits(code.toLowerCase()), code).to.equal(0);
        expect(formatMoney(1500, code.toLowerCase(), locale), code).to.equal(currency(locale, 1500, code));
      }
      for (const code of THREE_DECIMAL) {
        expect(currencyDigits(code.toLowerCase()), code).to.equal(3);
        expect(formatMoney(12345, code.toLowerCase(), locale), code).to.equal(currency(locale, 12.345, code));
      }
      for (const code of TWO_DECIMAL) {
        expect(currencyDigits(code.toLowerCase()), code).to.equal(2);
        expect(formatMoney(15000000, code.toLowerCase(), locale), code).to.equal(currency(locale, 150000, code));
      }
    });
  }

  it('shows the amounts the contract gives as examples', () => {
    const en = (minor: number, code: string) => formatMoney(minor, code, 'en').replace(/\u00a0/g, ' ');
    expect(en(1500, 'jpy')).to.equal('¥1,500');
    expect(en(2900, 'usd')).to.equal('$29.00');
    expect(en(2900, 'USD')).to.equal('$29.00');
    expect(en(1500, 'kwd')).to.equal('KWD 1.500');
    expect(en(12345, 'kwd')).to.equal('KWD 12.345');
    expect(en(15000000, 'idr')).to.equal('IDR 150,000');
    expect(en(500000, 'huf')).to.equal('HUF 5,000');
    expect(en(99900, 'isk')).to.equal('ISK 999');
    expect(en(1234500, 'cop')).to.equal('COP 12,345');
    expect(en(29900, 'thb')).to.equal('THB 299.00');
    expect(formatMoney(29900, 'thb', 'th')).to.equal('฿299.00');
    expect(formatMoney(4900, 'cny', 'zh')).to.equal('¥49.00');
    expect(formatMoney(1500, 'jpy', 'ja')).to.equal('￥1,500');
    expect(formatMoney(15000000, 'idr', 'id').replace(/\u00a0/g, ' ')).to.equal('Rp 150.000');
    expect(formatMoney(500000, 'huf', 'hu').replace(/\u00a0/g, ' ')).to.equal('5000 Ft');
  });

  it('keeps a currency Intl refuses readable, in major units, instead of throwing', () => {
    expect(formatMoney(100, 'not-a-currency', 'en')).to.equal('1.00 NOT-A-CURRENCY');
    expect(formatMoney(1500, 'x', 'ja')).to.equal('15.00 X');
  });

  it('describes intervals', () => {
    expect(describeInterval('month')).to.equal('per month');
    expect(describeInterval('year')).to.equal('per year');
    expect(describeInterval('month', 3)).to.equal('every 3 months');
    expect(describeInterval('week', 2)).to.equal('every 2 weeks');
    expect(describeInterval('fortnight')).to.equal('per fortnight');
  });

  it('says a price with its interval in one message', () => {
    expect(formatPrice(price(null, 'usd'), 'en')).to.equal('Usage-based price');
    expect(formatPrice(price(2900, 'usd'), 'en')).to.equal('$29.00 per month');
    expect(formatPrice(price(1500, 'jpy', 'year'), 'en')).to.equal('¥1,500 per year');
    expect(formatPrice(price(24900, 'usd', 'month', 3), 'en')).to.equal('$249.00 every 3 months');
    expect(formatPrice(price(700, 'usd', 'week'), 'en')).to.equal('$7.00 per week');
    expect(formatPrice(price(100, 'usd', 'day', 2), 'en')).to.equal('$1.00 every 2 days');
    expect(formatPrice(price(15000000, 'idr'), 'en').replace(/\u00a0/g, ' ')).to.equal('IDR 150,000 per month');
    expect(formatPrice(price(100, 'usd', 'fortnight'), 'en')).to.equal('$1.00 per fortnight');
    expect(formatPrice(price(100, 'usd', 'fortnight', 2), 'en')).to.equal('$1.00 every 2 fortnight');
  });

  it('writes dates as each language does, Thai in the Buddhist era with its marker unless the locale asks for Gregorian', () => {
    const day = new Date(2025, 2, 3, 12);
    expect(formatDate(day, 'en')).to.equal('Mar 3, 2025');
    expect(formatDate(day, 'ja')).to.equal('2025年3月3日');
    expect(formatDate(day, 'zh')).to.equal('2025年3月3日');
    expect(formatDate(day, 'zh-TW')).to.equal('2025年3月3日');
    expect(formatDate(day, 'th')).to.equal('3 มี.ค. พ.ศ. 2568');
    expect(formatDate(day, 'th-TH')).to.equal('3 มี.ค. พ.ศ. 2568');
    expect(formatDate(day, 'th-u-ca-gregory')).to.equal('3 มี.ค. 2025');
    expect(dateOptions('ja')).to.deep.equal({ dateStyle: 'long' });
  });

  it('computes the yearly saving only for comparable prices', () => {
    expect(yearlySaving(price(2900, 'usd'), price(29000, 'usd', 'year'))).to.equal(17);
    expect(yearlySaving(price(1000, 'usd'), price(12000, 'usd', 'year'))).to.equal(0);
    expect(yearlySaving(price(1000, 'usd'), price(9000, 'eur', 'year'))).to.equal(0);
    expect(yearlySaving(undefined, price(9000, 'usd', 'year'))).to.equal(0);
  });

  it('takes the locale from the attribute, else the nearest lang, else the browser', () => {
    const outer = document.createElement('div');
    outer.lang = 'th';
    const inner = document.createElement('span');
    outer.append(inner);
    expect(resolveLocale('ja', inner)).to.equal('ja');
    expect(resolveLocale(undefined, inner)).to.equal('th');
    expect(resolveLocale('not a locale!!', inner)).to.equal('th');
    const orphan = document.createElement('span');
    expect(resolveLocale(undefined, orphan)).to.equal(Intl.getCanonicalLocales(navigator.language)[0]);
  });

  it('shortens customer ids and knows an expired card', () => {
    expect(shortId('cus_Q1w2E3r4T5y6U7')).to.equal('cus_Q1w2…y6U7');
    expect(shortId('cus_short')).to.equal('cus_short');
    const now = new Date(2026, 4, 15);
    expect(cardExpired({ exp_month: 4, exp_year: 2026 }, now)).to.equal(true);
    expect(cardExpired({ exp_month: 5, exp_year: 2026 }, now)).to.equal(false);
    expect(cardExpired({}, now)).to.equal(false);
  });

  it('writes a card expiry as printed on the card, MM/YY', () => {
    expect(cardExpiry({ exp_month: 4, exp_year: 2026 })).to.equal('04/26');
    expect(cardExpiry({ exp_month: 12, exp_year: 2030 })).to.equal('12/30');
    expect(cardExpiry({ exp_month: 1, exp_year: 2100 })).to.equal('01/00');
    expect(cardExpiry({ exp_month: 1 })).to.equal(undefined);
  });
});
