// Plural forms by each language's rules, through a catalog message as the application uses them; lists joined as each language writes them.
import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import { LANGUAGES } from '../../src/i18n/language.js';
import { listOf } from '../../src/i18n/localized.js';
import { defineMessages } from '../../src/i18n/define.js';
import { pluralForm } from '../../src/i18n/plural.js';

const text = defineMessages('test-plural', {
  steps: {
    en: { one: '{count} step', other: '{count} steps' },
    ru: { one: '{count} шаг', few: '{count} шага', many: '{count} шагов' },
  },
  checksPassed: {
    en: { one: '{count} check passed on {host}', other: '{count} checks passed on {host}' },
    ru: { one: '{count} проверка пройдена на {host}', few: '{count} проверки пройдены на {host}', many: '{count} проверок пройдено на {host}' },
  },
});

const EXPECTED: Array<[number, string, string]> = [
  [0, '0 steps', '0 шагов'],
  [1, '1 step', '1 шаг'],
  [2, '2 steps', '2 шага'],
  [5, '5 steps', '5 шагов'],
  [11, '11 steps', '11 шагов'],
  [21, '21 steps', '21 шаг'],
  [22, '22 steps', '22 шага'],
  [25, '25 steps', '25 шагов'],
];

for (const [count, en, ru] of EXPECTED) {
  test(`${count}: "${en}", "${ru}"`, () => {
    const message = text.steps({ count });
    assert.equal(message.en, en);
    assert.equal(message.ru, ru);
  });
}

test('the forms behind them: Russian one, few and many; English one and other', () => {
  assert.deepEqual([0, 1, 2, 5, 11, 21, 22, 25, 101, 111, 112, 122].map((n) => pluralForm('ru', n)), ['many', 'one', 'few', 'many', 'many', 'one', 'few', 'many', 'one', 'many', 'many', 'few']);
  assert.deepEqual([0, 1, 2, 5, 11, 21].map((n) => pluralForm('en', n)), ['other', 'one', 'other', 'other', 'other', 'other']);
  assert.equal(pluralForm('ru', 1.5), 'few', 'a fraction takes the genitive singular: 1,5 шага');
});

test('other parameters of a plural message, and the count agreeing with the verb', () => {
  assert.equal(text.checksPassed({ count: 21, host: 'example.org' }).ru, '21 проверка пройдена на example.org');
  assert.equal(text.checksPassed({ count: 3, host: 'example.org' }).ru, '3 проверки пройдены на example.org');
  assert.equal(text.checksPassed({ count: 12, host: 'example.org' }).ru, '12 проверок пройдено на example.org');
  assert.equal(text.checksPassed({ count: 1, host: 'example.org' }).en, '1 check passed on example.org');
});

describe('lists', () => {
  it('joins items as Intl.ListFormat does in each language', () => {
    for (const items of [[], ['80'], ['80', '443'], ['80', '443', '8448'], ['a', 'b', 'c', 'd']]) {
      for (const type of ['and', 'or'] as const) {
        const list = listOf(items, type);
        for (const lang of LANGUAGES) {
          const expected = new Intl.ListFormat(lang, { type: type === 'and' ? 'conjunction' : 'disjunction' }).format(items);
          assert.equal(list[lang], expected, `${lang} ${type} ${items.length}`);
        }
      }
    }
  });
});
