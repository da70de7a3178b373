import { bullet, indented } from '../layout/blocks.js';
import { segment, type Line } from '../layout/line.js';
import { wrap } from '../layout/wrap.js';

/** A one-line text entry (long text wraps) with its inline validation message. */
export function fieldLines(text: string, width: number, options: { placeholder?: string; error?: string } = {}): Line[] {
  const prompt = segment('› ', { tone: 'accent' });
  const cursor = segment(' ', { inverse: true });
  let lines: Line[];
  if (text) {
    lines = wrap(segment(text), width - 1, { first: [prompt], rest: [segment('  ')] });
    lines[lines.length - 1]!.push(cursor);
  } else {
    lines = [[prompt, ...(options.placeholder ? [segment(options.placeholder, { dim: true })] : []), cursor]];
  }
  if (options.error) lines.push(...indented(bullet(segment('✗', { tone: 'error' }), options.error, width - 2, { tone: 'error' }), 2));
  return lines;
}
