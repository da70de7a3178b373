import { restoredDatabaseMarker } from '../../src/backup/manifest.js';
import { openVerifiedArchive } from '../../src/backup/open-archive.js';
import type { Action, RunContext, Step } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import { backUpServer } from '../backup/backup-archive.js';
import { readExistingDatabase } from '../restore/existing-database.js';
import { loadBackupDatabase } from '../restore/restore-database.js';
import type { UpgradeRecordStore } from './record.js';

/**
 * The seam between the upgrade and the backup/restore commands: the backup taken before an
 * upgrade, and the database restore a rollback needs when the schema moved past what the old
 * Synapse accepts. Everything else in the upgrade and the rollback is independent of it.
 * The pre-upgrade backup leaves the media out: an upgrade does not touch them, and a rollback
 * only ever restores the database.
 */
/** Where pre-upgrade backups go unless the backup command says otherwise. */
export const DEFAULT_SAFETY_BACKUP_DIR = '/var/backups/matrix-setup';

/** Writes the backup and records its archive; a resumed upgrade does not take a second one. */
export function safetyBackupStep(store: UpgradeRecordStore): Step {
  const { backup } = store.record;
  return {
    id: 'upgrade-backup',
    title: 'Back up the server before the upgrade',
    needs: ['upgrade-check'],
    skip: () => (backup.take ? undefined : '--no-backup: no backup is taken (a rollback cannot bring back the database)'),
    plan(): Action[] {
      return [
        {
          kind: 'task',
          description: `Write a backup of the database, configuration, signing key and secrets (not the media) to ${backup.directory ?? DEFAULT_SAFETY_BACKUP_DIR}/, as \`matrix-setup backup --no-media\` does; the upgrade stops if it fails`,
          shows: [{ argv: ['matrix-setup', 'backup', '--no-media', '--to', backup.directory ?? DEFAULT_SAFETY_BACKUP_DIR] }],
          check: async () => store.record.backup.archive !== undefined,
          run: async (ctx: RunContext) => {
            const result = await backUpServer(ctx, { directory: backup.directory ?? DEFAULT_SAFETY_BACKUP_DIR, includeMedia: false, stateDir: store.stateDir });
            store.update((record) => {
              record.backup.archive = result.archive;
            });
            ctx.note(`The server's state before the upgrade is in ${result.archive}.`);
          },
        },
      ];
    },
  };
}

/** Loads the pre-upgrade backup's database in place of the current one (Synapse stopped). */
export function restoreDatabaseStep(store: UpgradeRecordStore): Step {
  return {
    id: 'rollback-restore-database',
    title: 'Restore the database from the pre-upgrade backup',
    needs: ['rollback-stop-synapse'],
    skip: () => (store.record.rollback?.restoreDatabase ? undefined : 'the database schema is still one the previous Synapse accepts'),
    plan({ answers }): Action[] {
      return [
        {
          kind: 'task',
          description: `Move the database ${answers.database.name} aside and load the one in ${store.record.backup.archive ?? '(no backup)'} in its place`,
          shows: [{ argv: ['matrix-setup', 'restore', store.record.backup.archive ?? '<backup>', '--replace-database', '--yes'], when: 'its database step: the current database is renamed aside, never dropped' }],
          check: async (ctx: RunContext) => {
            const archive = store.record.backup.archive;
            if (!archive) return false;
            const marker = restoredDatabaseMarker((await openVerifiedArchive(archive)).manifest);
            return (await readExistingDatabase(ctx))?.comment === marker;
          },
          run: async (ctx: RunContext) => {
            const path = store.record.backup.archive;
            if (!path) throw unavailable('restore the database', 'The upgrade took no backup (--no-backup): restore the database from your own backup, then run the rollback again.');
            const archive = await openVerifiedArchive(path);
            await loadBackupDatabase(ctx, { archive, stateDir: store.stateDir, replaceDatabase: true, stamp: store.record.id });
          },
        },
      ];
    },
  };
}

function unavailable(what: string, hint: string): StepError {
  return new StepError(`matrix-setup cannot ${what}: there is no pre-upgrade backup.`, { hint });
}
