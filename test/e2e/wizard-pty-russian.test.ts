// The built bundle's wizard in Russian in a real pseudo-terminal (tmux) at 80×24, the language
// taken from LANG=ru_RU.UTF-8 as on a Russian-speaking admin's server: from the welcome screen
// through every question (the advanced ones included) to the review, with --plan-only so
// nothing is installed. Every screen keeps its title and key hints in view, fits 80 columns and
// speaks Russian (Latin only for names, commands and values); the last words on the normal
// screen are Russian too. The frames are snapshotted by test/screen/russian-80x24.test.tsx.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { englishIn } from '../helpers/russian-prose.js';
import { answerQuestion, assertWizardScreen, hasTmux, questionOf, screenLines, TmuxTerminal } from './harness/tmux.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'matrix-setup.mjs');
const COLUMNS = 80;
const ROWS = 24;
const HINTS = /Ctrl-C выйти|Ctrl-C остановить|Enter выйти/;

/** Answers typed into the questions that need one (by question title); choices by number. */
const TYPED: Array<[RegExp, string]> = [
  [/^Ваш домен Matrix/, 'example.org'],
  [/^Имя хоста, на котором работает Synapse/, 'matrix.example.org'],
  [/^Адрес электронной почты для Let's Encrypt/, 'admin@example.org'],
  [/^Каталог ACME/, 'https://acme.example.net/directory'],
  [/^Набор сертификатов ЦС сервера ACME/, '/etc/ssl/certs/ca-certificates.crt'],
];
const CHOSEN: Array<[RegExp, string]> = [[/^Изменить дополнительные настройки\?/, '1']];

/** The screen's words outside the rows that show this machine's own facts (a check's detail may quote the system). */
function assertRussian(screen: string, what: string): void {
  assert.deepEqual(englishIn(screen), [], `${what}: English words on a Russian screen:\n${screen}`);
}

test('the built bundle\'s wizard with LANG=ru_RU.UTF-8 at 80×24: every screen in Russian, from the welcome to the review (--plan-only)', async (t) => {
  if (!hasTmux()) return t.skip('tmux is not installed (scripts/test-setup.mjs e2e installs it)');
  if (!existsSync(BUNDLE)) {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  }
  const work = mkdtempSync(join(tmpdir(), 'wizard-pty-ru-'));
  const argv = [process.execPath, BUNDLE, '--plan-only', '--state-dir', join(work, 'state'), '--log-file', join(work, 'run.log')];
  // CI=true on purpose, as in wizard-pty.test.ts: the wizard must clear it before loading Ink.
  const env = { NO_COLOR: '1', CI: 'true', LC_ALL: '', LC_MESSAGES: '', LANG: 'ru_RU.UTF-8' };
  const terminal = TmuxTerminal.start(argv, { columns: COLUMNS, rows: ROWS, env, name: 'wizard-pty-ru' });
  try {
    const welcome = await terminal.waitFor((s) => /Enter начать/.test(s) && /^Проверки · /m.test(s) && !/готово \d+ из/.test(s), 'the welcome screen with its checks');
    assert.equal(assertWizardScreen(welcome, COLUMNS, ROWS, 'welcome', HINTS), 'Добро пожаловать');
    assert.match(welcome, /^Система: /m);
    assertRussian(welcome, 'welcome');
    // The rest of this machine's checks, each with its fix, below the fold.
    if (/↓ ещё \d+/.test(welcome)) {
      terminal.keys('NPage');
      terminal.keys('NPage');
      const checks = await terminal.waitFor((s) => s !== welcome && /↑ ещё \d+/.test(s), 'the rest of the checks');
      assertWizardScreen(checks, COLUMNS, ROWS, 'welcome, scrolled', HINTS);
      assertRussian(checks, 'welcome, scrolled');
      terminal.keys('PPage');
      terminal.keys('PPage');
      await terminal.waitFor((s) => s === welcome, 'the welcome screen scrolled back');
    }

    terminal.keys('Enter');
    const asked: string[] = [];
    let screen = await terminal.waitFor((s) => !s.includes('Система: '), 'the first question');
    for (;;) {
      const title = assertWizardScreen(screen, COLUMNS, ROWS, `screen ${asked.length + 1}`, HINTS);
      assertRussian(screen, title);
      if (title === 'Сводка') break;
      const question = questionOf(screen);
      assert.match(question, /[А-ЯЁ]/, `a question in Russian:\n${screen}`);
      assert.ok(!asked.includes(question), `asked twice: ${question}`);
      for (const earlier of asked) {
        assert.ok(!screenLines(screen).some((line) => line.trim() === earlier), `"${earlier}" (an earlier question) is still on the screen of "${question}":\n${screen}`);
      }
      asked.push(question);
      screen = await answerQuestion(terminal, question, { typed: TYPED, chosen: CHOSEN }, 'Сводка');
    }
    assert.ok(asked.length >= 25, `only ${asked.length} questions were asked: ${asked.join(' | ')}`);
    assert.ok(asked.some((q) => q.startsWith('Набор сертификатов ЦС сервера ACME')), 'the advanced section was walked');

    // Every page of the review, from where it opens up to the decisions at its top.
    let review = await terminal.waitFor((s) => s.includes('Только план: ничего не будет установлено.'), 'the review');
    for (let page = 0; !review.includes('Ваши решения'); page++) {
      assert.ok(page < 10, `the top of the review is not reached:\n${review}`);
      assertWizardScreen(review, COLUMNS, ROWS, `review, page ${page}`, HINTS);
      assertRussian(review, `review, page ${page}`);
      const before = review;
      terminal.keys('PPage');
      review = await terminal.waitFor((s) => s !== before, 'the review scrolled up');
    }
    assertWizardScreen(review, COLUMNS, ROWS, 'review', HINTS);
    assertRussian(review, 'review');
    assert.match(review, /Домен Matrix\s+example\.org \(навсегда: @имя:example\.org\)/);
    terminal.keys('Enter');
    const end = await terminal.waitFor((s) => s.includes('[exited'), 'the wizard to exit');
    assert.match(end, /Только план: ничего не установлено\.\n\[exited 0\]/);
    assert.doesNotMatch(end, /matrix-setup · /, 'no frame left on the normal screen');
    assert.equal(existsSync(join(work, 'state', 'state.json')), false, 'plan only wrote no state');
  } finally {
    terminal.kill();
    rmSync(work, { recursive: true, force: true });
  }
});
