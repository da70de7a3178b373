import type { StepErrorInfo } from '../errors.js';
import type { Lang } from '../i18n/language.js';
import { pick } from '../i18n/localized.js';
import { runText as t } from '../i18n/messages/run-output.js';

/** The block shown when a step fails: what failed, its last output, the hint, the log, how to resume. */
export function formatFailure(stepId: string, error: StepErrorInfo, logFile: string, resumeCommand: string, lang: Lang): string {
  const lines = [t.stepFailed({ step: stepId, message: pick(error.message, lang) })[lang]];
  if (error.outputTail?.length) {
    lines.push(t.lastOutput[lang]);
    for (const line of error.outputTail.slice(-15)) lines.push(`  | ${line}`);
  }
  if (error.hint) lines.push(t.hint({ hint: pick(error.hint, lang) })[lang]);
  lines.push(t.logFile({ file: logFile })[lang]);
  lines.push(t.continueWith({ command: resumeCommand })[lang]);
  return `${lines.join('\n')}\n`;
}
