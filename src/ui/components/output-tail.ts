import { segment, truncateLine, type Line } from '../layout/line.js';
import { shellLine } from './format.js';

/** The running command and its last output lines (already ANSI-stripped by the progress reducer), one row each. */
export function outputTailLines(command: string[] | undefined, lines: string[], width: number, indent = 0): Line[] {
  const pad = ' '.repeat(indent);
  const out: Line[] = [];
  if (command) out.push(truncateLine([segment(`${pad}$ ${shellLine(command)}`, { tone: 'accent' })], width));
  for (const line of lines) out.push(truncateLine([segment(`${pad}│ ${line}`, { dim: true })], width));
  return out;
}
