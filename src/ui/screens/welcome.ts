import type { Localized } from '../../i18n/localized.js';
import { pick } from '../../i18n/localized.js';
import { wizardText as w } from '../../i18n/messages/wizard.js';
import { checkLines } from '../components/check-list.js';
import { choiceLines } from '../components/choice-list.js';
import { spinnerLine } from '../components/spinner.js';
import { BodyBuilder, bullet, heading, indented, paragraph } from '../layout/blocks.js';
import type { ScreenView } from '../layout/frame.js';
import { bold, segment, type Line } from '../layout/line.js';
import { emphasized } from '../layout/emphasis.js';
import { previousRunStatus, welcomeOptions, type WizardState } from '../state/wizard-state.js';

/** What this does, the system, the checks (filled in as they finish), and with a previous run, how to go on. */
export function welcomeView(state: WizardState): ScreenView {
  const { host, previous, preflight, lang } = state;
  const l = (text: Localized) => text[lang];
  return {
    title: l(w.welcomeTitle),
    hints: previous ? [['↑↓', l(w.keyChoose)], ['Enter', l(w.keyContinue)], ['Ctrl-C', l(w.keyQuit)]] : [['Enter', l(w.keyStart)], ['Ctrl-C', l(w.keyQuit)]],
    scroll: previous ? 'pages' : 'arrows',
    body(width, height) {
      const body = new BodyBuilder();
      body.add(paragraph(l(w.welcomeIntro), width));
      for (const line of host.installs) body.add(indented(bullet('•', pick(line, lang), width - 2), 2));
      body.gap().add(paragraph([l(w.detectedSystem), bold(host.targetName ? pick(host.targetName, lang) : l(w.systemNotSupported))], width));
      body.gap().line(...checksHeading(state));
      if (preflight.status === 'loading') {
        body.add(preflight.items.length ? checkLines(preflight.items, width, state.now, lang) : [spinnerLine(state.now, l(w.checkingMachine))]);
      }
      if (preflight.status === 'error') body.add(paragraph(l(w.checksCouldNotRun({ message: preflight.message })), width, { tone: 'error' }));
      if (preflight.status === 'ready') {
        body.add(checkLines(preflight.value, width, state.now, lang));
        if (preflight.value.some((result) => result.status === 'fail')) {
          body.gap().add(paragraph(l(w.someChecksFailed), width, { tone: 'warning' }));
        }
      }
      if (state.previousError) {
        body.gap().add(paragraph(l(w.previousUnreadable({ dir: host.stateDir, error: state.previousError })), width, { tone: 'warning' }));
      }
      if (previous) {
        body.gap().add(paragraph(emphasized(l(previousRunStatus(previous)), [previous.answers.server_name]), width));
        const choices = choiceLines(welcomeOptions(state).map((option) => ({ label: l(option.label) })), state.welcomeChoice, width);
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
  const { preflight, lang } = state;
  const title = heading(w.checksHeading[lang]);
  if (preflight.status === 'loading') {
    const done = preflight.items.filter((item) => item.status !== 'pending').length;
    return [...title, ...(preflight.items.length ? [segment(w.checksProgress({ done, total: preflight.items.length })[lang], { dim: true })] : [])];
  }
  if (preflight.status === 'error') return title;
  const count = (status: string) => preflight.value.filter((result) => result.status === status).length;
  const found = [
    w.checksPassed({ count: count('pass') })[lang],
    count('warn') ? w.checksToLookAt({ count: count('warn') })[lang] : '',
    count('fail') ? w.checksFailed({ count: count('fail') })[lang] : '',
  ]
    .filter(Boolean)
    .join(', ');
  return [...title, segment(` · ${found}`, { dim: true })];
}
