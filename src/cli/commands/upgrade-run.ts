// What the upgrade and the rollback commands share: root, the read-only machine access of
// the inspection, the refusal to start over an unfinished run, the confirmation, the run itself.
import { rmSync } from 'node:fs';
import type { Answers } from '../../answers/types.js';
import { runInstall, statePaths, type RunCommand, type RunOutcome } from '../../engine/runner.js';
import { readState } from '../../engine/state.js';
import type { Step } from '../../engine/types.js';
import { HostRefusedError, UsageError } from '../../errors.js';
import { LocalExecutor } from '../../exec/executor.js';
import type { Target } from '../../host/target.js';
import { Logger } from '../../log/logger.js';
import { createPlainRenderer } from '../../render/plain-renderer.js';
import { readOnlySecrets } from '../../verify/options-from-answers.js';
import type { InspectEnv } from '../../../steps/upgrade/inspect.js';
import { unfinishedUpgradeRuns, upgradePaths } from '../../../steps/upgrade/record.js';
import type { CliArgs } from '../args.js';
import { confirm } from '../confirm.js';
import { abortOnSignals } from '../interrupt.js';
import { defaultLogFile } from '../paths.js';

export const out = (text: string) => process.stdout.write(text);

export function requireRoot(why: string): void {
  if (process.getuid?.() !== 0) throw new HostRefusedError(`matrix-setup upgrade ${why}, so it must run as root.`, 'Run it again with sudo (or as root). `matrix-setup upgrade --check` works as any user.');
}

export function inspectEnv(answers: Answers, target: Target, stateDir: string): InspectEnv {
  const secrets = readOnlySecrets(answers, statePaths(stateDir).secrets);
  return {
    exec: new LocalExecutor(new Logger(undefined), new AbortController().signal),
    answers,
    target,
    databasePassword: process.getuid?.() === 0 ? () => secrets.get('database_password') : undefined,
  };
}

/** Refuses while another run of matrix-setup here has not finished: it must be resumed (or undone) first. */
export function refuseUnfinished(stateDir: string, starting: 'upgrade' | 'rollback'): void {
  const install = readState(statePaths(stateDir).state);
  if (install && install.status !== 'done') {
    throw new HostRefusedError(`The last install run here ended ${install.status}.`, 'Finish it first: matrix-setup resume');
  }
  if (starting === 'rollback') return; // a rollback is how an unfinished upgrade is undone (and an unfinished rollback is resumed by running it again)
  const last = unfinishedUpgradeRuns(stateDir)[0];
  if (!last) return;
  const what = last.command === 'rollback' ? 'rollback' : 'upgrade';
  throw new HostRefusedError(
    `The last ${what} here ended ${last.status}.`,
    what === 'upgrade' ? 'Finish it with `matrix-setup resume`, or undo it with `matrix-setup upgrade --rollback`.' : 'Finish it with `matrix-setup resume`.',
  );
}

export async function confirmed(args: CliArgs, question: string): Promise<boolean> {
  if (args.yes) return true;
  if (!process.stdin.isTTY) {
    throw new UsageError('Without a terminal, matrix-setup needs --yes to change this machine.', 'Add --yes once the plan above is what you want.');
  }
  if (await confirm(question)) return true;
  out('Nothing was changed.\n');
  return false;
}

/**
 * Runs the upgrade or rollback graph with the engine, in its own state file. A new run (not a
 * resume) starts from an empty record: an earlier, finished or superseded run is not continued.
 */
export async function runGraph(args: CliArgs, stateDir: string, command: RunCommand, answers: Answers, target: Target, steps: Step[], fresh: boolean): Promise<RunOutcome> {
  const interrupt = abortOnSignals();
  try {
    const paths = upgradePaths(stateDir);
    const stateFile = command === 'upgrade' ? paths.upgradeState : paths.rollbackState;
    if (fresh) rmSync(stateFile, { force: true });
    return await runInstall({
      answers,
      target,
      steps,
      command,
      paths: { stateDir, logFile: args.logFile ?? defaultLogFile(), stateFile },
      onEvent: createPlainRenderer({ write: out, verbose: args.verbose }),
      signal: interrupt.signal,
      packageLockWaitMs: args.packageLockWaitMs,
    });
  } finally {
    interrupt.dispose();
  }
}
