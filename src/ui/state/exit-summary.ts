/**
 * What the wizard prints on the normal screen when it exits (the frames themselves were drawn
 * on the alternate screen and are gone): after an install, the same summary the `--answers`
 * run prints, then the verification and the install's warnings; after a failure, the same
 * failure block.
 */
import { joinLocalized, pick, type Localized } from '../../i18n/localized.js';
import { wizardText as w } from '../../i18n/messages/wizard.js';
import { formatFailure } from '../../render/failure-summary.js';
import { formatInstallSummary } from '../../render/install-summary.js';
import type { CheckResult } from '../engine-port.js';
import type { ProgressNote } from './progress-state.js';
import type { WizardState } from './wizard-state.js';

const MARKS = { pass: '✓', warn: '!', fail: '✗', skip: '↷' } as const;

/** Warnings the install's steps gave (the preflight's own are shown before the install). */
export function installWarnings(state: Pick<WizardState, 'progress'>): Array<ProgressNote['message']> {
  const seen = new Set<string>();
  const warnings: Array<ProgressNote['message']> = [];
  for (const note of state.progress.notes) {
    if (note.level !== 'warn' || note.stepId === 'preflight') continue;
    const key = pick(note.message, 'en');
    if (seen.has(key)) continue;
    seen.add(key);
    warnings.push(note.message);
  }
  return warnings;
}

export function verificationCounts(results: CheckResult[]): Localized {
  const count = (status: CheckResult['status']) => results.filter((result) => result.status === status).length;
  const parts = [w.countsPassed({ count: count('pass') }), w.countsWarnings({ count: count('warn') }), w.countsFailed({ count: count('fail') })];
  if (count('skip')) parts.push(w.countsCouldNotRun({ count: count('skip') }));
  return joinLocalized(parts, ', ');
}

export function doneText(state: WizardState): string {
  const { lang } = state;
  const summary = state.outcome?.summary;
  const lines: string[] = [];
  if (summary) lines.push(formatInstallSummary(summary, lang).trimEnd());
  const verify = state.verify;
  if (verify?.status === 'ready') {
    lines.push(w.verificationLine({ counts: verificationCounts(verify.value) })[lang]);
    for (const result of verify.value.filter((item) => item.status !== 'pass')) {
      lines.push(`  ${MARKS[result.status]} ${result.label[lang]}: ${result.detail[lang]}`);
      if (result.fix && result.status !== 'skip') lines.push(`      → ${result.fix[lang]}`);
    }
  } else if (verify?.status === 'error') {
    lines.push(w.verificationCouldNotRun({ message: verify.message })[lang]);
  } else {
    lines.push(w.verificationUnfinished[lang]);
  }
  const warnings = installWarnings(state);
  if (warnings.length) {
    lines.push(w.installWarningsLine[lang]);
    for (const warning of warnings) lines.push(`  ! ${pick(warning, lang)}`);
  }
  return lines.join('\n');
}

export function failureText(state: WizardState): string {
  const outcome = state.outcome;
  if (!outcome?.error || !outcome.failedStep) return w.continueLater({ command: state.resumeCommand })[state.lang];
  return formatFailure(outcome.failedStep, outcome.error, outcome.logFile, state.resumeCommand, state.lang).trimEnd();
}
