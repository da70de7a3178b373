import { AnswersError } from '../errors.js';
import type { Localized } from '../i18n/localized.js';
import { postgresText as t } from '../i18n/messages/steps-postgres.js';

/**
 * Role and database names matrix-setup accepts: an identifier-like name, at most 63 bytes
 * (PostgreSQL's limit). Excluding '=', spaces and quotes keeps a name from ever being read
 * as a connection string by psql or libpq.
 */
export const PG_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,62}$/;

export function pgNameProblem(value: string): Localized | undefined {
  if (PG_NAME.test(value)) return undefined;
  return t.pgName;
}

/** Throws an AnswersError naming the field when the database or role name is not acceptable. */
export function assertPgNames(names: { name: string; user: string; admin_user?: string }): void {
  const issues = (['name', 'user', 'admin_user'] as const)
    .filter((field) => names[field] !== undefined)
    .map((field) => ({ field, problem: pgNameProblem(names[field]!) }))
    .filter((entry) => entry.problem)
    .map((entry) => ({ path: `database.${entry.field}`, message: entry.problem! }));
  if (issues.length) throw new AnswersError(issues);
}
