// A real terminal for the wizard: a tmux session of a given size on the host, its screen
// captured as text, keys sent as a person types them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

export function hasTmux(): boolean {
  return spawnSync('tmux', ['-V']).status === 0;
}

function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export class TmuxTerminal {
  private constructor(
    private readonly socket: string,
    readonly columns: number,
    readonly rows: number,
  ) {}

  /**
   * Runs argv in a new session of columns × rows; when it exits, "[exited N]" is printed and
   * the pane stays, so what it printed last can still be read.
   */
  static start(argv: string[], options: { columns: number; rows: number; env?: Record<string, string>; name: string }): TmuxTerminal {
    const terminal = new TmuxTerminal(`${options.name}-${process.pid}`, options.columns, options.rows);
    const env = Object.entries(options.env ?? {}).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
    const command = `${argv.map(shellQuote).join(' ')}; echo "[exited $?]"; sleep 3600`;
    terminal.tmux('new-session', '-d', '-s', 'main', '-x', String(options.columns), '-y', String(options.rows), ...env, command);
    return terminal;
  }

  tmux(...args: string[]): string {
    const result = spawnSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  }

  /** What is on the screen now (the alternate screen while a full-screen program runs). */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'main');
  }

  /** The normal screen with its scrollback. */
  history(): string {
    return this.tmux('capture-pane', '-p', '-S', '-', '-t', 'main');
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'main', ...keys);
  }

  /** Types text literally (no key names). */
  type(text: string): void {
    this.tmux('send-keys', '-t', 'main', '-l', text);
  }

  resize(columns: number, rows: number): void {
    this.tmux('resize-window', '-t', 'main', '-x', String(columns), '-y', String(rows));
  }

  /**
   * The screen once `ok` holds and it has stopped changing (a capture can fall between Ink's
   * erase and its new frame).
   */
  async waitFor(ok: (screen: string) => boolean, what: string, timeoutMs = 15_000, pollMs = 60): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    for (;;) {
      const screen = this.screen();
      if (ok(screen) && screen === last) return screen;
      last = screen;
      if (Date.now() > deadline) assert.fail(`Timed out waiting for ${what}. Screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}

/** The screen's lines without the empty rows below the last text. */
export function screenLines(screen: string): string[] {
  return screen.replace(/\n+$/, '').split('\n');
}

/**
 * The shape every wizard screen has: its title alone on the first row, the key hints on the
 * last rows, nothing wider than the terminal. Returns the title.
 */
export function assertWizardScreen(screen: string, columns: number, rows: number, what: string, hints = /Ctrl-C quit|Ctrl-C stop|Enter quit/): string {
  const lines = screenLines(screen);
  assert.ok(lines.length <= rows, `${what}: ${lines.length} rows`);
  for (const line of lines) assert.ok([...line].length <= columns, `${what}: a line wider than ${columns}:\n${screen}`);
  const title = /^matrix-setup · (.+?)(?: {2,}\S.*)?$/.exec(lines[0] ?? '');
  assert.ok(title, `${what}: no title on the first row:\n${screen}`);
  assert.equal(lines.filter((line) => line.startsWith('matrix-setup · ')).length, 1, `${what}: one title only:\n${screen}`);
  assert.match(lines.slice(-2).join('\n'), hints, `${what}: no key hints at the bottom:\n${screen}`);
  return title[1]!;
}

/** The question a wizard screen asks (its third row). */
export function questionOf(screen: string): string {
  return screenLines(screen)[2]?.trim() ?? '';
}

/** Answers by question title, the first matching pattern wins: text typed over the field, or a choice's number. */
export interface AnswersByTitle {
  typed: Array<[RegExp, string]>;
  chosen: Array<[RegExp, string]>;
}

/** Answers `question` (any other than in `answers` keeps its default) and returns the next question's screen or the review titled `reviewTitle`. */
export async function answerQuestion(terminal: TmuxTerminal, question: string, answers: AnswersByTitle, reviewTitle: string): Promise<string> {
  const typed = answers.typed.find(([pattern]) => pattern.test(question))?.[1];
  const chosen = answers.chosen.find(([pattern]) => pattern.test(question))?.[1];
  if (typed !== undefined) {
    terminal.keys('C-u');
    terminal.type(typed);
  } else if (chosen !== undefined) {
    terminal.keys(chosen);
  }
  terminal.keys('Enter');
  return terminal.waitFor((s) => questionOf(s) !== question || s.startsWith(`matrix-setup · ${reviewTitle}`), `the screen after "${question}"`);
}
