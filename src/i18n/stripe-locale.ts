/**
 * The panel's locale as Stripe's `locale` for Checkout and the Customer Portal
 * (docs.stripe.com/api/checkout/sessions/create#create_checkout_session-locale): the
 * languages Stripe offers, with its regional variants (en-GB, es-419, fr-CA, pt-BR,
 * zh-HK, zh-TW); `auto` (the browser's language) for any other.
 */
const LANGUAGES = new Set([
  'bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fil', 'fr', 'hr', 'hu', 'id', 'it', 'ja', 'ko',
  'lt', 'lv', 'ms', 'mt', 'nb', 'nl', 'pl', 'pt', 'ro', 'ru', 'sk', 'sl', 'sv', 'th', 'tr', 'vi', 'zh',
]);

/** Spanish of Latin America (es-419 at Stripe): the region 419 and its countries. */
const LATIN_AMERICA = new Set([
  '419', 'AR', 'BO', 'BR', 'BZ', 'CL', 'CO', 'CR', 'CU', 'DO', 'EC', 'GT', 'HN', 'MX', 'NI', 'PA', 'PE', 'PR', 'PY', 'SV', 'US', 'UY', 'VE',
]);

/** `ja-JP` → `ja`, `zh-TW` and `zh-Hant` → `zh-TW`, `zh-HK` and `zh-MO` → `zh-HK`, `zh-CN` → `zh`, `fr` → `fr`, `ar` → `auto`. */
export function stripeLocale(locale: string): string {
  let tag: Intl.Locale;
  try {
    tag = new Intl.Locale(locale);
  } catch {
    return 'auto';
  }
  // The region as written (`pt` is Portuguese, not pt-BR); the script as implied (zh-TW is Hant).
  const { language, region } = tag;
  switch (language) {
    case 'zh': {
      const full = tag.maximize();
      if (full.script !== 'Hant') return 'zh';
      return full.region === 'HK' || full.region === 'MO' ? 'zh-HK' : 'zh-TW';
    }
    case 'en':
      return region === 'GB' ? 'en-GB' : 'en';
    case 'es':
      return region && LATIN_AMERICA.has(region) ? 'es-419' : 'es';
    case 'fr':
      return region === 'CA' ? 'fr-CA' : 'fr';
    case 'pt':
      return region === 'BR' ? 'pt-BR' : 'pt';
    case 'no':
    case 'nn':
      return 'nb';
    case 'tl':
      return 'fil';
    default:
      return LANGUAGES.has(language) ? language : 'auto';
  }
}
