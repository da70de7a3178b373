/**
 * The typed message catalog. Each area of matrix-setup (the wizard, preflight, verify, ...)
 * defines its messages in one module under messages/: an id and a text per language. The
 * types make a missing language a compile error, and derive each message's parameters from
 * its `{name}` placeholders, so a call without a parameter, or with one the text does not
 * have, does not compile either. A message with a count gives one text per plural form.
 *
 *   const text = defineMessages('example', {
 *     closed: { en: 'Port {port} is closed', ru: 'Порт {port} закрыт' },
 *     steps: { en: { one: '{count} step', other: '{count} steps' }, ru: { one: '{count} шаг', few: '{count} шага', many: '{count} шагов' } },
 *   });
 *   text.closed({ port: 8448 }).ru  // 'Порт 8448 закрыт'
 */
import { LANGUAGES, type Lang } from './language.js';
import { fromLanguages, type Localized } from './localized.js';
import { pluralForm, type PluralForms } from './plural.js';

/** A text with `{name}` placeholders. */
type PlainTexts = { readonly [L in Lang]: string };
/** One text per plural form of each language; `{count}` is the number. */
type PluralTexts = { readonly [L in Lang]: { readonly [F in PluralForms[L]]: string } };
export type MessageDef = PlainTexts | PluralTexts;

/** What a placeholder takes: a number, a name, or another message (rendered in the same language). */
export type ParamValue = string | number | Localized;

type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
/** The texts of one language: the string, or every plural form. */
type TextsOf<T> = T extends string ? T : T[keyof T];
type NamesIn<D extends MessageDef, L extends Lang> = Placeholders<TextsOf<D[L]>>;
type IsPlural<D extends MessageDef> = D['en'] extends string ? false : true;

type ParamsOf<D extends MessageDef> =
  IsPlural<D> extends true
    ? { count: number } & { readonly [K in Exclude<NamesIn<D, 'en'>, 'count'>]: ParamValue }
    : { readonly [K in NamesIn<D, 'en'>]: ParamValue };

/** A message without placeholders is its text; one with placeholders (or a count) is a function of them. */
export type Message<D extends MessageDef> = IsPlural<D> extends true ? (params: ParamsOf<D>) => Localized : [NamesIn<D, 'en'>] extends [never] ? Localized : (params: ParamsOf<D>) => Localized;

export type Catalog<T extends Record<string, MessageDef>> = { readonly [K in keyof T]: Message<T[K]> };

type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Every language's text must have the placeholders the English one has: no more, no fewer. */
type Checked<T extends Record<string, MessageDef>> = {
  [K in keyof T]: { [L in Lang]: SameSet<NamesIn<T[K], L>, NamesIn<T[K], 'en'>> } extends { [L in Lang]: true }
    ? T[K]
    : { en: T[K]['en']; ru: `placeholders differ from the English text: ${Extract<NamesIn<T[K], 'en'>, string>}` };
};

const PLACEHOLDER = /\{(\w+)\}/g;

/** Every message of every area, by id ("area.key"): the catalog test reads them. */
const REGISTRY = new Map<string, MessageDef>();

export function registeredMessages(): ReadonlyMap<string, MessageDef> {
  return REGISTRY;
}

export function isPluralDef(def: MessageDef): def is PluralTexts {
  return typeof def.en !== 'string';
}

/** The texts of one language of a definition: one, or one per plural form. */
export function textsOf(def: MessageDef, lang: Lang): string[] {
  const texts = def[lang] as string | Record<string, string>;
  return typeof texts === 'string' ? [texts] : Object.values(texts);
}

/** The placeholder names a text uses. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

function fill(text: string, params: Record<string, ParamValue>, lang: Lang): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[lang] : String(value);
  });
}

/** Renders a definition with its parameters in every language. */
export function renderMessage(def: MessageDef, params: Record<string, ParamValue> = {}): Localized {
  return fromLanguages((lang) => {
    const texts = def[lang] as string | Record<string, string>;
    if (typeof texts === 'string') return fill(texts, params, lang);
    const count = params.count;
    if (typeof count !== 'number') throw new TypeError('a plural message needs a numeric count');
    return fill(texts[pluralForm(lang, count)]!, params, lang);
  });
}

/** The messages of one area. Ids are "<area>.<key>"; an area is defined once. */
export function defineMessages<const T extends Record<string, MessageDef>>(area: string, defs: T & Checked<T>): Catalog<T> {
  const catalog = {};
  for (const [key, def] of Object.entries(defs as Record<string, MessageDef>)) {
    const id = `${area}.${key}`;
    if (REGISTRY.has(id)) throw new Error(`message ${id} is defined twice`);
    REGISTRY.set(id, def);
    // Made on first use: a run reads a small part of the catalog, and start-up should not pay for the rest.
    Object.defineProperty(catalog, key, {
      enumerable: true,
      configurable: true,
      get() {
        const hasParams = isPluralDef(def) || LANGUAGES.some((lang) => textsOf(def, lang).some((text) => placeholdersOf(text).length > 0));
        const value = hasParams ? (params: Record<string, ParamValue>) => renderMessage(def, params) : renderMessage(def);
        Object.defineProperty(catalog, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return catalog as Catalog<T>;
}
