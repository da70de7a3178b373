/** Word wrapping for lines of styled segments: no stray space at a line start, long words broken. */
import { textWidth, toSegment, type Line, type Segment, type Span, type Style } from './line.js';

type Word = Segment[];

/** Words as runs of pieces: "Root" (bold) then ": ok" gives the words [Root, :] and [ok]. */
export function splitWords(spans: Span[], style: Style = {}): Word[] {
  const words: Word[] = [];
  let open = false;
  for (const span of spans) {
    const part = toSegment(span, style);
    for (const token of part.text.split(/(\s+)/)) {
      if (token === '') continue;
      if (/^\s+$/.test(token)) {
        open = false;
        continue;
      }
      const piece = { ...part, text: token };
      if (open) words[words.length - 1]!.push(piece);
      else words.push([piece]);
      open = true;
    }
  }
  return words;
}

function wordWidth(word: Word): number {
  return word.reduce((sum, piece) => sum + textWidth(piece.text), 0);
}

/** A word wider than a line, cut into pieces that fit. */
function breakWord(word: Word, first: number, rest: number): Word[] {
  const out: Word[] = [[]];
  let room = first;
  for (const piece of word) {
    let text = '';
    for (const char of piece.text) {
      const w = textWidth(char);
      if (w > room && (text || out[out.length - 1]!.length)) {
        if (text) out[out.length - 1]!.push({ ...piece, text });
        out.push([]);
        text = '';
        room = rest;
      }
      text += char;
      room -= w;
    }
    if (text) out[out.length - 1]!.push({ ...piece, text });
  }
  return out.filter((part) => part.length > 0);
}

export interface WrapOptions {
  /** Put before the first line (a bullet mark, a label); its width is the hanging indent unless `rest` is given. */
  first?: Line;
  /** Put before every other line. Default: spaces as wide as `first`. */
  rest?: Line;
  style?: Style;
}

/**
 * Spans wrapped at word boundaries into lines at most `width` columns wide. Always at least
 * one line (an empty text gives the prefix alone).
 */
export function wrap(spans: Span | Span[], width: number, options: WrapOptions = {}): Line[] {
  const first = options.first ?? [];
  const firstWidth = first.reduce((sum, part) => sum + textWidth(part.text), 0);
  const rest = options.rest ?? (firstWidth > 0 ? [{ text: ' '.repeat(firstWidth) }] : []);
  const restWidth = rest.reduce((sum, part) => sum + textWidth(part.text), 0);
  const words = splitWords(Array.isArray(spans) ? spans : [spans], options.style);
  const lines: Line[] = [];
  let current: Line = [...first];
  let room = Math.max(1, width - firstWidth);
  let empty = true;
  const newLine = () => {
    lines.push(current);
    current = [...rest];
    room = Math.max(1, width - restWidth);
    empty = true;
  };
  for (const word of words) {
    const w = wordWidth(word);
    const needed = empty ? w : w + 1;
    if (needed > room && !empty) newLine();
    if (w > room) {
      const pieces = breakWord(word, room, Math.max(1, width - restWidth));
      pieces.forEach((piece, index) => {
        if (index > 0) newLine();
        current.push(...piece);
        room -= wordWidth(piece);
        empty = false;
      });
      continue;
    }
    if (!empty) {
      current.push({ text: ' ' });
      room -= 1;
    }
    current.push(...word);
    room -= w;
    empty = false;
  }
  lines.push(current);
  return lines;
}
