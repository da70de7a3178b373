import { runVerify, type CheckResult } from '../../verify/index.js';
import type { CheckResult as WizardCheck } from '../../ui/engine-port.js';
import { STEPS } from '../../../steps/index.js';
import type { CliArgs } from '../args.js';
import { DEFAULT_STATE_DIR, defaultLogFile } from '../paths.js';
import { localTarget } from '../resolve-target.js';
import { thisMachineVerifyOptions } from './verify.js';

/** `matrix-setup` on a terminal without --answers: the interactive wizard. */
export async function wizardCommand(args: CliArgs): Promise<number> {
  // We only get here on a terminal. Ink draws nothing but its last frame when a CI variable
  // is set (it decides that when it loads): a person would face a blank screen.
  process.env.CI = 'false';
  const [{ runWizard }, { createLocalEngine }] = await Promise.all([import('../../ui/run-wizard.js'), import('../../ui/local-engine.js')]);
  const target = await localTarget();
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  const engine = createLocalEngine({
    target,
    steps: STEPS,
    stateDir,
    logFile: args.logFile ?? defaultLogFile(),
    packageLockWaitMs: args.packageLockWaitMs,
    verify: async (answers) => (await runVerify(thisMachineVerifyOptions(answers, stateDir))).filter((r) => r.status !== 'skip').map(toWizardCheck),
  });
  return runWizard({ engine, stdin: process.stdin, stdout: process.stdout, planOnly: args.planOnly });
}

function toWizardCheck(result: CheckResult): WizardCheck {
  return { id: result.id, label: result.label, status: result.status === 'skip' ? 'warn' : result.status, detail: result.evidence, ...(result.fix ? { fix: result.fix } : {}) };
}
