/**
 * One line of progress redrawn in place on a terminal (a long dump, a big media store),
 * at most ten times a second. Off a terminal it writes nothing: logs get the step lines.
 * Anything else printed to the terminal should call clear() first.
 */
export interface ProgressLine {
  update(text: string): void;
  clear(): void;
}

export function createProgressLine(stream: NodeJS.WriteStream, now: () => number = Date.now): ProgressLine {
  if (!stream.isTTY) return { update() {}, clear() {} };
  let shown = false;
  let last = 0;
  return {
    update(text) {
      const time = now();
      if (time - last < 100) return;
      last = time;
      const width = Math.max((stream.columns ?? 80) - 1, 20);
      stream.write(`\r\u001b[K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
      shown = true;
    },
    clear() {
      if (!shown) return;
      stream.write('\r\u001b[K');
      shown = false;
      last = 0;
    },
  };
}
