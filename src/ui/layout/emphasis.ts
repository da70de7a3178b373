import { segment, type Span } from './line.js';

/**
 * A translated sentence with some of its values in bold (a server name, a command): the
 * values are found in the text, wherever the language put them.
 */
export function emphasized(text: string, values: string[]): Span[] {
  let spans: Span[] = [text];
  for (const value of values.filter(Boolean)) {
    spans = spans.flatMap((span) => {
      if (typeof span !== 'string') return [span];
      const at = span.indexOf(value);
      if (at < 0) return [span];
      return [span.slice(0, at), segment(value, { bold: true }), span.slice(at + value.length)].filter((part) => part !== '');
    });
  }
  return spans;
}
