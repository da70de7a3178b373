import { duration } from '../components/format.js';
import { outputTailLines } from '../components/output-tail.js';
import { spinnerLine } from '../components/spinner.js';
import { statusIcon } from '../components/status-icon.js';
import { stepListLines } from '../components/step-list.js';
import { BodyBuilder, paragraph } from '../layout/blocks.js';
import type { ScreenView } from '../layout/frame.js';
import { segment, spread, type Line } from '../layout/line.js';
import { describePackageManagerWait } from '../../packages/format.js';
import { countSteps } from '../state/progress-state.js';
import type { WizardState } from '../state/wizard-state.js';

/**
 * The install as it runs, at any height: the step list folded around the running step,
 * then the running step (its title, n/N, elapsed time), its command and last output lines.
 */
export function progressView(state: WizardState): ScreenView {
  const progress = state.progress;
  const { finished, total } = countSteps(progress);
  const elapsed = progress.startedAt !== undefined ? ` · ${duration(state.now - progress.startedAt)}` : '';
  return {
    title: progress.resumed ? 'Resuming the install' : 'Installing',
    position: progress.started ? `${finished}/${total} done${elapsed}` : undefined,
    hints: state.quitting || state.stopping ? [] : [['Ctrl-C', 'stop']],
    body(width, height) {
      const body = new BodyBuilder();
      if (!progress.started) return body.line(...spinnerLine(state.now, 'Starting…')).build();
      const running = runningLines(state, width);
      const room = Math.max(3, height - (running.length ? running.length + 1 : 0));
      body.add(stepListLines(progress.steps, state.now, width, room));
      if (running.length) body.gap().focused(running);
      return body.build();
    },
    status(width) {
      const lines: Line[] = [];
      if (progress.logFile) lines.push(...paragraph(`Log: ${progress.logFile}`, width, { dim: true }));
      if (state.stopping) lines.push(spinnerLine(state.now, 'Stopping: ending the running command…'));
      return lines;
    },
  };
}

/**
 * The running step: "⠸ PostgreSQL server   step 7/23 · 12.3s", while it waits for another
 * package manager who holds it and for how long, then its command and output tail.
 */
function runningLines(state: WizardState, width: number): Line[] {
  const { steps, runningStepId, command, tail, waiting } = state.progress;
  const index = steps.findIndex((step) => step.id === runningStepId);
  const step = steps[index];
  if (!step) return [];
  const title = `${step.title}${step.recheck ? ' (already done: checking)' : ''}`;
  const since = step.startedAt !== undefined ? ` · ${duration(state.now - step.startedAt)}` : '';
  const left: Line = [statusIcon('running', state.now), segment(' '), segment(title, { bold: true })];
  const wait = waiting ? paragraph(describePackageManagerWait(waiting.holders, state.now - waiting.since, waiting.limitMs), width) : [];
  return [spread(left, [segment(`step ${index + 1}/${steps.length}${since}`)], width), ...wait, ...outputTailLines(command, tail, width, 2)];
}
