import { connectDatabase, type DatabaseConnectionOptions } from '../database/connection.js';
import { ANY_EXIT_CODE, type Executor } from '../exec/executor.js';

/** What a backup's manifest records about the database, read as the Synapse role. */
export interface DatabaseFacts {
  postgresqlVersion: string;
  schemaVersion: number | null;
  /** Size of the tables whose rows are dumped (everything but the excluded table data). */
  tableBytes: number;
}

export async function readDatabaseFacts(connection: DatabaseConnectionOptions, excluded: string[]): Promise<DatabaseFacts> {
  const client = await connectDatabase(connection);
  try {
    const version = await client.query<{ server_version: string }>('SHOW server_version');
    const schema = await client.query<{ version: number | null }>(
      "SELECT CASE WHEN to_regclass('schema_version') IS NULL THEN NULL ELSE (SELECT version FROM schema_version LIMIT 1) END AS version",
    );
    const size = await client.query<{ bytes: string }>(
      `SELECT coalesce(sum(pg_table_size(c.oid)), 0)::bigint AS bytes
         FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'm', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND NOT (c.relname = ANY($1))`,
      [excluded],
    );
    return {
      postgresqlVersion: version.rows[0].server_version,
      schemaVersion: schema.rows[0].version === null ? null : Number(schema.rows[0].version),
      tableBytes: Number(size.rows[0].bytes),
    };
  } finally {
    await client.end().catch(() => {});
  }
}

/** Synapse's version: asked from the running server (no auth needed), else from how it was installed. */
export async function synapseVersion(exec: Executor, installed: { packageName?: string; python: string; family: 'debian' | 'rhel' }): Promise<string> {
  try {
    const response = await fetch('http://127.0.0.1:8008/_synapse/admin/v1/server_version', { signal: AbortSignal.timeout(5000) });
    const body = (await response.json()) as { server_version?: unknown };
    if (response.ok && typeof body.server_version === 'string') return body.server_version;
  } catch {
    // not running: ask the install instead
  }
  const argv = installed.packageName
    ? installed.family === 'debian'
      ? ['dpkg-query', '-W', '-f=${Version}', installed.packageName]
      : ['rpm', '-q', '--qf', '%{VERSION}', installed.packageName]
    : [installed.python, '-c', 'import synapse; print(synapse.__version__)'];
  const result = await exec.run(argv, { probe: true, okExitCodes: ANY_EXIT_CODE }).catch(() => undefined);
  return result?.exitCode === 0 && result.stdout.trim() ? result.stdout.trim() : 'unknown';
}

/** "pg_dump (PostgreSQL) 18.1 (Debian 18.1-1)" → "18.1". */
export async function pgDumpVersion(exec: Executor): Promise<string> {
  const result = await exec.run(['pg_dump', '--version'], { probe: true });
  return /\(PostgreSQL\)\s+(\S+)/.exec(result.stdout)?.[1] ?? result.stdout.trim();
}
