import { existsSync, readFileSync } from 'node:fs';
import type { Answers } from '../../src/answers/types.js';
import type { Action, RunContext, Step } from '../../src/engine/types.js';
import { HostRefusedError } from '../../src/errors.js';
import { psqlArgv } from '../postgres/psql.js';
import { otherServerProblem, serverNameIn, SERVER_NAME_FILES } from '../synapse/existing-install.js';
import { DATABASE_COMMENT_SQL, databaseVerdict, readExistingDatabase } from './existing-database.js';
import type { RestoreSource } from './restore-source.js';
import { backupText as t } from '../../src/i18n/messages/backup.js';

/**
 * Read-only, before anything is installed: this machine must not hold another server's
 * Synapse config, and the database the backup goes into must be missing, empty, or already
 * restored from this very backup (or --replace-database given). The restore command runs the
 * same check before it starts; here it guards a resumed run.
 */
export function restoreCheckStep(source: RestoreSource): Step {
  return {
    id: 'restore-check',
    title: t.checkTitle,
    needs: ['preflight'],
    plan({ answers }): Action[] {
      return [
        {
          kind: 'task',
          description: (source.replaceDatabase ? t.checkTaskReplace : t.checkTask)({
            files: SERVER_NAME_FILES.join(', '),
            server: answers.server_name,
            name: answers.database.name,
            backup: source.archive.manifest.backup_id,
          }),
          shows: [{ argv: psqlArgv(answers), stdin: DATABASE_COMMENT_SQL, when: t.whenPostgresRuns }],
          check: async (ctx) => {
            await checkRestoreTarget(ctx, source);
            return true;
          },
          run: async (ctx) => checkRestoreTarget(ctx, source),
        },
      ];
    },
  };
}

/** Throws a HostRefusedError when the backup must not be restored on this machine. Changes nothing. */
export async function checkRestoreTarget(ctx: RunContext, source: RestoreSource): Promise<void> {
  const { answers } = ctx;
  checkConfigFiles(answers);
  if (answers.database.mode === 'external' && !answers.database.admin_user) {
    throw new HostRefusedError(t.externalNeedsAdmin, t.externalNeedsAdminHint);
  }
  const existing = await readExistingDatabase(ctx);
  const verdict = databaseVerdict(existing, source.archive.manifest, answers.database.name, source.replaceDatabase);
  if (verdict === 'already-restored') ctx.note(t.alreadyRestored({ name: answers.database.name }));
  if (verdict === 'replace') ctx.warn(t.willReplace({ name: answers.database.name }));
}

function checkConfigFiles(answers: Answers): void {
  for (const path of SERVER_NAME_FILES) {
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    const problem = otherServerProblem(text, answers.server_name);
    if (problem) {
      throw new HostRefusedError(t.configProblem({ path, problem }), t.runsOtherSynapse({ other: serverNameIn(text) ?? '', server: answers.server_name }));
    }
  }
}
