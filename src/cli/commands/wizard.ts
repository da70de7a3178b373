import type { CheckResult } from '../../verify/index.js';
import type { CheckResult as WizardCheck } from '../../ui/engine-port.js';
import type { InstallMachinery } from '../../ui/local-engine.js';
import type { CliArgs } from '../args.js';
import { DEFAULT_STATE_DIR, defaultLogFile } from '../paths.js';
import { localTarget } from '../resolve-target.js';

/**
 * `matrix-setup` on a terminal without --answers: the interactive wizard. Only the wizard is
 * loaded before its first frame; the steps, the runner and verify follow when first needed.
 */
export async function wizardCommand(args: CliArgs): Promise<number> {
  // We only get here on a terminal. Ink draws nothing but its last frame when a CI variable
  // is set (it decides that when it loads): a person would face a blank screen.
  process.env.CI = 'false';
  const [{ runWizard }, { createLocalEngine }] = await Promise.all([import('../../ui/run-wizard.js'), import('../../ui/local-engine.js')]);
  const target = await localTarget();
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  const engine = createLocalEngine({
    target,
    stateDir,
    logFile: args.logFile ?? defaultLogFile(),
    packageLockWaitMs: args.packageLockWaitMs,
    machinery: loadMachinery,
    async verify(answers) {
      const [{ runVerify }, { thisMachineVerifyOptions }] = await Promise.all([import('../../verify/index.js'), import('./verify.js')]);
      return (await runVerify(thisMachineVerifyOptions(answers, stateDir))).flatMap(toWizardCheck);
    },
    async summary(answers, secrets, resumed) {
      const { finishedInstallSummary } = await import('../install-report.js');
      return finishedInstallSummary({ answers, target, stateDir, secrets, resumed });
    },
  });
  return runWizard({ engine, stdin: process.stdin, stdout: process.stdout, planOnly: args.planOnly });
}

async function loadMachinery(): Promise<InstallMachinery> {
  const [{ STEPS }, { runInstall }, { buildPlan }] = await Promise.all([
    import('../../../steps/index.js'),
    import('../../engine/runner.js'),
    import('../../plan/build-plan.js'),
  ]);
  return { steps: STEPS, runInstall, buildPlan };
}

/** Checks that do not apply here are left out; one that could not run because another failed stays, naming that one. */
function toWizardCheck(result: CheckResult): WizardCheck[] {
  if (result.status === 'skip' && !result.blockedBy) return [];
  return [{ id: result.id, label: result.label, status: result.status, detail: result.evidence, ...(result.fix ? { fix: result.fix } : {}) }];
}
