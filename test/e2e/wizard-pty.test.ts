// The built bundle's wizard in a real pseudo-terminal (tmux) at 80×24 and at 100×30, driven by
// keys from the welcome screen through every question (advanced ones included) to the review
// with --plan-only, so nothing is installed. Every captured screen must show its title on the
// first line and its key hints at the bottom, and no line that belongs only to an earlier
// screen (what a frame taller than the terminal used to leave behind). A resize redraws the
// same frame cleanly. The frames themselves are snapshotted at 80×24 by the screen tests
// (snapshots/screens/); here the content depends on the machine, so only its shape is checked.
// CI=true is set on purpose: Ink alone would then paint nothing but the last frame.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { answerQuestion, assertWizardScreen, hasTmux, questionOf, screenLines, TmuxTerminal } from './harness/tmux.js';

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

for (const [columns, rows] of [
  [80, 24],
  [100, 30],
] as const) {
  test(`the built bundle's wizard at ${columns}×${rows}: every screen fits and replaces the last one; a resize redraws it (--plan-only)`, async (t) => {
    if (!hasTmux()) return t.skip('tmux is not installed (scripts/test-setup.mjs e2e installs it)');
    if (!existsSync(BUNDLE)) {
      const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
    }
    const work = mkdtempSync(join(tmpdir(), 'wizard-pty-'));
    const argv = [process.execPath, BUNDLE, '--plan-only', '--state-dir', join(work, 'state'), '--log-file', join(work, 'run.log')];
    const terminal = TmuxTerminal.start(argv, { columns, rows, env: { NO_COLOR: '1', CI: 'true' }, name: `wizard-pty-${columns}` });
    try {
      // The welcome screen with every check in (the heading counts them).
      const welcome = await terminal.waitFor((s) => /Enter start/.test(s) && /^Checks · \d+ passed/m.test(s), 'the welcome screen with its checks');
      assert.equal(assertWizardScreen(welcome, columns, rows, 'welcome'), 'Welcome');

      // A resize: wider and taller, then back. The same frame comes back, cleanly.
      terminal.resize(columns + 20, rows + 6);
      const bigger = await terminal.waitFor((s) => s !== welcome && /Enter start/.test(s), 'the redraw after growing');
      assertWizardScreen(bigger, columns + 20, rows + 6, 'welcome, resized');
      terminal.resize(columns, rows);
      assertWizardScreen(await terminal.waitFor((s) => s === welcome, `the same welcome frame after resizing back; before:\n${welcome}\nnow`, 5000), columns, rows, 'welcome, back');

      terminal.keys('Enter');
      const asked: string[] = [];
      let screen = await terminal.waitFor((s) => !s.includes('Detected system'), 'the first question');
      for (;;) {
        const title = assertWizardScreen(screen, columns, rows, `screen ${asked.length + 1}`);
        for (const pattern of WELCOME_ONLY) {
          assert.ok(!screenLines(screen).some((line) => pattern.test(line)), `a line of the welcome screen on "${title}":\n${screen}`);
        }
        if (title === 'Review') break;
        const question = questionOf(screen);
        for (const earlier of asked) {
          assert.ok(!screenLines(screen).some((line) => line.trim() === earlier), `"${earlier}" (an earlier question) is still on the screen of "${question}":\n${screen}`);
        }
        assert.ok(!asked.includes(question), `asked twice: ${question}`);
        asked.push(question);
        screen = await answerQuestion(terminal, question, { typed: TYPED, chosen: CHOSEN }, 'Review');
      }
      assert.ok(asked.length >= 25, `only ${asked.length} questions were asked: ${asked.join(' | ')}`);
      assert.ok(asked.some((q) => q.startsWith('CA bundle of the ACME server')), 'the ACME CA bundle question in the advanced section');

      // A failed check of this machine (say, no systemd) is kept in view; the decisions are above it.
      await terminal.waitFor((s) => s.includes('Plan only: nothing will be installed.'), 'the review');
      terminal.keys('PPage');
      terminal.keys('PPage');
      terminal.keys('PPage');
      const review = await terminal.waitFor((s) => s.includes('Your decisions'), 'the top of the review');
      assertWizardScreen(review, columns, rows, 'review');
      assert.match(review, /Matrix domain\s+example\.org/);
      assert.match(screenLines(review).slice(-2).join('\n'), /Enter quit/);
      terminal.keys('Enter');
      // Back on the normal screen: the last words stay, no frame does.
      const end = await terminal.waitFor((s) => s.includes('[exited'), 'the wizard to exit');
      assert.match(end, /Plan only: nothing was installed\.\n\[exited 0\]/);
      assert.doesNotMatch(end, /matrix-setup · /, 'no frame left on the normal screen');
      assert.equal(existsSync(join(work, 'state', 'state.json')), false, 'plan only wrote no state');
    } finally {
      terminal.kill();
      rmSync(work, { recursive: true, force: true });
    }
  });
}
