/**
 * Reads the YAML tree of an answers file against the schema: every key and value is
 * checked where it stands, with its line and column, and every problem is collected.
 * The result is a draft (the Answers shape, without defaults) plus what was written where.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type YAMLMap } from 'yaml';
import type { AnswersIssue } from '../errors.js';
import { checkSecretPart, checkValue, inlineSecretMessage } from './check-value.js';
import type { FormatProblem } from './formats.js';
import type { SectionField } from './field-spec.js';
import { ANSWERS_SCHEMA, allValueFields, joinPath, yamlKeysOf } from './schema-index.js';
import { closest } from './suggest.js';
import { listOf } from '../i18n/localized.js';
import { answerText as t } from '../i18n/messages/answers.js';

export interface Position {
  line: number;
  column: number;
}

type Values = Record<string, unknown>;

export class DocumentReading {
  readonly issues: AnswersIssue[] = [];
  /** Paths (Answers shape) with a value written in the file. */
  readonly given = new Set<string>();
  /** Paths whose written value was rejected (rules about them stay quiet). */
  readonly invalid = new Set<string>();
  /** The path, or a section it is in, was rejected. */
  isInvalid(path: string): boolean {
    for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') if (this.invalid.has(p)) return true;
    return false;
  }

  /** Where each key was written: Answers-shape paths and YAML paths (database.password_file). */
  readonly positions = new Map<string, Position>();
  /** The YAML path a value was written under (database.password -> database.password_file). */
  readonly yamlPaths = new Map<string, string>();
  draft: Values = {};

  constructor(
    private readonly text: string,
    private readonly lineCounter: LineCounter,
    private readonly document: Document,
  ) {}

  positionOf(node: unknown): Position | undefined {
    const range = (node as Node | null | undefined)?.range;
    if (!range) return undefined;
    const { line, col } = this.lineCounter.linePos(range[0]);
    return { line, column: col };
  }

  /** The first known position among these paths. */
  locate(...paths: string[]): Position | undefined {
    for (const path of paths) {
      const position = this.positions.get(path);
      if (position) return position;
    }
    return undefined;
  }

  issue(path: string, problem: FormatProblem, position: Position | undefined): void {
    this.issues.push({ path, message: problem.message, suggestion: problem.suggestion, line: position?.line, column: position?.column });
  }

  read(): void {
    const contents = this.document.contents;
    if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
      this.issue('', { message: t.empty }, undefined);
      return;
    }
    if (!isMap(contents)) {
      this.issue('', { message: t.fileNotMapping }, this.positionOf(contents));
      return;
    }
    this.draft = this.readSection(ANSWERS_SCHEMA, contents, '');
  }

  private readSection(section: SectionField, map: YAMLMap, path: string): Values {
    const keys = yamlKeysOf(section);
    const values: Values = {};
    for (const pair of map.items) {
      const keyNode = pair.key;
      const keyPosition = this.positionOf(keyNode) ?? this.positionOf(map);
      const name = isScalar(keyNode) && keyNode.value !== null ? String(keyNode.value) : undefined;
      if (name === undefined) {
        this.issue(path, { message: t.plainKeys }, keyPosition);
        continue;
      }
      const yamlPath = joinPath(path, name);
      const entry = keys.get(name);
      if (!entry) {
        if (section.fields[name]?.type === 'secret') {
          this.issue(yamlPath, { message: inlineSecretMessage(name) }, keyPosition);
          this.invalid.add(yamlPath);
        } else {
          this.issue(yamlPath, unknownKey(name, path, [...keys.keys()]), keyPosition);
        }
        continue;
      }
      const fieldPath = joinPath(path, entry.key);
      const valueNode = isAlias(pair.value) ? pair.value.resolve(this.document) : pair.value;
      const valuePosition = this.positionOf(valueNode) ?? keyPosition;
      if (keyPosition) {
        this.positions.set(yamlPath, keyPosition);
        if (!this.positions.has(fieldPath)) this.positions.set(fieldPath, keyPosition);
      }
      const field = entry.field;

      if (field.type === 'section') {
        if (valueNode === null || valueNode === undefined || (isScalar(valueNode) && valueNode.value === null)) {
          values[entry.key] = {};
        } else if (isMap(valueNode)) {
          values[entry.key] = this.readSection(field, valueNode, fieldPath);
        } else {
          const keys = [...yamlKeysOf(field).keys()].join(', ');
          const message = field.mappingHint ? t.mappingHinted({ keys, hint: field.mappingHint }) : t.mapping({ keys });
          this.issue(fieldPath, { message }, valuePosition);
          this.invalid.add(fieldPath);
        }
        continue;
      }

      const raw = isScalar(valueNode) ? valueNode.value : isMap(valueNode) || isSeq(valueNode) ? valueNode.toJSON() : null;
      if (raw === null || raw === undefined) continue; // `key:` with nothing after it reads as not given
      this.given.add(fieldPath);
      this.yamlPaths.set(fieldPath, yamlPath);

      if (entry.part) {
        const result = checkSecretPart(entry.part, raw);
        const ref = (values[entry.key] ?? {}) as Values;
        if (!result.ok) {
          this.issue(yamlPath, result.problem, valuePosition);
          this.invalid.add(fieldPath);
        } else if (ref.file !== undefined || ref.env !== undefined) {
          this.issue(yamlPath, { message: t.bothForms({ key: entry.key }) }, keyPosition);
          this.invalid.add(fieldPath);
        } else {
          values[entry.key] = { ...ref, [entry.part]: result.value };
        }
        continue;
      }
      if (field.type === 'secret') continue; // unreachable: secrets always come with a part

      const source = isScalar(valueNode) && valueNode.range ? this.text.slice(valueNode.range[0], valueNode.range[1]) : undefined;
      const result = checkValue(field, raw, { source });
      if (result.ok) {
        values[entry.key] = result.value;
      } else {
        this.issue(fieldPath, result.problem, valuePosition);
        this.invalid.add(fieldPath);
      }
    }
    return values;
  }
}

/** "unknown key", with the closest key at this level, or the section where that key lives. */
function unknownKey(name: string, sectionPath: string, siblings: string[]): FormatProblem {
  const near = closest(name, siblings);
  if (near) return { message: t.unknownKey, suggestion: near };
  const elsewhere = allYamlPaths().filter((p) => p.endsWith(`.${name}`) || p === name);
  if (elsewhere.length === 1) {
    return { message: sectionPath ? t.unknownKeyIn({ section: sectionPath, name }) : t.unknownKeyTop({ name }), suggestion: elsewhere[0] };
  }
  if (elsewhere.length > 1) {
    const sections = listOf(elsewhere, 'or');
    return { message: sectionPath ? t.unknownKeyInSections({ section: sectionPath, name, sections }) : t.unknownKeyTopSections({ name, sections }) };
  }
  const keys = siblings.join(', ');
  return { message: sectionPath ? t.sectionAccepts({ section: sectionPath, keys }) : t.topAccepts({ keys }) };
}

let yamlPathCache: string[] | undefined;
function allYamlPaths(): string[] {
  yamlPathCache ??= allValueFields().flatMap(([path, field]) => (field.type === 'secret' ? [`${path}_file`, `${path}_env`] : [path]));
  return yamlPathCache;
}
