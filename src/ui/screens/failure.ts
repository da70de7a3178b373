import type { Localized } from '../../i18n/localized.js';
import { pick } from '../../i18n/localized.js';
import { wizardText as w } from '../../i18n/messages/wizard.js';
import { choiceLines } from '../components/choice-list.js';
import { shellLine } from '../components/format.js';
import { outputTailLines } from '../components/output-tail.js';
import { BodyBuilder, heading, indented, paragraph } from '../layout/blocks.js';
import { emphasized } from '../layout/emphasis.js';
import type { ScreenView } from '../layout/frame.js';
import { segment } from '../layout/line.js';
import { FAILURE_OPTIONS, type WizardState } from '../state/wizard-state.js';

const SHOWN_LINES = 10;

/** What failed, its command and last output, the likely cause, the log, and how to go on. */
export function failureView(state: WizardState): ScreenView {
  const { lang } = state;
  const l = (text: Localized) => text[lang];
  const outcome = state.outcome!;
  const error = outcome.error;
  const step = state.progress.steps.find((s) => s.id === outcome.failedStep);
  const stepName = step ? l(w.stepNamed({ title: step.title, id: step.id })) : (outcome.failedStep ?? l(w.unknownStep));
  const output = (error?.outputTail?.length ? error.outputTail : state.progress.tail).slice(-SHOWN_LINES);
  const interrupted = outcome.status === 'interrupted';
  return {
    title: l(interrupted ? w.stoppedTitle : w.failedTitle),
    hints: state.quitting ? [] : [['↑↓', l(w.keyChoose)], ['Enter', l(w.keyConfirm)], ['r', l(w.keyRetry)], ['Ctrl-C', l(w.keyQuit)]],
    scroll: 'pages',
    body(width) {
      const body = new BodyBuilder();
      body.add(paragraph(l((interrupted ? w.stoppedAt : w.failedAt)({ step: stepName })), width, { tone: 'error', bold: true }));
      body.add(indented(paragraph(error ? pick(error.message, lang) : l(w.installStopped), width - 2), 2));
      if (error?.argv) {
        body.gap().line(...heading(l(error.exitCode !== undefined ? w.commandExitHeading({ code: error.exitCode }) : w.commandHeading)));
        body.add(indented(paragraph(`$ ${shellLine(error.argv)}`, width - 2), 2));
      }
      if (output.length > 0) body.gap().line(...heading(l(w.lastOutput))).add(outputTailLines(undefined, output, width, 2));
      if (error?.hint) body.gap().add(paragraph([segment(l(w.likelyCause), { bold: true }), ` ${pick(error.hint, lang)}`], width));
      body.gap().add(paragraph(l(w.fullOutputInLog({ file: outcome.logFile })), width));
      body.add(paragraph(emphasized(l(w.nothingLost({ command: state.resumeCommand })), [state.resumeCommand]), width));
      return body.build();
    },
    status: (width) => choiceLines(FAILURE_OPTIONS.map((label) => ({ label: l(label) })), state.failureChoice, width).lines,
  };
}
