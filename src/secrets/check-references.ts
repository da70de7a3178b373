/**
 * Every secret the answers refer to (a *_file or *_env key), checked before anything runs:
 * present (for an install), one line of printable characters. A problem is an answers error
 * (exit 2) naming the key, never the value.
 */
import { readFileSync, statSync } from 'node:fs';
import { allValueFields, getPath } from '../answers/schema-index.js';
import type { Answers, SecretRef } from '../answers/types.js';
import { AnswersError, type AnswersIssue } from '../errors.js';
import { secretValueProblem } from './secret-value.js';

export interface ReferenceCheckOptions {
  /** An install needs every referenced secret now; `plan` checks only those it can read. */
  requirePresent: boolean;
  /** The answers file, for the messages. */
  file?: string;
}

export function checkSecretReferences(answers: Answers, options: ReferenceCheckOptions): void {
  const issues: AnswersIssue[] = [];
  for (const [path, field] of allValueFields()) {
    if (field.type !== 'secret') continue;
    const ref = getPath(answers, path) as SecretRef | undefined;
    const problem = ref?.env ? envProblem(ref.env, options) : ref?.file ? fileProblem(ref.file, options) : undefined;
    if (problem) issues.push({ path: `${path}_${ref?.env ? 'env' : 'file'}`, message: problem });
  }
  if (issues.length > 0) throw new AnswersError(issues, options.file);
}

function envProblem(name: string, options: ReferenceCheckOptions): string | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') {
    return options.requirePresent ? `the environment variable ${name} is not set (or empty): export it before running matrix-setup` : undefined;
  }
  const problem = secretValueProblem(value);
  return problem && `the value of the environment variable ${name} ${problem}`;
}

function fileProblem(path: string, options: ReferenceCheckOptions): string | undefined {
  let text: string;
  try {
    if (!statSync(path).isFile()) return `${path} is not a regular file`;
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!options.requirePresent && (code === 'ENOENT' || code === 'EACCES')) return undefined;
    return code === 'ENOENT' ? `${path} does not exist` : `${path} cannot be read (${code ?? String(error)})`;
  }
  const value = firstLine(text);
  const problem = secretValueProblem(value);
  return problem && `the first line of ${path} ${problem}`;
}

/** The secret in a file: its first line without the line ending and surrounding blanks. */
export function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/^[ \t]+|[ \t\r]+$/g, '');
}
