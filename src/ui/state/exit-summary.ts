/**
 * What the wizard prints on the normal screen when it exits (the frames themselves were drawn
 * on the alternate screen and are gone): after an install, the same summary the `--answers`
 * run prints, then the verification and the install's warnings; after a failure, the same
 * failure block.
 */
import { formatFailure } from '../../render/failure-summary.js';
import { formatInstallSummary } from '../../render/install-summary.js';
import type { CheckResult } from '../engine-port.js';
import type { WizardState } from './wizard-state.js';

const MARKS = { pass: '✓', warn: '!', fail: '✗', skip: '↷' } as const;

/** Warnings the install's steps gave (the preflight's own are shown before the install). */
export function installWarnings(state: Pick<WizardState, 'progress'>): string[] {
  return [...new Set(state.progress.notes.filter((note) => note.level === 'warn' && note.stepId !== 'preflight').map((note) => note.message))];
}

export function verificationCounts(results: CheckResult[]): string {
  const count = (status: CheckResult['status']) => results.filter((result) => result.status === status).length;
  const parts = [`${count('pass')} passed`, `${count('warn')} warning(s)`, `${count('fail')} failed`];
  if (count('skip')) parts.push(`${count('skip')} could not run`);
  return parts.join(', ');
}

export function doneText(state: WizardState): string {
  const summary = state.outcome?.summary;
  const lines: string[] = [];
  if (summary) lines.push(formatInstallSummary(summary).trimEnd());
  const verify = state.verify;
  if (verify?.status === 'ready') {
    lines.push(`Verification: ${verificationCounts(verify.value)}.`);
    for (const result of verify.value.filter((item) => item.status !== 'pass')) {
      lines.push(`  ${MARKS[result.status]} ${result.label}: ${result.detail}`);
      if (result.fix && result.status !== 'skip') lines.push(`      → ${result.fix}`);
    }
  } else if (verify?.status === 'error') {
    lines.push(`Verification could not run: ${verify.message}`);
  } else {
    lines.push('Verification did not finish: run matrix-setup verify.');
  }
  const warnings = installWarnings(state);
  if (warnings.length) {
    lines.push('Warnings from the install:');
    for (const warning of warnings) lines.push(`  ! ${warning}`);
  }
  return lines.join('\n');
}

export function failureText(state: WizardState): string {
  const outcome = state.outcome;
  if (!outcome?.error || !outcome.failedStep) return `Continue later with: ${state.resumeCommand}`;
  return formatFailure(outcome.failedStep, outcome.error, outcome.logFile, state.resumeCommand).trimEnd();
}
