// `matrix-setup --help` in both languages: every line fits an 80-column terminal, and both list
// the same commands, options and examples (only the words around them are translated).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { help } from '../../src/cli/help.js';
import { LANGUAGES } from '../../src/i18n/language.js';

test('every line of --help fits 80 columns, in every language', () => {
  for (const lang of LANGUAGES) {
    for (const line of help(lang).split('\n')) assert.ok([...line].length <= 80, `${lang}: ${[...line].length} columns: ${line}`);
  }
});

test('both languages name the same commands and options', () => {
  const tokens = (text: string) => [...new Set(text.match(/(?<![\w-])--?[a-z][\w-]*|matrix-setup(?: [a-z]+)?/g) ?? [])].sort();
  const english = tokens(help('en'));
  assert.ok(english.includes('--lang') && english.includes('matrix-setup restore'), english.join(' '));
  for (const lang of LANGUAGES) assert.deepEqual(tokens(help(lang)), english, lang);
});
