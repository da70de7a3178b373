import type { Answers } from '../../src/answers/types.js';
import type { RunContext } from '../../src/engine/types.js';
import type { Localized } from '../../src/i18n/localized.js';
import { postgresText as t } from '../../src/i18n/messages/steps-postgres.js';

/**
 * psql as matrix-setup runs it: SQL on stdin, values as psql variables (:'name' for
 * literals, :"name" for identifiers), never spliced into the SQL text. A local server is
 * reached as the postgres OS user over the Unix socket (peer auth); an external one as the
 * admin role over TCP, its password in PGPASSWORD (the environment of a root process is
 * readable by root only, unlike its arguments).
 */
export interface PsqlCall {
  argv: string[];
  env?: Record<string, string>;
}

const COMMON = ['-X', '-q', '-A', '-t', '-w', '-v', 'ON_ERROR_STOP=1'];

/** The variables every statement of these steps may use. */
export function psqlVariables(answers: Answers): string[] {
  return ['-v', `role_name=${answers.database.user}`, '-v', `db_name=${answers.database.name}`];
}

export function psqlArgv(answers: Answers, database = 'postgres'): string[] {
  const { mode, host, port, admin_user } = answers.database;
  const connection =
    mode === 'local'
      ? ['runuser', '-u', 'postgres', '--', 'psql', ...COMMON, '-p', String(port), '-d', database]
      : ['psql', ...COMMON, '-h', host, '-p', String(port), '-U', admin_user ?? 'postgres', '-d', database];
  return [...connection, ...psqlVariables(answers)];
}

export function psqlCall(ctx: RunContext, database = 'postgres'): PsqlCall {
  const { answers } = ctx;
  if (answers.database.mode === 'local') return { argv: psqlArgv(answers, database) };
  return {
    argv: psqlArgv(answers, database),
    env: {
      PGPASSWORD: ctx.secrets.get('database_admin_password'),
      PGSSLMODE: answers.database.sslmode,
      // libpq 16 and later: never send the admin password in cleartext (older ones ignore it).
      PGREQUIREAUTH: '!password',
      PGCONNECT_TIMEOUT: '15',
    },
  };
}

/** Runs SQL and returns psql's unaligned, tuples-only output. */
export async function runPsql(
  ctx: RunContext,
  sql: string,
  options: { database?: string; probe?: boolean; secretOutput?: boolean; hint?: Localized; variables?: Record<string, string> } = {},
): Promise<string> {
  const call = psqlCall(ctx, options.database);
  const variables = Object.entries(options.variables ?? {}).flatMap(([name, value]) => ['-v', `${name}=${value}`]);
  const result = await ctx.exec.run([...call.argv, ...variables], {
    stdin: sql,
    env: call.env,
    // psql as postgres cannot enter root's working directory and would say so.
    cwd: '/',
    timeoutMs: 120_000,
    probe: options.probe,
    secretOutput: options.secretOutput,
    hint: options.hint ?? psqlHint(ctx.answers),
  });
  return result.stdout.trim();
}

export function psqlHint(answers: Answers): Localized {
  const { mode, host, port } = answers.database;
  return mode === 'local' ? t.psqlLocalHint({ port }) : t.psqlExternalHint({ host: host ?? '', port });
}
