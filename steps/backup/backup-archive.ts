import type { Answers } from '../../src/answers/types.js';
import type { Action, RunContext, Step } from '../../src/engine/types.js';
import { pgDumpVersion, readDatabaseFacts, synapseVersion } from '../../src/backup/server-facts.js';
import { EXCLUDED_TABLE_DATA, MEDIA_DIRECTORIES, writeBackupArchive, type BackupProgress, type BackupResult } from '../../src/backup/write-backup.js';
import { secretToken } from '../../src/secrets/tokens.js';
import { synapseConnection } from '../postgres-verify.js';
import { synapseLayout } from '../synapse/sources.js';
import { backupSources } from './backup-sources.js';

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
    title: 'Write the backup archive',
    needs: [],
    plan({ answers, target }): Action[] {
      const layout = synapseLayout(answers, target);
      const parts = [
        `the database ${answers.database.name} (pg_dump -Fc while Synapse runs, without the rows of ${EXCLUDED_TABLE_DATA.join(', ')})`,
        `the signing key ${layout.signingKey}`,
        `${layout.configDir}/`,
        "matrix-setup's answers and generated secrets",
        'the nginx, coturn and systemd files matrix-setup wrote',
        'the certificate',
        options.includeMedia ? `the media (${MEDIA_DIRECTORIES.map((d) => `${layout.mediaStore}/${d}`).join(', ')})` : 'no media (--no-media)',
      ];
      return [
        {
          kind: 'task',
          description: `Write a backup of ${answers.server_name} to ${options.directory}/ (mode 0600): ${parts.join('; ')}`,
          shows: [
            {
              argv: pgDumpArgv(answers),
              when: `its output streamed into the archive${answers.database.mode === 'local' ? '' : `; PGPASSWORD=${secretToken('database_password')} in its environment`}`,
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
  ctx.note(`Wrote ${result.archive}.`);
  options.onResult(result);
}

/**
 * Writes one backup archive of the server these answers describe, from inside any step (an
 * upgrade takes one first). Returns the archive, its size and manifest.
 */
export async function backUpServer(ctx: RunContext, options: Pick<BackupOptions, 'directory' | 'includeMedia' | 'stateDir' | 'onProgress'>): Promise<BackupResult> {
  const { answers, target } = ctx;
  const layout = synapseLayout(answers, target);
  const connection = synapseConnection(ctx);
  const database = await readDatabaseFacts(connection, EXCLUDED_TABLE_DATA);
  return writeBackupArchive(ctx.exec, {
    directory: options.directory,
    includeMedia: options.includeMedia,
    sources: backupSources(answers, target, options.stateDir),
    facts: {
      serverName: answers.server_name,
      synapseHost: answers.synapse_host,
      installMethod: layout.source,
      target: target.id,
      databaseName: answers.database.name,
      synapseVersion: await synapseVersion(ctx.exec, { packageName: layout.packageName, python: layout.python, family: target.family }),
      postgresqlVersion: database.postgresqlVersion,
      schemaVersion: database.schemaVersion,
      pgDumpVersion: await pgDumpVersion(ctx.exec),
      tableBytes: database.tableBytes,
    },
    dump: { argv: pgDumpArgv(answers), env: pgDumpEnvironment(answers, () => connection.password) },
    onProgress: options.onProgress,
    note: ctx.note,
    warn: ctx.warn,
  });
}
