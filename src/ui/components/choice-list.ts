import { segment, textWidth, type Line } from '../layout/line.js';
import { wrap } from '../layout/wrap.js';

export interface ChoiceItem {
  label: string;
  hint?: string;
}

/** Labels longer than this put their hints on the line below instead of in a column. */
const LABEL_COLUMN_MAX = 26;
/** A hint column narrower than this moves the hints under the labels too. */
const HINT_COLUMN_MIN = 20;
const NUMBER_WIDTH = 5;

/** Numbered options, the selected one marked with ❯; hints form a column and wrap under themselves. Rows of the selected option are its focus. */
export function choiceLines(choices: ChoiceItem[], selected: number, width: number): { lines: Line[]; focus: [number, number] } {
  const widest = Math.max(0, ...choices.map((choice) => textWidth(choice.label)));
  const column = widest <= LABEL_COLUMN_MAX && width - NUMBER_WIDTH - widest - 2 >= HINT_COLUMN_MIN;
  const lines: Line[] = [];
  let focus: [number, number] = [0, 0];
  choices.forEach((choice, index) => {
    const active = index === selected;
    const from = lines.length;
    const number = segment(`${active ? '❯' : ' '} ${index + 1}.`.padEnd(NUMBER_WIDTH), active ? { tone: 'accent' } : {});
    const label = segment(choice.label, active ? { bold: true, tone: 'accent' } : {});
    if (column) {
      const first: Line = [number, label, segment(' '.repeat(widest + 2 - textWidth(choice.label)))];
      lines.push(...wrap(choice.hint ?? '', width, { first, rest: [segment(' '.repeat(NUMBER_WIDTH + widest + 2))], style: { dim: true } }));
    } else {
      lines.push(...wrap(choice.label, width, { first: [number], style: active ? { bold: true, tone: 'accent' } : {} }));
      if (choice.hint) lines.push(...wrap(choice.hint, width, { first: [segment(' '.repeat(NUMBER_WIDTH + 2))], style: { dim: true } }));
    }
    if (active) focus = [from, lines.length];
  });
  return { lines, focus };
}
