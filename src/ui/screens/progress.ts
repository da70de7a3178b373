import type { Localized } from '../../i18n/localized.js';
import { wizardText as w } from '../../i18n/messages/wizard.js';
import { duration } from '../components/format.js';
import { outputTailLines } from '../components/output-tail.js';
import { spinnerLine } from '../components/spinner.js';
import { statusIcon } from '../components/status-icon.js';
import { stepListLines } from '../components/step-list.js';
import { BodyBuilder, paragraph } from '../layout/blocks.js';
import type { ScreenView } from '../layout/frame.js';
import { segment, spread, type Line } from '../layout/line.js';
import { pick } from '../../i18n/localized.js';
import { describePackageManagerWait } from '../../packages/format.js';
import { countSteps } from '../state/progress-state.js';
import type { WizardState } from '../state/wizard-state.js';

/**
 * The install as it runs, at any height: the step list folded around the running step,
 * then the running step (its title, n/N, elapsed time), its command and last output lines.
 */
export function progressView(state: WizardState): ScreenView {
  const { progress, lang } = state;
  const l = (text: Localized) => text[lang];
  const { finished, total } = countSteps(progress);
  const elapsed = progress.startedAt !== undefined ? ` · ${duration(state.now - progress.startedAt, lang)}` : '';
  return {
    title: l(progress.resumed ? w.resumingTitle : w.installingTitle),
    position: progress.started ? `${l(w.progressPosition({ finished, total }))}${elapsed}` : undefined,
    hints: state.quitting || state.stopping ? [] : [['Ctrl-C', l(w.keyStop)]],
    body(width, height) {
      const body = new BodyBuilder();
      if (!progress.started) return body.line(...spinnerLine(state.now, l(w.starting))).build();
      const running = runningLines(state, width);
      const room = Math.max(3, height - (running.length ? running.length + 1 : 0));
      body.add(stepListLines(progress.steps, state.now, width, room, lang));
      if (running.length) body.gap().focused(running);
      return body.build();
    },
    status(width) {
      const lines: Line[] = [];
      if (progress.logFile) lines.push(...paragraph(l(w.logFile({ file: progress.logFile })), width, { dim: true }));
      if (state.stopping) lines.push(spinnerLine(state.now, l(w.stopping)));
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
  const { lang } = state;
  const index = steps.findIndex((step) => step.id === runningStepId);
  const step = steps[index];
  if (!step) return [];
  const title = step.recheck ? w.alreadyDoneChecking({ title: step.title })[lang] : pick(step.title, lang);
  const since = step.startedAt !== undefined ? ` · ${duration(state.now - step.startedAt, lang)}` : '';
  const left: Line = [statusIcon('running', state.now), segment(' '), segment(title, { bold: true })];
  const wait = waiting ? paragraph(describePackageManagerWait(waiting.holders, state.now - waiting.since, waiting.limitMs)[lang], width) : [];
  return [spread(left, [segment(`${w.stepPosition({ number: index + 1, total: steps.length })[lang]}${since}`)], width), ...wait, ...outputTailLines(command, tail, width, 2)];
}
