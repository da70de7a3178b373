/**
 * The JSON Schema (draft-07) of the answers file, generated from schema.ts for editors
 * (yaml-language-server) and other tools. Rules across sections (rules.ts) are not
 * expressible here; matrix-setup itself always checks them.
 */
import { isDerived, type Condition, type SectionField, type ValueField } from './field-spec.js';
import { FORMATS, type Format } from './formats.js';
import { ANSWERS_SCHEMA, describeCondition } from './schema-index.js';

type JsonSchema = Record<string, unknown>;

export function answersJsonSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'matrix-setup answers file (version 1)',
    $comment: 'Generated from src/answers/schema.ts by scripts/generate-json-schema.ts; do not edit.',
    ...sectionSchema(ANSWERS_SCHEMA, ''),
  };
}

export function answersJsonSchemaText(): string {
  return `${JSON.stringify(answersJsonSchema(), null, 2)}\n`;
}

function sectionSchema(section: SectionField, path: string): JsonSchema {
  const properties: JsonSchema = {};
  const required: string[] = [];
  const conditional: JsonSchema[] = [];
  const groups = new Map<string, { condition: Condition; keys: string[]; disallowed: string[] }>();
  const group = (condition: Condition) => {
    const id = JSON.stringify(condition);
    if (!groups.has(id)) groups.set(id, { condition, keys: [], disallowed: [] });
    return groups.get(id)!;
  };

  for (const [key, field] of Object.entries(section.fields)) {
    const fieldPath = path ? `${path}.${key}` : key;
    if (field.type === 'section') {
      properties[key] = { description: field.description.en, ...sectionSchema(field, fieldPath) };
      if (requiresKeysByDefault(field)) required.push(key);
      continue;
    }
    const yamlKeys = field.type === 'secret' ? [`${key}_file`, `${key}_env`] : [key];
    if (field.type === 'secret') {
      properties[`${key}_file`] = { type: 'string', description: `${field.description.en} A file whose first line is the secret.`, pattern: FORMATS['absolute-path'].pattern };
      properties[`${key}_env`] = { type: 'string', description: `${field.description.en} An environment variable holding the secret.`, pattern: FORMATS['env-name'].pattern };
      conditional.push({ not: { required: yamlKeys } });
    } else {
      properties[key] = valueSchema(field, path);
    }
    if (field.required === true) required.push(...yamlKeys);
    else if (field.required) group(field.required).keys.push(key);
    if (field.when) group(field.when).disallowed.push(...yamlKeys);
  }

  for (const { condition, keys, disallowed } of groups.values()) {
    const entry: JsonSchema = { if: conditionSchema(condition, section) };
    if (keys.length > 0) {
      entry.then = {
        allOf: keys.map((key) =>
          section.fields[key]!.type === 'secret' ? { anyOf: [{ required: [`${key}_file`] }, { required: [`${key}_env`] }] } : { required: [key] },
        ),
      };
    }
    if (disallowed.length > 0) entry.else = { properties: Object.fromEntries(disallowed.map((key) => [key, false])) };
    conditional.push(entry);
  }

  const schema: JsonSchema = { type: 'object', additionalProperties: false, properties };
  if (required.length > 0) schema.required = required;
  if (conditional.length > 0) schema.allOf = conditional;
  return schema;
}

/** A section that must be written because, with its defaults, it requires a key (tls.email). */
function requiresKeysByDefault(section: SectionField): boolean {
  return Object.values(section.fields).some((field) => {
    if (field.type === 'section') return requiresKeysByDefault(field);
    if (field.required === true) return true;
    if (!field.required || 'present' in field.required) return false;
    const sibling = section.fields[field.required.key];
    return sibling !== undefined && 'default' in sibling && sibling.default === field.required.equals;
  });
}

function conditionSchema(condition: Condition, section: SectionField): JsonSchema {
  if ('present' in condition) return { required: [condition.key] };
  const sibling = section.fields[condition.key];
  const isDefault = sibling && 'default' in sibling && sibling.default === condition.equals;
  // An absent key takes its default, so the condition also holds when the default matches.
  return isDefault
    ? { properties: { [condition.key]: { const: condition.equals } } }
    : { properties: { [condition.key]: { const: condition.equals } }, required: [condition.key] };
}

function valueSchema(field: Exclude<ValueField, { type: 'secret' }>, sectionPath: string): JsonSchema {
  const notes: string[] = [];
  if (field.when) notes.push(`Only when ${describeCondition(field.when, sectionPath).en}.`);
  if (field.required && field.required !== true) notes.push(`Required when ${describeCondition(field.required, sectionPath).en}.`);
  if ('default' in field && isDerived<unknown>(field.default)) notes.push(`Default: ${field.default.text}.`);
  const description = [field.description.en, ...notes].join(' ');
  switch (field.type) {
    case 'const':
      return { description, const: field.value };
    case 'boolean':
      return { description, type: 'boolean', default: field.default };
    case 'integer':
      return withDefault({ description, type: 'integer', minimum: field.min, maximum: field.max }, field.default);
    case 'number':
      return withDefault({ description, type: 'number', exclusiveMinimum: field.above, maximum: field.max }, field.default);
    case 'string': {
      if (field.choices) {
        const choices = Object.entries(field.choices).map(([value, meaning]) => `${value}: ${meaning.en}`);
        return withDefault({ description: `${description} ${choices.join('; ')}.`, enum: Object.keys(field.choices) }, field.default);
      }
      const format: Format | undefined = field.format ? FORMATS[field.format] : undefined;
      const schema: JsonSchema = { description, type: 'string', minLength: 1 };
      if (format?.pattern) schema.pattern = format.pattern;
      if (format?.jsonFormat) schema.format = format.jsonFormat;
      if (format?.maxLength) schema.maxLength = format.maxLength;
      return withDefault(schema, field.default);
    }
  }
}

function withDefault(schema: JsonSchema, value: unknown): JsonSchema {
  return value === undefined || isDerived(value) ? schema : { ...schema, default: value };
}
