/**
 * The wizard runs on the terminal's alternate screen, the way full-screen terminal programs
 * (less, vim, htop) do, and prints what must be kept to the normal screen when it exits.
 *
 * Why: Ink redraws a frame by moving the cursor up over the previous one and erasing it. On the
 * normal screen that fails whenever a frame was taller than the window (its top scrolled away
 * where the cursor cannot reach) or the terminal reflowed it on a resize: the old lines stay as
 * debris above every later screen, and the scrollback fills with half-frames. On the alternate
 * screen a resize is simply a clear and a full redraw, no frame touches the user's shell history,
 * and leaving it restores the terminal as it was. Its content is gone after exit, so the wizard
 * writes the addresses, the admin password, the registration token (or the failure and how to
 * resume) to the normal screen as its last act: they stay in the scrollback, ready to copy.
 */
import { EventEmitter } from 'node:events';

const ENTER = '\u001B[?1049h';
const LEAVE = '\u001B[?1049l';
const CLEAR = '\u001B[H\u001B[2J';
const SHOW_CURSOR = '\u001B[?25h';
/** Longer than Ink's render throttle (32 ms): by then a changed frame has been written. */
const REDRAW_AFTER_MS = 60;

export interface TerminalSize {
  columns: number;
  rows: number;
}

export interface FullScreen {
  /** What Ink writes to: the terminal, with resizes turned into a clean redraw. */
  output: NodeJS.WriteStream;
  size(): TerminalSize;
  /** Called after the screen was cleared for a new size; the listener draws the frame for it. */
  onResize(listener: () => void): () => void;
  /** Back to the normal screen; what is written afterwards stays in the scrollback. */
  close(): void;
}

/**
 * The frame stream Ink gets. It passes writes through and remembers the last frame, so a
 * resize can clear the screen and still have a frame on it when Ink finds nothing changed
 * (Ink writes only frames that differ from the previous one).
 */
class FrameOutput extends EventEmitter {
  readonly isTTY = true;
  lastFrame = '';
  writtenSinceClear = false;

  constructor(private readonly terminal: NodeJS.WriteStream) {
    super();
  }

  get columns(): number {
    return this.terminal.columns || 80;
  }

  get rows(): number {
    return this.terminal.rows || 24;
  }

  write(chunk: string | Uint8Array): boolean {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    this.lastFrame = text;
    this.writtenSinceClear = true;
    return this.terminal.write(text);
  }
}

export function openFullScreen(terminal: NodeJS.WriteStream): FullScreen {
  const output = new FrameOutput(terminal);
  let open = true;
  let redraw: NodeJS.Timeout | undefined;
  const leave = () => {
    if (!open) return;
    open = false;
    terminal.write(`${SHOW_CURSOR}${LEAVE}`);
  };
  const onResize = () => {
    terminal.write(CLEAR);
    output.writtenSinceClear = false;
    output.emit('resize');
    clearTimeout(redraw);
    redraw = setTimeout(() => {
      // Log-update's erase sequence at the top of a cleared screen erases nothing there.
      if (!output.writtenSinceClear && output.lastFrame) terminal.write(output.lastFrame);
    }, REDRAW_AFTER_MS);
  };
  terminal.write(`${ENTER}${CLEAR}`);
  terminal.on('resize', onResize);
  // A crash must not leave the user's terminal on the alternate screen.
  process.on('exit', leave);
  return {
    output: output as unknown as NodeJS.WriteStream,
    size: () => ({ columns: output.columns, rows: output.rows }),
    onResize(listener) {
      output.on('resize', listener);
      return () => output.off('resize', listener);
    },
    close() {
      clearTimeout(redraw);
      terminal.off('resize', onResize);
      process.off('exit', leave);
      leave();
    },
  };
}
