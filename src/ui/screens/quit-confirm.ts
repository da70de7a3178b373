import { lineWidth, segment, type Line } from '../layout/line.js';
import { wrap } from '../layout/wrap.js';
import type { WizardState } from '../state/wizard-state.js';

function question(state: WizardState): string {
  if (state.screen === 'progress') {
    return `Stop the install? The running step is stopped and recorded as interrupted; continue later with: ${state.resumeCommand}`;
  }
  if (state.screen === 'failure') return `Quit? Finished steps stay done; continue later with: ${state.resumeCommand}`;
  return 'Quit matrix-setup? Nothing has been changed on this machine.';
}

/** Shown in place of the key hints on Ctrl-C: a framed question. */
export function quitConfirmLines(state: WizardState, width: number): Line[] {
  const inner = width - 4;
  const border = (text: string) => segment(text, { tone: 'warning' });
  const boxed = (line: Line): Line => {
    const used = lineWidth(line);
    return [border('│ '), ...line, segment(' '.repeat(Math.max(0, inner - used))), border(' │')];
  };
  const text = [...wrap(question(state), inner), [segment('y', { bold: true }), segment(' quit · '), segment('n', { bold: true }), segment(' or Esc: stay')]];
  return [[], [border(`╭${'─'.repeat(width - 2)}╮`)], ...text.map(boxed), [border(`╰${'─'.repeat(width - 2)}╯`)]];
}
