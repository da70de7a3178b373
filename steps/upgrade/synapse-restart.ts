import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Action, RunContext, Step } from '../../src/engine/types.js';
import { CommandFailedError, StepError } from '../../src/errors.js';
import { HEALTH_URL, isHealthy, notReady, waitForSynapse } from '../synapse/health.js';
import { synapseLayout, type SynapseLayout } from '../synapse/sources.js';
import { inspectDatabase, SERVER_VERSION_URL } from './inspect.js';
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
            const pending = await backgroundUpdates(ctx);
            ctx.note(`Synapse ${release} is running${pending ? `; it finishes ${pending} background update${pending === 1 ? '' : 's'} of its database while it runs (wait for them before the next upgrade)` : ''}.`);
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
  const since = new Date(Date.now() - 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  try {
    await ctx.exec.run(['systemctl', 'daemon-reload']);
    await ctx.exec.run(['systemctl', 'restart', layout.unit], { timeoutMs: MIGRATION_TIMEOUT_MS + 5 * 60_000 });
  } catch (error) {
    if (!(error instanceof CommandFailedError)) throw error;
    const what = direction === 'upgrade' ? 'The upgraded Synapse does not start' : 'The previous Synapse does not start';
    throw await startError(ctx, layout, `${what} (${layout.unit}).`, since);
  } finally {
    rmSync(dropIn, { force: true });
    await ctx.exec.run(['systemctl', 'daemon-reload'], { okExitCodes: [0, 1] }).catch(() => {});
  }
}

/**
 * Synapse's own error first: the last Python traceback it printed since the restart (the end
 * of a long journal would otherwise show only systemd's restart lines), then the usual causes.
 */
async function startError(ctx: RunContext, layout: SynapseLayout, message: string, since: string): Promise<StepError> {
  const error = await notReady(ctx, layout, message);
  const journal = await ctx.exec.run(['journalctl', '-u', layout.unit, '--since', since, '--no-pager', '-o', 'cat'], { probe: true, okExitCodes: [0, 1], timeoutMs: 15_000 }).catch(() => undefined);
  const traceback = lastTraceback(journal?.stdout ?? '');
  if (traceback.length === 0) return error;
  return new StepError(message, { hint: error.hint, outputTail: [`--- journalctl -u ${layout.unit} (Synapse's error):`, ...traceback] });
}

/** The last "Traceback …" block of a log, cut to its last lines (where the exception is). */
export function lastTraceback(text: string, maxLines = 14): string[] {
  const lines = text.split('\n').filter((line) => line.trim());
  const start = lines.map((line) => /^Traceback \(most recent call last\)/.test(line.trim())).lastIndexOf(true);
  if (start < 0) return [];
  // The frames are indented; the first line that is not ends the block: the exception itself.
  let end = start + 1;
  while (end < lines.length && /^\s/.test(lines[end])) end++;
  const block = lines.slice(start, Math.min(end + 1, lines.length));
  return block.length > maxLines ? [block[0], '  …', ...block.slice(-(maxLines - 2))] : block;
}

async function backgroundUpdates(ctx: RunContext): Promise<number | undefined> {
  const facts = await inspectDatabase({ answers: ctx.answers, databasePassword: () => ctx.secrets.get('database_password') });
  return facts.backgroundUpdates;
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
