/**
 * The vocabulary of the answers schema: one declarative description per key. The
 * validator, the defaults, the saved file's comments, the JSON Schema and the wizard's
 * help and inline checks are all derived from these descriptions.
 */
import type { Answers, SecretRef } from './types.js';
import type { FormatName } from './formats.js';
import type { Localized } from '../i18n/localized.js';

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** Answers as far as they are known: what the wizard has so far, or a file before defaults. */
export type AnswersDraft = DeepPartial<Answers>;

/** A condition on another key of the same section. */
export type Condition = { key: string; equals: string | boolean } | { key: string; present: true };

/** A default computed from other answers; `text` says how, for the docs ("the server_name"). */
export interface DerivedDefault<T> {
  derive(draft: AnswersDraft): T | undefined;
  text: string;
}

interface FieldBase {
  /** One or two sentences: the saved file's comment and the JSON Schema description (in English), the wizard help. */
  description: Localized;
  /** The key is only accepted when this holds; otherwise it is rejected and never saved. */
  when?: Condition;
  /** `true`: always required; a condition: required when it holds. */
  required?: true | Condition;
  /** Why it is required, appended to the "is required" message. */
  requiredBecause?: Localized;
}

export interface StringField extends FieldBase {
  type: 'string';
  format?: FormatName;
  /** Allowed values, each with a short explanation (in display order). */
  choices?: Readonly<Record<string, Localized>>;
  default?: string | DerivedDefault<string>;
  /** Shown as a commented-out line when the key is unset. */
  example?: string;
}

export interface IntegerField extends FieldBase {
  type: 'integer';
  min: number;
  max: number;
  default?: number | DerivedDefault<number>;
  example?: number;
}

export interface NumberField extends FieldBase {
  type: 'number';
  /** Values must be greater than this. */
  above: number;
  max: number;
  default?: number;
  example?: number;
}

export interface BooleanField extends FieldBase {
  type: 'boolean';
  default: boolean;
}

export interface ConstField extends FieldBase {
  type: 'const';
  value: number;
}

/** A secret reference: written as `<key>_file: /path` or `<key>_env: NAME`, never inline. */
export interface SecretField extends FieldBase {
  type: 'secret';
  /** An example file path for the commented-out line. */
  example: string;
}

export interface SectionField {
  type: 'section';
  description: Localized;
  /** Extra words for the "must be a mapping" message (a common mix-up). */
  mappingHint?: Localized;
  fields: Readonly<Record<string, Field>>;
}

export type ValueField = StringField | IntegerField | NumberField | BooleanField | ConstField | SecretField;
export type Field = ValueField | SectionField;

type FieldFor<V> = [V] extends [SecretRef]
  ? [keyof V] extends ['file' | 'env']
    ? SecretField
    : SectionOf<V>
  : [V] extends [boolean]
    ? BooleanField
    : [V] extends [number]
      ? IntegerField | NumberField | ConstField
      : [V] extends [string]
        ? StringField
        : [V] extends [object]
          ? SectionOf<V>
          : never;

/** A section whose fields are exactly the keys of T (checked at compile time with `satisfies`). */
export type SectionOf<T> = Omit<SectionField, 'fields'> & {
  fields: { [K in keyof T]-?: FieldFor<NonNullable<T[K]>> };
};

export function isDerived<T>(value: T | DerivedDefault<T> | undefined): value is DerivedDefault<T> {
  return typeof value === 'object' && value !== null && 'derive' in value;
}
