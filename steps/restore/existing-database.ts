import { restoredDatabaseMarker, type BackupManifest } from '../../src/backup/manifest.js';
import { SYNAPSE_SCHEMA_SQL, SYNAPSE_USER_SQL, serverNameOfUserId } from '../../src/database/server-name.js';
import type { RunContext } from '../../src/engine/types.js';
import { CommandFailedError, HostRefusedError } from '../../src/errors.js';
import { runPsql } from '../postgres/psql.js';

/** What the database a restore would load into holds, as the admin sees it. */
export interface ExistingDatabase {
  exists: boolean;
  /** Tables outside the system schemas. */
  tables: number;
  synapse: boolean;
  someUserId?: string;
  /** COMMENT ON DATABASE: a restore marks the database it loaded with restoredDatabaseMarker(). */
  comment?: string;
}

export const DATABASE_COMMENT_SQL =
  "SELECT coalesce((SELECT json_build_object('comment', shobj_description(oid, 'pg_database')) FROM pg_catalog.pg_database WHERE datname = :'db_name')::text, '')";

/**
 * Reads it (read-only). Undefined when there is no PostgreSQL to ask yet (a fresh machine: not
 * installed, or not running): then there is nothing to protect, and the restore-database step
 * asks again once the server runs.
 */
export async function readExistingDatabase(ctx: RunContext): Promise<ExistingDatabase | undefined> {
  let row: string;
  try {
    row = await runPsql(ctx, DATABASE_COMMENT_SQL, { probe: true });
  } catch (error) {
    if (error instanceof CommandFailedError) return undefined;
    throw error;
  }
  if (!row) return { exists: false, tables: 0, synapse: false };
  const { comment } = JSON.parse(row) as { comment: string | null };
  const database = ctx.answers.database.name;
  const [synapse, tables] = (await runPsql(ctx, `${SYNAPSE_SCHEMA_SQL};\n`, { database, probe: true })).split('|');
  const existing: ExistingDatabase = { exists: true, tables: Number(tables), synapse: synapse === 't', ...(comment ? { comment } : {}) };
  if (existing.synapse) existing.someUserId = (await runPsql(ctx, `${SYNAPSE_USER_SQL};\n`, { database, probe: true })) || undefined;
  return existing;
}

export type DatabaseVerdict = 'restore' | 'already-restored' | 'replace';

/**
 * Whether the backup may be loaded into this database: a missing or empty one, yes; one this
 * very backup was restored into, it is done; anything else holding data only with
 * --replace-database (and never another server's). A refusal is a HostRefusedError (exit 3)
 * that says what to do; nothing has been changed when it is thrown.
 */
export function databaseVerdict(existing: ExistingDatabase | undefined, manifest: BackupManifest, name: string, replace: boolean): DatabaseVerdict {
  if (!existing?.exists) return 'restore';
  if (existing.comment === restoredDatabaseMarker(manifest)) return 'already-restored';
  if (existing.tables === 0) return 'restore';
  const owner = existing.someUserId ? serverNameOfUserId(existing.someUserId) : undefined;
  if (owner && owner !== manifest.server_name) {
    throw new HostRefusedError(
      `The database "${name}" belongs to the Synapse server "${owner}" (it holds the user ${existing.someUserId}), not to ${manifest.server_name}.`,
      `Restore into another database (database.name in an answers file given with --answers), or on another machine. Nothing was changed.`,
    );
  }
  if (replace) return 'replace';
  const what = existing.synapse ? `Synapse data${owner ? ` of ${owner}` : ''}` : `${existing.tables} table${existing.tables === 1 ? '' : 's'}`;
  throw new HostRefusedError(
    `The database "${name}" already holds ${what} that was not restored from this backup; a restore never loads a backup over an existing database.`,
    `If the server running here is the one to keep, do not restore on this machine. To replace its database with the backup's, run the restore again with --replace-database: the current database is kept, renamed to ${name}_before_restore_<time>. Nothing was changed.`,
  );
}
