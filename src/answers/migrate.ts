import { copyFileSync, readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { writeFileAtomic } from '../fs/atomic.js';
import { answersToYaml } from './save.js';
import type { Answers } from './types.js';
import { validateAnswersDocument } from './validate.js';

/** The answers format this matrix-setup writes. */
export const ANSWERS_FORMAT = 1;

/** Turns a saved answers document of format `from` into format `from + 1`. */
export interface AnswersMigration {
  from: number;
  /** What changes, for the note shown when a file is migrated. */
  describe: string;
  migrate(document: Record<string, unknown>): Record<string, unknown>;
}

/** One entry per format change, oldest first. None yet: 1 is the only format so far. */
export const ANSWERS_MIGRATIONS: AnswersMigration[] = [];

/**
 * The answers an earlier run saved, brought to this version's format: an older file is
 * migrated step by step and rewritten (the old one kept beside it as answers.yaml.v<N>).
 * A newer one is refused by validation, which names the version.
 */
export function loadSavedAnswers(
  path: string,
  options: { format?: number; migrations?: AnswersMigration[]; note?(message: string): void } = {},
): { answers: Answers; migratedFrom?: number } {
  const format = options.format ?? ANSWERS_FORMAT;
  const migrations = options.migrations ?? ANSWERS_MIGRATIONS;
  const text = readFileSync(path, 'utf8');
  const document = parseDocument(text).toJS() as Record<string, unknown> | null;
  const version = typeof document?.version === 'number' ? document.version : undefined;
  if (!document || version === undefined || version >= format) return { answers: validateAnswersDocument(text, path) };
  let migrated = document;
  for (let from = version; from < format; from++) {
    const step = migrations.find((m) => m.from === from);
    if (!step) return { answers: validateAnswersDocument(text, path) }; // validation explains the version
    migrated = { ...step.migrate(migrated), version: from + 1 };
    options.note?.(`Saved answers ${path}: format ${from} → ${from + 1}: ${step.describe}`);
  }
  const answers = validateAnswersDocument(JSON.stringify(migrated), path);
  copyFileSync(path, `${path}.v${version}`);
  writeFileAtomic(path, answersToYaml(answers), { mode: 0o600 });
  return { answers, migratedFrom: version };
}
