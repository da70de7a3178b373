import type { StepErrorInfo } from '../errors.js';

/** The block shown when a step fails: what failed, its last output, the hint, the log, how to resume. */
export function formatFailure(stepId: string, error: StepErrorInfo, logFile: string, resumeCommand: string): string {
  const lines = [`Step "${stepId}" failed: ${error.message}`];
  if (error.outputTail?.length) {
    lines.push('Last output:');
    for (const line of error.outputTail.slice(-15)) lines.push(`  | ${line}`);
  }
  if (error.hint) lines.push(`Hint: ${error.hint}`);
  lines.push(`Log: ${logFile}`);
  lines.push(`After fixing the cause, continue with: ${resumeCommand}`);
  return `${lines.join('\n')}\n`;
}
