import type { Localized } from '../../i18n/localized.js';
import { wizardText as w } from '../../i18n/messages/wizard.js';
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
  const l = (text: Localized) => text[state.lang];
  return {
    title: l(GROUP_TITLES[question.group]),
    position: l(w.section({ number: groups.indexOf(question.group) + 1, total: groups.length })),
    hints: hintsFor(state, question),
    scroll: 'pages',
    body(width, height) {
      const body = new BodyBuilder();
      body.add(paragraph(l(question.title), width, { bold: true }));
      body.add(paragraph(l(helpOf(state, question)), width, { dim: true }));
      if (question.warning) body.gap().add(bullet(segment('!', { tone: 'warning' }), l(question.warning), width, { tone: 'warning' }));
      body.gap();
      if (question.kind === 'text') {
        const placeholder = placeholderOf(state, question);
        body.focused(fieldLines(state.input.text, width, { placeholder: placeholder && l(placeholder), error: state.input.error && l(state.input.error) }));
      } else if (question.kind === 'choice') {
        const items = choicesOf(state, question).map((choice) => ({ label: l(choice.label), hint: choice.hint && l(choice.hint) }));
        const choices = choiceLines(items, state.input.choice, width);
        const from = body.length;
        // The whole list stays in view when it fits, else the selected option.
        const [start, end] = choices.lines.length <= height - 2 ? [0, choices.lines.length] : choices.focus;
        body.add(choices.lines).focusRows(from + start, from + end);
        if (state.input.error) body.focused(indented(bullet(segment('✗', { tone: 'error' }), l(state.input.error), width - 2, { tone: 'error' }), 2));
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
    return [spinnerLine(state.now, w.connectingDatabase({ host: db?.host ?? '', port: db?.port ?? 5432, user: db?.user ?? 'synapse_user' })[state.lang])];
  }
  const ok = test.status === 'ok';
  return bullet(segment(ok ? '✓' : '✗', { tone: ok ? 'success' : 'error' }), test.message?.[state.lang] ?? '', width, { tone: ok ? 'success' : 'error' });
}

function hintsFor(state: WizardState, question: Question): Hint[] {
  const l = (text: Localized) => text[state.lang];
  const quit: Hint = ['Ctrl-C', l(w.keyQuit)];
  const back: Hint = ['Esc', l(w.keyBack)];
  if (question.kind === 'database-test') {
    if (state.databaseTest.status === 'ok') return [['Enter', l(w.keyContinue)], back, quit];
    if (state.databaseTest.status === 'failed') return [['Enter', l(w.keyTestAgain)], ['Esc', l(w.keyChangeAnswers)], quit];
    return [back, quit];
  }
  if (question.kind === 'choice') return [['↑↓', l(w.keyChoose)], ['Enter', l(w.keyContinue)], back, quit];
  if (state.input.pristine) return [['Enter', l(w.keyAccept)], [l(w.keyTyping), l(w.keyTypingReplaces)], ['Backspace', l(w.keyEdit)], back, quit];
  return [['Enter', l(w.keyContinue)], back, ['Ctrl-U', l(w.keyClear)], quit];
}
