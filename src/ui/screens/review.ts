import type { Lang } from '../../i18n/language.js';
import type { Localized } from '../../i18n/localized.js';
import { wizardText as w } from '../../i18n/messages/wizard.js';
import { problemLines } from '../components/check-list.js';
import { fieldLines } from '../components/field.js';
import { spinnerLine } from '../components/spinner.js';
import { BodyBuilder, bullet, heading, indented, labelled, paragraph } from '../layout/blocks.js';
import type { Hint, ScreenView } from '../layout/frame.js';
import type { Line } from '../layout/line.js';
import { decisionRows, planRows, type Row } from '../state/summaries.js';
import { installBlocker, preflightFailures, type WizardState } from '../state/wizard-state.js';

const LABEL_WIDTH = 15;

function rowLines(rows: Row[], width: number, lang: Lang): Line[] {
  return indented(rows.flatMap(([label, value]) => labelled(label[lang], value[lang], width - 2, LABEL_WIDTH)), 2);
}

/** The decisions, the plan in numbers, this machine's checks; what Enter does (or why not) stays under them. */
export function reviewView(state: WizardState): ScreenView {
  const { review, preflight, lang } = state;
  const l = (text: Localized) => text[lang];
  const blocker = installBlocker(state);
  return {
    title: l(review.resume ? w.resumeTitle : w.reviewTitle),
    position: state.planOnly ? l(w.planOnlyPosition) : undefined,
    hints: hints(state, Boolean(blocker)),
    scroll: 'arrows',
    body(width) {
      const body = new BodyBuilder();
      if (review.issues.length > 0) {
        body.add(paragraph(l(w.answersUnusable), width, { tone: 'error' }));
        for (const issue of review.issues) body.add(indented(bullet('✗', l(issue), width - 2), 2));
      }
      if (!review.answers) return body.build();
      body.gap().line(...heading(l(w.decisionsHeading))).add(rowLines(decisionRows(review.answers, state.host), width, lang));
      body.gap().line(...heading(l(w.planHeading)));
      if (review.plan?.status === 'loading') body.line(...spinnerLine(state.now, l(w.buildingPlan)));
      if (review.plan?.status === 'error') body.add(paragraph(l(w.planFailed({ message: review.plan.message })), width, { tone: 'error' }));
      if (review.plan?.status === 'ready') body.add(rowLines(planRows(review.plan.value, review.savedTo), width, lang));
      body.gap();
      const machine = body.length;
      body.line(...heading(l(w.machineHeading)));
      if (preflight.status === 'loading') body.add(indented([preflightLoading(state)], 2));
      if (preflight.status === 'error') body.add(paragraph(l(w.checksCouldNotRun({ message: preflight.message })), width, { tone: 'error' }));
      if (preflight.status === 'ready') body.add(indented(problemLines(preflight.value, width - 2, state.now, lang), 2));
      // A failed check is what stands between the user and the install: keep it in view.
      if (preflightFailures(state).length > 0) body.focusRows(machine, body.length);
      return body.build();
    },
    status(width) {
      if (review.saveText !== undefined) {
        return [...paragraph(l(w.saveTo), width), ...fieldLines(review.saveText, width, { error: review.saveError && l(review.saveError) })];
      }
      const lines: Line[] = [];
      if (review.savedTo) lines.push(...paragraph(l(w.savedTo({ path: review.savedTo })), width, { tone: 'success' }));
      if (state.planOnly) lines.push(...paragraph(l(w.planOnlyNote), width));
      if (blocker) lines.push(...paragraph(l(blocker), width, { tone: 'warning' }));
      return lines;
    },
  };
}

function preflightLoading(state: WizardState): Line {
  const items = state.preflight.status === 'loading' ? state.preflight.items : [];
  const done = items.filter((item) => item.status !== 'pending').length;
  const text = items.length ? w.checkingMachineCount({ done, total: items.length }) : w.checkingMachine;
  return spinnerLine(state.now, text[state.lang]);
}

function hints(state: WizardState, blocked: boolean): Hint[] {
  const l = (text: Localized) => text[state.lang];
  if (state.review.saveText !== undefined) return [['Enter', l(w.keySave)], ['Esc', l(w.keyCancel)]];
  const list: Hint[] = [];
  if (state.planOnly) list.push(['Enter', l(w.keyQuit)]);
  else if (!blocked) list.push(['Enter', l(state.review.resume ? w.keyResumeInstall : w.keyInstall)]);
  if (state.review.answers) list.push(['s', l(w.keySaveAnswers)]);
  list.push(['Esc', l(w.keyBack)], ['r', l(w.keyCheckAgain)], ['Ctrl-C', l(w.keyQuit)]);
  return list;
}
