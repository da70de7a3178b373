import type { RunOutcome } from '../engine/runner.js';
import { ExitCode } from '../errors.js';
import { formatFailure } from '../render/failure-summary.js';

/**
 * For a run that failed or was interrupted: says so (what failed, its output, the log, how to
 * resume) and returns the exit status. Undefined when the run is done.
 */
export function reportUnfinishedRun(outcome: RunOutcome, resumeCommand = 'matrix-setup resume'): number | undefined {
  if (outcome.status === 'failed') {
    process.stderr.write(`\n${formatFailure(outcome.failedStep!, outcome.error!, outcome.logFile, resumeCommand)}`);
    return outcome.error?.refused ? ExitCode.hostRefused : ExitCode.stepFailed;
  }
  if (outcome.status === 'interrupted') {
    process.stdout.write(`\nStopped during "${outcome.failedStep}". Continue with: ${resumeCommand}\n`);
    return ExitCode.interrupted;
  }
  return undefined;
}
