import { bullet, BodyBuilder, indented, paragraph } from '../layout/blocks.js';
import { choiceLines } from '../components/choice-list.js';
import { fieldLines } from '../components/field.js';
import { spinnerLine } from '../components/spinner.js';
import type { Hint, ScreenView } from '../layout/frame.js';
import { segment, type Line } from '../layout/line.js';
import { GROUP_TITLES, type Question } from '../questions/index.js';
import { helpOf, placeholderOf } from '../state/question-text.js';
import { choicesOf, currentQuestions, type WizardState } from '../state/wizard-state.js';

/** One question: its title, help and any caution, then the entry (kept in view). */
export function questionsView(state: WizardState, question: Question): ScreenView {
  const list = currentQuestions(state);
  const groups = [...new Set(list.map((q) => q.group))];
  return {
    title: GROUP_TITLES[question.group],
    position: `section ${groups.indexOf(question.group) + 1}/${groups.length}`,
    hints: hintsFor(state, question),
    scroll: 'pages',
    body(width, height) {
      const body = new BodyBuilder();
      body.add(paragraph(question.title, width, { bold: true }));
      body.add(paragraph(helpOf(state, question), width, { dim: true }));
      if (question.warning) body.gap().add(bullet(segment('!', { tone: 'warning' }), question.warning, width, { tone: 'warning' }));
      body.gap();
      if (question.kind === 'text') {
        body.focused(fieldLines(state.input.text, width, { placeholder: placeholderOf(state, question), error: state.input.error }));
      } else if (question.kind === 'choice') {
        const choices = choiceLines(choicesOf(state, question), state.input.choice, width);
        const from = body.length;
        // The whole list stays in view when it fits, else the selected option.
        const [start, end] = choices.lines.length <= height - 2 ? [0, choices.lines.length] : choices.focus;
        body.add(choices.lines).focusRows(from + start, from + end);
        if (state.input.error) body.focused(indented(bullet(segment('✗', { tone: 'error' }), state.input.error, width - 2, { tone: 'error' }), 2));
      } else {
        body.focused(databaseTestLines(state, width));
      }
      return body.build();
    },
  };
}

function databaseTestLines(state: WizardState, width: number): Line[] {
  const test = state.databaseTest;
  const db = state.draft.database;
  if (test.status === 'testing' || test.status === 'idle') {
    return [spinnerLine(state.now, `Connecting to ${db?.host ?? ''}:${db?.port ?? 5432} as ${db?.user ?? 'synapse_user'}…`)];
  }
  const ok = test.status === 'ok';
  return bullet(segment(ok ? '✓' : '✗', { tone: ok ? 'success' : 'error' }), test.message ?? '', width, { tone: ok ? 'success' : 'error' });
}

function hintsFor(state: WizardState, question: Question): Hint[] {
  if (question.kind === 'database-test') {
    if (state.databaseTest.status === 'ok') return [['Enter', 'continue'], ['Esc', 'back'], ['Ctrl-C', 'quit']];
    if (state.databaseTest.status === 'failed') return [['Enter', 'test again'], ['Esc', 'change the answers'], ['Ctrl-C', 'quit']];
    return [['Esc', 'back'], ['Ctrl-C', 'quit']];
  }
  if (question.kind === 'choice') return [['↑↓', 'choose'], ['Enter', 'continue'], ['Esc', 'back'], ['Ctrl-C', 'quit']];
  if (state.input.pristine) return [['Enter', 'accept'], ['typing', 'replaces it'], ['Backspace', 'edit'], ['Esc', 'back'], ['Ctrl-C', 'quit']];
  return [['Enter', 'continue'], ['Esc', 'back'], ['Ctrl-U', 'clear'], ['Ctrl-C', 'quit']];
}
