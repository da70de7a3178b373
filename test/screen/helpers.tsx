// Rendering the wizard at 80 columns against a fake engine, keys, waiting for frames, snapshots.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { render } from 'ink-testing-library';
import { App } from '../../src/ui/app.js';
import type { WizardEngine } from '../../src/ui/engine-port.js';
import { createWizardStore, type WizardStore } from '../../src/ui/store.js';
import { PLAIN_THEME } from '../../src/ui/theme.js';

export const KEYS = {
  enter: '\r',
  escape: '\u001B',
  up: '\u001B[A',
  down: '\u001B[B',
  backspace: '\u007F',
  ctrlC: '\u0003',
  ctrlU: '\u0015',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
} as const;

export const WIDTH = 80;
/** The first window of most SSH clients and many providers' web consoles. */
export const ROWS = 24;

export interface Wizard {
  store: WizardStore;
  lastFrame(): string;
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  waitFor(predicate: string | RegExp | ((frame: string) => boolean), what?: string): Promise<string>;
  unmount(): void;
}

/** The clock is pinned so spinners and elapsed times are the same in every run. */
export const CLOCK = { now: Date.UTC(2025, 5, 1, 10, 0, 0) };

export async function startWizard(engine: WizardEngine, options: { planOnly?: boolean; columns?: number; rows?: number } = {}): Promise<Wizard> {
  const store = createWizardStore({ engine, planOnly: options.planOnly, now: () => CLOCK.now, tickMs: 0, flushMs: 1 });
  const size = { columns: options.columns ?? WIDTH, rows: options.rows ?? ROWS };
  const instance = render(<App store={store} size={size} theme={PLAIN_THEME} />);
  const lastFrame = () => instance.lastFrame() ?? '';
  const waitFor: Wizard['waitFor'] = (predicate, what) => waitForFrame(lastFrame, predicate, what);
  await waitFor((frame) => frame.length > 0, 'the first frame');
  // useInput subscribes in an effect after the first commit; keys written before that are lost.
  await new Promise((resolve) => setImmediate(resolve));
  const press = async (key: string) => {
    instance.stdin.write(key);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return {
    store,
    lastFrame,
    press,
    async type(text) {
      for (const char of text) await press(char);
    },
    waitFor,
    unmount() {
      store.dispose();
      instance.unmount();
    },
  };
}

/** A frame with line wrapping undone: for asserting on text that may wrap at 80 columns. */
export function flat(frame: string): string {
  return frame.replace(/\s+/g, ' ');
}

/** Polls until the last frame matches; fails with the frame it last saw. */
export async function waitForFrame(
  lastFrame: () => string | undefined,
  predicate: string | RegExp | ((frame: string) => boolean),
  what = String(predicate),
  timeoutMs = 4000,
): Promise<string> {
  const test =
    typeof predicate === 'string' ? (f: string) => f.includes(predicate) : predicate instanceof RegExp ? (f: string) => predicate.test(f) : predicate;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = lastFrame() ?? '';
    if (test(frame)) return frame;
    if (Date.now() > deadline) assert.fail(`Timed out waiting for ${what}. Last frame:\n${frame}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const SNAPSHOT_DIR = join(import.meta.dirname, '..', '..', 'snapshots', 'screens');

/**
 * Compares a frame with snapshots/screens/<name>.txt; UPDATE_SNAPSHOTS=1 (or a missing file)
 * writes it. Every frame must fit 80×24 (one row is left for the newline Ink writes after it).
 */
export function matchSnapshot(name: string, frame: string): void {
  const lines = frame.split('\n');
  for (const line of lines) assert.ok([...line].length <= WIDTH, `a line of ${name} is wider than ${WIDTH} columns:\n${line}`);
  assert.ok(lines.length <= ROWS - 1, `${name} has ${lines.length} lines, more than fit ${ROWS} rows:\n${frame}`);
  const file = join(SNAPSHOT_DIR, `${name}.txt`);
  const text = `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
  if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return;
  }
  assert.equal(text, readFileSync(file, 'utf8'), `frame differs from ${file} (UPDATE_SNAPSHOTS=1 rewrites it)`);
}
