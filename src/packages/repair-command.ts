import { CommandFailedError, StepError } from '../errors.js';
import type { Executor } from '../exec/executor.js';
import { saysLocked } from './command-output.js';

/**
 * One repair command (dpkg --configure -a, apt-get -f install, rpm --rebuilddb, ...), shown like
 * any command. When it fails the run stops with its output and `manual`, what to run by hand;
 * when it met a lock another process took in between, the lock error goes to the caller, which
 * waits for that process and tries again.
 */
export async function runRepair(exec: Executor, argv: string[], manual: string): Promise<void> {
  try {
    await exec.run(argv, { timeoutMs: 30 * 60_000 });
  } catch (error) {
    if (!(error instanceof CommandFailedError) || saysLocked(error.info.outputTail ?? [])) throw error;
    throw new StepError(`Repairing the interrupted package manager failed: \`${argv.join(' ')}\` exited with ${error.info.exitCode}.`, {
      argv: error.info.argv,
      exitCode: error.info.exitCode,
      outputTail: error.info.outputTail,
      hint: manual,
    });
  }
}
