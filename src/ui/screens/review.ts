import { problemLines } from '../components/check-list.js';
import { fieldLines } from '../components/field.js';
import { spinnerLine } from '../components/spinner.js';
import { BodyBuilder, bullet, heading, indented, labelled, paragraph } from '../layout/blocks.js';
import type { Hint, ScreenView } from '../layout/frame.js';
import type { Line } from '../layout/line.js';
import { decisionRows, planRows, type Row } from '../state/summaries.js';
import { installBlocker, preflightFailures, type WizardState } from '../state/wizard-state.js';

const LABEL_WIDTH = 15;

function rowLines(rows: Row[], width: number): Line[] {
  return indented(rows.flatMap(([label, value]) => labelled(label, value, width - 2, LABEL_WIDTH)), 2);
}

/** The decisions, the plan in numbers, this machine's checks; what Enter does (or why not) stays under them. */
export function reviewView(state: WizardState): ScreenView {
  const { review, preflight } = state;
  const blocker = installBlocker(state);
  return {
    title: review.resume ? 'Resume the previous run' : 'Review',
    position: state.planOnly ? 'plan only' : undefined,
    hints: hints(state, Boolean(blocker)),
    scroll: 'arrows',
    body(width) {
      const body = new BodyBuilder();
      if (review.issues.length > 0) {
        body.add(paragraph('These answers cannot be used yet:', width, { tone: 'error' }));
        for (const issue of review.issues) body.add(indented(bullet('✗', issue, width - 2), 2));
      }
      if (!review.answers) return body.build();
      body.gap().line(...heading('Your decisions')).add(rowLines(decisionRows(review.answers, state.host), width));
      body.gap().line(...heading('The plan'));
      if (review.plan?.status === 'loading') body.line(...spinnerLine(state.now, 'Building the plan…'));
      if (review.plan?.status === 'error') body.add(paragraph(`The plan could not be built: ${review.plan.message}`, width, { tone: 'error' }));
      if (review.plan?.status === 'ready') body.add(rowLines(planRows(review.plan.value, review.savedTo), width));
      body.gap();
      const machine = body.length;
      body.line(...heading('This machine'));
      if (preflight.status === 'loading') body.add(indented([preflightLoading(state)], 2));
      if (preflight.status === 'error') body.add(paragraph(`The checks could not run: ${preflight.message}`, width, { tone: 'error' }));
      if (preflight.status === 'ready') body.add(indented(problemLines(preflight.value, width - 2, state.now), 2));
      // A failed check is what stands between the user and the install: keep it in view.
      if (preflightFailures(state).length > 0) body.focusRows(machine, body.length);
      return body.build();
    },
    status(width) {
      if (review.saveText !== undefined) {
        return [...paragraph('Save the answers file to (secrets only by reference):', width), ...fieldLines(review.saveText, width, { error: review.saveError })];
      }
      const lines: Line[] = [];
      if (review.savedTo) lines.push(...paragraph(`✓ Saved to ${review.savedTo}. Replay with: matrix-setup --answers ${review.savedTo}`, width, { tone: 'success' }));
      if (state.planOnly) lines.push(...paragraph('Plan only: nothing will be installed.', width));
      if (blocker) lines.push(...paragraph(blocker, width, { tone: 'warning' }));
      return lines;
    },
  };
}

function preflightLoading(state: WizardState): Line {
  const items = state.preflight.status === 'loading' ? state.preflight.items : [];
  const done = items.filter((item) => item.status !== 'pending').length;
  return spinnerLine(state.now, items.length ? `Checking this machine… (${done} of ${items.length} done)` : 'Checking this machine…');
}

function hints(state: WizardState, blocked: boolean): Hint[] {
  if (state.review.saveText !== undefined) return [['Enter', 'save'], ['Esc', 'cancel']];
  const list: Hint[] = [];
  if (state.planOnly) list.push(['Enter', 'quit']);
  else if (!blocked) list.push(['Enter', state.review.resume ? 'resume the install' : 'install']);
  if (state.review.answers) list.push(['s', 'save answers file']);
  list.push(['Esc', 'back'], ['r', 'check again'], ['Ctrl-C', 'quit']);
  return list;
}
