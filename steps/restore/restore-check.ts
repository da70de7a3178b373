import { existsSync, readFileSync } from 'node:fs';
import type { Answers } from '../../src/answers/types.js';
import type { Action, RunContext, Step } from '../../src/engine/types.js';
import { HostRefusedError } from '../../src/errors.js';
import { psqlArgv } from '../postgres/psql.js';
import { otherServerProblem, serverNameIn, SERVER_NAME_FILES } from '../synapse/existing-install.js';
import { DATABASE_COMMENT_SQL, databaseVerdict, readExistingDatabase } from './existing-database.js';
import type { RestoreSource } from './restore-source.js';

/**
 * Read-only, before anything is installed: this machine must not hold another server's
 * Synapse config, and the database the backup goes into must be missing, empty, or already
 * restored from this very backup (or --replace-database given). The restore command runs the
 * same check before it starts; here it guards a resumed run.
 */
export function restoreCheckStep(source: RestoreSource): Step {
  return {
    id: 'restore-check',
    title: 'Check that the backup may be restored here',
    needs: ['preflight'],
    plan({ answers }): Action[] {
      return [
        {
          kind: 'task',
          description:
            `Check that no Synapse config here (${SERVER_NAME_FILES.join(', ')}) names a server other than ${answers.server_name}, ` +
            `and that the database ${answers.database.name} is missing, empty or restored from backup ${source.archive.manifest.backup_id}` +
            (source.replaceDatabase ? ' (one holding other data of this server is moved aside: --replace-database)' : ''),
          shows: [{ argv: psqlArgv(answers), stdin: DATABASE_COMMENT_SQL, when: 'read-only, when PostgreSQL runs here already' }],
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
    throw new HostRefusedError(
      'Restoring into an external database needs database.admin_user (and its password): the database is created fresh for the backup.',
      'Give the admin credentials in an answers file (--answers FILE), or restore into a local database. Nothing was changed.',
    );
  }
  const existing = await readExistingDatabase(ctx);
  const verdict = databaseVerdict(existing, source.archive.manifest, answers.database.name, source.replaceDatabase);
  if (verdict === 'already-restored') ctx.note(`The database ${answers.database.name} was restored from this backup already.`);
  if (verdict === 'replace') ctx.warn(`The database ${answers.database.name} holds other data: it will be kept under another name, and the backup loaded into a fresh one.`);
}

function checkConfigFiles(answers: Answers): void {
  for (const path of SERVER_NAME_FILES) {
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    const problem = otherServerProblem(text, answers.server_name);
    if (problem) {
      throw new HostRefusedError(`${path}: ${problem}.`, `This machine runs the Synapse of ${serverNameIn(text)}; restore ${answers.server_name} on another one. Nothing was changed.`);
    }
  }
}
