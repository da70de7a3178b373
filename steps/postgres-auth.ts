import { StepError } from '../src/errors.js';
import type { Action, RunContext, Step } from '../src/engine/types.js';
import { writeFileAtomic } from '../src/fs/atomic.js';
import { saveBackup } from '../src/fs/backup.js';
import { readFileNoFollow, type Ownership } from '../src/fs/no-follow.js';
import { fixLoopbackAuth, type HbaFix } from './postgres/pg-hba.js';
import { expectedHbaPath } from './postgres/paths.js';
import { psqlArgv, runPsql } from './postgres/psql.js';

const HBA_FILE_SQL = 'SHOW hba_file;\n';
const RELOAD_SQL = 'SELECT pg_catalog.pg_reload_conf();\n';
const HBA_ERRORS_SQL = "SELECT line_number || ': ' || error FROM pg_catalog.pg_hba_file_rules WHERE error IS NOT NULL;\n";

/**
 * Password (scram-sha-256) logins for the Synapse role over 127.0.0.1 and ::1. Debian and
 * Ubuntu already do this; RHEL's initdb uses ident, which is rewritten (after a backup).
 * The file is the one the running server reports, so the version and path never have to be guessed.
 */
export const postgresAuthStep: Step = {
  id: 'postgres-auth',
  title: 'PostgreSQL password logins',
  needs: ['postgres-server'],
  skip({ answers }) {
    return answers.database.mode === 'external' ? 'the database is external: its server decides how logins work' : undefined;
  },
  plan({ answers, target }): Action[] {
    const path = expectedHbaPath(target);
    const argv = psqlArgv(answers);
    return [
      {
        kind: 'task',
        description: `Use scram-sha-256 for ${answers.database.user} on 127.0.0.1 and ::1 in ${path}`,
        shows: [
          { argv, stdin: HBA_FILE_SQL, when: 'read-only: where the running server reads pg_hba.conf from' },
          { argv, stdin: RELOAD_SQL, when: 'after rewriting ident lines to scram-sha-256 (the file is backed up first)' },
          { argv, stdin: HBA_ERRORS_SQL, when: 'after the reload: a file the server rejects is put back' },
        ],
        async check(ctx) {
          const { fix } = await inspect(ctx);
          return fix.changes.length === 0;
        },
        async run(ctx) {
          const file = await inspect(ctx);
          if (file.fix.changes.length === 0) return;
          await rewrite(ctx, file);
        },
      },
    ];
  },
};

interface HbaFile extends Ownership {
  path: string;
  current: string;
  fix: HbaFix;
}

/**
 * The file is read without following a link, as it lives in directories the postgres account
 * owns: a link or hard link planted there must not make root read and rewrite another file.
 * The rewrite keeps the file's owner and mode.
 */
async function inspect(ctx: RunContext): Promise<HbaFile> {
  const path = await runPsql(ctx, HBA_FILE_SQL, { probe: true });
  let file;
  try {
    file = readFileNoFollow(path);
  } catch (error) {
    if (error instanceof StepError) throw error;
    throw new StepError(`Cannot read ${path}, the pg_hba.conf the server uses: ${(error as Error).message}`, { cause: error });
  }
  if (!file) throw new StepError(`${path}, the pg_hba.conf the server reports, does not exist.`, { hint: 'Check the cluster (`SHOW hba_file;`) and resume.' });
  const current = file.content.toString('utf8');
  const { name, user } = ctx.answers.database;
  const fix = fixLoopbackAuth(current, name, user);
  if (fix.blocker) {
    throw new StepError(`${path}: ${fix.blocker}`, {
      hint: `Change that line's method to scram-sha-256 (or put a line "host ${name} ${user} 127.0.0.1/32 scram-sha-256" before it), reload PostgreSQL, and resume.`,
    });
  }
  for (const warning of fix.warnings) ctx.warn(`${path}: ${warning}`);
  return { path, current, fix, uid: file.uid, gid: file.gid, mode: file.mode };
}

/** The backup goes under the state directory (root's), like every other: never beside the file, in postgres's directory. */
async function rewrite(ctx: RunContext, file: HbaFile): Promise<void> {
  const { path, current, fix } = file;
  const ownership = { mode: file.mode, uid: file.uid, gid: file.gid };
  const backup = saveBackup(ctx.backupPath(path), current);
  writeFileAtomic(path, fix.content, ownership);
  await runPsql(ctx, RELOAD_SQL);
  const errors = await runPsql(ctx, HBA_ERRORS_SQL, { probe: true });
  if (errors) {
    writeFileAtomic(path, current, ownership);
    await runPsql(ctx, RELOAD_SQL);
    throw new StepError(`PostgreSQL rejected the rewritten ${path} (line ${errors.split('\n')[0]}); the previous file is back in place.`, {
      hint: `Compare ${path} with ${backup} and fix the line by hand, then resume.`,
    });
  }
  ctx.note(`${path}: ${fix.changes.join('; ')} (previous file kept as ${backup}); PostgreSQL reloaded.`);
}
