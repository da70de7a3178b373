// A failed step in plain output (no terminal) in Russian: the engine runs a real command that
// fails, the plain renderer and the failure summary speak Russian (the step, its command, the
// exit status, the output, the hint, the log, how to resume), the log stays English.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runInstall } from '../../src/engine/runner.js';
import { ExitCode } from '../../src/errors.js';
import type { Lang } from '../../src/i18n/language.js';
import { createPlainRenderer } from '../../src/render/plain-renderer.js';
import { reportUnfinishedRun } from '../../src/cli/unfinished-run.js';
import { testAnswers, testTarget } from '../helpers/answers.js';
import { FAILED_UNIT_OUTPUT, failingServiceSteps } from '../fixtures/engine/failing-service-steps.js';

const scratch: string[] = [];
after(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function failedRun(lang: Lang) {
  const root = mkdtempSync(join(tmpdir(), 'matrix-setup-plain-failure-'));
  scratch.push(root);
  const logFile = join(root, 'log', 'run.log');
  let stdout = '';
  const outcome = await runInstall({
    answers: testAnswers(),
    target: testTarget(),
    steps: failingServiceSteps(root),
    paths: { stateDir: join(root, 'state'), logFile },
    onEvent: createPlainRenderer({ write: (text) => (stdout += text), lang }),
    signal: new AbortController().signal,
  });
  let stderr = '';
  const write = process.stderr.write;
  process.stderr.write = ((text: string) => ((stderr += text), true)) as typeof process.stderr.write;
  let code: number | undefined;
  try {
    code = reportUnfinishedRun(outcome, lang);
  } finally {
    process.stderr.write = write;
  }
  return { code, stdout, stderr, log: readFileSync(logFile, 'utf8'), logFile };
}

test('a failed step in Russian: plain lines, then the failure with its output, hint, log and resume command', async () => {
  const { code, stdout, stderr, log, logFile } = await failedRun('ru');
  assert.equal(code, ExitCode.stepFailed);
  assert.match(stdout, /^matrix-setup: установка на debian-12 \(2 шага\)\n/);
  assert.match(stdout, new RegExp(`журнал: ${logFile}`));
  assert.match(stdout, /\[1\/2\] Базовые пакеты\n {4}\$ touch .*\n {4}\+ Отметка о пакетах\n {4}готово \(\d+,\d с\)/);
  assert.match(stdout, /\[2\/2\] Запуск Synapse\n {4}\$ sh -c .*\n {4}код выхода 1 через \d+,\d с\n {4}ОШИБКА: Команда завершилась с кодом 1: sh -c/);
  assert.match(stdout, /запуск завершился ошибкой через \d+,\d с; изменено: base-packages\n$/);

  const lines = stderr.trim().split('\n');
  assert.match(lines[0]!, /^Шаг «synapse-service» завершился ошибкой: Команда завершилась с кодом 1: sh -c/);
  assert.equal(lines[1], 'Последний вывод:');
  assert.equal(lines[2], `  | ${FAILED_UNIT_OUTPUT}`);
  assert.equal(lines[3], 'Подсказка: Смотрите `journalctl -u matrix-synapse.service -n 50`.');
  assert.equal(lines[4], `Журнал: ${logFile}`);
  assert.equal(lines[5], 'Устраните причину и продолжите командой: matrix-setup resume');

  // The log is for anyone helping: English, whatever the screen spoke.
  assert.match(log, /== step synapse-service FAILED: Command failed with exit status 1: sh -c .* \(hint: See `journalctl -u matrix-synapse\.service -n 50`\.\)/);
  assert.doesNotMatch(log, /[А-Яа-яЁё]/);
});

test('the same failure in English has the same lines in the same order', async () => {
  const ru = await failedRun('ru');
  const en = await failedRun('en');
  assert.equal(en.code, ru.code);
  assert.match(en.stderr, /^\nStep "synapse-service" failed: Command failed with exit status 1: sh -c/);
  assert.match(en.stderr, /\nHint: See `journalctl -u matrix-synapse\.service -n 50`\.\n/);
  assert.match(en.stderr, /\nAfter fixing the cause, continue with: matrix-setup resume\n$/);
  assert.equal(en.stderr.split('\n').length, ru.stderr.split('\n').length);
  assert.equal(en.stdout.split('\n').length, ru.stdout.split('\n').length);
  assert.doesNotMatch(en.stdout + en.stderr, /[А-Яа-яЁё]/);
});
