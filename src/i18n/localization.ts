/**
 * @lit/localize in runtime mode: English is built in; Japanese, Thai, Simplified and
 * Traditional Chinese are separate chunks loaded on demand, so English users do not pay
 * for them. The catalog is page-wide (one language per page): the last panel to ask wins.
 */
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './locale-codes.js';

type Catalog = 'en' | (typeof targetLocales)[number];

const loaders = {
  ja: () => import('./locales/ja.js'),
  th: () => import('./locales/th.js'),
  zh: () => import('./locales/zh.js'),
  'zh-Hant': () => import('./locales/zh-Hant.js'),
} satisfies Record<(typeof targetLocales)[number], () => Promise<unknown>>;

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => loaders[locale as keyof typeof loaders]() as ReturnType<typeof loaders.ja>,
});

/**
 * The catalog for a BCP 47 locale: `ja-JP` → `ja`; `zh-TW`, `zh-HK`, `zh-MO` and
 * `zh-Hant-*` → `zh-Hant`; `zh`, `zh-CN`, `zh-SG`, `zh-Hans-*` → `zh`; anything else English.
 */
export function catalogFor(locale: string): Catalog {
  let tag: Intl.Locale;
  try {
    tag = new Intl.Locale(locale);
  } catch {
    return 'en';
  }
  switch (tag.language) {
    case 'ja':
    case 'th':
      return tag.language;
    case 'zh':
      return tag.maximize().script === 'Hant' ? 'zh-Hant' : 'zh';
    default:
      return 'en';
  }
}

/**
 * The `lang` of the panel's content for its resolved locale: the locale itself when a
 * catalog speaks its language (so `zh-TW` gets Traditional Chinese glyphs and a Taiwanese
 * voice), else `en`, the language of the texts shown.
 */
export function contentLanguage(locale: string): string {
  return catalogFor(locale) === 'en' && !/^en\b/i.test(locale) ? 'en' : locale;
}

/** Switches the page's catalog to `locale`'s; a chunk that fails to load leaves English. */
export function useLocale(locale: string): void {
  const catalog = catalogFor(locale);
  if (catalog !== getLocale()) setLocale(catalog).catch(() => setLocale(sourceLocale));
}

/**
 * Whole sentences one after the other, as the catalog's language writes them: after a
 * Japanese or Chinese full stop no space, elsewhere one.
 */
export function joinSentences(...sentences: string[]): string {
  const catalog = getLocale();
  return sentences.filter(Boolean).join(catalog === 'ja' || catalog.startsWith('zh') ? '' : ' ');
}

export { getLocale };
