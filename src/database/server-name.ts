import type { Localized } from '../i18n/localized.js';
import { postgresText as t } from '../i18n/messages/steps-postgres.js';
/**
 * Which server_name a Synapse database was created for. Synapse itself refuses to start
 * when the users in its database belong to another server_name ("Found users in database
 * not native to ..."); matrix-setup detects the same thing before touching anything.
 */

/** True when the database holds Synapse's schema (its version table and the users table). */
export const SYNAPSE_SCHEMA_SQL =
  "SELECT to_regclass('schema_version') IS NOT NULL AND to_regclass('users') IS NOT NULL AS synapse, " +
  "(SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema'))::int AS tables";

/** One user id, as Synapse's own check reads it. Only valid once SYNAPSE_SCHEMA_SQL said synapse. */
export const SYNAPSE_USER_SQL = 'SELECT name FROM users LIMIT 1';

/** The server_name part of a Matrix user id (@alice:example.org:8448 -> example.org:8448). */
export function serverNameOfUserId(userId: string): string | undefined {
  const colon = userId.indexOf(':');
  return colon > 0 ? userId.slice(colon + 1) : undefined;
}

export interface DatabaseContents {
  /** Tables outside the system schemas. */
  tables: number;
  /** Synapse's schema is present. */
  synapse: boolean;
  /** A user id found in Synapse's users table, when there is one. */
  someUserId?: string;
}

/** Why this database must not be used for `serverName`, or undefined when it may. */
export function contentsProblem(contents: DatabaseContents, serverName: string, database: string): { message: Localized; hint: Localized } | undefined {
  if (contents.synapse) {
    const found = contents.someUserId ? serverNameOfUserId(contents.someUserId) : undefined;
    if (found && found !== serverName) {
      return {
        message: t.otherServer({ name: database, found, user: contents.someUserId!, server: serverName }),
        hint: t.otherServerHint({ found }),
      };
    }
    return undefined;
  }
  if (contents.tables > 0) {
    return { message: t.otherTables({ name: database, count: contents.tables }), hint: t.otherTablesHint };
  }
  return undefined;
}
