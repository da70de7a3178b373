export { LANGUAGES, decimal, isLang, languageFromEnv, languageOfLocale, type Lang } from './language.js';
export { fromLanguages, isLocalized, joinLocalized, listOf, mapLocalized, pick, storedText, verbatim, type Localized } from './localized.js';
export { defineMessages, type ParamValue } from './define.js';
export { pluralForm } from './plural.js';
