import type { Answers } from '../src/answers/types.js';
import { StepError, CommandFailedError } from '../src/errors.js';
import type { Action, RunContext, Step } from '../src/engine/types.js';
import { connectDatabase } from '../src/database/connection.js';
import { passwordMatchesStored, scramVerifier } from '../src/database/scram.js';
import { contentsProblem, SYNAPSE_SCHEMA_SQL, SYNAPSE_USER_SQL, type DatabaseContents } from '../src/database/server-name.js';
import { assertPgNames } from '../src/database/names.js';
import { secretToken } from '../src/secrets/tokens.js';
import {
  changeSql,
  CLUSTER_STATE_SQL,
  existingDatabaseProblem,
  parseClusterState,
  passwordLine,
  ROLE_PASSWORD_SQL,
  type ClusterState,
  type DatabaseChange,
} from './postgres/cluster-state.js';
import { psqlArgv, runPsql } from './postgres/psql.js';

const ALL_CHANGES: DatabaseChange[] = ['create-role', 'allow-login', 'set-password', 'create-database'];

/**
 * The Synapse role (with its password) and its database: UTF8, LC_COLLATE/LC_CTYPE 'C',
 * from template0, owned by the role. An existing database with another locale or owner,
 * or one that holds another server's (or another application's) tables, stops the run;
 * nothing is ever dropped. Local: psql as the postgres user; external: psql as the admin role.
 */
export const postgresDatabaseStep: Step = {
  id: 'postgres-database',
  title: 'PostgreSQL role and database',
  needs: ['base-packages', 'postgres-auth'],
  skip({ answers }) {
    if (answers.database.mode === 'external' && !answers.database.admin_user) {
      return 'the database must already exist (no admin credentials in the answers to create it); postgres-verify checks it';
    }
    return undefined;
  },
  plan({ answers, target }): Action[] {
    const { name, user, mode, admin_user } = answers.database;
    assertPgNames({ name, user, admin_user });
    const actions: Action[] = [];
    if (mode === 'external') {
      // psql for the admin connection; a local server brings its own.
      actions.push({ kind: 'packages', manager: target.family === 'debian' ? 'apt' : 'dnf', names: [target.family === 'debian' ? 'postgresql-client' : 'postgresql'] });
    }
    const argv = psqlArgv(answers);
    actions.push({
      kind: 'task',
      description: `Role ${user} and database ${name} (UTF8, C, C, owned by ${user})`,
      shows: [
        { argv, stdin: CLUSTER_STATE_SQL, when: 'read-only: the role, the database and its locale and owner' },
        { argv, stdin: ROLE_PASSWORD_SQL, when: 'read-only, when the role exists: whether its password is the one to use' },
        { argv: psqlArgv(answers, name), stdin: `${SYNAPSE_SCHEMA_SQL};\n${SYNAPSE_USER_SQL};\n`, when: 'read-only, when the database exists: whose data it holds' },
        {
          argv,
          stdin: `\\set password '<SCRAM-SHA-256 verifier of ${secretToken('database_password')}>'\n` + changeSql(ALL_CHANGES, { serverVersion: target.postgresVersion * 10000, superuser: mode === 'local' }),
          when: 'the statements needed: the role is missing, cannot log in or has another password; the database is missing',
        },
      ],
      async check(ctx) {
        return (await assess(ctx)).changes.length === 0;
      },
      async run(ctx) {
        const { changes, state } = await assess(ctx);
        if (changes.length === 0) return;
        const verifier = scramVerifier(ctx.secrets.get('database_password'));
        await runPsql(ctx, passwordLine(verifier) + changeSql(changes, { serverVersion: state.version, superuser: state.superuser }));
        ctx.note(describe(changes, ctx.answers));
      },
    });
    return actions;
  },
};

async function assess(ctx: RunContext): Promise<{ changes: DatabaseChange[]; state: ClusterState }> {
  const { answers } = ctx;
  const state = parseClusterState(await runPsql(ctx, CLUSTER_STATE_SQL, { probe: true }));
  if (state.database) {
    const problem = existingDatabaseProblem(state.database, answers);
    if (problem) throw new StepError(problem.message, { hint: problem.hint });
    const contents = await readContents(ctx);
    const refusal = contents && contentsProblem(contents, answers.server_name, answers.database.name);
    if (refusal) throw new StepError(refusal.message, { hint: refusal.hint });
  }
  const changes: DatabaseChange[] = [];
  if (!state.role) {
    changes.push('create-role');
  } else {
    if (!state.role.login) changes.push('allow-login');
    if (!(await passwordIsCurrent(ctx, state))) changes.push('set-password');
  }
  if (!state.database) changes.push('create-database');
  return { changes, state };
}

/** Whose data the existing database holds; undefined when the admin role may not read it (postgres-verify looks again as the Synapse role). */
async function readContents(ctx: RunContext): Promise<DatabaseContents | undefined> {
  const database = ctx.answers.database.name;
  try {
    const [synapse, tables] = (await runPsql(ctx, `${SYNAPSE_SCHEMA_SQL};\n`, { database, probe: true })).split('|');
    const contents: DatabaseContents = { synapse: synapse === 't', tables: Number(tables) };
    if (contents.synapse) contents.someUserId = (await runPsql(ctx, `${SYNAPSE_USER_SQL};\n`, { database, probe: true })) || undefined;
    return contents;
  } catch (error) {
    if (ctx.answers.database.mode === 'external' && error instanceof CommandFailedError && error.info.outputTail?.some((line) => /permission denied/i.test(line))) {
      return undefined;
    }
    throw error;
  }
}

/**
 * A superuser reads the stored verifier and compares (exact, and no login attempt); an admin
 * that is not one tries to log in as the role instead.
 */
async function passwordIsCurrent(ctx: RunContext, state: ClusterState): Promise<boolean> {
  const password = ctx.secrets.get('database_password');
  const { user, host, port, sslmode, name } = ctx.answers.database;
  if (state.superuser) {
    // The verifier is as good as the password to anyone who can replay it: never logged.
    const stored = await runPsql(ctx, ROLE_PASSWORD_SQL, { probe: true, secretOutput: true });
    return passwordMatchesStored(password, stored, user);
  }
  try {
    const client = await connectDatabase({ host, port, user, password, sslmode, database: state.database ? name : 'template1' });
    await client.end().catch(() => {});
    return true;
  } catch {
    return false;
  }
}

function describe(changes: DatabaseChange[], answers: Answers): string {
  const { user, name } = answers.database;
  const parts: string[] = [];
  if (changes.includes('create-role')) parts.push(`created the role ${user}`);
  if (changes.includes('allow-login')) parts.push(`allowed ${user} to log in`);
  if (changes.includes('set-password')) parts.push(`set the password of the existing role ${user} to the one matrix-setup keeps`);
  if (changes.includes('create-database')) parts.push(`created the database ${name} (UTF8, C, C)`);
  return parts.join('; ');
}
