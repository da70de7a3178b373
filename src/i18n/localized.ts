/**
 * A text a person reads, in every language at once. Messages are rendered in all languages
 * when they are made, so the same message can go to the screen in the user's language and to
 * the log in English (a shared log is readable by anyone helping); the edge that shows it picks
 * the language.
 */
import { LANGUAGES, type Lang } from './language.js';

export type Localized = { readonly [L in Lang]: string };

/**
 * Text that is not ours to translate, the same in every language: a command's output, an error
 * the operating system or a library gave, a name the user typed.
 */
export function verbatim(text: string): Localized {
  return fromLanguages(() => text);
}

/**
 * A text put into a template string or String() without picking a language is a bug (it would
 * print "[object Object]"); the type checker does not see it, so it throws where it happens.
 */
function unpicked(): never {
  throw new TypeError('a Localized text was used as a string: pick a language (text[lang]) first');
}

/** What every text inherits: no string form of its own (the languages are its own properties). */
const TEXT_PROTOTYPE: object = Object.create(Object.prototype, {
  toString: { value: unpicked },
  [Symbol.toPrimitive]: { value: unpicked },
});

/** Builds a text language by language. */
export function fromLanguages(make: (lang: Lang) => string): Localized {
  const text = Object.create(TEXT_PROTOTYPE) as Record<Lang, string>;
  for (const lang of LANGUAGES) text[lang] = make(lang);
  return text;
}

/** Each language's text changed the same way (redaction, trimming). */
export function mapLocalized(text: Localized, change: (value: string, lang: Lang) => string): Localized {
  return fromLanguages((lang) => change(text[lang], lang));
}

/** Texts (or plain strings such as names) joined with a separator. */
export function joinLocalized(parts: Array<Localized | string>, separator: string | Localized = ' '): Localized {
  return fromLanguages((lang) => parts.map((part) => pick(part, lang)).join(pick(separator, lang)));
}

/** The text in one language (a plain string is the same in all). */
export function pick(text: Localized | string, lang: Lang): string {
  return typeof text === 'string' ? text : text[lang];
}

export function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && LANGUAGES.every((lang) => typeof (value as Record<string, unknown>)[lang] === 'string');
}

/**
 * A text read back from a file (a state file holds step errors and skip reasons): one an older
 * matrix-setup wrote is a plain English string and stays what it says; one written before a
 * language was added has its English there.
 */
export function storedText(value: Localized | string): Localized {
  if (typeof value === 'string') return verbatim(value);
  return fromLanguages((lang) => (typeof value[lang] === 'string' ? value[lang] : value.en));
}

const LIST_WORDS: Record<Lang, { and: string; or: string; serialComma: boolean }> = {
  en: { and: 'and', or: 'or', serialComma: true },
  ru: { and: 'и', or: 'или', serialComma: false },
};

/**
 * "a, b, and c" / "a, b и c": items joined as each language lists them (what Intl.ListFormat
 * says, without its ICU data load of about 10 ms on the first call).
 */
export function listOf(items: Array<Localized | string>, type: 'and' | 'or' = 'and'): Localized {
  return fromLanguages((lang) => {
    const words = items.map((item) => pick(item, lang));
    const { serialComma, [type]: word } = LIST_WORDS[lang];
    if (words.length <= 2) return words.join(` ${word} `);
    return `${words.slice(0, -1).join(', ')}${serialComma ? ',' : ''} ${word} ${words.at(-1)}`;
  });
}
