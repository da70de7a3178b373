import { readFileSync } from 'node:fs';
import { loadAnswersFile } from '../../answers/load.js';
import { ExitCode } from '../../errors.js';
import { buildPlan } from '../../plan/build-plan.js';
import { statePaths } from '../../engine/runner.js';
import { Logger } from '../../log/logger.js';
import { checkSecretReferences } from '../../secrets/check-references.js';
import { SecretStore } from '../../secrets/secret-store.js';
import { renderPlanText } from '../../plan/render-plan.js';
import { readState } from '../../engine/state.js';
import { DEFAULT_STATE_DIR } from '../paths.js';
import { STEPS } from '../../../steps/index.js';
import { resolve } from 'node:path';
import type { Answers } from '../../answers/types.js';
import type { Step } from '../../engine/types.js';
import { restoreSteps } from '../../../steps/restore/index.js';
import { openRestore } from '../../../steps/restore/prepare.js';
import type { CliArgs } from '../args.js';
import { resolvePlanTarget } from '../resolve-target.js';

/**
 * `matrix-setup plan`: what an install would do, on any machine, for any target; changes
 * nothing. With --restore ARCHIVE: what restoring that backup would do (the archive is checked
 * first; its answers are used unless --answers is given).
 */
export async function planCommand(args: CliArgs): Promise<number> {
  const { answers, steps } = args.archive ? await restorePlanInput(args) : { answers: loadAnswersFile(args.answers!), steps: STEPS };
  // Secrets need not be here for a plan (it may be made on a laptop); those that are must be usable.
  if (args.answers) checkSecretReferences(answers, { requirePresent: false, file: args.answers });
  const target = await resolvePlanTarget(args);
  const plan = buildPlan(steps, { answers, target });
  if (args.json) {
    const json = { target: { id: target.id, name: target.name, arch: target.arch, warnings: target.warnings }, steps: plan };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return ExitCode.ok;
  }
  const onThisMachine = !args.target && !args.osRelease;
  process.stdout.write(
    renderPlanText(plan, {
      target,
      answersFile: args.answers,
      currentContent: onThisMachine ? readIfReadable : undefined,
      knownSecrets: onThisMachine ? new SecretStore(statePaths(args.stateDir ?? DEFAULT_STATE_DIR).secrets, answers, new Logger(undefined)).knownValues() : undefined,
      lastRun: onThisMachine ? lastRunHashes(args.stateDir ?? DEFAULT_STATE_DIR) : undefined,
    }),
  );
  return ExitCode.ok;
}

async function restorePlanInput(args: CliArgs): Promise<{ answers: Answers; steps: Step[] }> {
  const { archive, answers } = await openRestore({ archivePath: resolve(args.archive!), answersFile: args.answers });
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  return { answers, steps: restoreSteps({ archive, stateDir, replaceDatabase: false, stamp: '<time>' }) };
}

function readIfReadable(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The plan hash of every step the last install run here finished, when its state is readable. */
function lastRunHashes(stateDir: string): ((stepId: string) => string | undefined) | undefined {
  let state;
  try {
    state = readState(statePaths(stateDir).state);
  } catch {
    return undefined;
  }
  if (!state) return undefined;
  const steps = state.steps;
  return (stepId) => (steps[stepId]?.status === 'done' || steps[stepId]?.status === 'skipped' ? steps[stepId]?.inputHash : undefined);
}
