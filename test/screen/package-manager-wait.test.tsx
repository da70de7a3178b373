// The wizard's progress screen while another program holds the package manager: who holds which
// lock, and the time waited counting up between the engine's reports; gone once the command runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EngineEvent } from '../../src/engine/events.js';
import { verbatim } from '../../src/i18n/localized.js';
import { packageText } from '../../src/i18n/messages/packages.js';
import { INITIAL_PROGRESS, reduceProgress } from '../../src/ui/state/progress-state.js';
import { deferred, FakeEngine, LOG, STARTED } from './fake-engine.js';
import { validateAnswersDocument } from '../../src/answers/validate.js';
import { CLOCK, KEYS, matchSnapshot, startWizard } from './helpers.js';
import { answerEverything, SAME_CHOICES_YAML } from './walk.js';

const HOLDER = { pid: 637, name: 'unattended-upgrade', lock: '/var/lib/dpkg/lock-frontend' };

test('progress state: a wait is shown from its report until the command starts', () => {
  let state = reduceProgress(INITIAL_PROGRESS, STARTED, 0);
  state = reduceProgress(state, { type: 'step-started', stepId: 'base-packages', title: verbatim('Packages'), recheck: false }, 1000);
  state = reduceProgress(state, { type: 'package-manager-busy', stepId: 'base-packages', holders: [HOLDER], waitedMs: 30_000, limitMs: 900_000 }, 40_000);
  assert.deepEqual(state.waiting, { holders: [HOLDER], since: 10_000, limitMs: 900_000 });
  state = reduceProgress(state, { type: 'note', stepId: 'base-packages', level: 'info', message: packageText.freeAgain({ waited: '0:45' }) }, 55_000);
  assert.equal(state.waiting, undefined);
  state = reduceProgress(state, { type: 'package-manager-busy', stepId: 'base-packages', holders: [HOLDER], waitedMs: 0, limitMs: 900_000 }, 60_000);
  state = reduceProgress(state, { type: 'command-started', stepId: 'base-packages', argv: ['apt-get', 'install', '-y', 'nginx'] }, 61_000);
  assert.equal(state.waiting, undefined);
});

/** The run starts, enters the package transaction and finds the package manager busy. */
const WAITING: EngineEvent[] = [
  STARTED,
  { type: 'step-started', stepId: 'base-packages', title: packageText.transactionTitle, recheck: false },
  { type: 'package-manager-busy', stepId: 'base-packages', holders: [HOLDER], waitedMs: 0, limitMs: 15 * 60_000 },
];

test('the progress screen names the holder and counts the wait', async () => {
  const engine = new FakeEngine();
  const pause = deferred();
  engine.runs.push({
    events: WAITING,
    pauseUntil: pause.promise,
    after: [
      { type: 'note', stepId: 'base-packages', level: 'info', message: packageText.freeAgain({ waited: '0:42' }) },
      { type: 'command-started', stepId: 'base-packages', argv: ['apt-get', 'install', '-y', 'nginx'] },
      { type: 'step-done', stepId: 'base-packages', changed: true, durationMs: 50_000 },
      { type: 'run-finished', status: 'done', changedSteps: ['base-packages'], durationMs: 60_000 },
    ],
    outcome: { status: 'done', logFile: LOG, changedSteps: ['base-packages'] },
  });
  const startedAt = CLOCK.now;
  const w = await startWizard(engine);
  try {
    await w.press(KEYS.enter);
    await answerEverything(w);
    await w.waitFor('Your decisions');
    await w.press(KEYS.enter);
    await w.waitFor('Waiting for the package manager', 'the wait line');
    CLOCK.now += 42_000;
    w.store.dispatch({ type: 'tick', now: CLOCK.now });
    const frame = await w.waitFor('waited 0:42', 'the wait counted up');
    assert.match(frame.replace(/\n\s*/g, ' '), /Waiting for the package manager: unattended-upgrade \(PID 637\) holds \/var\/lib\/dpkg\/lock-frontend · waited 0:42 of 15:00/);
    pause.release();
    const done = await w.waitFor((f) => !f.includes('Waiting for the package manager'), 'the wait line gone');
    assert.doesNotMatch(done, /unattended-upgrade/);
  } finally {
    CLOCK.now = startedAt;
    w.unmount();
  }
});

test('in Russian: the wait line names the holder and counts the wait, within 80 columns', async () => {
  const engine = new FakeEngine();
  engine.previous = { answers: validateAnswersDocument(SAME_CHOICES_YAML), status: 'failed', steps: [] };
  const pause = deferred();
  engine.runs.push({
    events: WAITING,
    pauseUntil: pause.promise,
    outcome: { status: 'done', logFile: LOG, changedSteps: [] },
  });
  const startedAt = CLOCK.now;
  const w = await startWizard(engine, { lang: 'ru' });
  try {
    await w.waitFor('Продолжить предыдущий запуск');
    await w.press(KEYS.enter);
    await w.waitFor('Enter продолжить установку');
    await w.press(KEYS.enter);
    await w.waitFor('Ожидание менеджера пакетов', 'the wait line');
    CLOCK.now += 42_000;
    w.store.dispatch({ type: 'tick', now: CLOCK.now });
    const frame = await w.waitFor('прошло 0:42', 'the wait counted up');
    matchSnapshot('ru/package-manager-wait', frame);
    assert.match(frame, /Установка пакетов \(одной транзакцией\)/);
    assert.match(frame.replace(/\n\s*/g, ' '), /Ожидание менеджера пакетов: unattended-upgrade \(PID 637\) удерживает \/var\/lib\/dpkg\/lock-frontend · прошло 0:42 из 15:00/);
  } finally {
    pause.release();
    CLOCK.now = startedAt;
    w.unmount();
  }
});
