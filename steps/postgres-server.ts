import { StepError } from '../src/errors.js';
import type { Action, PackageRepository, RunContext, Step, TaskAction } from '../src/engine/types.js';
import { ANY_EXIT_CODE } from '../src/exec/executor.js';
import type { Target } from '../src/host/target.js';
import { MIN_POSTGRES_MAJOR } from '../src/database/verify-database.js';
import { RHEL_DATA_DIRECTORY, SOCKET_DIRECTORY } from './postgres/paths.js';
import { postgresText as t } from '../src/i18n/messages/steps-postgres.js';
import { packageText as pkg } from '../src/i18n/messages/packages.js';

/**
 * The distro's PostgreSQL server, enabled and running. Debian/Ubuntu: the `postgresql`
 * package creates and starts its cluster. RHEL 8/9: the postgresql:16 module stream
 * (9's default 13 is below Synapse's floor), then `postgresql-setup --initdb`. RHEL 10: 16 as is.
 */
export const postgresServerStep: Step = {
  id: 'postgres-server',
  title: t.serverTitle,
  needs: ['base-packages'],
  skip({ answers }) {
    return answers.database.mode === 'external' ? t.externalDatabase({ host: answers.database.host ?? '', port: answers.database.port }) : undefined;
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
        description: t.createDataDirectory,
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
    title: pkg.moduleStream({ stream }),
    setup: [
      {
        kind: 'command',
        description: t.resetModule,
        argv: ['dnf', 'module', 'reset', '-y', 'postgresql'],
        unless: enabled,
      },
      {
        kind: 'command',
        description: t.enableStream({ stream }),
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
    description: t.olderServerTask({ major: MIN_POSTGRES_MAJOR }),
    shows: [{ argv: INSTALLED_SERVER_VERSION, when: t.readOnly }],
    async check(ctx) {
      const result = await ctx.exec.run(INSTALLED_SERVER_VERSION, { probe: true, okExitCodes: ANY_EXIT_CODE });
      const version = result.exitCode === 0 ? result.stdout.trim() : '';
      const major = Number.parseInt(version, 10);
      if (Number.isFinite(major) && major < MIN_POSTGRES_MAJOR) {
        throw new StepError(t.olderServer({ version, major: MIN_POSTGRES_MAJOR }), { hint: t.olderServerHint });
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
  throw new StepError(t.notAccepting({ port, seconds: READY_TIMEOUT_MS / 1000 }), {
    hint: ctx.target.family === 'debian' ? t.notAcceptingDebianHint({ version: ctx.target.postgresVersion }) : t.notAcceptingRhelHint,
  });
}
