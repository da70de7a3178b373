/**
 * Fills in defaults: constant ones first, then those derived from other answers
 * (synapse_host from server_name, element.host from server_name, ...). Keys that do not
 * apply (tls.cert_path with Let's Encrypt) are dropped, so resolved answers always save
 * and load back to the same value. Resolving does not validate: see validate.ts.
 */
import { isDerived, type AnswersDraft, type SectionField } from './field-spec.js';
import { ANSWERS_SCHEMA, conditionHolds } from './schema-index.js';
import type { Answers } from './types.js';

type Values = Record<string, unknown>;

export function resolveAnswers(draft: AnswersDraft): Answers {
  const base = withConstants(ANSWERS_SCHEMA, draft as Values);
  return withDerived(ANSWERS_SCHEMA, base, base as AnswersDraft) as unknown as Answers;
}

function withConstants(section: SectionField, given: Values | undefined): Values {
  const result: Values = {};
  const entries = Object.entries(section.fields);
  // Unconditional keys first: the conditions of the others read them (tls.mode, ...).
  const ordered = [...entries.filter(([, f]) => f.type === 'section' || !f.when), ...entries.filter(([, f]) => f.type !== 'section' && f.when)];
  for (const [key, field] of ordered) {
    const value = given?.[key];
    if (field.type === 'section') {
      result[key] = withConstants(field, isObject(value) ? value : undefined);
      continue;
    }
    const applies = !field.when || conditionHolds(field.when, result);
    if (applies && value !== undefined && value !== null && !isEmptyRef(value)) {
      result[key] = field.type === 'secret' ? copyRef(value as Values) : value;
    } else if (field.type === 'const') {
      result[key] = field.value;
    } else if ('default' in field && field.default !== undefined && !isDerived(field.default)) {
      result[key] = field.default;
    }
  }
  return reorder(section, result);
}

function withDerived(section: SectionField, values: Values, draft: AnswersDraft): Values {
  const result: Values = {};
  for (const [key, field] of Object.entries(section.fields)) {
    if (field.type === 'section') {
      result[key] = withDerived(field, values[key] as Values, draft);
    } else if (values[key] !== undefined) {
      result[key] = values[key];
    } else if ('default' in field && isDerived<unknown>(field.default)) {
      const derived = field.default.derive(draft);
      if (derived !== undefined) result[key] = derived;
    }
  }
  return result;
}

function reorder(section: SectionField, values: Values): Values {
  const result: Values = {};
  for (const key of Object.keys(section.fields)) if (values[key] !== undefined) result[key] = values[key];
  return result;
}

function isObject(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmptyRef(value: unknown): boolean {
  return isObject(value) && Object.keys(value).length === 0;
}

function copyRef(ref: Values): Values {
  const result: Values = {};
  if (typeof ref.file === 'string') result.file = ref.file;
  if (typeof ref.env === 'string') result.env = ref.env;
  return result;
}
