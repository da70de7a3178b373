import { choiceLines } from '../components/choice-list.js';
import { shellLine } from '../components/format.js';
import { outputTailLines } from '../components/output-tail.js';
import { BodyBuilder, heading, indented, paragraph } from '../layout/blocks.js';
import type { ScreenView } from '../layout/frame.js';
import { segment } from '../layout/line.js';
import { FAILURE_OPTIONS, type WizardState } from '../state/wizard-state.js';

const SHOWN_LINES = 10;

/** What failed, its command and last output, the likely cause, the log, and how to go on. */
export function failureView(state: WizardState): ScreenView {
  const outcome = state.outcome!;
  const error = outcome.error ?? { message: 'The install stopped.' };
  const step = state.progress.steps.find((s) => s.id === outcome.failedStep);
  const stepName = step ? `${step.title} (${step.id})` : (outcome.failedStep ?? 'unknown step');
  const output = (error.outputTail?.length ? error.outputTail : state.progress.tail).slice(-SHOWN_LINES);
  const interrupted = outcome.status === 'interrupted';
  return {
    title: interrupted ? 'Install stopped' : 'Install failed',
    hints: state.quitting ? [] : [['↑↓', 'choose'], ['Enter', 'confirm'], ['r', 'retry'], ['Ctrl-C', 'quit']],
    scroll: 'pages',
    body(width) {
      const body = new BodyBuilder();
      body.add(paragraph(`✗ ${interrupted ? 'Stopped' : 'Failed'} at: ${stepName}`, width, { tone: 'error', bold: true }));
      body.add(indented(paragraph(error.message, width - 2), 2));
      if (error.argv) {
        body.gap().line(...heading(`Command${error.exitCode !== undefined ? ` (exit status ${error.exitCode})` : ''}`));
        body.add(indented(paragraph(`$ ${shellLine(error.argv)}`, width - 2), 2));
      }
      if (output.length > 0) body.gap().line(...heading('Last output')).add(outputTailLines(undefined, output, width, 2));
      if (error.hint) body.gap().add(paragraph([segment('Likely cause:', { bold: true }), ` ${error.hint}`], width));
      body.gap().add(paragraph(`Full output in the log: ${outcome.logFile}`, width));
      body.add(paragraph(['Nothing is lost: finished steps stay done. After fixing the cause, retry now or continue later with: ', segment(state.resumeCommand, { bold: true })], width));
      return body.build();
    },
    status: (width) => choiceLines(FAILURE_OPTIONS.map((label) => ({ label })), state.failureChoice, width).lines,
  };
}
