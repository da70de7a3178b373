import type { Answers } from '../src/answers/types.js';
import type { Action, RunContext, Step } from '../src/engine/types.js';
import { verifyDatabase, MIN_POSTGRES_MAJOR, type VerifyDatabaseOptions } from '../src/database/verify-database.js';

/**
 * Connects exactly as Synapse will (TCP, the Synapse role and its password) and checks what
 * Synapse needs before it is configured: PostgreSQL >= 14, UTF8 with collation and ctype C,
 * the right to create tables, and no other server's data. Read-only.
 */
export const postgresVerifyStep: Step = {
  id: 'postgres-verify',
  title: 'Check the database as Synapse will use it',
  needs: ['postgres-database'],
  plan({ answers }): Action[] {
    const { user, name, sslmode } = answers.database;
    return [
      {
        kind: 'task',
        description:
          `Log in as ${user} to ${name} at ${endpoint(answers)} (sslmode ${sslmode}) and check: PostgreSQL >= ${MIN_POSTGRES_MAJOR}, ` +
          `UTF8 with LC_COLLATE and LC_CTYPE 'C', tables can be created, no data of a server other than ${answers.server_name}`,
        shows: [],
        // Nothing to change: a passing check is the whole step; a failing one throws with the reason.
        async check(ctx) {
          await verify(ctx);
          return true;
        },
        run: (ctx) => verify(ctx).then(() => undefined),
      },
    ];
  },
};

function endpoint(answers: Answers): string {
  const { mode, host, port } = answers.database;
  return `${mode === 'local' ? '127.0.0.1' : host}:${port}`;
}

export function synapseConnection(ctx: RunContext): VerifyDatabaseOptions {
  const { mode, host, port, name, user, sslmode } = ctx.answers.database;
  return {
    host: mode === 'local' ? '127.0.0.1' : host,
    port,
    database: name,
    user,
    password: ctx.secrets.get('database_password'),
    sslmode,
    serverName: ctx.answers.server_name,
  };
}

async function verify(ctx: RunContext) {
  const report = await verifyDatabase(synapseConnection(ctx));
  ctx.note(`PostgreSQL ${report.serverVersion}: database ${ctx.answers.database.name} is UTF8/C/C and ${ctx.answers.database.user} can create tables.`);
  return report;
}
