/** Reading and writing one answer of the wizard's draft by the path its question names. */
import type { AnswersDraft } from '../../answers/field-spec.js';
import { resolveAnswers } from '../../answers/resolve.js';
import { fieldAt, getPath, setPath } from '../../answers/schema-index.js';

interface Storage {
  fieldPath: string;
  /** Secret references are typed as a file path (`database.password_file`). */
  part?: 'file' | 'env';
}

function storageOf(path: string): Storage {
  const secret = /^(.*)_(file|env)$/.exec(path);
  if (secret && fieldAt(secret[1]!)?.type === 'secret') return { fieldPath: secret[1]!, part: secret[2] as 'file' | 'env' };
  return { fieldPath: path };
}

/** The key that holds the answer of `path` (a secret's file and env parts share one). */
export function storedAt(path: string): string {
  return storageOf(path).fieldPath;
}

/** The answer given for `path`, or undefined when it has not been answered. */
export function readAnswer(draft: AnswersDraft, path: string): unknown {
  const { fieldPath, part } = storageOf(path);
  const value = getPath(draft, fieldPath);
  if (part) return (value as Record<string, unknown> | undefined)?.[part];
  return value;
}

/** A copy of the draft with `path` answered (or unanswered, for undefined). */
export function writeAnswer(draft: AnswersDraft, path: string, value: unknown): AnswersDraft {
  const { fieldPath, part } = storageOf(path);
  const copy = structuredClone(draft) as Record<string, unknown>;
  const stored = value === undefined ? undefined : part ? { [part]: value } : value;
  if (stored === undefined) {
    const parts = fieldPath.split('.');
    const parent = parts.length > 1 ? (getPath(copy, parts.slice(0, -1).join('.')) as Record<string, unknown> | undefined) : copy;
    if (parent) delete parent[parts[parts.length - 1]!];
  } else {
    setPath(copy, fieldPath, stored);
  }
  return copy as AnswersDraft;
}

/** What the answers file would hold for `path` if nothing more were asked (schema defaults included). */
export function defaultAnswer(draft: AnswersDraft, path: string): unknown {
  return readAnswer(resolveAnswers(draft), path);
}

export function answerText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value);
}
