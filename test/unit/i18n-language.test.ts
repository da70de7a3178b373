// Which language a run speaks: --lang, else LC_ALL / LC_MESSAGES / LANG as POSIX reads them, else English.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decimal, languageFromEnv, languageOfLocale } from '../../src/i18n/language.js';

test('ru_* locales are Russian; everything else is English', () => {
  for (const locale of ['ru', 'ru_RU', 'ru_RU.UTF-8', 'ru_UA.UTF-8', 'ru_RU.KOI8-R', 'ru_RU@euro']) assert.equal(languageOfLocale(locale), 'ru', locale);
  for (const locale of ['', 'C', 'C.UTF-8', 'POSIX', 'en_US.UTF-8', 'de_DE.UTF-8', 'run', 'rus']) assert.equal(languageOfLocale(locale), 'en', locale);
});

test('the first of LC_ALL, LC_MESSAGES and LANG that is set decides', () => {
  assert.equal(languageFromEnv({ LANG: 'ru_RU.UTF-8' }), 'ru');
  assert.equal(languageFromEnv({ LC_MESSAGES: 'ru_RU.UTF-8', LANG: 'en_US.UTF-8' }), 'ru');
  assert.equal(languageFromEnv({ LC_ALL: 'C', LANG: 'ru_RU.UTF-8' }), 'en', 'LC_ALL overrides LANG');
  assert.equal(languageFromEnv({ LC_ALL: '', LANG: 'ru_RU.UTF-8' }), 'ru', 'an empty LC_ALL is not set');
  assert.equal(languageFromEnv({ LC_ALL: 'ru_RU.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }), 'ru');
  assert.equal(languageFromEnv({}), 'en');
});

test('--lang wins over the locale, for every command; an unknown language is a usage error', async () => {
  const { languageOfArgs, parseCliArgs } = await import('../../src/cli/args.js');
  const { UsageError } = await import('../../src/errors.js');
  const ru = { LANG: 'ru_RU.UTF-8' };
  assert.equal(parseCliArgs([], ru).lang, 'ru');
  assert.equal(parseCliArgs(['--lang', 'en'], ru).lang, 'en');
  assert.equal(parseCliArgs(['status', '--lang=ru'], {}).lang, 'ru');
  assert.equal(parseCliArgs(['verify', '--lang', 'ru', '--json'], {}).lang, 'ru');
  assert.equal(parseCliArgs(['plan', '--answers', 'a.yaml'], {}).lang, 'en');
  assert.throws(() => parseCliArgs(['--lang', 'de'], {}), (error: unknown) => error instanceof UsageError && /--lang de/.test(error.message));
  // Read before parsing, so a usage error is explained in the language asked for.
  assert.equal(languageOfArgs(['--bogus', '--lang', 'ru'], {}), 'ru');
  assert.equal(languageOfArgs(['--lang=de'], ru), 'ru');
  assert.equal(languageOfArgs(['--', '--lang', 'ru'], {}), 'en');
});

test('a decimal is written with a point in English and a comma in Russian', () => {
  assert.equal(decimal('4.2', 'en'), '4.2');
  assert.equal(decimal('4.2', 'ru'), '4,2');
  assert.equal(decimal('42', 'ru'), '42');
});
