import type { DatabaseFacts } from '../../src/backup/server-facts.js';
import type { RunContext } from '../../src/engine/types.js';
import { runPsql } from '../postgres/psql.js';

/**
 * What the manifest records about a local database, read as the postgres user over the Unix
 * socket, as pg_dump reads it: no password needed (a server set up by hand that adopt backs up
 * may not have given Synapse's role one yet).
 */
export async function readDatabaseFactsAsAdmin(ctx: RunContext, excluded: string[]): Promise<DatabaseFacts> {
  const sql = `SELECT json_build_object(
  'version', current_setting('server_version'),
  'schema', (SELECT version FROM schema_version LIMIT 1),
  'bytes', (SELECT coalesce(sum(pg_table_size(c.oid)), 0)::bigint
              FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'm', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
               AND NOT (c.relname = ANY (string_to_array(:'excluded', ',')))))::text;
`;
  const output = await runPsql(ctx, sql, { database: ctx.answers.database.name, probe: true, variables: { excluded: excluded.join(',') } });
  const row = JSON.parse(output) as { version: string; schema: number | null; bytes: number | string };
  return { postgresqlVersion: row.version, schemaVersion: row.schema === null ? null : Number(row.schema), tableBytes: Number(row.bytes) };
}
