import { memberDataStream } from '../../src/backup/archive-members.js';
import { MEMBERS, restoredDatabaseMarker } from '../../src/backup/manifest.js';
import { requirePostgresqlArchive } from '../../src/backup/open-archive.js';
import type { Action, RunContext, Step } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import { ANY_EXIT_CODE } from '../../src/exec/executor.js';
import { changeSql, CLUSTER_STATE_SQL, parseClusterState } from '../postgres/cluster-state.js';
import { psqlArgv, psqlCall, psqlHint, runPsql } from '../postgres/psql.js';
import { SYNAPSE_UNIT } from '../synapse/sources.js';
import { databaseVerdict, readExistingDatabase, DATABASE_COMMENT_SQL } from './existing-database.js';
import { loadDump, LOAD_EPILOGUE, LOAD_PROLOGUE, PG_RESTORE_ARGV } from './load-dump.js';
import type { RestoreSource } from './restore-source.js';
import { backupText as t } from '../../src/i18n/messages/backup.js';

/**
 * The backup's database, loaded into the empty database postgres-database created (UTF8, C,
 * template0) before Synapse is configured to use it. Done when the database carries this
 * backup's marker; a database holding anything else is never loaded over (with
 * --replace-database it is renamed aside first, never dropped).
 */
export function restoreDatabaseStep(source: RestoreSource): Step {
  const marker = restoredDatabaseMarker(source.archive.manifest);
  return {
    id: 'restore-database',
    title: t.databaseTitle,
    needs: ['postgres-verify'],
    plan({ answers }): Action[] {
      const { name } = answers.database;
      const aside = asideName(name, source.stamp);
      return [
        {
          kind: 'task',
          description: t.databaseTask({ member: MEMBERS.database, name, marker }),
          shows: [
            { argv: psqlArgv(answers), stdin: DATABASE_COMMENT_SQL, when: t.whenEmptyOrRestored },
            ...(source.replaceDatabase
              ? [
                  { argv: ['systemctl', 'stop', SYNAPSE_UNIT], when: t.whenReplace },
                  { argv: psqlArgv(answers), stdin: `ALTER DATABASE :"db_name" RENAME TO "${aside}";\n`, when: t.whenThenKept },
                  { argv: psqlArgv(answers), stdin: changeSql(['create-database'], { serverVersion: 160000, superuser: true }), when: t.whenThen },
                ]
              : []),
            { argv: PG_RESTORE_ARGV, when: t.whenPgRestore({ member: MEMBERS.database }) },
            { argv: [...psqlArgv(answers, name), '-v', `restore_marker=${marker}`], stdin: `${LOAD_PROLOGUE}${t.sqlFromPgRestore.en}\n${LOAD_EPILOGUE}` },
          ],
          check: async (ctx) => (await readExistingDatabase(ctx))?.comment === marker,
          run: (ctx) => loadBackupDatabase(ctx, source),
        },
      ];
    },
  };
}

/**
 * Loads the backup's database into the database the answers name (created when missing); one
 * that holds other data is refused, or with source.replaceDatabase moved aside first. Done
 * already when the database carries this backup's marker. Also what an upgrade's rollback runs.
 */
export async function loadBackupDatabase(ctx: RunContext, source: RestoreSource): Promise<void> {
  requirePostgresqlArchive(source.archive);
  const marker = restoredDatabaseMarker(source.archive.manifest);
  const { answers } = ctx;
  const { name } = answers.database;
  const existing = await readExistingDatabase(ctx);
  if (!existing) {
    throw new StepError(t.postgresSilent, { hint: psqlHint(answers) });
  }
  const verdict = databaseVerdict(existing, source.archive.manifest, name, source.replaceDatabase);
  if (verdict === 'already-restored') return;
  if (verdict === 'replace') await moveAside(ctx, asideName(name, source.stamp));
  if (verdict === 'replace' || !existing.exists) await createDatabase(ctx);

  const { stream, verify } = memberDataStream(source.archive, MEMBERS.database);
  const psql = psqlCall(ctx, name);
  await loadDump(ctx.exec, {
    dump: stream,
    verifyDump: verify,
    psql: { argv: [...psql.argv, '-v', `restore_marker=${marker}`], env: psql.env },
    hint: t.loadHint,
  });
  ctx.note(t.loaded({ created: source.archive.manifest.created_at, name }));
}

async function moveAside(ctx: RunContext, aside: string): Promise<void> {
  await ctx.exec.run(['systemctl', 'stop', SYNAPSE_UNIT], { okExitCodes: ANY_EXIT_CODE });
  await runPsql(ctx, `ALTER DATABASE :"db_name" RENAME TO "${aside}";\n`);
  ctx.warn(t.keptAside({ aside }));
}

async function createDatabase(ctx: RunContext): Promise<void> {
  const state = parseClusterState(await runPsql(ctx, CLUSTER_STATE_SQL, { probe: true }));
  await runPsql(ctx, changeSql(['create-database'], { serverVersion: state.version, superuser: state.superuser }));
  ctx.note(t.createdDatabase({ name: ctx.answers.database.name }));
}

/** synapse_before_restore_20260101T120000 (a plain identifier: the name and stamp are checked names and digits). */
export function asideName(name: string, stamp: string): string {
  return `${name}_before_restore_${stamp}`.slice(0, 63);
}

