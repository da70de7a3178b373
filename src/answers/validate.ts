/**
 * Validation of an answers file: YAML syntax, then every key and value where it stands,
 * then the conditions between keys. All problems are reported together, each with its
 * key path, line and column; the result has every default filled in.
 */
import { LineCounter, parseDocument } from 'yaml';
import { AnswersError, type AnswersIssue } from '../errors.js';
import type { Condition } from './field-spec.js';
import { DocumentReading } from './read-document.js';
import { resolveAnswers } from './resolve.js';
import { CROSS_RULES } from './rules.js';
import { answerText as t } from '../i18n/messages/answers.js';
import { requiredMessage } from './required-message.js';
import { allValueFields, conditionHolds, describeCondition, getPath, joinPath, parentPath } from './schema-index.js';
import type { Answers } from './types.js';

export { validateField, coerceFieldInput } from './validate-field.js';

export function validateAnswersDocument(text: string, file?: string): Answers {
  const lineCounter = new LineCounter();
  const document = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new AnswersError(
      document.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return { path: '', message: t.yamlSyntax({ error: error.message.split('\n')[0]! }), line, column: col };
      }),
      file,
    );
  }
  const reading = new DocumentReading(text, lineCounter, document);
  reading.read();
  if (reading.issues.length > 0 && Object.keys(reading.draft).length === 0) throw new AnswersError(reading.issues, file);

  const answers = resolveAnswers(reading.draft);
  checkConditions(reading, answers);
  checkCrossRules(reading, answers);
  if (reading.issues.length > 0) throw new AnswersError(sortIssues(reading.issues), file);
  return answers;
}

/** The `when` and `required` conditions declared in the schema. */
function checkConditions(reading: DocumentReading, answers: Answers): void {
  for (const [path, field] of allValueFields()) {
    const sectionPath = parentPath(path);
    const section = (sectionPath ? getPath(answers, sectionPath) : answers) as Record<string, unknown>;
    const conditionInvalid = (condition: Condition) => reading.isInvalid(joinPath(sectionPath, condition.key));

    if (field.when && reading.given.has(path) && !conditionInvalid(field.when) && !conditionHolds(field.when, section)) {
      const yamlPath = reading.yamlPaths.get(path) ?? path;
      const actual = section[field.when.key];
      const condition = describeCondition(field.when, sectionPath);
      const message =
        'equals' in field.when
          ? t.onlyAppliesOrSet({ condition, actual: String(actual), key: joinPath(sectionPath, field.when.key), value: String(field.when.equals) })
          : t.onlyApplies({ condition, actual: String(actual) });
      reading.issue(yamlPath, { message }, reading.locate(yamlPath));
      reading.invalid.add(path);
    }

    if (!field.required || reading.isInvalid(path)) continue;
    // Always-required keys must be written even where resolving fills them (version).
    const missing = field.required === true ? !reading.given.has(path) : getPath(answers, path) === undefined;
    if (!missing) continue;
    if (field.required !== true && (conditionInvalid(field.required) || !conditionHolds(field.required, section))) continue;
    const condition = field.required === true ? undefined : describeCondition(field.required, sectionPath);
    const message = requiredMessage({ condition, secretPath: field.type === 'secret' ? path : undefined, because: field.requiredBecause });
    const conditionPath = field.required === true ? '' : joinPath(sectionPath, field.required.key);
    reading.issue(path, { message }, reading.locate(path, conditionPath, sectionPath));
    reading.invalid.add(path);
  }
}

function checkCrossRules(reading: DocumentReading, answers: Answers): void {
  const given = (path: string) => reading.given.has(path);
  // Rules read server_name; without a valid one they stay quiet (its own issue says why).
  answers = { ...answers, server_name: answers.server_name ?? '' };
  for (const rule of CROSS_RULES) {
    for (const issue of rule.check({ answers, given })) {
      const related = [issue.path, ...(issue.at ?? [])];
      if (related.some((path) => reading.isInvalid(path))) continue;
      const yamlPath = reading.yamlPaths.get(issue.path) ?? issue.path;
      reading.issue(yamlPath, { message: issue.message }, reading.locate(yamlPath, ...related, parentPath(issue.path)));
    }
  }
}

function sortIssues(issues: AnswersIssue[]): AnswersIssue[] {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
