/**
 * @lit/localize in runtime mode: English is built in; Japanese, Thai and Simplified Chinese
 * are separate chunks loaded on demand, so English users do not pay for them.
 * The catalog is page-wide (one language per page): the last panel to ask wins.
 */
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './locale-codes.js';

type Catalog = 'en' | (typeof targetLocales)[number];

const loaders = {
  ja: () => import('./locales/ja.js'),
  th: () => import('./locales/th.js'),
  zh: () => import('./locales/zh.js'),
} satisfies Record<(typeof targetLocales)[number], () => Promise<unknown>>;

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => loaders[locale as keyof typeof loaders]() as ReturnType<typeof loaders.ja>,
});

/** The catalog for a BCP 47 locale: `ja-JP` → `ja`, `zh-Hans-CN` → `zh`; anything else English. */
export function catalogFor(locale: string): Catalog {
  const language = locale.toLowerCase().split('-')[0];
  return language === 'ja' || language === 'th' || language === 'zh' ? language : 'en';
}

/** Switches the page's catalog to `locale`'s; a chunk that fails to load leaves English. */
export function useLocale(locale: string): void {
  const catalog = catalogFor(locale);
  if (catalog !== getLocale()) setLocale(catalog).catch(() => setLocale(sourceLocale));
}

export { getLocale };
