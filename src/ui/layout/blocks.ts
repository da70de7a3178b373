/** Building blocks for screen bodies: paragraphs, marked lines, label columns, and the body itself. */
import { indentLines, segment, textWidth, toSegment, type Line, type Segment, type Span, type Style } from './line.js';
import type { Body } from './frame.js';
import { wrap } from './wrap.js';

export function paragraph(spans: Span | Span[], width: number, style: Style = {}): Line[] {
  return wrap(spans, width, { style });
}

/** A marked line whose wrapped continuation lines hang under the text, not under the mark. */
export function bullet(mark: Span, spans: Span | Span[], width: number, style: Style = {}): Line[] {
  const markSegment = toSegment(mark, style);
  const markWidth = Math.max(2, textWidth(markSegment.text) + 1);
  const first: Line = [markSegment, segment(' '.repeat(markWidth - textWidth(markSegment.text)))];
  return wrap(spans, width, { first, rest: [segment(' '.repeat(markWidth))], style });
}

/** Label and value in two columns; the value wraps under itself. */
export function labelled(label: string, value: Span | Span[], width: number, labelWidth: number, style: Style = {}): Line[] {
  const column = Math.max(labelWidth, textWidth(label) + 1);
  const first: Line = [segment(label), segment(' '.repeat(column - textWidth(label)))];
  return wrap(value, width, { first, rest: [segment(' '.repeat(column))], style });
}

export function indented(lines: Line[], columns: number): Line[] {
  return indentLines(lines, columns);
}

export function heading(text: string): Line {
  return [segment(text, { bold: true })];
}

/** Collects a body's lines and which of them must stay in view. */
export class BodyBuilder {
  private readonly lines: Line[] = [];
  private focus?: [number, number];

  get length(): number {
    return this.lines.length;
  }

  add(lines: Line[]): this {
    this.lines.push(...lines);
    return this;
  }

  line(...parts: Segment[]): this {
    this.lines.push(parts);
    return this;
  }

  /** One blank line between blocks (never at the top, never two). */
  gap(): this {
    const last = this.lines[this.lines.length - 1];
    if (this.lines.length > 0 && last && last.length > 0) this.lines.push([]);
    return this;
  }

  /** Lines that must stay in view; a later call widens the range. */
  focused(lines: Line[]): this {
    const from = this.lines.length;
    this.lines.push(...lines);
    this.focus = this.focus ? [this.focus[0], this.lines.length] : [from, this.lines.length];
    return this;
  }

  /** Marks rows already added (from, to) as the focus. */
  focusRows(from: number, to: number): this {
    this.focus = [from, to];
    return this;
  }

  build(): Body {
    return this.focus ? { lines: this.lines, focus: this.focus } : { lines: this.lines };
  }
}
