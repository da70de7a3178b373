import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Action, RunContext, Step } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import { ELEMENT_ROOT } from '../edge/edge-layout.js';
import { synapseLayout } from '../synapse/sources.js';
import { linkedRelease } from './inspect.js';
import type { UpgradeRecordStore } from './record.js';
import { installedSynapseVersion } from './synapse-version.js';
import { failingChecks } from './verify-regressions.js';

/**
 * Before the first change: the machine is still as the plan saw it (or as far as an interrupted
 * run of this same upgrade got), and what `matrix-setup verify` says now, so that afterwards
 * only new failures are blamed on the upgrade.
 */
export function upgradeCheckStep(store: UpgradeRecordStore, root = ELEMENT_ROOT): Step {
  return {
    id: 'upgrade-check',
    title: 'Check the server before the upgrade',
    needs: [],
    plan({ answers, target }): Action[] {
      const { synapse, element } = store.record;
      const layout = synapseLayout(answers, target);
      const expected = [
        ...(synapse ? [`Synapse is ${synapse.from} (or ${synapse.to}, when resuming)`] : []),
        ...(element ? [`Element Web is ${element.from ?? 'not installed'} (or ${element.to})`] : []),
      ];
      return [
        {
          kind: 'task',
          description: `Check that nothing changed since the plan: ${expected.join('; ')}`,
          shows: [],
          async check(ctx) {
            if (synapse) {
              const now = await installedSynapseVersion(ctx.exec, layout);
              if (now !== undefined && now !== synapse.from && now !== synapse.to) {
                throw new StepError(`Synapse is ${now} now; the upgrade was planned from ${synapse.from} to ${synapse.to}.`, {
                  hint: 'Something else changed it since. Run `matrix-setup upgrade --check` and plan the upgrade again.',
                });
              }
            }
            if (element) {
              const now = linkedRelease(root);
              if (now !== element.from && now !== element.to) {
                throw new StepError(`Element Web is ${now ?? 'not linked'} now; the upgrade was planned from ${element.from} to ${element.to}.`, {
                  hint: 'Run `matrix-setup upgrade --check` and plan the upgrade again.',
                });
              }
            }
            return true;
          },
          async run() {},
        },
        {
          kind: 'task',
          description: 'Note which checks of `matrix-setup verify` pass now (afterwards, only a check that passed before is blamed on the upgrade)',
          shows: [],
          check: async () => store.record.verifyBaseline !== undefined,
          run: async (ctx) => {
            const { failing } = await failingChecks(ctx, store.stateDir);
            store.update((record) => (record.verifyBaseline = failing));
            if (failing.length) ctx.warn(`Failing before the upgrade already: ${failing.join(', ')}.`);
          },
        },
      ];
    },
  };
}

/** Before the first change of a rollback: what it needs is still there. */
export function rollbackCheckStep(store: UpgradeRecordStore, root = ELEMENT_ROOT): Step {
  return {
    id: 'rollback-check',
    title: 'Check what the rollback needs',
    needs: [],
    plan(): Action[] {
      const { synapse, element, rollback, backup } = store.record;
      const needs = [
        ...(synapse?.keptPackage ? [`${synapse.keptPackage}`] : []),
        ...(element?.from ? [`${join(root, element.from)}/`] : []),
        ...(rollback?.restoreDatabase ? [`the backup ${backup.archive ?? '(none)'}`] : []),
      ];
      return [
        {
          kind: 'task',
          description: `Check that the rollback has what it needs${needs.length ? `: ${needs.join(', ')}` : ''}`,
          shows: [],
          async check(ctx: RunContext) {
            const missing: string[] = [];
            if (synapse?.keptPackage && !existsSync(synapse.keptPackage)) missing.push(synapse.keptPackage);
            if (element?.from && !existsSync(join(root, element.from, 'index.html')) && linkedRelease(root) !== element.from) missing.push(join(root, element.from));
            if (rollback?.restoreDatabase && (!backup.archive || !existsSync(backup.archive))) missing.push(`the pre-upgrade backup ${backup.archive ?? '(none was taken)'}`);
            if (missing.length) {
              throw new StepError(`The rollback cannot go ahead: missing ${missing.join(', ')}.`, { hint: 'Nothing was changed by the rollback.' });
            }
            if (synapse && !synapse.keptPackage && synapse.method !== 'venv') ctx.note(`No kept package: ${synapse.packageName} ${synapse.from} comes from the package sources.`);
            return true;
          },
          async run() {},
        },
      ];
    },
  };
}

/** Synapse stopped before its database is replaced (only when the rollback restores it). */
export function stopSynapseStep(store: UpgradeRecordStore): Step {
  return {
    id: 'rollback-stop-synapse',
    title: 'Stop Synapse',
    needs: ['rollback-check'],
    skip: () => (store.record.rollback?.restoreDatabase ? undefined : 'the database is not restored'),
    plan({ answers, target }): Action[] {
      const { unit } = synapseLayout(answers, target);
      return [
        {
          kind: 'task',
          description: `Stop ${unit} so that nothing writes to the database while it is replaced`,
          shows: [{ argv: ['systemctl', 'stop', unit] }],
          check: async (ctx) => (await ctx.exec.run(['systemctl', 'is-active', '--quiet', unit], { probe: true, okExitCodes: [0, 1, 2, 3, 4] })).exitCode !== 0,
          run: async (ctx) => {
            await ctx.exec.run(['systemctl', 'stop', unit], { timeoutMs: 5 * 60_000 });
          },
        },
      ];
    },
  };
}
