/**
 * Which rows of a body that is taller than its room are shown. A cut side gets a marker line
 * ("↑ 3 more", "↓ 12 more"), which takes one of the rows. The focus (the selected choice, the
 * running step) is always inside the window; a user's scroll position wins otherwise.
 */
export interface ViewWindow {
  /** First shown row of the body. */
  start: number;
  /** One past the last shown row. */
  end: number;
  /** Rows hidden above and below. */
  above: number;
  below: number;
  /** The largest useful start (scrolled to the end). */
  maxStart: number;
}

export interface WindowOptions {
  /** The user's scroll position (first row); undefined: follow the focus, else the top. */
  scroll?: number;
  /** Rows [from, to) that must stay visible. */
  focus?: [number, number];
}

export function fitWindow(total: number, height: number, options: WindowOptions = {}): ViewWindow {
  const rows = Math.max(1, height);
  if (total <= rows) return { start: 0, end: total, above: 0, below: 0, maxStart: 0 };
  // Scrolled to the end there is only the top marker; anywhere else at most both.
  const maxStart = total - (rows - 1);
  const sizeAt = (start: number) => rows - (start > 0 ? 1 : 0) - (start < maxStart ? 1 : 0);
  let start: number;
  if (options.scroll !== undefined) {
    start = clamp(options.scroll, 0, maxStart);
  } else if (options.focus) {
    const [from, to] = options.focus;
    start = 0;
    // Move down until the focus ends inside the window (keeping its first row if it is taller).
    while (start < maxStart && start < from && start + Math.max(1, sizeAt(start)) < to) start += 1;
  } else {
    start = 0;
  }
  const size = Math.max(1, sizeAt(start));
  const end = Math.min(total, start + size);
  return { start, end, above: start, below: total - end, maxStart };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
