import { checkLines } from '../components/check-list.js';
import { choiceLines } from '../components/choice-list.js';
import { spinnerLine } from '../components/spinner.js';
import { BodyBuilder, bullet, heading, indented, paragraph } from '../layout/blocks.js';
import type { ScreenView } from '../layout/frame.js';
import { bold, segment, type Line } from '../layout/line.js';
import { previousRunStatus, welcomeOptions, type WizardState } from '../state/wizard-state.js';

/** What this does, the system, the checks (filled in as they finish), and with a previous run, how to go on. */
export function welcomeView(state: WizardState): ScreenView {
  const { host, previous, preflight } = state;
  return {
    title: 'Welcome',
    hints: previous ? [['↑↓', 'choose'], ['Enter', 'continue'], ['Ctrl-C', 'quit']] : [['Enter', 'start'], ['Ctrl-C', 'quit']],
    scroll: previous ? 'pages' : 'arrows',
    body(width, height) {
      const body = new BodyBuilder();
      body.add(paragraph('This sets up a Matrix homeserver on this machine:', width));
      for (const line of host.installs) body.add(indented(bullet('•', line, width - 2), 2));
      body.gap().add(paragraph(['Detected system: ', bold(host.targetName ?? 'not supported')], width));
      body.gap().line(...checksHeading(state));
      if (preflight.status === 'loading') {
        body.add(preflight.items.length ? checkLines(preflight.items, width, state.now) : [spinnerLine(state.now, 'Checking this machine…')]);
      }
      if (preflight.status === 'error') body.add(paragraph(`The checks could not run: ${preflight.message}`, width, { tone: 'error' }));
      if (preflight.status === 'ready') {
        body.add(checkLines(preflight.value, width, state.now));
        if (preflight.value.some((result) => result.status === 'fail')) {
          body.gap().add(paragraph('Some checks failed. You can answer the questions now; the install starts only when they pass.', width, { tone: 'warning' }));
        }
      }
      if (state.previousError) {
        body.gap().add(paragraph(`The record of a previous run in ${host.stateDir} could not be read: ${state.previousError}`, width, { tone: 'warning' }));
      }
      if (previous) {
        body.gap().add(paragraph([`${previousRunStatus(previous)} for `, segment(previous.answers.server_name, { bold: true }), '. Its answers are kept.'], width));
        const choices = choiceLines(welcomeOptions(state), state.welcomeChoice, width);
        const from = body.length;
        // The whole list stays in view when it fits, else the selected option.
        const [start, end] = choices.lines.length <= height - 2 ? [0, choices.lines.length] : choices.focus;
        body.add(choices.lines).focusRows(from + start, from + end);
      }
      return body.build();
    },
  };
}

/** "Checks · 7 of 12 done" while they run (some may be below the fold), then what they found. */
function checksHeading(state: WizardState): Line {
  const { preflight } = state;
  if (preflight.status === 'loading') {
    const done = preflight.items.filter((item) => item.status !== 'pending').length;
    return [...heading('Checks'), ...(preflight.items.length ? [segment(` · ${done} of ${preflight.items.length} done`, { dim: true })] : [])];
  }
  if (preflight.status === 'error') return heading('Checks');
  const count = (status: string) => preflight.value.filter((result) => result.status === status).length;
  const found = [`${count('pass')} passed`, count('warn') ? `${count('warn')} to look at` : '', count('fail') ? `${count('fail')} failed` : ''].filter(Boolean).join(', ');
  return [...heading('Checks'), segment(` · ${found}`, { dim: true })];
}
