import { thisMachineVerifyOptions } from '../../src/cli/commands/verify.js';
import type { RunContext, Step } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import { runVerify, type CheckResult } from '../../src/verify/index.js';
import type { UpgradeRecordStore } from './record.js';

/** The checks of `matrix-setup verify` that did not pass, by id. */
export async function failingChecks(ctx: RunContext, stateDir: string): Promise<{ failing: string[]; results: CheckResult[] }> {
  const results = await runVerify(thisMachineVerifyOptions(ctx.answers, stateDir));
  return { failing: results.filter((r) => r.status === 'fail').map((r) => r.id), results };
}

/**
 * `matrix-setup verify` after the change: a check that passed before the upgrade and fails now
 * fails the step (a check that already failed before is reported, not blamed on the upgrade).
 */
export function verifyAfterStep(store: UpgradeRecordStore, direction: 'upgrade' | 'rollback', needs: string[]): Step {
  return {
    id: `${direction}-verify`,
    title: 'Check the server as clients and other servers see it',
    needs,
    plan() {
      return [];
    },
    async verify(ctx) {
      const { failing, results } = await failingChecks(ctx, store.stateDir);
      const before = new Set(store.record.verifyBaseline ?? []);
      const regressions = results.filter((r) => r.status === 'fail' && !before.has(r.id));
      const old = failing.filter((id) => before.has(id));
      if (old.length) ctx.warn(`Still failing as before the upgrade: ${old.join(', ')}.`);
      if (regressions.length) {
        throw new StepError(`${regressions.length} check${regressions.length === 1 ? '' : 's'} of \`matrix-setup verify\` passed before and fail now: ${regressions.map((r) => r.id).join(', ')}.`, {
          hint: `Run \`matrix-setup verify\` for the details.${direction === 'upgrade' ? ' To undo the upgrade: matrix-setup upgrade --rollback' : ''}`,
          outputTail: regressions.map((r) => `${r.id}: ${r.evidence}${r.fix ? ` (${r.fix})` : ''}`),
        });
      }
      ctx.note(`matrix-setup verify: ${results.filter((r) => r.status === 'pass').length} checks pass${failing.length ? `, ${failing.length} fail as before` : ''}.`);
    },
  };
}
