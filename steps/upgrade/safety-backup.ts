import type { Action, RunContext, Step } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import type { UpgradeRecordStore } from './record.js';

/**
 * The seam between the upgrade and the backup/restore commands: the backup taken before an
 * upgrade, and the database restore a rollback needs when the schema moved past what the old
 * Synapse accepts. Everything else in the upgrade and the rollback is independent of it.
 *
 * Until the backup command exists in this build, SAFETY_BACKUP_AVAILABLE is false: `upgrade`
 * then needs --no-backup (the user takes their own first), and a rollback that needs the
 * database restored says so and stops before changing anything.
 */
export const SAFETY_BACKUP_AVAILABLE = false;

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
          description: `Write a backup of the database, configuration, signing key and media to ${backup.directory ?? DEFAULT_SAFETY_BACKUP_DIR}/ with \`matrix-setup backup\`; the upgrade stops if it fails`,
          shows: [{ argv: ['matrix-setup', 'backup', '--to', backup.directory ?? DEFAULT_SAFETY_BACKUP_DIR] }],
          check: async () => store.record.backup.archive !== undefined,
          run: async () => {
            throw unavailable('back up the server before the upgrade', 'Take your own backup, then run the upgrade with --no-backup.');
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
          shows: [{ argv: ['matrix-setup', 'restore', store.record.backup.archive ?? '<backup>', '--replace-database', '--yes'] }],
          check: async () => false,
          run: async (ctx: RunContext) => {
            void ctx;
            throw unavailable('restore the database from the pre-upgrade backup', 'Restore the database from your own backup, then run the rollback again.');
          },
        },
      ];
    },
  };
}

function unavailable(what: string, hint: string): StepError {
  return new StepError(`This build of matrix-setup cannot ${what}: the backup command is not part of it yet.`, { hint });
}
