/**
 * Lookups over the answers schema: a key path to its field, the YAML keys of a section
 * (a secret `password` is written `password_file` / `password_env`), and conditions.
 */
import type { AnswersDraft, Condition, Field, SectionField, ValueField } from './field-spec.js';
import { answersSchema } from './schema.js';
import type { Localized } from '../i18n/localized.js';
import { answerText as t } from '../i18n/messages/answers.js';

export const ANSWERS_SCHEMA: SectionField = answersSchema;

export type SecretPart = 'file' | 'env';

export interface YamlKey {
  /** The key in the resolved Answers shape. */
  key: string;
  field: Field;
  /** For secret references: which form this YAML key is. */
  part?: SecretPart;
}

/** The keys a section accepts in YAML, in schema order. */
export function yamlKeysOf(section: SectionField): Map<string, YamlKey> {
  const keys = new Map<string, YamlKey>();
  for (const [key, field] of Object.entries(section.fields)) {
    if (field.type === 'secret') {
      keys.set(`${key}_file`, { key, field, part: 'file' });
      keys.set(`${key}_env`, { key, field, part: 'env' });
    } else {
      keys.set(key, { key, field });
    }
  }
  return keys;
}

/** The field at a dotted path of the Answers shape ("tls.email", "database.password"). */
export function fieldAt(path: string): Field | undefined {
  let field: Field = ANSWERS_SCHEMA;
  for (const part of path.split('.')) {
    if (field.type !== 'section') return undefined;
    const next: Field | undefined = field.fields[part];
    if (!next) return undefined;
    field = next;
  }
  return field === ANSWERS_SCHEMA ? undefined : field;
}

/** Every value field with its dotted path, in schema order. */
export function allValueFields(section: SectionField = ANSWERS_SCHEMA, prefix = ''): Array<[string, ValueField]> {
  const result: Array<[string, ValueField]> = [];
  for (const [key, field] of Object.entries(section.fields)) {
    const path = prefix + key;
    if (field.type === 'section') result.push(...allValueFields(field, `${path}.`));
    else result.push([path, field]);
  }
  return result;
}

export function parentPath(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(0, dot);
}

export function joinPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

export function getPath(object: unknown, path: string): unknown {
  let value: unknown = object;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export function setPath(object: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let target = object;
  for (const part of parts.slice(0, -1)) {
    const next = target[part];
    if (next === null || typeof next !== 'object') target[part] = {};
    target = target[part] as Record<string, unknown>;
  }
  target[parts[parts.length - 1]!] = value;
}

/** Whether a condition on a sibling key holds, given the (resolved) values of the section. */
export function conditionHolds(condition: Condition, section: Record<string, unknown> | undefined): boolean {
  const value = section?.[condition.key];
  if ('present' in condition) return value !== undefined;
  return value === condition.equals;
}

/** "tls.mode is existing" / "element.tarball is set", for messages. */
/** "tls.mode is letsencrypt", "element.tarball is set". */
export function describeCondition(condition: Condition, sectionPath: string): Localized {
  const key = joinPath(sectionPath, condition.key);
  return 'present' in condition ? t.whenSet({ key }) : t.whenEquals({ key, value: String(condition.equals) });
}

export type { AnswersDraft };
