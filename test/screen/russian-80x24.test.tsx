// The wizard in Russian at 80×24: every screen (welcome, every question, a validation error,
// the review, quitting, progress, failure, done) and the exit summary, with snapshots under
// snapshots/screens/ru/. Russian is longer than English: every frame must still fit, keep its
// title and key hints in view, and say nothing in English but names, commands and values.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { validateAnswersDocument } from '../../src/answers/validate.js';
import { verbatim } from '../../src/i18n/localized.js';
import { engineText } from '../../src/i18n/messages/engine.js';
import { errorText } from '../../src/i18n/messages/errors.js';
import { systemText } from '../../src/i18n/messages/steps-system.js';
import { checkText } from '../../src/i18n/messages/verify-checks.js';
import { verifyText } from '../../src/i18n/messages/verify.js';
import { preflightText } from '../../src/i18n/messages/preflight.js';
import { wizardText } from '../../src/i18n/messages/wizard.js';
import { STEPS } from '../../steps/index.js';
import { both, FakeEngine, LOG, runOfEveryStep, STARTED } from './fake-engine.js';
import { CLOCK, flat, KEYS, matchSnapshot, ROWS, startWizard, WIDTH, type Wizard } from './helpers.js';
import { answerById, EVERY_SECTION, type AnswersById } from './walk.js';
import { englishIn } from '../helpers/russian-prose.js';

function assertRussianFrame(frame: string, what: string): void {
  const lines = frame.split('\n');
  assert.ok(lines.length <= ROWS - 1, `${what}: ${lines.length} lines do not fit ${ROWS} rows\n${frame}`);
  for (const line of lines) assert.ok([...line].length <= WIDTH, `${what}: wider than ${WIDTH}: ${line}`);
  assert.match(lines[0]!, /^matrix-setup · \S/, `${what}: the title on the first line\n${frame}`);
  // The key hints close the frame (inside the dialog's box when a dialog is open).
  const hints = lines.filter((line) => !/^[╭╰]/.test(line)).at(-1)!;
  assert.match(hints, /Ctrl-C выйти|Ctrl-C остановить|PgUp PgDn прокрутка|Enter выйти|Esc: остаться/, `${what}: Russian key hints on the last line\n${frame}`);
  assert.deepEqual(englishIn(frame), [], `${what}: English words in the Russian frame\n${frame}`);
}

/** `quoted`: text the frame shows as another program wrote it (a server's error), left out of the language check. */
function snapshot(name: string, frame: string, quoted?: string): void {
  assertRussianFrame(quoted ? frame.replace(quoted, '') : frame, name);
  matchSnapshot(`ru/${name}`, frame);
}

test('the Russian frame check finds English prose and lets names, commands and paths through', () => {
  assert.deepEqual(englishIn('Порт 443 закрыт: откройте его в firewall of the provider'), ['firewall', 'of', 'the', 'provider']);
  assert.deepEqual(englishIn('Synapse и nginx, журнал: /var/log/matrix-setup/run.log, `matrix-setup resume`'), []);
  assert.deepEqual(englishIn('$ apt-get install -y postgresql\n│ Setting up postgresql-15'), []);
});

test('every question in Russian at 80×24, with email, TURN, token registration and the advanced settings', async () => {
  const engine = new FakeEngine();
  const w = await startWizard(engine, { planOnly: true, lang: 'ru' });
  try {
    snapshot('welcome', await w.waitFor((f) => f.includes('Порт 443') && !f.includes('Проверка этой машины…'), 'the preflight results'));
    await w.press(KEYS.enter);
    const seen: string[] = [];
    for (let step = 0; step < 80; step++) {
      const frame = await w.waitFor((f) => f.startsWith('matrix-setup · ') && !f.includes('Проверка этой машины…'));
      const state = w.store.getState();
      if (state.screen === 'review') break;
      const id = state.questionId!;
      assert.ok(!seen.includes(id), `asked twice: ${id}`);
      seen.push(id);
      snapshot(`walk/${String(seen.length).padStart(2, '0')}-${id.replace(/[^\w.-]/g, '_')}`, frame);
      await answerById(w, id, EVERY_SECTION);
    }
    assert.ok(seen.length >= 40, `only ${seen.length} questions were asked`);
    assert.ok(seen.includes('tls.acme_ca_bundle'), 'the advanced section was walked');
    const review = await w.waitFor('Ваши решения');
    snapshot('review', review);
    assert.deepEqual(w.store.getState().review.issues, []);
    assert.match(review, /Домен Matrix\s+example\.org \(навсегда: @имя:example\.org\)/);
    await w.press(KEYS.pageDown);
    await w.press(KEYS.pageDown);
    await w.press(KEYS.pageDown);
    const end = await w.waitFor(/Только план: ничего не будет установлено/, 'the end of the review');
    snapshot('review-end', end);
    assert.match(end, /Пакеты\s+ca-certificates, curl, postgresql/);
    assert.match(end, /Порты\s+80, 443, 8448/);
    // Plural forms as Russian needs them: 4 шага, 31 команда, 6 проверок.
    assert.match(end, /Шаги\s+4 шага будут выполнены, не нужны: 1 · 31 команда/);
    assert.match(end, /✓ 6 проверок пройдено/);
  } finally {
    w.unmount();
  }
});

/** The branches the first walk does not take: an existing certificate, an external database (its live test failing, then passing), open registration, the SMTP password from the environment. */
const OTHER_BRANCHES: AnswersById = {
  text: {
    server_name: 'example.org',
    synapse_host: 'matrix.example.org',
    'tls.cert_path': '/etc/ssl/matrix/fullchain.pem',
    'tls.key_path': '/etc/ssl/matrix/privkey.pem',
    'database.host': 'db.example.org',
    'database.password_file': '/root/db-password',
    'email.smtp_host': 'smtp.example.org',
    'email.smtp_user': 'matrix@example.org',
    'email.smtp_password_env': 'SMTP_PASSWORD',
  },
  choice: { 'tls.mode': 2, 'database.mode': 2, 'synapse.registration': 3, 'email.enabled': 1, 'email.smtp_password_from': 2 },
};
/** The questions of the first walk (their snapshots are under ru/walk/). */
const FIRST_WALK = new Set(readdirSync(join(import.meta.dirname, '..', '..', 'snapshots', 'screens', 'ru', 'walk')).map((file) => file.replace(/^\d+-|\.txt$/g, '')));

test('the other branches in Russian at 80×24: existing certificate, external database and its live test, open registration', async () => {
  const engine = new FakeEngine();
  engine.databaseResult = { ok: false, message: verbatim('password authentication failed for user "synapse_user"') };
  const w = await startWizard(engine, { planOnly: true, lang: 'ru' });
  try {
    await w.waitFor((f) => f.includes('Порт 443') && !f.includes('Проверка этой машины…'), 'the preflight results');
    await w.press(KEYS.enter);
    const seen: string[] = [];
    for (let step = 0; step < 80; step++) {
      const frame = await w.waitFor((f) => f.startsWith('matrix-setup · ') && !f.includes('Проверка этой машины…') && !f.includes('Подключение к '));
      const state = w.store.getState();
      if (state.screen === 'review') break;
      const id = state.questionId!;
      if (id === 'database.test') {
        // The failed test, then the same question passing once the database is fixed.
        const failed = await w.waitFor('password authentication failed');
        snapshot('walk-other/database.test-failed', failed, 'password authentication failed for user "synapse_user"');
        assert.match(failed, /Enter проверить снова/);
        engine.databaseResult = { ok: true, message: wizardText.databaseFound({ version: '16.4', name: 'synapse', encoding: 'UTF8', collate: 'C' }) };
        await w.press(KEYS.enter);
        snapshot('walk-other/database.test-passed', await w.waitFor('✓ PostgreSQL 16.4'));
        await w.press(KEYS.enter);
        await w.waitFor(() => w.store.getState().questionId !== id, 'past the database test');
        seen.push(id);
        continue;
      }
      assert.ok(!seen.includes(id), `asked twice: ${id}`);
      seen.push(id);
      // Snapshots of the questions the first walk did not ask; every frame is checked.
      if (FIRST_WALK.has(id)) assertRussianFrame(frame, id);
      else snapshot(`walk-other/${id.replace(/[^\w.-]/g, '_')}`, frame);
      await answerById(w, id, OTHER_BRANCHES);
    }
    for (const id of ['tls.cert_path', 'tls.key_path', 'database.host', 'database.port', 'database.sslmode', 'database.password_file', 'database.test', 'email.smtp_password_env']) {
      assert.ok(seen.includes(id), `${id} was not asked: ${seen.join(' ')}`);
    }
    const review = await w.waitFor('Ваши решения');
    snapshot('review-other', review);
    assert.match(review, /Сертификат\s+имеющийся сертификат \/etc\/ssl\/matrix\/fullchain\.pem/);
    assert.match(review, /База данных\s+db\.example\.org:5432/);
  } finally {
    w.unmount();
  }
});

test('a validation error in Russian as you type; Ctrl-C asks in Russian before quitting', async () => {
  const engine = new FakeEngine();
  const w = await startWizard(engine, { lang: 'ru' });
  try {
    await w.waitFor('Порт 443');
    await w.press(KEYS.enter);
    await w.waitFor((f) => w.store.getState().questionId === 'server_name' && f.includes('Ваш домен Matrix'));
    await w.type('https://Example.org');
    snapshot('question-validation-error', await w.waitFor('✗', 'an inline error'));
    await w.press(KEYS.ctrlU);
    await w.press(KEYS.enter);
    assert.match(await w.waitFor('обязател'), /✗/);
    await w.press(KEYS.ctrlC);
    const quit = await w.waitFor('Выйти из matrix-setup?');
    snapshot('quit-confirm', quit);
    await w.press('y');
    const exit = await w.store.exited;
    assert.equal(exit.code, 130);
    assert.match(exit.message ?? '', /На этой машине ничего не изменено\./);
  } finally {
    w.unmount();
  }
});

/** From the welcome screen's "Resume the previous run" through the review to the install. */
async function resumeAndInstall(w: Wizard): Promise<void> {
  await w.waitFor('Продолжить предыдущий запуск');
  await w.press(KEYS.enter);
  await w.waitFor('Enter продолжить установку');
  await w.press(KEYS.enter);
}

const TOKEN_ANSWERS = 'version: 1\nserver_name: example.org\nsynapse_host: matrix.example.org\ntls:\n  email: admin@example.org\nsynapse:\n  registration: token\n';

test('progress of the real steps in Russian at 80×24: their titles, n/N, the output tail', async () => {
  const engine = new FakeEngine();
  engine.previous = { answers: validateAnswersDocument(TOKEN_ANSWERS), status: 'failed', steps: [] };
  let release!: () => void;
  engine.runs.push({ events: runOfEveryStep('synapse-service'), pauseUntil: new Promise<void>((resolve) => (release = resolve)), outcome: { status: 'done', logFile: LOG, changedSteps: [] } });
  const startedAt = CLOCK.now;
  const w = await startWizard(engine, { lang: 'ru' });
  try {
    await resumeAndInstall(w);
    await w.waitFor('synapse log line 9');
    CLOCK.now += 4_200;
    w.store.dispatch({ type: 'tick', now: CLOCK.now });
    const frame = await w.waitFor('4,2 с');
    snapshot('progress-all-steps', frame);
    // Every step before "Start Synapse" is done but the three TURN steps, which are skipped.
    const total = STEPS.length;
    const running = STEPS.findIndex((step) => step.id === 'synapse-service') + 1;
    assert.match(frame.split('\n')[0]!, new RegExp(`^matrix-setup · Установка\\s+готово ${running - 1}/${total} · 4,2 с$`));
    assert.match(frame, new RegExp(`Запуск Synapse\\s+шаг ${running}/${total} · 4,2 с`));
    assert.match(frame, /Журнал: \/var\/log\/matrix-setup\//);
    assert.match(frame, /ещё \d+ шаг(а|ов)? \(не нужны: 2\)/);
  } finally {
    release();
    CLOCK.now = startedAt;
    w.unmount();
  }
});

test('a failed step in Russian: the step, its command and output, the likely cause, the log and the resume command', async () => {
  const engine = new FakeEngine();
  engine.previous = { answers: validateAnswersDocument(TOKEN_ANSWERS), status: 'failed', steps: [] };
  const argv = ['apt-get', 'install', '-y', 'nginx'];
  const error = {
    message: errorText.commandFailed({ code: 100, command: argv.join(' ') }),
    argv,
    exitCode: 100,
    outputTail: ['E: Unable to locate package nginx', 'E: Could not get lock /var/lib/dpkg/lock-frontend'],
    hint: engineText.aptInstallHint,
  };
  engine.runs.push({
    events: [
      STARTED,
      { type: 'step-started', stepId: 'base-packages', title: systemText.basePackagesTitle, recheck: false },
      { type: 'command-started', stepId: 'base-packages', argv },
      { type: 'step-failed', stepId: 'base-packages', durationMs: 5200, error },
      { type: 'run-finished', status: 'failed', changedSteps: [], durationMs: 5700 },
    ],
    outcome: { status: 'failed', failedStep: 'base-packages', logFile: LOG, changedSteps: [], error },
  });
  const w = await startWizard(engine, { lang: 'ru' });
  try {
    await resumeAndInstall(w);
    const failure = await w.waitFor('Установка не удалась');
    snapshot('failure', failure);
    assert.match(failure, /✗ Ошибка на шаге: .+ \(base-packages\)/);
    assert.match(failure, /Команда \(код выхода 100\)\n\s+\$ apt-get install -y nginx/);
    assert.match(failure, /Вероятная причина:/);
    assert.match(failure, /❯ 1\. Повторить сейчас/);
    await w.press(KEYS.pageDown);
    await w.press(KEYS.pageDown);
    const rest = flat(await w.waitFor('matrix-setup resume'));
    assert.ok(rest.includes(`Полный вывод — в журнале: ${LOG}`), rest);
    await w.press(KEYS.down);
    await w.press(KEYS.enter);
    const exit = await w.store.exited;
    assert.equal(exit.code, 1);
    assert.match(exit.message ?? '', /matrix-setup resume/);
    assert.deepEqual(englishIn(exit.message ?? ''), [], `the exit summary is Russian:\n${exit.message}`);
  } finally {
    w.unmount();
  }
});

test('done in Russian at 80×24 with token registration; the exit summary in Russian', async () => {
  const engine = new FakeEngine();
  engine.previous = { answers: validateAnswersDocument(TOKEN_ANSWERS), status: 'failed', stoppedAt: 'synapse-admin', steps: [] };
  engine.runs.push({ events: [], outcome: { status: 'done', logFile: LOG, changedSteps: [] }, shown: { adminPassword: 'correct-horse-battery', registrationToken: 'tok-4f9a2c' } });
  engine.verifyResults = [
    {
      id: 'client-api.tls',
      label: checkText.tlsLabel({ host: 'matrix.example.org' }),
      status: 'fail',
      detail: both('the chain is incomplete', 'цепочка неполная'),
      fix: both('Serve a certificate with its full chain.', 'Установите сертификат с полной цепочкой.'),
    },
    { id: 'client-api', label: verifyText.groupClientApi, status: 'pass', detail: verbatim('https://matrix.example.org/_matrix/client/versions') },
  ];
  const w = await startWizard(engine, { lang: 'ru' });
  try {
    await resumeAndInstall(w);
    const done = await w.waitFor('Итоговая проверка');
    snapshot('done-token', done);
    assert.match(done, /correct-horse-battery/);
    assert.match(done, /tok-4f9a2c/);
    await w.press(KEYS.pageDown);
    await w.press(KEYS.pageDown);
    snapshot('done-token-end', await w.waitFor('Что дальше'));
    await w.press(KEYS.enter);
    const exit = await w.store.exited;
    assert.equal(exit.code, 0);
    const summary = exit.message ?? '';
    assert.match(summary, /correct-horse-battery/);
    assert.match(summary, /tok-4f9a2c/);
    assert.match(summary, /Итоговая проверка: пройдено: 1, предупреждений: 0, не пройдено: 1\./);
    assert.deepEqual(englishIn(summary), [], `the exit summary is Russian:\n${summary}`);
  } finally {
    w.unmount();
  }
});

test('in Russian: a previous run to resume, a failed check of this machine, and stopping a running install', async () => {
  const engine = new FakeEngine();
  engine.previous = { answers: validateAnswersDocument(TOKEN_ANSWERS), status: 'failed', stoppedAt: 'postgres-server', logFile: LOG, steps: [] };
  engine.preflightResults = [
    ...engine.preflightResults.filter((result) => result.id !== 'port-80'),
    {
      id: 'port-80',
      label: preflightText.portLabel({ port: 80 }),
      status: 'fail',
      detail: preflightText.heldBy({ holders: 'apache2 (PID 712)' }),
      fix: preflightText.heldByUnknownFix({ port: 80 }),
    },
  ];
  const w = await startWizard(engine, { lang: 'ru' });
  try {
    const welcome = await w.waitFor((f) => f.includes('Продолжить предыдущий запуск') && f.includes('Порт 80: занят'), 'the welcome screen with the failed check');
    snapshot('welcome-previous-run-failed-check', welcome);
    assert.match(welcome, /✗ Порт 80: занят: apache2 \(PID 712\)/);
    // Once the check passes, the install runs; Ctrl-C during it asks first.
    engine.preflightResults = engine.preflightResults.map((result) => ({ ...result, status: 'pass' as const }));
    let release!: () => void;
    engine.runs.push({ events: runOfEveryStep('synapse-service'), pauseUntil: new Promise<void>((resolve) => (release = resolve)), outcome: { status: 'done', logFile: LOG, changedSteps: [] } });
    await w.press(KEYS.enter);
    await w.waitFor('Ваши решения');
    await w.press('r');
    await w.waitFor('Enter продолжить установку');
    await w.press(KEYS.enter);
    await w.waitFor('synapse log line 9');
    await w.press(KEYS.ctrlC);
    snapshot('stop-install-confirm', await w.waitFor('Остановить установку?'));
    await w.press('y');
    const exit = await w.store.exited;
    release();
    assert.equal(exit.code, 130);
    assert.match(exit.message ?? '', /^Остановлено на шаге «Запуск Synapse»\. Продолжить позже: matrix-setup resume/);
  } finally {
    w.unmount();
  }
});
