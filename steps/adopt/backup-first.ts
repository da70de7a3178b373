import { existsSync } from 'node:fs';
import type { Action, RunContext, Step } from '../../src/engine/types.js';
import { backUpServer, DEFAULT_BACKUP_DIR, pgDumpArgv } from '../backup/backup-archive.js';
import { synapseLayout } from '../synapse/sources.js';
import { sqliteCopyShown } from '../synapse/sqlite-copy.js';
import { readAdoptRecord, writeAdoptRecord } from './adopt-record.js';
import { configuredPath, databaseEngine, readEffectiveConfig, sqliteDatabasePath } from './synapse-settings.js';
import { adoptStepText as t } from '../../src/i18n/messages/steps-adopt.js';

/**
 * The backup adopting takes before it changes anything, as `matrix-setup backup --no-media`
 * writes it (adopting never touches the media store): for a Synapse still on SQLite the
 * archive holds a consistent copy of the SQLite file (SQLite's backup API, Synapse running),
 * otherwise a pg_dump. Its path is recorded, so a resumed or repeated adopt takes no second one.
 */
export function adoptBackupStep(stateDir: string, directory = DEFAULT_BACKUP_DIR): Step {
  return {
    id: 'adopt-backup',
    title: t.backupTitle,
    needs: ['adopt-secrets'],
    plan({ answers }): Action[] {
      return [
        {
          kind: 'task',
          description: t.backupTask({ dir: directory }),
          shows: [
            {
              argv: sqliteCopyShown('python3', '<database.args.database of the current config>', `${directory}/.<archive>.dump`, 'backup'),
              when: t.whenSqlite,
            },
            { argv: pgDumpArgv(answers), when: t.whenPostgres },
          ],
          check: async () => recordedArchive(stateDir) !== undefined,
          run: (ctx) => backUp(ctx, stateDir, directory),
        },
      ];
    },
  };
}

/** The archive an earlier run of adopt wrote, while it is still there. */
export function recordedArchive(stateDir: string): string | undefined {
  const archive = readAdoptRecord(stateDir).backup?.archive;
  return archive && existsSync(archive) ? archive : undefined;
}

async function backUp(ctx: RunContext, stateDir: string, directory: string): Promise<void> {
  const layout = synapseLayout(ctx.answers, ctx.target);
  const config = readEffectiveConfig(layout);
  const onSqlite = databaseEngine(config) === 'sqlite3';
  const merged = config.merged;
  const result = await backUpServer(ctx, {
    directory,
    includeMedia: false,
    stateDir,
    ...(onSqlite
      ? {
          sqlite: {
            database: sqliteDatabasePath(merged),
            signingKey: configuredPath(merged, 'signing_key_path', layout.signingKey),
            mediaStore: configuredPath(merged, 'media_store_path', layout.mediaStore),
          },
        }
      : {}),
  });
  writeAdoptRecord(stateDir, { ...readAdoptRecord(stateDir), backup: { archive: result.archive, createdAt: result.manifest.created_at, database: onSqlite ? 'sqlite' : 'postgresql' } });
  ctx.note(t.backupWritten({ archive: result.archive }));
}
