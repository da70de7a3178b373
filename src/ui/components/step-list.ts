import type { Lang } from '../../i18n/language.js';
import { pick } from '../../i18n/localized.js';
import { wizardText as w } from '../../i18n/messages/wizard.js';
import { segment, spread, type Line } from '../layout/line.js';
import type { ProgressStep } from '../state/progress-state.js';
import { duration } from './format.js';
import { statusIcon } from './status-icon.js';

function timing(step: ProgressStep, now: number, lang: Lang): string {
  if (step.status === 'running' && step.startedAt !== undefined) return duration(now - step.startedAt, lang);
  if (step.status === 'skipped') return w.stepSkipped[lang];
  if (step.durationMs !== undefined) return `${duration(step.durationMs, lang)}${step.status === 'done' && step.changed === false ? w.stepNoChange[lang] : ''}`;
  if (step.status === 'interrupted') return w.stepInterrupted[lang];
  return '';
}

export function stepLine(step: ProgressStep, now: number, width: number, lang: Lang): Line {
  const quiet = step.status === 'pending' || step.status === 'skipped';
  const title = step.recheck && step.status === 'running' ? w.stepChecking({ title: step.title })[lang] : pick(step.title, lang);
  const left: Line = [statusIcon(step.status, now), segment(' '), segment(title, { bold: step.status === 'running', dim: quiet })];
  return spread(left, [segment(timing(step, now, lang), { dim: true })], width);
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
export function stepListLines(steps: ProgressStep[], now: number, width: number, room: number, lang: Lang): Line[] {
  if (steps.length <= room) return steps.map((step) => stepLine(step, now, width, lang));
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
  if (above.length) lines.push(countLine(above, 'above', lang));
  lines.push(...shown.map((step) => stepLine(step, now, width, lang)));
  if (below.length) lines.push(countLine(below, 'below', lang));
  return lines;
}

function countLine(steps: ProgressStep[], where: 'above' | 'below', lang: Lang): Line {
  const done = steps.filter((step) => step.status === 'done').length;
  const skipped = steps.filter((step) => step.status === 'skipped').length;
  const other = steps.length - done - skipped;
  if (where === 'above') {
    const parts = [done ? w.partDone({ count: done })[lang] : '', skipped ? w.partSkipped({ count: skipped })[lang] : '', other ? w.partNotFinished({ count: other })[lang] : '']
      .filter(Boolean)
      .join(', ');
    return [statusIcon(other ? 'pending' : 'done'), segment(` ${w.earlierSteps({ count: steps.length, parts })[lang]}`, { dim: true })];
  }
  const note = skipped && skipped < steps.length ? w.someNotNeeded({ count: skipped })[lang] : skipped ? w.allNotNeeded[lang] : '';
  return [statusIcon('pending'), segment(` ${w.moreSteps({ count: steps.length })[lang]}${note}`, { dim: true })];
}
