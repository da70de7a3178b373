/**
 * One frame of the wizard: the title line, the body in a viewport, fixed status lines and the
 * key hints (or the quit question), together never taller than the terminal. Ink writes a
 * newline after a frame, so a frame gets one row less than the terminal has: a frame as tall
 * as the terminal would scroll its own title away.
 */
import { bold, segment, spread, textWidth, type Line } from './line.js';
import { fitWindow, type ViewWindow } from './viewport.js';
import { wrap } from './wrap.js';

/** Wider terminals get the same lines with more margin. */
export const MAX_WIDTH = 100;
const MIN_WIDTH = 20;

export type Hint = [key: string, action: string];

export interface Body {
  lines: Line[];
  /** Rows [from, to) that must stay in view (the selected choice, the running step). */
  focus?: [number, number];
}

export interface ScreenView {
  title: string;
  /** Where the user is, right-aligned on the title line ("section 2/11", "7/23 · 3m 05s"). */
  position?: string;
  /** Laid out for the room it gets: `height` rows are shown (more can be scrolled to). */
  body(width: number, height: number): Body;
  /** Lines under the body that never scroll away (what Enter would do now, and why not). */
  status?(width: number): Line[];
  hints: Hint[];
  /** Keys that scroll the body: arrows and pages, or pages only (where arrows choose). */
  scroll?: 'arrows' | 'pages';
}

export interface FrameOptions {
  columns: number;
  rows: number;
  /** The user's scroll position in the body; undefined follows the focus. */
  scroll?: number;
  /** Replaces the key hints (the quit question). */
  overlay?: (width: number) => Line[];
}

export interface Frame {
  lines: Line[];
  width: number;
  window: ViewWindow;
  /** Body rows in view, for page-wise scrolling. */
  page: number;
}

export function frameWidth(columns: number): number {
  return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, columns || 80));
}

export function composeFrame(view: ScreenView, options: FrameOptions): Frame {
  const width = frameWidth(options.columns);
  const maxLines = Math.max(3, (options.rows || 24) - 1);
  const header: Line[] = [spread([bold('matrix-setup', { tone: 'accent' }), segment(` · ${view.title}`)], view.position ? [segment(view.position, { dim: true })] : [], width), []];
  const status = view.status?.(width) ?? [];
  const statusBlock = status.length ? [[], ...status] : [];
  const footerFor = (hints: Hint[]): Line[] => (options.overlay ? options.overlay(width) : [[], ...hintLines(hints, width)]);

  let footer = footerFor(view.hints);
  let room = Math.max(1, maxLines - header.length - statusBlock.length - footer.length);
  let body = view.body(width, room);
  if (view.scroll && body.lines.length > room && !options.overlay) {
    footer = footerFor([...view.hints, [view.scroll === 'arrows' ? '↑↓ PgUp PgDn' : 'PgUp PgDn', 'scroll']]);
    const smaller = Math.max(1, maxLines - header.length - statusBlock.length - footer.length);
    if (smaller !== room) {
      room = smaller;
      body = view.body(width, room);
    }
  }
  const window = fitWindow(body.lines.length, room, { scroll: options.scroll, focus: body.focus });
  const shown = body.lines.slice(window.start, window.end);
  const more = view.scroll === 'arrows' ? ['↑ PgUp', '↓ PgDn'] : view.scroll === 'pages' ? ['PgUp', 'PgDn'] : undefined;
  if (window.above > 0) shown.unshift([segment(`↑ ${window.above} more${more ? ` (${more[0]})` : ''}`, { dim: true })]);
  if (window.below > 0) shown.push([segment(`↓ ${window.below} more${more ? ` (${more[1]})` : ''}`, { dim: true })]);
  let lines = [...header, ...shown, ...statusBlock, ...footer];
  if (lines.length > maxLines) {
    // A terminal too small for even the fixed parts: keep the title and the bottom lines.
    lines = [lines[0]!, ...lines.slice(lines.length - (maxLines - 1))];
  }
  return { lines, width, window, page: Math.max(1, room - 2) };
}

/** Hints joined by " · ", wrapped between hints (one longer than a line wraps inside). */
function hintLines(hints: Hint[], width: number): Line[] {
  const lines: string[] = [];
  for (const [key, action] of hints) {
    const hint = `${key} ${action}`;
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} · ${hint}`) <= width) lines[lines.length - 1] = `${last} · ${hint}`;
    else lines.push(hint);
  }
  return lines.flatMap((line) => wrap(line, width, { style: { dim: true } }));
}
