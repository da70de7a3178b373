import { segment, spread, type Line } from '../layout/line.js';
import type { ProgressStep } from '../state/progress-state.js';
import { duration } from './format.js';
import { statusIcon } from './status-icon.js';

function timing(step: ProgressStep, now: number): string {
  if (step.status === 'running' && step.startedAt !== undefined) return duration(now - step.startedAt);
  if (step.status === 'skipped') return 'skipped';
  if (step.durationMs !== undefined) return `${duration(step.durationMs)}${step.status === 'done' && step.changed === false ? ' · no change' : ''}`;
  if (step.status === 'interrupted') return 'interrupted';
  return '';
}

export function stepLine(step: ProgressStep, now: number, width: number): Line {
  const quiet = step.status === 'pending' || step.status === 'skipped';
  const title = `${step.title}${step.recheck && step.status === 'running' ? ' (checking)' : ''}`;
  const left: Line = [statusIcon(step.status, now), segment(' '), segment(title, { bold: step.status === 'running', dim: quiet })];
  return spread(left, [segment(timing(step, now), { dim: true })], width);
}

/** The step the list is folded around: the running one, else the first not finished, else the last. */
export function currentStepIndex(steps: ProgressStep[]): number {
  const running = steps.findIndex((step) => step.status === 'running');
  if (running >= 0) return running;
  const open = steps.findIndex((step) => step.status !== 'done' && step.status !== 'skipped');
  return open >= 0 ? open : Math.max(0, steps.length - 1);
}

/** Steps shown before the current one when the list is folded. */
const BEFORE = 2;

/**
 * One line per step, in at most `room` lines: a longer list is folded around the current step,
 * with one line counting the steps above and one counting those below.
 */
export function stepListLines(steps: ProgressStep[], now: number, width: number, room: number): Line[] {
  if (steps.length <= room) return steps.map((step) => stepLine(step, now, width));
  const rows = Math.max(3, room);
  const current = currentStepIndex(steps);
  // Room for the steps themselves with both count lines; one count line goes away at either end.
  let start = Math.max(0, current - BEFORE);
  let size = rows - (start > 0 ? 1 : 0) - 1;
  if (start + size >= steps.length) {
    size = rows - (start > 0 ? 1 : 0);
    start = Math.max(0, steps.length - size);
    size = steps.length - start;
  }
  const shown = steps.slice(start, start + size);
  const above = steps.slice(0, start);
  const below = steps.slice(start + size);
  const lines: Line[] = [];
  if (above.length) lines.push(countLine(above, 'above'));
  lines.push(...shown.map((step) => stepLine(step, now, width)));
  if (below.length) lines.push(countLine(below, 'below'));
  return lines;
}

function countLine(steps: ProgressStep[], where: 'above' | 'below'): Line {
  const done = steps.filter((step) => step.status === 'done').length;
  const skipped = steps.filter((step) => step.status === 'skipped').length;
  const other = steps.length - done - skipped;
  if (where === 'above') {
    const parts = [done ? `${done} done` : '', skipped ? `${skipped} skipped` : '', other ? `${other} not finished` : ''].filter(Boolean).join(', ');
    return [statusIcon(other ? 'pending' : 'done'), segment(` ${steps.length} earlier step${steps.length === 1 ? '' : 's'}: ${parts}`, { dim: true })];
  }
  const note = skipped && skipped < steps.length ? ` (${skipped} not needed)` : skipped ? ' (not needed)' : '';
  return [statusIcon('pending'), segment(` ${steps.length} more step${steps.length === 1 ? '' : 's'}${note}`, { dim: true })];
}
