/**
 * Money, dates and intervals in the panel's locale, through `Intl`. Amounts are minor
 * units; the currency's own digits come from `Intl` (JPY 0, USD 2, KWD 3).
 */
import { msg, str } from '@lit/localize';
import type { Price } from '../api/schemas.js';

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function currencyFormat(locale: string, currency: string): Intl.NumberFormat | undefined {
  const key = `${locale}|${currency}`;
  let format = numberFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() });
    } catch {
      return undefined;
    }
    numberFormats.set(key, format);
  }
  return format;
}

const digits = new Map<string, number>();

/** The number of minor-unit digits of a currency (USD 2, JPY 0, KWD 3). */
export function currencyDigits(currency: string): number {
  let count = digits.get(currency);
  if (count === undefined) digits.set(currency, (count = currencyFormat('en', currency)?.resolvedOptions().maximumFractionDigits ?? 2));
  return count;
}

/** Formats an amount in minor units: (2900, 'usd') → "$29.00"; (1500, 'jpy') → "¥1,500". */
export function formatMoney(minorUnits: number, currency: string, locale: string): string {
  const format = currencyFormat(locale, currency);
  if (!format) return `${minorUnits} ${currency.toUpperCase()}`;
  return format.format(minorUnits / 10 ** currencyDigits(currency));
}

export function formatDate(date: Date, locale: string): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}

const plainNumbers = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, locale: string): string {
  let format = plainNumbers.get(locale);
  if (!format) plainNumbers.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(value);
}

/** "per month", "every 3 months", "per year"; unknown intervals are shown as they came. */
export function describeInterval(interval: string, count = 1): string {
  if (count === 1) {
    switch (interval) {
      case 'day':
        return msg('per day');
      case 'week':
        return msg('per week');
      case 'month':
        return msg('per month');
      case 'year':
        return msg('per year');
      default:
        return msg(str`per ${interval}`);
    }
  }
  switch (interval) {
    case 'day':
      return msg(str`every ${count} days`);
    case 'week':
      return msg(str`every ${count} weeks`);
    case 'month':
      return msg(str`every ${count} months`);
    case 'year':
      return msg(str`every ${count} years`);
    default:
      return msg(str`every ${count} ${interval}`);
  }
}

/** "$29.00 per month", or "Custom price" for metered prices without a unit amount. */
export function formatPrice(price: Pick<Price, 'unit_amount' | 'currency' | 'interval' | 'interval_count'>, locale: string): string {
  if (price.unit_amount === null) return msg('Custom price');
  return `${formatMoney(price.unit_amount, price.currency, locale)} ${describeInterval(price.interval, price.interval_count)}`;
}

/** The yearly saving of a yearly price against twelve monthly ones, in whole percent (0 when none). */
export function yearlySaving(monthly: Price | undefined, yearly: Price | undefined): number {
  if (!monthly || !yearly || monthly.unit_amount === null || yearly.unit_amount === null) return 0;
  if (monthly.interval_count !== 1 || yearly.interval_count !== 1 || monthly.currency !== yearly.currency) return 0;
  const full = monthly.unit_amount * 12;
  return full > yearly.unit_amount ? Math.round(((full - yearly.unit_amount) / full) * 100) : 0;
}

/** The panel's locale: the `locale` attribute, else the nearest `lang`, else the browser's. */
export function resolveLocale(explicit: string | undefined, host: Element): string {
  const candidates = [explicit, host.closest('[lang]')?.getAttribute('lang'), navigator.language, 'en'];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      return Intl.getCanonicalLocales(candidate)[0]!;
    } catch {
      // not a valid language tag: try the next source
    }
  }
  return 'en';
}

/**
 * Builds the formatters a locale needs while the first requests are in flight: the first
 * `Intl` formatter of a locale costs milliseconds that would otherwise land after the data.
 */
export function warmUpFormats(locale: string): void {
  formatDate(new Date(0), locale);
  formatNumber(0, locale);
  currencyFormat(locale, 'USD');
}
