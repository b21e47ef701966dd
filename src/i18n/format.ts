/**
 * Money, dates and intervals in the panel's locale, through `Intl`. Amounts are in
 * Stripe's minor units, whose digits are Stripe's, not ISO 4217's or CLDR's (see
 * `currencyDigits`); `Intl` then shows the amount as the currency's custom is.
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

/** Stripe's zero-decimal currencies (docs.stripe.com/currencies, and the contract 1.1). */
const ZERO_DECIMAL = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
/** Stripe's three-decimal currencies. */
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

/**
 * The digits of a currency's minor unit in Stripe's amounts: 0 for Stripe's zero-decimal
 * currencies (JPY), 3 for its three-decimal ones (KWD), 2 for every other — also where
 * ISO 4217 or CLDR say otherwise (IDR, HUF, ISK, COP, PKR are two-decimal at Stripe).
 */
export function currencyDigits(currency: string): number {
  const code = currency.toUpperCase();
  return ZERO_DECIMAL.has(code) ? 0 : THREE_DECIMAL.has(code) ? 3 : 2;
}

/**
 * Formats an amount in Stripe's minor units: (2900, 'usd') → "$29.00"; (1500, 'jpy') →
 * "¥1,500"; (15000000, 'idr') → "IDR 150,000". A code `Intl` refuses still shows the
 * amount in major units, never the raw minor units.
 */
export function formatMoney(minorUnits: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  const amount = minorUnits / 10 ** digits;
  const format = currencyFormat(locale, currency);
  if (format) return format.format(amount);
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount)} ${currency.toUpperCase()}`;
}

/**
 * How each language writes a billing date: Japanese the long form (2025年3月3日); Thai
 * in the Buddhist era with its marker (3 มี.ค. พ.ศ. 2568) unless the locale asks for
 * another calendar (`th-u-ca-gregory`); every other language its medium style.
 */
export function dateOptions(locale: string): Intl.DateTimeFormatOptions {
  const language = locale.split('-')[0]!.toLowerCase();
  if (language === 'ja') return { dateStyle: 'long' };
  if (language === 'th' && new Intl.DateTimeFormat(locale).resolvedOptions().calendar === 'buddhist') {
    return { day: 'numeric', month: 'short', year: 'numeric', era: 'short' };
  }
  return { dateStyle: 'medium' };
}

export function formatDate(date: Date, locale: string): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, dateOptions(locale));
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

/** "per month", "every 3 months", "per year"; an unknown interval inside a localized frame. */
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
        return msg(str`per ${interval}`, { desc: 'A billing interval the panel does not know, as the service named it (in English).' });
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
      return msg(str`every ${count} ${interval}`, { desc: 'A billing interval the panel does not know, as the service named it (in English).' });
  }
}

/** The price with its interval, one whole message per interval: "$29.00 per month", "¥4,500 every 3 months". */
function priceText(amount: string, interval: string, count: number): string {
  if (count === 1) {
    switch (interval) {
      case 'day':
        return msg(str`${amount} per day`, { desc: 'A price and its interval. The amount is formatted with its currency.' });
      case 'week':
        return msg(str`${amount} per week`, { desc: 'A price and its interval. The amount is formatted with its currency.' });
      case 'month':
        return msg(str`${amount} per month`, { desc: 'A price and its interval. The amount is formatted with its currency.' });
      case 'year':
        return msg(str`${amount} per year`, { desc: 'A price and its interval. The amount is formatted with its currency.' });
      default:
        return msg(str`${amount} per ${interval}`, {
          desc: 'A price with a billing interval the panel does not know; the interval is the service\'s own word (English), with its count as one value ("3 fortnight").',
        });
    }
  }
  switch (interval) {
    case 'day':
      return msg(str`${amount} every ${count} days`, { desc: 'A price and its interval of several days.' });
    case 'week':
      return msg(str`${amount} every ${count} weeks`, { desc: 'A price and its interval of several weeks.' });
    case 'month':
      return msg(str`${amount} every ${count} months`, { desc: 'A price and its interval of several months.' });
    case 'year':
      return msg(str`${amount} every ${count} years`, { desc: 'A price and its interval of several years.' });
    default:
      return msg(str`${amount} every ${count} ${interval}`, {
        desc: 'A price with a billing interval the panel does not know; the interval is the service\'s own word (English), with its count as one value ("3 fortnight").',
      });
  }
}

/** "$29.00 per month", or "Usage-based price" for metered prices without a unit amount. */
export function formatPrice(price: Pick<Price, 'unit_amount' | 'currency' | 'interval' | 'interval_count'>, locale: string): string {
  if (price.unit_amount === null) return msg('Usage-based price', { desc: 'A metered price: what the owner pays depends on usage.' });
  return priceText(formatMoney(price.unit_amount, price.currency, locale), price.interval, price.interval_count);
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

/**
 * Once per page, when the browser is idle: the first `Intl` formatter of a renderer
 * process initialises ICU (45–95 ms here), which then lands neither inside a panel's load
 * nor after its answers. The page's language is the likeliest locale of its panels.
 */
export function warmUpFormatsWhenIdle(): void {
  // A server importing the package (server-side rendering) has no page to prepare.
  if (typeof document === 'undefined') return;
  const warm = () => warmUpFormats(resolveLocale(undefined, document.documentElement));
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warm);
  else setTimeout(warm);
}
