import type { Answers } from '../../src/answers/types.js';
import { localeProblem } from '../../src/database/verify-database.js';
import type { Localized } from '../../src/i18n/localized.js';
import { postgresText as t } from '../../src/i18n/messages/steps-postgres.js';

/** What the server knows about the role and database matrix-setup wants (read-only, one JSON row). */
export const CLUSTER_STATE_SQL = `SELECT json_build_object(
  'version', current_setting('server_version_num')::int,
  'superuser', (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user),
  'role', (SELECT json_build_object('login', rolcanlogin) FROM pg_catalog.pg_roles WHERE rolname = :'role_name'),
  'database', (SELECT json_build_object(
      'encoding', pg_encoding_to_char(encoding),
      'collate', datcollate,
      'ctype', datctype,
      'owner', pg_catalog.pg_get_userbyid(datdba))
    FROM pg_catalog.pg_database WHERE datname = :'db_name')
);
`;

/** The stored password of the role (superusers only). */
export const ROLE_PASSWORD_SQL = "SELECT rolpassword FROM pg_catalog.pg_authid WHERE rolname = :'role_name';\n";

export interface ExistingDatabase {
  encoding: string;
  collate: string;
  ctype: string;
  owner: string;
}

export interface ClusterState {
  version: number;
  superuser: boolean;
  role: { login: boolean } | null;
  database: ExistingDatabase | null;
}

export function parseClusterState(output: string): ClusterState {
  const state = JSON.parse(output) as ClusterState;
  return { version: state.version, superuser: state.superuser === true, role: state.role ?? null, database: state.database ?? null };
}

/** Why an existing database cannot be taken over (wrong locale or another owner), or undefined. */
export function existingDatabaseProblem(database: ExistingDatabase, answers: Answers): { message: Localized; hint?: Localized } | undefined {
  const { name, user } = answers.database;
  const locale = localeProblem(database, name);
  if (locale) return { message: locale.text, hint: locale.hint };
  if (database.owner !== user) {
    return { message: t.otherOwner({ name, owner: database.owner, user }), hint: t.otherOwnerHint({ name, user }) };
  }
  return undefined;
}

export type DatabaseChange = 'create-role' | 'allow-login' | 'set-password' | 'create-database';

/**
 * The SQL for these changes. The password variable holds a SCRAM verifier, set by a
 * \set line in front of it (see passwordLine); names are psql variables.
 */
export function changeSql(changes: DatabaseChange[], options: { serverVersion: number; superuser: boolean }): string {
  const statements: string[] = [];
  for (const change of changes) {
    if (change === 'create-role') statements.push(`CREATE ROLE :"role_name" WITH LOGIN PASSWORD :'password';`);
    if (change === 'allow-login') statements.push(`ALTER ROLE :"role_name" WITH LOGIN;`);
    if (change === 'set-password') statements.push(`ALTER ROLE :"role_name" WITH PASSWORD :'password';`);
    if (change === 'create-database') {
      // A role that is not a superuser may only give a database to a role it is a member of.
      if (!options.superuser) statements.push(`GRANT :"role_name" TO CURRENT_USER;`);
      const provider = options.serverVersion >= 150000 ? ' LOCALE_PROVIDER libc' : '';
      statements.push(
        `CREATE DATABASE :"db_name" WITH OWNER :"role_name" ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'${provider} TEMPLATE template0;`,
      );
    }
  }
  return statements.join('\n') + '\n';
}

/** The first line of the change script: the verifier as a psql variable (base64 and $ only, so no quoting issue). */
export function passwordLine(verifier: string): string {
  if (!/^[A-Za-z0-9+/=$:-]+$/.test(verifier)) throw new Error('unexpected characters in a password verifier');
  return `\\set password '${verifier}'\n`;
}
