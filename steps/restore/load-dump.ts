import { PassThrough, Writable, type Readable } from 'node:stream';
import type { Executor } from '../../src/exec/executor.js';

/** pg_restore turns the custom-format dump into SQL; psql loads it. Neither connects as anything else. */
export const PG_RESTORE_ARGV = ['pg_restore', '--no-owner', '--no-privileges', '--file=-'];

/** What runs in psql before and after the dump's SQL (psql variables: role_name, db_name, restore_marker). */
export const LOAD_PROLOGUE = 'BEGIN;\nSET ROLE :"role_name";\n';
export const LOAD_EPILOGUE = [
  // pg_restore's SQL empties search_path for its session.
  'RESET search_path;',
  // Rows that must never come back from a backup (reused one-time keys break decryption).
  'TRUNCATE e2e_one_time_keys_json;',
  `COMMENT ON DATABASE :"db_name" IS :'restore_marker';`,
  'COMMIT;',
  'ANALYZE;',
  '',
].join('\n');

const LOAD_TIMEOUT_MS = 12 * 60 * 60 * 1000;

export interface LoadDumpOptions {
  /** The dump (pg_dump -Fc), read from the archive. */
  dump: Readable;
  /** Throws if the dump's bytes did not match the manifest; called before anything is committed. */
  verifyDump(): void;
  /** psql into the target database, with the variables above set. */
  psql: { argv: string[]; env?: Record<string, string> };
  hint: string;
  /** The converter (tests swap in a stand-in). */
  pgRestoreArgv?: string[];
}

/**
 * Loads a dump into an empty database in ONE transaction that also empties
 * e2e_one_time_keys_json and marks the database as restored: a run killed at any moment
 * leaves either the empty database or the complete, marked one, never half a restore.
 * The COMMIT is only sent once pg_restore has finished and the dump matched its checksum;
 * without it psql ends with the transaction open and PostgreSQL rolls it back.
 */
export async function loadDump(exec: Executor, options: LoadDumpOptions): Promise<void> {
  const sql = new PassThrough();
  sql.write(LOAD_PROLOGUE);
  let restoring = true;
  const forward = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (sql.write(chunk)) callback();
      else sql.once('drain', () => callback());
    },
  });
  forward.on('error', () => {});
  const load = exec
    .run(options.psql.argv, { input: sql, env: options.psql.env, cwd: '/', timeoutMs: LOAD_TIMEOUT_MS, hint: options.hint })
    .then(
      () => undefined,
      (error: unknown) => error,
    )
    .finally(() => {
      // psql stopped while pg_restore still writes: stop pg_restore too (it would block on a full pipe).
      if (restoring) forward.destroy(new Error('psql stopped before the dump was loaded'));
    });
  try {
    await exec.run(options.pgRestoreArgv ?? PG_RESTORE_ARGV, { input: options.dump, output: forward, cwd: '/', timeoutMs: LOAD_TIMEOUT_MS, hint: options.hint });
    restoring = false;
    options.verifyDump();
  } catch (error) {
    restoring = false;
    sql.end();
    throw (await load) ?? error;
  }
  sql.end(LOAD_EPILOGUE);
  const failure = await load;
  if (failure) throw failure;
}
