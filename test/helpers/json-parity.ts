// Comparing the same --json document in two languages: everything but the human-readable fields must be equal.
import assert from 'node:assert/strict';

export interface Difference {
  path: string;
  en: unknown;
  ru: unknown;
}

/** Walks both documents; returns the human-readable fields that differ, and fails on any other difference. */
export function compareLanguages(en: unknown, ru: unknown, humanFields: ReadonlySet<string>, path = '$'): Difference[] {
  if (Array.isArray(en)) {
    assert.ok(Array.isArray(ru), `${path}: an array in English only`);
    assert.equal(ru.length, en.length, `${path}: ${en.length} items in English, ${ru.length} in Russian`);
    return en.flatMap((item, i) => compareLanguages(item, ru[i], humanFields, `${path}[${i}]`));
  }
  if (en !== null && typeof en === 'object') {
    assert.ok(ru !== null && typeof ru === 'object' && !Array.isArray(ru), `${path}: an object in English only`);
    const enKeys = Object.keys(en);
    assert.deepEqual(Object.keys(ru), enKeys, `${path}: the keys (and their order) differ`);
    return enKeys.flatMap((key) => {
      const a = (en as Record<string, unknown>)[key];
      const b = (ru as Record<string, unknown>)[key];
      const here = `${path}.${key}`;
      if (humanFields.has(key) && typeof a === 'string') {
        assert.equal(typeof b, 'string', `${here}: a text in English, not in Russian`);
        return a === b ? [] : [{ path: here, en: a, ru: b }];
      }
      // A list of texts (a packages action's checks, say): the same number, each a text.
      if (humanFields.has(key) && Array.isArray(a) && a.every((item) => typeof item === 'string')) {
        assert.ok(Array.isArray(b) && b.length === a.length && b.every((item) => typeof item === 'string'), `${here}: not the same list of texts`);
        return a.flatMap((item, i) => (item === b[i] ? [] : [{ path: `${here}[${i}]`, en: item, ru: b[i] }]));
      }
      return compareLanguages(a, b, humanFields, here);
    });
  }
  assert.equal(ru, en, `${path}: not a human-readable field, yet it differs`);
  return [];
}

const CYRILLIC = /[А-Яа-яЁё]/;

export function assertTranslated(differences: Difference[], minimum: number, what: string): void {
  assert.ok(differences.length >= minimum, `${what}: only ${differences.length} fields in Russian`);
  for (const d of differences) {
    assert.ok(CYRILLIC.test(String(d.ru)), `${what} ${d.path}: "${String(d.ru)}" is not Russian`);
    assert.ok(!CYRILLIC.test(String(d.en)), `${what} ${d.path}: "${String(d.en)}" is not English`);
  }
}

