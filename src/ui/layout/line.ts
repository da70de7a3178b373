/**
 * The wizard draws every frame as a list of lines it laid out itself, so it always knows how
 * tall a frame is before Ink writes it (a frame taller than the terminal leaves debris that
 * Ink cannot erase). A line is a row of styled segments, never wider than the frame.
 */
import stringWidth from 'string-width';

/** Colour roles; the theme turns them into colours (or nothing, with NO_COLOR). */
export type Tone = 'accent' | 'success' | 'warning' | 'error';

export interface Segment {
  text: string;
  bold?: boolean;
  tone?: Tone;
  /** Secondary text: dimmed when the theme dims. */
  dim?: boolean;
  inverse?: boolean;
}

export type Line = Segment[];

/** Text for wrapping: plain, or styled. */
export type Span = string | Segment;

export type Style = Omit<Segment, 'text'>;

export function segment(text: string, style: Style = {}): Segment {
  return { text, ...style };
}

export function bold(text: string, style: Style = {}): Segment {
  return { text, ...style, bold: true };
}

export function toSegment(span: Span, style: Style = {}): Segment {
  return typeof span === 'string' ? { text: span, ...style } : { ...style, ...span };
}

/** Columns a string takes on a terminal (wide characters count twice, ANSI codes not at all). */
export function textWidth(text: string): number {
  return stringWidth(text);
}

export function lineWidth(line: Line): number {
  return line.reduce((sum, part) => sum + textWidth(part.text), 0);
}

export function lineText(line: Line): string {
  return line.map((part) => part.text).join('');
}

/** A line of spaces, then the line. */
export function indentLine(line: Line, columns: number): Line {
  return columns > 0 && line.length > 0 ? [{ text: ' '.repeat(columns) }, ...line] : line;
}

export function indentLines(lines: Line[], columns: number): Line[] {
  return lines.map((line) => indentLine(line, columns));
}

/** The line cut to `width` columns, ending in "…" when something was cut. */
export function truncateLine(line: Line, width: number): Line {
  if (lineWidth(line) <= width) return line;
  const out: Line = [];
  let room = Math.max(0, width - 1);
  for (const part of line) {
    if (room <= 0) break;
    let taken = '';
    for (const char of part.text) {
      const w = textWidth(char);
      if (w > room) {
        room = 0;
        break;
      }
      taken += char;
      room -= w;
    }
    if (taken) out.push({ ...part, text: taken });
  }
  const last = out[out.length - 1];
  out.push({ ...(last ? withoutText(last) : {}), text: '…' });
  return out;
}

function withoutText(part: Segment): Style {
  const { text: _text, ...style } = part;
  return style;
}

/** Left text and right text on one line of `width` columns (the left one is cut first). */
export function spread(left: Line, right: Line, width: number): Line {
  const rightWidth = lineWidth(right);
  if (rightWidth === 0) return truncateLine(left, width);
  const room = width - rightWidth - 1;
  if (room < 1) return truncateLine(right, width);
  const cut = truncateLine(left, room);
  const gap = width - lineWidth(cut) - rightWidth;
  return [...cut, { text: ' '.repeat(gap) }, ...right];
}
