/**
 * Writes answers as a commented answers file. Deterministic (the wizard and --answers
 * write the same bytes for the same choices) and lossless: loading the result gives back
 * the same answers. Secrets appear only as references (`*_file` / `*_env`).
 */
import { stringify } from 'yaml';
import { isDerived, type Field, type SectionField, type ValueField } from './field-spec.js';
import { ANSWERS_SCHEMA, conditionHolds, describeCondition, joinPath } from './schema-index.js';
import type { Answers } from './types.js';

export interface SaveOptions {
  /** Comment lines at the top (without "# "). */
  header?: string[];
  /** Adds a `yaml-language-server: $schema=` line so editors validate and complete keys. */
  schemaRef?: string;
  /** Also list, commented out, the keys that do not apply to these answers (for the example file). */
  documentAll?: boolean;
}

export const DEFAULT_HEADER = [
  'matrix-setup answers (version 1). `matrix-setup --answers <this file>` installs the same',
  'way again. Secrets are only referenced here (*_file or *_env), never written.',
];

const WIDTH = 92;

export function answersToYaml(answers: Answers, options: SaveOptions = {}): string {
  const lines: string[] = [];
  if (options.schemaRef) lines.push(`# yaml-language-server: $schema=${options.schemaRef}`);
  for (const line of options.header ?? DEFAULT_HEADER) lines.push(line ? `# ${line}` : '#');
  renderSection(ANSWERS_SCHEMA, answers as unknown as Record<string, unknown>, '', '', lines, options);
  return `${lines.join('\n')}\n`;
}

function renderSection(
  section: SectionField,
  values: Record<string, unknown>,
  path: string,
  indent: string,
  lines: string[],
  options: SaveOptions,
): void {
  let first = true;
  for (const [key, field] of Object.entries(section.fields)) {
    const fieldPath = joinPath(path, key);
    if (field.type === 'section') {
      lines.push('');
      pushComment(lines, indent, [field.description.en]);
      lines.push(`${indent}${key}:`);
      renderSection(field, (values[key] ?? {}) as Record<string, unknown>, fieldPath, `${indent}  `, lines, options);
      first = false;
      continue;
    }
    const applies = !field.when || conditionHolds(field.when, values);
    if (!applies && !options.documentAll) continue;
    if (!first || !indent) lines.push('');
    first = false;
    pushComment(lines, indent, commentFor(field, path));
    const value = values[key];
    if (!applies || value === undefined) {
      for (const line of entryLines(key, field, exampleOf(field))) lines.push(`${indent}# ${line}`);
    } else {
      for (const line of entryLines(key, field, value)) lines.push(`${indent}${line}`);
    }
  }
}

function entryLines(key: string, field: ValueField, value: unknown): string[] {
  if (field.type === 'secret') {
    const ref = (typeof value === 'string' ? { file: value } : value) as { file?: string; env?: string };
    return ref.env !== undefined ? [`${key}_env: ${scalar(ref.env)}`] : [`${key}_file: ${scalar(ref.file)}`];
  }
  return [`${key}: ${scalar(value)}`];
}

function exampleOf(field: ValueField): unknown {
  if (field.type === 'const') return field.value;
  if ('example' in field && field.example !== undefined) return field.example;
  if ('default' in field && field.default !== undefined && !isDerived<unknown>(field.default)) return field.default;
  return '';
}

function commentFor(field: Exclude<Field, SectionField>, sectionPath: string): string[] {
  const paragraphs = [field.description.en];
  if (field.type === 'string' && field.choices) {
    for (const [choice, meaning] of Object.entries(field.choices)) paragraphs.push(`  ${choice}: ${meaning.en}`);
  }
  const notes: string[] = [];
  if (field.when) notes.push(`Only when ${describeCondition(field.when, sectionPath).en}.`);
  if (field.required && field.required !== true) notes.push(`Required when ${describeCondition(field.required, sectionPath).en}.`);
  if ('default' in field && field.default !== undefined) {
    notes.push(`Default: ${isDerived<unknown>(field.default) ? field.default.text : String(field.default)}.`);
  }
  if (notes.length > 0) paragraphs.push(notes.join(' '));
  return paragraphs;
}

function pushComment(lines: string[], indent: string, paragraphs: string[]): void {
  for (const paragraph of paragraphs) {
    const lead = /^ */.exec(paragraph)![0];
    // Wrapped lines of an indented paragraph (a choice) hang two spaces further in.
    const hang = lead ? `${lead}  ` : '';
    wrap(paragraph.trimStart(), WIDTH - indent.length - 2 - hang.length).forEach((line, index) => {
      lines.push(`${indent}# ${index === 0 ? lead : hang}${line}`);
    });
  }
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  return lines;
}

function scalar(value: unknown): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}
