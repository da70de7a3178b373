/**
 * Inline validation for the wizard: the same checks as the file validator, for one
 * answer at a time, given the answers so far.
 */
import { checkSecretPart, checkValue } from './check-value.js';
import type { AnswersDraft } from './field-spec.js';
import type { FormatProblem } from './formats.js';
import { resolveAnswers } from './resolve.js';
import { CROSS_RULES } from './rules.js';
import { conditionHolds, describeCondition, fieldAt, getPath, parentPath, setPath, type SecretPart } from './schema-index.js';
import type { Localized } from '../i18n/localized.js';
import { answerText as t } from '../i18n/messages/answers.js';
import { requiredMessage } from './required-message.js';

/**
 * The problem with answering `value` for `path`, or undefined when it is fine.
 * `path` is a key path of the Answers shape ("tls.email", "database.password") or a
 * YAML key path of a secret ("database.password_file"). Text typed for a number
 * ("5432") counts as that number; an empty answer is checked against "required".
 */
export function validateField(path: string, value: unknown, partial: AnswersDraft = {}): Localized | undefined {
  const target = normalizePath(path);
  if (!target) return t.unknownAnswer({ path });
  const { fieldPath, part } = target;
  const field = fieldAt(fieldPath)!;
  if (field.type === 'section') return t.unknownAnswer({ path });

  const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  let checked: unknown;
  if (!empty) {
    const result =
      field.type === 'secret'
        ? checkSecret(part, value)
        : checkValue(field, value, { fromText: true });
    if (!result.ok) return format(result.problem);
    checked = result.value;
  }

  const draft = JSON.parse(JSON.stringify(partial ?? {})) as Record<string, unknown>;
  setPath(draft, fieldPath, checked);
  const answers = resolveAnswers(draft);

  if (empty) {
    if (!field.required) return undefined;
    if (field.required === true) return requiredMessage({ because: field.requiredBecause });
    const sectionPath = parentPath(fieldPath);
    const section = (sectionPath ? getPath(answers, sectionPath) : answers) as Record<string, unknown>;
    if (!conditionHolds(field.required, section) || getPath(answers, fieldPath) !== undefined) return undefined;
    return requiredMessage({ condition: describeCondition(field.required, sectionPath), because: field.requiredBecause });
  }

  // Rules read server_name, which the wizard may not have asked yet.
  (answers as { server_name: string }).server_name ??= '';
  const given = (p: string) => p === fieldPath || getPath(partial, p) !== undefined;
  for (const rule of CROSS_RULES) {
    if (!rule.paths.includes(fieldPath)) continue;
    // A rule that asks for another key which is not given yet (the SMTP password after the
    // login) is that key's to report, when it is answered or when the whole file is checked.
    const issue = rule.check({ answers, given }).find((i) => i.path === fieldPath || (i.at?.includes(fieldPath) && given(i.path)));
    if (issue) return issue.path === fieldPath ? issue.message : t.otherKey({ path: issue.path, message: issue.message });
  }
  return undefined;
}

/** The value to store for text typed into the wizard: numbers for number keys, the text otherwise. */
export function coerceFieldInput(path: string, text: string): unknown {
  const target = normalizePath(path);
  const field = target ? fieldAt(target.fieldPath) : undefined;
  if (field && (field.type === 'integer' || field.type === 'number') && /^\s*-?[0-9]+(\.[0-9]+)?\s*$/.test(text)) return Number(text);
  return text.trim();
}

function normalizePath(path: string): { fieldPath: string; part?: SecretPart } | undefined {
  const secret = /^(.*)_(file|env)$/.exec(path);
  if (secret && fieldAt(secret[1]!)?.type === 'secret') return { fieldPath: secret[1]!, part: secret[2] as SecretPart };
  return fieldAt(path) ? { fieldPath: path } : undefined;
}

function checkSecret(part: SecretPart | undefined, value: unknown) {
  if (part) {
    const result = checkSecretPart(part, value);
    return result.ok ? { ok: true as const, value: { [part]: result.value } } : result;
  }
  if (typeof value === 'object' && value !== null) {
    const ref = value as Record<string, unknown>;
    if (ref.file !== undefined && ref.env !== undefined) return { ok: false as const, problem: { message: t.fileOrEnv } };
    const which: SecretPart = ref.file !== undefined ? 'file' : 'env';
    const result = checkSecretPart(which, ref[which]);
    return result.ok ? { ok: true as const, value: { [which]: result.value } } : result;
  }
  return { ok: false as const, problem: { message: t.reference } };
}

function format(problem: FormatProblem): Localized {
  return problem.suggestion ? t.didYouMean({ message: problem.message, suggestion: problem.suggestion }) : problem.message;
}
