import type { Answers } from '../../src/answers/types.js';
import type { Action, RunContext, Step } from '../../src/engine/types.js';
import type { Executor } from '../../src/exec/executor.js';
import { pgDumpVersion, readDatabaseFacts, synapseVersion } from '../../src/backup/server-facts.js';
import { lstatOptional } from '../../src/fs/no-follow.js';
import { parseSqliteCopyOutput, sqliteCopyArgv } from '../synapse/sqlite-copy.js';
import { readDatabaseFactsAsAdmin } from './database-facts.js';
import {
  EXCLUDED_TABLE_DATA,
  MEDIA_DIRECTORIES,
  writeBackupArchive,
  type BackupProgress,
  type BackupResult,
  type PostgresqlDump,
  type SqliteCopy,
} from '../../src/backup/write-backup.js';
import { secretToken } from '../../src/secrets/tokens.js';
import { synapseConnection } from '../postgres-verify.js';
import { synapseLayout } from '../synapse/sources.js';
import { backupSources } from './backup-sources.js';
import { backupText as t } from '../../src/i18n/messages/backup.js';
import { joinLocalized } from '../../src/i18n/localized.js';

export const DEFAULT_BACKUP_DIR = '/var/backups/matrix-setup';

export interface BackupOptions {
  /** Where the archive goes (default /var/backups/matrix-setup). */
  directory: string;
  includeMedia: boolean;
  /** matrix-setup's state directory: its answers and generated secrets are backed up. */
  stateDir: string;
  onProgress?(progress: BackupProgress): void;
  /** Receives the archive once it is written. */
  onResult(result: BackupResult): void;
}

/**
 * pg_dump -Fc without the rows Synapse must never get back: for a local server as the postgres
 * user over the Unix socket (no password, no TLS on the way), for an external one as the
 * Synapse role, connecting as Synapse does.
 */
export function pgDumpArgv(answers: Answers): string[] {
  const { mode, host, port, user, name } = answers.database;
  const options = ['-Fc', ...EXCLUDED_TABLE_DATA.map((table) => `--exclude-table-data=${table}`)];
  if (mode === 'local') return ['runuser', '-u', 'postgres', '--', 'pg_dump', '-p', String(port), '-d', name, ...options];
  return ['pg_dump', '-h', host, '-p', String(port), '-U', user, '-d', name, '-w', ...options];
}

function pgDumpEnvironment(answers: Answers, password: () => string): Record<string, string> | undefined {
  if (answers.database.mode === 'local') return undefined;
  return { PGPASSWORD: password(), PGSSLMODE: answers.database.sslmode, PGCONNECT_TIMEOUT: '15' };
}

/**
 * One archive of everything this server needs to come back on another machine. Always writes
 * a new archive (there is nothing to "already have"); the database is dumped while Synapse runs.
 */
export function backupArchiveStep(options: BackupOptions): Step {
  return {
    id: 'backup-archive',
    title: t.archiveTitle,
    needs: [],
    plan({ answers, target }): Action[] {
      const layout = synapseLayout(answers, target);
      const parts = [
        t.partDatabase({ name: answers.database.name, tables: EXCLUDED_TABLE_DATA.join(', ') }),
        t.partSigningKey({ path: layout.signingKey }),
        `${layout.configDir}/`,
        t.partAnswers,
        t.partWrittenFiles,
        t.partCertificate,
        options.includeMedia ? t.partMedia({ dirs: MEDIA_DIRECTORIES.map((d) => `${layout.mediaStore}/${d}`).join(', ') }) : t.partNoMedia,
      ];
      return [
        {
          kind: 'task',
          description: t.archiveTask({ server: answers.server_name, dir: options.directory, parts: joinLocalized(parts, '; ') }),
          shows: [
            {
              argv: pgDumpArgv(answers),
              when: answers.database.mode === 'local' ? t.whenStreamed : t.whenStreamedPassword({ token: secretToken('database_password') }),
            },
          ],
          check: async () => false,
          run: (ctx) => writeBackup(ctx, options),
        },
      ];
    },
  };
}

async function writeBackup(ctx: RunContext, options: BackupOptions): Promise<void> {
  const result = await backUpServer(ctx, options);
  ctx.note(t.wrote({ archive: result.archive }));
  options.onResult(result);
}

/** A Synapse still on SQLite (one set up by hand, before adopt moves it to PostgreSQL), as its config says. */
export interface ServerOnSqlite {
  /** The SQLite file. */
  database: string;
  /** Its config's signing_key_path and media_store_path (a server set up by hand may keep them elsewhere). */
  signingKey: string;
  mediaStore: string;
}

/**
 * Writes one backup archive of the server these answers describe, from inside any step (an
 * upgrade and adopt take one first). Returns the archive, its size and manifest.
 */
export async function backUpServer(
  ctx: RunContext,
  options: Pick<BackupOptions, 'directory' | 'includeMedia' | 'stateDir' | 'onProgress'> & { sqlite?: ServerOnSqlite },
): Promise<BackupResult> {
  const { answers, target } = ctx;
  const layout = synapseLayout(answers, target);
  const sources = backupSources(answers, target, options.stateDir);
  const { sqlite } = options;
  let database: PostgresqlDump | SqliteCopy;
  let schemaVersion: number | null = null;
  if (sqlite) {
    database = sqliteCopy(ctx.exec, sqlite.database);
    Object.assign(sources, { signingKey: sqlite.signingKey, mediaStore: sqlite.mediaStore });
  } else {
    const connection = synapseConnection(ctx);
    const facts = answers.database.mode === 'local' ? await readDatabaseFactsAsAdmin(ctx, EXCLUDED_TABLE_DATA) : await readDatabaseFacts(connection, EXCLUDED_TABLE_DATA);
    schemaVersion = facts.schemaVersion;
    database = {
      kind: 'postgresql',
      argv: pgDumpArgv(answers),
      env: pgDumpEnvironment(answers, () => connection.password),
      postgresqlVersion: facts.postgresqlVersion,
      pgDumpVersion: await pgDumpVersion(ctx.exec),
      tableBytes: facts.tableBytes,
    };
  }
  return writeBackupArchive(ctx.exec, {
    directory: options.directory,
    includeMedia: options.includeMedia,
    sources,
    facts: {
      serverName: answers.server_name,
      synapseHost: answers.synapse_host,
      installMethod: layout.source,
      target: target.id,
      databaseName: answers.database.name,
      synapseVersion: await synapseVersion(ctx.exec, { packageName: layout.packageName, python: layout.python, family: target.family }),
      schemaVersion,
    },
    database,
    onProgress: options.onProgress,
    note: ctx.note,
    warn: ctx.warn,
  });
}

/**
 * The SQLite file copied with SQLite's backup API by root's own python3 (not a program in a
 * directory the service user could change): consistent while Synapse writes, the file only read.
 */
export function sqliteCopy(exec: Executor, path: string): SqliteCopy {
  const size = (file: string) => lstatOptional(file)?.size ?? 0;
  return {
    kind: 'sqlite',
    path,
    bytes: size(path) + size(`${path}-wal`),
    async copy(destination) {
      const result = await exec.run(sqliteCopyArgv('python3', path, destination, 'backup'), {
        cwd: '/',
        timeoutMs: 12 * 3600_000,
        hint: t.sqliteCopyHint({ path }),
      });
      return parseSqliteCopyOutput(result.stdout);
    },
  };
}
