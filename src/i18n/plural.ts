/**
 * Plural forms by the language's own rules (Intl.PluralRules): English has one and other
 * (1 step, 2 steps); Russian one, few and many (1 шаг, 2 шага, 5 шагов, 21 шаг).
 */
import type { Lang } from './language.js';

/** The forms each language needs for whole numbers: a plural message gives exactly these. */
export interface PluralForms {
  en: 'one' | 'other';
  ru: 'one' | 'few' | 'many';
}

const rules = new Map<Lang, Intl.PluralRules>();

/** The form of `count` in `lang`. Counts are whole numbers; a fraction takes the form Russian gives it (1,5 шага: few). */
export function pluralForm<L extends Lang>(lang: L, count: number): PluralForms[L] {
  let rule = rules.get(lang);
  if (!rule) {
    rule = new Intl.PluralRules(lang);
    rules.set(lang, rule);
  }
  const category = rule.select(count);
  if (lang === 'ru') return (category === 'one' || category === 'few' || category === 'many' ? category : 'few') as PluralForms[L];
  return (category === 'one' ? 'one' : 'other') as PluralForms[L];
}
