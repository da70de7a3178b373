import { wizardText as w } from '../../i18n/messages/wizard.js';
import type { Localized } from '../../i18n/localized.js';
import { lineWidth, segment, type Line } from '../layout/line.js';
import { wrap } from '../layout/wrap.js';
import type { WizardState } from '../state/wizard-state.js';

function question(state: WizardState): Localized {
  const command = state.resumeCommand;
  if (state.screen === 'progress') return w.quitDuringRun({ command });
  if (state.screen === 'failure') return w.quitAfterFailure({ command });
  return w.quitBeforeInstall;
}

/** Shown in place of the key hints on Ctrl-C: a framed question. */
export function quitConfirmLines(state: WizardState, width: number): Line[] {
  const { lang } = state;
  const inner = width - 4;
  const border = (text: string) => segment(text, { tone: 'warning' });
  const boxed = (line: Line): Line => {
    const used = lineWidth(line);
    return [border('│ '), ...line, segment(' '.repeat(Math.max(0, inner - used))), border(' │')];
  };
  const answer: Line = [segment('y', { bold: true }), segment(w.quitYes[lang]), segment('n', { bold: true }), segment(w.quitNo[lang])];
  const text = [...wrap(question(state)[lang], inner), answer];
  return [[], [border(`╭${'─'.repeat(width - 2)}╮`)], ...text.map(boxed), [border(`╰${'─'.repeat(width - 2)}╯`)]];
}
