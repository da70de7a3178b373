// The built bundle's wizard in a real pseudo-terminal (tmux) at 80×24 and at 100×30, driven by
// keys from the welcome screen through every question (advanced ones included) to the review
// with --plan-only, so nothing is installed. Every captured screen must show its title on the
// first line and its key hints at the bottom, and no line that belongs only to an earlier
// screen (what a frame taller than the terminal used to leave behind). A resize redraws the
// same frame cleanly. The frames themselves are snapshotted at 80×24 by the screen tests
// (snapshots/screens/); here the content depends on the machine, so only its shape is checked.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'matrix-setup.mjs');

/** Answers typed into the questions that need one (by question title); choices by number. */
const TYPED: Array<[RegExp, string]> = [
  [/^Your Matrix domain/, 'example.org'],
  [/^Host name that serves Synapse/, 'matrix.example.org'],
  [/^Email address for Let's Encrypt/, 'admin@example.org'],
  [/^ACME directory/, 'https://acme.example.net/directory'],
  [/^CA bundle of the ACME server/, '/etc/ssl/certs/ca-certificates.crt'],
];
const CHOSEN: Array<[RegExp, string]> = [[/^Change the advanced settings\?/, '1']];

/** Lines only the welcome screen has. */
const WELCOME_ONLY = [/^Detected system: /, /^This sets up a Matrix homeserver on this machine:/];

function tmux(socket: string, ...args: string[]): string {
  const result = spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** The screen once it satisfies `ok` and has stopped changing (a capture can fall between the erase and the new frame). */
async function waitFor(capture: () => string, ok: (screen: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const screen = capture();
    if (ok(screen) && screen === last) return screen;
    last = screen;
    if (Date.now() > deadline) assert.fail(`Timed out waiting for ${what}. Screen:\n${screen}`);
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
}

function lines(screen: string): string[] {
  return screen.replace(/\n+$/, '').split('\n');
}

/** Title on the first row, the key hints on the last rows, nothing wider than the terminal. */
function assertShape(screen: string, columns: number, rows: number, what: string): string {
  const all = lines(screen);
  assert.ok(all.length <= rows, `${what}: ${all.length} rows`);
  for (const line of all) assert.ok([...line].length <= columns, `${what}: a line wider than ${columns}:\n${screen}`);
  const title = /^matrix-setup · (.+?)(?: {2,}\S.*)?$/.exec(all[0] ?? '');
  assert.ok(title, `${what}: no title on the first row:\n${screen}`);
  assert.equal(all.filter((line) => line.startsWith('matrix-setup · ')).length, 1, `${what}: one title only:\n${screen}`);
  assert.match(all.slice(-2).join('\n'), /Ctrl-C quit|Enter quit/, `${what}: no key hints at the bottom:\n${screen}`);
  return title[1]!;
}

for (const [columns, rows] of [
  [80, 24],
  [100, 30],
] as const) {
  test(`the built bundle's wizard at ${columns}×${rows}: every screen fits and replaces the last one; a resize redraws it (--plan-only)`, async (t) => {
    if (spawnSync('tmux', ['-V']).status !== 0) return t.skip('tmux is not installed (scripts/test-setup.mjs e2e installs it)');
    if (!existsSync(BUNDLE)) {
      const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
    }
    const work = mkdtempSync(join(tmpdir(), 'wizard-pty-'));
    const socket = `wizard-pty-${process.pid}-${columns}`;
    const capture = () => tmux(socket, 'capture-pane', '-p', '-t', 'wizard');
    const keys = (...k: string[]) => tmux(socket, 'send-keys', '-t', 'wizard', ...k);
    try {
      const command = [process.execPath, BUNDLE, '--plan-only', '--state-dir', join(work, 'state'), '--log-file', join(work, 'run.log')]
        .map((arg) => `'${arg}'`)
        .join(' ');
      tmux(socket, 'new-session', '-d', '-s', 'wizard', '-x', String(columns), '-y', String(rows), '-e', 'NO_COLOR=1', `${command}; echo "[exited $?]"; sleep 60`);

      // The welcome screen with every check in (no spinner left).
      const welcome = await waitFor(capture, (s) => /Enter start/.test(s) && /^Checks · \d+ passed/m.test(s), 'the welcome screen with its checks');
      assert.equal(assertShape(welcome, columns, rows, 'welcome'), 'Welcome');

      // A resize: wider and taller, then back. The same frame comes back, cleanly.
      tmux(socket, 'resize-window', '-t', 'wizard', '-x', String(columns + 20), '-y', String(rows + 6));
      const bigger = await waitFor(capture, (s) => lines(s).length > 0 && s !== welcome && /Enter start/.test(s), 'the redraw after growing');
      assertShape(bigger, columns + 20, rows + 6, 'welcome, resized');
      tmux(socket, 'resize-window', '-t', 'wizard', '-x', String(columns), '-y', String(rows));
      const back = await waitFor(capture, (s) => s === welcome, `the same welcome frame after resizing back; before:\n${welcome}\nnow`, 5000);
      assertShape(back, columns, rows, 'welcome, resized back');

      keys('Enter');
      const asked: string[] = [];
      let screen = await waitFor(capture, (s) => !s.includes('Detected system'), 'the first question');
      for (;;) {
        const title = assertShape(screen, columns, rows, `screen ${asked.length + 1}`);
        for (const pattern of WELCOME_ONLY) {
          assert.ok(!lines(screen).some((line) => pattern.test(line)), `a line of the welcome screen on "${title}":\n${screen}`);
        }
        if (title === 'Review') break;
        const question = lines(screen)[2]!.trim();
        for (const earlier of asked) {
          assert.ok(!lines(screen).some((line) => line.trim() === earlier), `"${earlier}" (an earlier question) is still on the screen of "${question}":\n${screen}`);
        }
        assert.ok(!asked.includes(question), `asked twice: ${question}`);
        asked.push(question);
        const typed = TYPED.find(([pattern]) => pattern.test(question))?.[1];
        const chosen = CHOSEN.find(([pattern]) => pattern.test(question))?.[1];
        if (typed !== undefined) {
          keys('C-u');
          keys('-l', typed);
        } else if (chosen !== undefined) {
          keys(chosen);
        }
        keys('Enter');
        screen = await waitFor(capture, (s) => lines(s)[2]?.trim() !== question || s.startsWith('matrix-setup · Review'), `the screen after "${question}"`);
      }
      assert.ok(asked.length >= 25, `only ${asked.length} questions were asked: ${asked.join(' | ')}`);
      assert.ok(asked.some((q) => q.startsWith('CA bundle of the ACME server')), 'the ACME CA bundle question in the advanced section');

      // A failed check of this machine (say, no systemd) is kept in view; the decisions are above it.
      await waitFor(capture, (s) => s.includes('Plan only: nothing will be installed.'), 'the review');
      keys('PPage');
      keys('PPage');
      keys('PPage');
      const review = await waitFor(capture, (s) => s.includes('Your decisions'), 'the top of the review');
      assertShape(review, columns, rows, 'review');
      assert.match(review, /Matrix domain\s+example\.org/);
      assert.match(lines(review).slice(-2).join('\n'), /Enter quit/);
      keys('Enter');
      // Back on the normal screen: the last words stay, no frame does.
      const end = await waitFor(capture, (s) => s.includes('[exited'), 'the wizard to exit');
      assert.match(end, /Plan only: nothing was installed\.\n\[exited 0\]/);
      assert.doesNotMatch(end, /matrix-setup · /, 'no frame left on the normal screen');
      assert.equal(existsSync(join(work, 'state', 'state.json')), false, 'plan only wrote no state');
    } finally {
      spawnSync('tmux', ['-L', socket, 'kill-server']);
      rmSync(work, { recursive: true, force: true });
    }
  });
}
