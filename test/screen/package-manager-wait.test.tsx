// The wizard's progress screen while another program holds the package manager: who holds which
// lock, and the time waited counting up between the engine's reports; gone once the command runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INITIAL_PROGRESS, reduceProgress } from '../../src/ui/state/progress-state.js';
import { deferred, FakeEngine, LOG, STARTED } from './fake-engine.js';
import { CLOCK, KEYS, startWizard } from './helpers.js';
import { answerEverything } from './walk.js';

const HOLDER = { pid: 637, name: 'unattended-upgrade', lock: '/var/lib/dpkg/lock-frontend' };

test('progress state: a wait is shown from its report until the command starts', () => {
  let state = reduceProgress(INITIAL_PROGRESS, STARTED, 0);
  state = reduceProgress(state, { type: 'step-started', stepId: 'base-packages', title: 'Packages', recheck: false }, 1000);
  state = reduceProgress(state, { type: 'package-manager-busy', stepId: 'base-packages', holders: [HOLDER], waitedMs: 30_000, limitMs: 900_000 }, 40_000);
  assert.deepEqual(state.waiting, { holders: [HOLDER], since: 10_000, limitMs: 900_000 });
  state = reduceProgress(state, { type: 'note', stepId: 'base-packages', level: 'info', message: 'The package manager is free again (waited 0:45); continuing.' }, 55_000);
  assert.equal(state.waiting, undefined);
  state = reduceProgress(state, { type: 'package-manager-busy', stepId: 'base-packages', holders: [HOLDER], waitedMs: 0, limitMs: 900_000 }, 60_000);
  state = reduceProgress(state, { type: 'command-started', stepId: 'base-packages', argv: ['apt-get', 'install', '-y', 'nginx'] }, 61_000);
  assert.equal(state.waiting, undefined);
});

test('the progress screen names the holder and counts the wait', async () => {
  const engine = new FakeEngine();
  const pause = deferred();
  engine.runs.push({
    events: [
      STARTED,
      { type: 'step-started', stepId: 'base-packages', title: 'Install the packages (one transaction)', recheck: false },
      { type: 'package-manager-busy', stepId: 'base-packages', holders: [HOLDER], waitedMs: 0, limitMs: 15 * 60_000 },
    ],
    pauseUntil: pause.promise,
    after: [
      { type: 'note', stepId: 'base-packages', level: 'info', message: 'The package manager is free again (waited 0:42); continuing.' },
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
