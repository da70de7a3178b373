/** 4.2s, 1m 05s: short enough for the right edge of a step line. */
export function duration(ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < 60_000) return `${(safe / 1000).toFixed(1)}s`;
  const minutes = Math.floor(safe / 60_000);
  const seconds = Math.floor((safe % 60_000) / 1000);
  return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
}

/** An argument array as the user could paste it into a shell. */
export function shellLine(argv: string[]): string {
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export type Span = string | { bold: string };

export interface Piece {
  text: string;
  bold: boolean;
}

/** Words as runs of pieces: "Root" (bold) then ": ok" gives the words [Root, :] and [ok]. */
export function splitWords(spans: Span[]): Piece[][] {
  const words: Piece[][] = [];
  let open = false;
  for (const span of spans) {
    const bold = typeof span !== 'string';
    for (const token of (bold ? span.bold : span).split(/(\s+)/)) {
      if (token === '') continue;
      if (/^\s+$/.test(token)) {
        open = false;
        continue;
      }
      if (open) words[words.length - 1]!.push({ text: token, bold });
      else words.push([{ text: token, bold }]);
      open = true;
    }
  }
  return words;
}
