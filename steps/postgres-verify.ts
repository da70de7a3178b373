import type { Answers } from '../src/answers/types.js';
import type { Action, RunContext, Step } from '../src/engine/types.js';
import { verifyDatabase, MIN_POSTGRES_MAJOR, type VerifyDatabaseOptions } from '../src/database/verify-database.js';
import { postgresText as t } from '../src/i18n/messages/steps-postgres.js';

/**
 * Connects exactly as Synapse will (TCP, the Synapse role and its password) and checks what
 * Synapse needs before it is configured: PostgreSQL >= 14, UTF8 with collation and ctype C,
 * the right to create tables, and no other server's data. Read-only.
 */
export const postgresVerifyStep: Step = {
  id: 'postgres-verify',
  title: t.verifyTitle,
  needs: ['postgres-database'],
  plan({ answers }): Action[] {
    const { user, name, sslmode } = answers.database;
    return [
      {
        kind: 'task',
        description: t.verifyTask({ user, name, endpoint: endpoint(answers), sslmode: sslmode ?? '', major: MIN_POSTGRES_MAJOR, server: answers.server_name }),
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
  ctx.note(t.verified({ version: report.serverVersion, name: ctx.answers.database.name, user: ctx.answers.database.user }));
  return report;
}
