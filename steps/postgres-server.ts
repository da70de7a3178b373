import { StepError } from '../src/errors.js';
import type { Action, PackageRepository, RunContext, Step, TaskAction } from '../src/engine/types.js';
import { ANY_EXIT_CODE } from '../src/exec/executor.js';
import type { Target } from '../src/host/target.js';
import { MIN_POSTGRES_MAJOR } from '../src/database/verify-database.js';
import { RHEL_DATA_DIRECTORY, SOCKET_DIRECTORY } from './postgres/paths.js';

/**
 * The distro's PostgreSQL server, enabled and running. Debian/Ubuntu: the `postgresql`
 * package creates and starts its cluster. RHEL 8/9: the postgresql:16 module stream
 * (9's default 13 is below Synapse's floor), then `postgresql-setup --initdb`. RHEL 10: 16 as is.
 */
export const postgresServerStep: Step = {
  id: 'postgres-server',
  title: 'PostgreSQL server',
  needs: ['base-packages'],
  skip({ answers }) {
    return answers.database.mode === 'external' ? `the database is external (${answers.database.host}:${answers.database.port})` : undefined;
  },
  plan({ target }): Action[] {
    const service: Action = { kind: 'service', unit: 'postgresql', enable: true, start: true, onChange: 'reload' };
    if (target.family === 'debian') return [{ kind: 'packages', manager: 'apt', names: ['postgresql'] }, service];
    const stream = moduleStream(target);
    return [
      olderServerGuard(),
      { kind: 'packages', manager: 'dnf', names: ['postgresql-server'], checks: [olderServerGuard()], ...(stream ? { repositories: [stream] } : {}) },
      {
        kind: 'command',
        description: 'Create the PostgreSQL data directory',
        argv: ['postgresql-setup', '--initdb'],
        creates: `${RHEL_DATA_DIRECTORY}/PG_VERSION`,
        timeoutMs: 5 * 60 * 1000,
      },
      service,
    ];
  },
  verify: (ctx) => waitUntilAccepting(ctx),
};

/** RHEL 8/9: the module stream with a PostgreSQL Synapse accepts, enabled before postgresql-server is installed. */
function moduleStream(target: Target): PackageRepository | undefined {
  if (!target.postgresModuleStream) return undefined;
  // The target names the stream ("16"); dnf wants module:stream.
  const stream = target.postgresModuleStream.includes(':') ? target.postgresModuleStream : `postgresql:${target.postgresModuleStream}`;
  const enabled = ['dnf', 'module', 'list', '--enabled', stream];
  return {
    id: stream,
    title: `the ${stream} module stream`,
    setup: [
      {
        kind: 'command',
        description: 'Reset the postgresql module (another stream may be selected)',
        argv: ['dnf', 'module', 'reset', '-y', 'postgresql'],
        unless: enabled,
      },
      {
        kind: 'command',
        description: `Enable the ${stream} module stream`,
        argv: ['dnf', 'module', 'enable', '-y', stream],
        unless: enabled,
      },
    ],
  };
}

const INSTALLED_SERVER_VERSION = ['rpm', '-q', '--qf', '%{VERSION}\\n', 'postgresql-server'];

/** An installed server older than Synapse's floor holds data: switching streams under it would break it. */
function olderServerGuard(): TaskAction {
  return {
    kind: 'task',
    description: `Check that no PostgreSQL older than ${MIN_POSTGRES_MAJOR} is installed`,
    shows: [{ argv: INSTALLED_SERVER_VERSION, when: 'read-only' }],
    async check(ctx) {
      const result = await ctx.exec.run(INSTALLED_SERVER_VERSION, { probe: true, okExitCodes: ANY_EXIT_CODE });
      const version = result.exitCode === 0 ? result.stdout.trim() : '';
      const major = Number.parseInt(version, 10);
      if (Number.isFinite(major) && major < MIN_POSTGRES_MAJOR) {
        throw new StepError(`PostgreSQL ${version} is installed here; Synapse needs ${MIN_POSTGRES_MAJOR} or later.`, {
          hint:
            `Upgrade it first (dnf module switch-to postgresql:16, then postgresql-setup --upgrade; see the RHEL PostgreSQL docs), ` +
            'or use an external database (database.mode: external). Nothing was changed.',
        });
      }
      return true;
    },
    async run() {},
  };
}

const READY_TIMEOUT_MS = 60_000;

/** The service may report started before the server accepts connections. */
async function waitUntilAccepting(ctx: RunContext): Promise<void> {
  const port = String(ctx.answers.database.port);
  const argv = ['pg_isready', '-q', '-h', SOCKET_DIRECTORY, '-p', port, '-t', '5'];
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const result = await ctx.exec.run(argv, { probe: true, okExitCodes: ANY_EXIT_CODE, timeoutMs: 15_000 });
    if (result.exitCode === 0) return;
    if (Date.now() > deadline || ctx.signal.aborted) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new StepError(`PostgreSQL does not accept connections on port ${port} (waited ${READY_TIMEOUT_MS / 1000} s).`, {
    hint:
      ctx.target.family === 'debian'
        ? `See \`pg_lsclusters\` and \`journalctl -u postgresql@${ctx.target.postgresVersion}-main -n 50\`. If no cluster exists, create one with \`pg_createcluster ${ctx.target.postgresVersion} main --start\`, then resume.`
        : 'See `journalctl -u postgresql -n 50`, then resume.',
  });
}
