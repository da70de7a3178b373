// The message catalog: every message of every area has a text in every language, a plural
// message has exactly the forms each language needs, and every language's text uses the same
// parameters as the English one (none missing, none stray). The types already refuse a
// missing language or parameter at compile time; this checks the catalog as it is at run time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPluralDef, placeholdersOf, registeredMessages, textsOf, type MessageDef } from '../../src/i18n/define.js';
import { LANGUAGES } from '../../src/i18n/language.js';
import '../../src/i18n/messages/index.js';

const FORMS = { en: ['one', 'other'], ru: ['few', 'many', 'one'] } as const;

/** Problems with one message definition, in words. */
export function catalogProblems(id: string, def: MessageDef): string[] {
  const problems: string[] = [];
  for (const lang of LANGUAGES) {
    const texts = def[lang] as unknown;
    if (texts === undefined) {
      problems.push(`${id}: no ${lang} text`);
      continue;
    }
    if (isPluralDef(def)) {
      const forms = Object.keys(texts as object).sort();
      if (forms.join() !== [...FORMS[lang]].join()) problems.push(`${id}: ${lang} plural forms ${forms.join(', ')}, expected ${FORMS[lang].join(', ')}`);
    }
    for (const text of textsOf(def, lang)) if (typeof text !== 'string' || text.trim() === '') problems.push(`${id}: an empty ${lang} text`);
  }
  if (problems.length) return problems;
  const names = (lang: (typeof LANGUAGES)[number]) => new Set(textsOf(def, lang).flatMap(placeholdersOf));
  const english = names('en');
  for (const lang of LANGUAGES) {
    const here = names(lang);
    for (const name of english) if (!here.has(name)) problems.push(`${id}: the ${lang} text does not use {${name}}`);
    for (const name of here) if (!english.has(name)) problems.push(`${id}: the ${lang} text uses {${name}}, which the English text does not have`);
  }
  return problems;
}

test('the catalog has messages, each with a text in every language and the same parameters in each', () => {
  const messages = registeredMessages();
  assert.ok(messages.size > 0, 'no messages registered');
  const problems = [...messages].flatMap(([id, def]) => catalogProblems(id, def));
  assert.deepEqual(problems, []);
});

test('the check finds a missing language, a missing or stray parameter, and wrong plural forms', () => {
  const broken: Array<[string, unknown, RegExp]> = [
    ['missing', { en: 'Port {port} is closed' }, /no ru text/],
    ['dropped', { en: 'Port {port} is closed', ru: 'Порт закрыт' }, /ru text does not use \{port\}/],
    ['stray', { en: 'Port is closed', ru: 'Порт {port} закрыт' }, /uses \{port\}, which the English text does not have/],
    ['renamed', { en: 'Port {port}', ru: 'Порт {porte}' }, /does not use \{port\}/],
    ['forms', { en: { one: '{count} step', other: '{count} steps' }, ru: { one: '{count} шаг', many: '{count} шагов' } }, /ru plural forms many, one, expected few, many, one/],
    ['empty', { en: 'Text', ru: ' ' }, /an empty ru text/],
  ];
  for (const [id, def, expected] of broken) {
    const problems = catalogProblems(id, def as MessageDef);
    assert.ok(problems.some((p) => expected.test(p)), `${id}: ${JSON.stringify(problems)}`);
  }
  assert.deepEqual(catalogProblems('fine', { en: 'Port {port} is closed', ru: 'Порт {port} закрыт' }), []);
});
