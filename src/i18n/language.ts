/**
 * The languages matrix-setup speaks, and which one a run uses: `--lang`, else the locale of
 * its environment (LC_ALL, LC_MESSAGES, LANG, read the way POSIX reads them: the first one
 * set decides), else English.
 */
export const LANGUAGES = ['en', 'ru'] as const;

export type Lang = (typeof LANGUAGES)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language a locale name stands for: ru, ru_RU.UTF-8, ru_UA@... are Russian; C, POSIX, en_US and the rest English. */
export function languageOfLocale(locale: string): Lang {
  return /^ru([_.@-]|$)/i.test(locale.trim()) ? 'ru' : 'en';
}

/** The language of a run from its environment: the first of LC_ALL, LC_MESSAGES and LANG that is set and not empty. */
export function languageFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return languageOfLocale(locale);
}

/** A number formatted with a decimal point ("4.2"), written as the language writes decimals (4,2 in Russian). */
export function decimal(value: string, lang: Lang): string {
  return lang === 'ru' ? value.replace('.', ',') : value;
}
