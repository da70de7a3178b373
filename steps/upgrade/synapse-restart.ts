import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Action, RunContext, Step } from '../../src/engine/types.js';
import { CommandFailedError, StepError } from '../../src/errors.js';
import { HEALTH_URL, isHealthy, notReady, waitForSynapse } from '../synapse/health.js';
import { synapseLayout, type SynapseLayout } from '../synapse/sources.js';
import { SERVER_VERSION_URL } from './inspect.js';
import type { UpgradeRecordStore } from './record.js';
import { releaseOf } from './versions.js';

/** Synapse runs its database migrations before it answers; systemd's default 90 s start timeout would kill a long one. */
export const MIGRATION_TIMEOUT_MS = 30 * 60_000;

/** A runtime drop-in (gone at the next boot, removed right after the restart) that gives the start that long. */
export function startTimeoutDropIn(unit: string): string {
  return `/run/systemd/system/${unit}.d/zz-matrix-setup-upgrade.conf`;
}

/**
 * Restarts Synapse on the version the step before installed and waits until it answers: its
 * database migrations run first. The version it then reports must be the release installed.
 */
export function synapseRestartStep(store: UpgradeRecordStore, direction: 'upgrade' | 'rollback'): Step {
  const id = direction === 'upgrade' ? 'upgrade-restart' : 'rollback-restart';
  return {
    id,
    title: direction === 'upgrade' ? 'Restart Synapse on the new version' : 'Restart the previous Synapse',
    needs: [direction === 'upgrade' ? 'upgrade-synapse' : 'rollback-synapse'],
    skip: () => (store.record.synapse ? undefined : 'Synapse is not part of this upgrade'),
    plan({ answers, target }): Action[] {
      const layout = synapseLayout(answers, target);
      const synapse = store.record.synapse!;
      const release = direction === 'upgrade' ? synapse.toRelease : synapse.fromRelease;
      const restarted = () => (direction === 'upgrade' ? store.record.synapse?.restarted : store.record.rollback?.synapseRestarted) === true;
      const dropIn = startTimeoutDropIn(layout.unit);
      return [
        {
          kind: 'task',
          description: `Restart ${layout.unit}, allowing ${MIGRATION_TIMEOUT_MS / 60_000} minutes for its database migrations, and wait until Synapse ${release} answers`,
          shows: [
            { argv: ['systemctl', 'daemon-reload'], when: `after writing ${dropIn} (TimeoutStartSec=${MIGRATION_TIMEOUT_MS / 60_000}min)` },
            { argv: ['systemctl', 'restart', layout.unit] },
            { argv: ['systemctl', 'daemon-reload'], when: `after removing ${dropIn}` },
            { argv: ['GET', HEALTH_URL], when: 'polled until it answers "OK"' },
            { argv: ['GET', SERVER_VERSION_URL], when: `must report ${release}` },
          ],
          check: async () => restarted() && (await isHealthy()) && (await runningRelease()) === release,
          run: async (ctx) => {
            await restartWithMigrations(ctx, layout, direction);
            await waitForSynapse(ctx, layout, { timeoutMs: MIGRATION_TIMEOUT_MS });
            const running = await runningRelease();
            if (running !== release) {
              throw new StepError(`Synapse answers, but as version ${running ?? '(unknown)'} instead of ${release}.`, {
                hint: `Another Synapse may be running, or the package did not replace the code. See \`systemctl status ${layout.unit}\`.`,
              });
            }
            if (direction === 'upgrade') store.update((record) => (record.synapse!.restarted = true));
            else store.update((record) => (record.rollback!.synapseRestarted = true));
            ctx.note(`Synapse ${release} is running.`);
          },
        },
      ];
    },
  };
}

async function restartWithMigrations(ctx: RunContext, layout: SynapseLayout, direction: 'upgrade' | 'rollback'): Promise<void> {
  const dropIn = startTimeoutDropIn(layout.unit);
  mkdirSync(dirname(dropIn), { recursive: true, mode: 0o755 });
  writeFileSync(dropIn, `[Service]\nTimeoutStartSec=${MIGRATION_TIMEOUT_MS / 60_000}min\n`, { mode: 0o644 });
  try {
    await ctx.exec.run(['systemctl', 'daemon-reload']);
    await ctx.exec.run(['systemctl', 'restart', layout.unit], { timeoutMs: MIGRATION_TIMEOUT_MS + 5 * 60_000 });
  } catch (error) {
    if (!(error instanceof CommandFailedError)) throw error;
    const what = direction === 'upgrade' ? 'The upgraded Synapse does not start' : 'The previous Synapse does not start';
    throw await notReady(ctx, layout, `${what} (${layout.unit}).`);
  } finally {
    rmSync(dropIn, { force: true });
    await ctx.exec.run(['systemctl', 'daemon-reload'], { okExitCodes: [0, 1] }).catch(() => {});
  }
}

async function runningRelease(): Promise<string | undefined> {
  try {
    const response = await fetch(SERVER_VERSION_URL, { signal: AbortSignal.timeout(3000) });
    const body = (await response.json()) as { server_version?: unknown };
    return typeof body.server_version === 'string' ? releaseOf(body.server_version) : undefined;
  } catch {
    return undefined;
  }
}
