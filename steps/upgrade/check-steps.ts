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
import { upgradeStepText as t } from '../../src/i18n/messages/steps-upgrade.js';
import { joinLocalized, type Localized } from '../../src/i18n/localized.js';

/**
 * Before the first change: the machine is still as the plan saw it (or as far as an interrupted
 * run of this same upgrade got), and what `matrix-setup verify` says now, so that afterwards
 * only new failures are blamed on the upgrade.
 */
export function upgradeCheckStep(store: UpgradeRecordStore, root = ELEMENT_ROOT): Step {
  return {
    id: 'upgrade-check',
    title: t.checkTitle,
    needs: [],
    plan({ answers, target }): Action[] {
      const { synapse, element } = store.record;
      const layout = synapseLayout(answers, target);
      const expected = [
        ...(synapse ? [t.expectSynapse({ from: synapse.from, to: synapse.to })] : []),
        ...(element ? [t.expectElement({ from: element.from ?? t.notInstalled, to: element.to })] : []),
      ];
      return [
        {
          kind: 'task',
          description: t.nothingChangedTask({ expected: joinLocalized(expected, '; ') }),
          shows: [],
          async check(ctx) {
            if (synapse) {
              const now = await installedSynapseVersion(ctx.exec, layout);
              if (now !== undefined && now !== synapse.from && now !== synapse.to) {
                throw new StepError(t.synapseChanged({ now, from: synapse.from, to: synapse.to }), { hint: t.synapseChangedHint });
              }
            }
            if (element) {
              const now = linkedRelease(root);
              if (now !== element.from && now !== element.to) {
                throw new StepError(t.elementChanged({ now: now ?? t.notLinked, from: element.from ?? t.notInstalled, to: element.to }), { hint: t.planAgainHint });
              }
            }
            return true;
          },
          async run() {},
        },
        {
          kind: 'task',
          description: t.baselineTask,
          shows: [],
          check: async () => store.record.verifyBaseline !== undefined,
          run: async (ctx) => {
            const { failing } = await failingChecks(ctx, store.stateDir);
            store.update((record) => (record.verifyBaseline = failing));
            if (failing.length) ctx.warn(t.failingBefore({ checks: failing.join(', ') }));
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
    title: t.rollbackCheckTitle,
    needs: [],
    plan(): Action[] {
      const { synapse, element, rollback, backup } = store.record;
      const needs = [
        ...(synapse?.keptPackage ? [`${synapse.keptPackage}`] : []),
        ...(element?.from ? [`${join(root, element.from)}/`] : []),
        ...(rollback?.restoreDatabase ? [t.theBackup({ archive: backup.archive ?? t.none })] : []),
      ];
      return [
        {
          kind: 'task',
          description: needs.length ? t.rollbackNeedsListTask({ needs: joinLocalized(needs, ', ') }) : t.rollbackNeedsTask,
          shows: [],
          async check(ctx: RunContext) {
            const missing: Array<Localized | string> = [];
            if (synapse?.keptPackage && !existsSync(synapse.keptPackage)) missing.push(synapse.keptPackage);
            if (element?.from && !existsSync(join(root, element.from, 'index.html')) && linkedRelease(root) !== element.from) missing.push(join(root, element.from));
            if (rollback?.restoreDatabase && (!backup.archive || !existsSync(backup.archive))) missing.push(t.preUpgradeBackup({ archive: backup.archive ?? t.noneTaken }));
            if (missing.length) {
              throw new StepError(t.rollbackMissing({ missing: joinLocalized(missing, ', ') }), { hint: t.rollbackMissingHint });
            }
            if (synapse && !synapse.keptPackage && synapse.method !== 'venv') ctx.note(t.noKeptPackage({ name: synapse.packageName ?? '', version: synapse.from }));
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
    title: t.stopTitle,
    needs: ['rollback-check'],
    skip: () => (store.record.rollback?.restoreDatabase ? undefined : t.databaseNotRestored),
    plan({ answers, target }): Action[] {
      const { unit } = synapseLayout(answers, target);
      return [
        {
          kind: 'task',
          description: t.stopTask({ unit }),
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
