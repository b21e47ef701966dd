import { expect } from '@open-wc/testing';
import { currencyDigits, describeInterval, formatMoney, formatPrice, resolveLocale, yearlySaving } from '../../src/i18n/format.js';
import { cardExpired, shortId } from '../../src/elements/billing-identity.js';

const price = (unit_amount: number | null, currency: string, interval = 'month', interval_count = 1) => ({
  id: 'p',
  nickname: null,
  unit_amount,
  currency,
  interval,
  interval_count,
  trial_period_days: null,
});

describe('formatting', () => {
  it('formats minor units with the currency’s own digits', () => {
    expect(formatMoney(1500, 'jpy', 'en')).to.equal('¥1,500');
    expect(formatMoney(2900, 'usd', 'en')).to.equal('$29.00');
    expect(formatMoney(2900, 'USD', 'en')).to.equal('$29.00');
    expect(formatMoney(12345, 'kwd', 'en').replace(/\u00a0/g, ' ')).to.equal('KWD 12.345');
    expect(formatMoney(29900, 'thb', 'th')).to.equal('฿299.00');
    expect(formatMoney(4900, 'cny', 'zh')).to.equal('¥49.00');
    expect(formatMoney(1500, 'jpy', 'ja')).to.equal('￥1,500');
    expect(currencyDigits('kwd')).to.equal(3);
    expect(currencyDigits('jpy')).to.equal(0);
  });

  it('keeps an unknown currency readable instead of throwing', () => {
    expect(formatMoney(100, 'not-a-currency', 'en')).to.equal('100 NOT-A-CURRENCY');
  });

  it('describes intervals', () => {
    expect(describeInterval('month')).to.equal('per month');
    expect(describeInterval('year')).to.equal('per year');
    expect(describeInterval('month', 3)).to.equal('every 3 months');
    expect(describeInterval('week', 2)).to.equal('every 2 weeks');
    expect(describeInterval('fortnight')).to.equal('per fortnight');
    expect(formatPrice(price(null, 'usd'), 'en')).to.equal('Custom price');
    expect(formatPrice(price(24900, 'usd', 'month', 3), 'en')).to.equal('$249.00 every 3 months');
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
});
