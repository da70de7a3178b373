import type { Lang } from '../i18n/language.js';
import { helpText } from '../i18n/messages/help.js';

/** The usage text in the language of the run. */
export function help(lang: Lang): string {
  return helpText.usage[lang];
}
