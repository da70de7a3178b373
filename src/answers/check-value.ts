/**
 * The check of one value against its field: type, choices, range and format. Shared by
 * the file validator and the wizard's inline validation, so both say the same thing.
 */
import type { SecretField, ValueField } from './field-spec.js';
import { checkFormat, type FormatProblem } from './formats.js';
import type { SecretPart } from './schema-index.js';
import { closest } from './suggest.js';
import type { Localized } from '../i18n/localized.js';
import { answerText as t } from '../i18n/messages/answers.js';

export type CheckResult = { ok: true; value: unknown } | { ok: false; problem: FormatProblem };

const fail = (message: Localized, suggestion?: string): CheckResult => ({ ok: false, problem: { message, suggestion } });

const TRUTHY = new Set(['yes', 'y', 'on', 'true', '1']);
const FALSY = new Set(['no', 'n', 'off', 'false', '0']);

/**
 * `source` is the value as written in the file (for "put it in quotes" advice).
 * `fromText`: the value was typed into a text field, so "5432" may stand for 5432.
 */
export function checkValue(field: Exclude<ValueField, SecretField>, value: unknown, options: { source?: string; fromText?: boolean } = {}): CheckResult {
  if (Array.isArray(value)) return fail(t.notList);
  if (typeof value === 'object' && value !== null) return fail(t.notMapping);
  switch (field.type) {
    case 'const':
      if (value === field.value) return { ok: true, value };
      if (typeof value === 'number' && value > field.value) {
        return fail(t.newerVersion({ version: value, supported: field.value }));
      }
      return fail(t.mustBe({ value: field.value }), String(field.value));
    case 'boolean':
      if (typeof value === 'boolean') return { ok: true, value };
      if (typeof value === 'string' && TRUTHY.has(value.toLowerCase())) return fail(t.trueOrFalse, 'true');
      if (typeof value === 'string' && FALSY.has(value.toLowerCase())) return fail(t.trueOrFalse, 'false');
      return fail(t.trueOrFalse);
    case 'integer':
    case 'number':
      return checkNumber(field, value, options.fromText === true);
    case 'string':
      return checkString(field, value, options.source);
  }
}

function checkNumber(field: Extract<ValueField, { type: 'integer' | 'number' }>, value: unknown, fromText: boolean): CheckResult {
  let number = value;
  if (typeof value === 'string' && /^\s*-?[0-9]+(\.[0-9]+)?\s*$/.test(value)) {
    if (!fromText) return fail(t.numberWithoutQuotes, value.trim());
    number = Number(value);
  }
  if (typeof number !== 'number' || !Number.isFinite(number)) return fail(t.number);
  if (field.type === 'integer') {
    if (!Number.isInteger(number)) return fail(t.wholeNumber);
    if (number < field.min || number > field.max) return fail(t.between({ min: field.min, max: field.max }));
  } else if (number <= field.above || number > field.max) {
    return fail(t.aboveAtMost({ above: field.above, max: field.max }));
  }
  return { ok: true, value: number };
}

function checkString(field: Extract<ValueField, { type: 'string' }>, value: unknown, source?: string): CheckResult {
  if (field.choices) {
    const choices = Object.keys(field.choices);
    const text = typeof value === 'string' ? value : source ?? String(value);
    if (typeof value === 'string' && choices.includes(value)) return { ok: true, value };
    return fail(t.oneOf({ choices: choices.join(', ') }), closest(text, choices));
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    const written = source ?? String(value);
    return fail(t.textInQuotes({ value: written }), written);
  }
  if (typeof value !== 'string') return fail(t.text);
  if (value.trim() === '') return fail(t.notEmpty);
  if (field.format) {
    const problem = checkFormat(field.format, value);
    if (problem) return { ok: false, problem };
  }
  return { ok: true, value };
}

/** One form of a secret reference: `<key>_file` (an absolute path) or `<key>_env` (a variable name). */
export function checkSecretPart(part: SecretPart, value: unknown): CheckResult {
  if (typeof value !== 'string' || value.trim() === '') {
    return fail(part === 'file' ? t.secretFile : t.secretEnv);
  }
  const problem = checkFormat(part === 'file' ? 'absolute-path' : 'env-name', value);
  return problem ? { ok: false, problem } : { ok: true, value };
}

/** The message for an inline secret such as `password: hunter2`. */
export function inlineSecretMessage(key: string): Localized {
  return t.inlineSecret({ key });
}
