import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answersToYaml } from '../../src/answers/save.js';
import { validateAnswersDocument } from '../../src/answers/validate.js';
import { deferred, FakeEngine, LOG, PLAN, STARTED } from './fake-engine.js';
import { CLOCK, flat, KEYS, matchSnapshot, startWizard } from './helpers.js';
import { answerEverything, answerText, SAME_CHOICES_YAML } from './walk.js';

function doneRun(engine: FakeEngine, pause?: Promise<void>) {
  engine.runs.push({
    events: [
      STARTED,
      { type: 'step-started', stepId: 'preflight', title: 'Check this machine', recheck: false },
      { type: 'step-done', stepId: 'preflight', changed: false, durationMs: 420 },
      { type: 'step-started', stepId: 'base-packages', title: 'Base packages', recheck: false },
      { type: 'step-done', stepId: 'base-packages', changed: true, durationMs: 8300 },
      { type: 'step-started', stepId: 'postgres-server', title: 'PostgreSQL server', recheck: false },
      { type: 'command-started', stepId: 'postgres-server', argv: ['apt-get', 'install', '-y', 'postgresql'] },
      { type: 'output', stepId: 'postgres-server', line: '\u001B[1mReading package lists...\u001B[0m' },
      { type: 'output', stepId: 'postgres-server', line: 'Progress: [ 10%]\rProgress: [ 40%]' },
      { type: 'output', stepId: 'postgres-server', line: 'Setting up postgresql-15 (15.8-0+deb12u1) ...' },
    ],
    pauseUntil: pause,
    after: [
      { type: 'step-done', stepId: 'postgres-server', changed: true, durationMs: 31_000 },
      { type: 'step-started', stepId: 'synapse-install', title: 'Install Synapse', recheck: false },
      { type: 'step-done', stepId: 'synapse-install', changed: true, durationMs: 64_000 },
      { type: 'step-skipped', stepId: 'turn', reason: 'turn.enabled is false' },
      { type: 'run-finished', status: 'done', changedSteps: ['base-packages', 'postgres-server', 'synapse-install'], durationMs: 104_000 },
    ],
    outcome: {
      status: 'done',
      logFile: LOG,
      changedSteps: ['base-packages', 'postgres-server', 'synapse-install'],
    },
    shown: { adminPassword: 'correct-horse-battery-staple' },
  });
}

test('happy path: welcome, every question, review, save, progress, done', async () => {
  const engine = new FakeEngine();
  const pause = deferred();
  doneRun(engine, pause.promise);
  const startedAt = CLOCK.now;
  const w = await startWizard(engine);
  try {
    matchSnapshot('welcome', await w.waitFor('Port 443', 'the preflight results'));
    await w.press(KEYS.enter);
    matchSnapshot('question-server-name', await w.waitFor('Your Matrix domain'));
    await answerEverything(w);

    // At 24 rows the review starts at the decisions; what Enter does stays under them.
    const review = await w.waitFor((f) => f.includes('Your decisions') && f.includes('Enter install'), 'the review with plan and checks');
    matchSnapshot('review', review);
    assert.match(review, /Matrix domain\s+example\.org \(permanent/);
    assert.match(review, /Synapse host\s+matrix\.example\.org \(delegation: auto\)/);
    assert.match(review, /↓ \d+ more \(↓ PgDn\)/);
    await w.press(KEYS.pageDown);
    const end = await w.waitFor('checks passed', 'the end of the review');
    matchSnapshot('review-end', end);
    assert.match(end, /↑ \d+ more \(↑ PgUp\)/);
    assert.match(end, /Packages\s+ca-certificates, curl, postgresql/);
    assert.match(end, /Files\s+2 configuration files written/);
    assert.match(end, /Ports\s+80, 443, 8448/);
    assert.match(end, /Enter install/);

    await w.press('s');
    await w.waitFor('Save the answers file to');
    await w.press(KEYS.ctrlU);
    await w.type('/root/answers.yaml');
    await w.press(KEYS.enter);
    await w.waitFor('Saved to /root/answers.yaml');
    assert.equal(engine.saved.length, 1);
    assert.doesNotMatch(engine.saved[0]!.text, /correct-horse/);

    await w.press(KEYS.enter);
    await w.waitFor('Setting up postgresql-15', 'the live output tail');
    CLOCK.now += 12_300;
    w.store.dispatch({ type: 'tick', now: CLOCK.now });
    const progress = await w.waitFor('12.3s');
    matchSnapshot('progress', progress);
    assert.match(progress, /✓ Check this machine\s+0\.4s/);
    assert.match(progress, /\$ apt-get install -y postgresql/);
    assert.match(progress, /│ Reading package lists\.\.\./);
    assert.match(progress, /│ Progress: \[ 40%\]/);
    assert.doesNotMatch(progress, /\u001B|Progress: \[ 10%\]/);
    assert.match(progress, new RegExp(`Log: ${LOG}`));

    pause.release();
    const done = await w.waitFor('Verification: 2 passed', 'the done screen with verification');
    matchSnapshot('done', done);
    assert.match(done, /Homeserver URL\s+https:\/\/matrix\.example\.org/);
    assert.match(done, /Element Web\s+https:\/\/element\.example\.org/);
    assert.match(done, /Admin user\s+@admin:example\.org/);
    assert.match(done, /Admin password\s+correct-horse-battery-staple/);
    await w.press(KEYS.pageDown);
    const doneEnd = flat(await w.waitFor('Next steps'));
    assert.match(doneEnd, /Open TCP ports 80, 443, 8448/);
    assert.match(doneEnd, /Add users yourself: register_new_matrix_user -c \/etc\/matrix-synapse\/conf\.d\/zz-matrix-setup\.yaml/);

    await w.press(KEYS.enter);
    const exit = await w.store.exited;
    assert.equal(exit.code, 0);
    // What is printed on the normal screen after the wizard leaves the alternate one.
    assert.match(exit.message ?? '', /Homeserver URL: https:\/\/matrix\.example\.org/);
    assert.match(exit.message ?? '', /Admin password: correct-horse-battery-staple {3}\(shown once/);
    assert.match(exit.message ?? '', /Verification: 2 passed, 0 warning\(s\), 0 failed\./);
    assert.equal(engine.ranWith.length, 1);
  } finally {
    CLOCK.now = startedAt;
    w.unmount();
  }
});

test('the wizard and --answers give the same answers file for the same choices', async () => {
  const engine = new FakeEngine();
  const w = await startWizard(engine, { planOnly: true });
  try {
    await w.press(KEYS.enter);
    await answerEverything(w);
    await w.waitFor('Your decisions');
    await w.press('s');
    await w.waitFor('Save the answers file to');
    await w.press(KEYS.enter);
    await w.waitFor('Saved to');
    const fromFile = answersToYaml(validateAnswersDocument(SAME_CHOICES_YAML));
    assert.equal(engine.saved[0]!.text, fromFile);
    // And the saved file loads back to what the wizard would install.
    assert.equal(answersToYaml(validateAnswersDocument(engine.saved[0]!.text)), fromFile);
  } finally {
    w.unmount();
  }
});

test('back navigation keeps every answer', async () => {
  const engine = new FakeEngine();
  const w = await startWizard(engine);
  try {
    await w.press(KEYS.enter);
    await answerText(w, 'Your Matrix domain', 'example.org');
    await answerText(w, 'Host name that serves Synapse', 'matrix.example.org');
    await w.waitFor('Who serves the delegation files?');
    await w.press('3');
    await w.press(KEYS.enter);
    await w.waitFor('Federate with other Matrix servers?');
    await w.press(KEYS.escape);
    const delegation = await w.waitFor('Who serves the delegation files?');
    assert.match(delegation, /❯ 3\. none/, 'the delegation answer is still selected');
    await w.press(KEYS.escape);
    assert.match(await w.waitFor('Host name that serves Synapse'), /› matrix\.example\.org/);
    await w.press(KEYS.escape);
    assert.match(await w.waitFor('Your Matrix domain'), /› example\.org/);
    await w.press(KEYS.escape);
    await w.waitFor('This sets up a Matrix homeserver');
    await w.press(KEYS.enter);
    matchSnapshot('question-back', await w.waitFor((f) => f.includes('Your Matrix domain') && f.includes('› example.org')));
    await w.press(KEYS.enter);
    await w.press(KEYS.enter);
    const again = await w.waitFor('Who serves the delegation files?');
    assert.match(again, /❯ 3\. none/);
  } finally {
    w.unmount();
  }
});

test('a validation error is shown as you type and blocks Enter until fixed', async () => {
  const engine = new FakeEngine();
  const w = await startWizard(engine);
  try {
    await w.press(KEYS.enter);
    await w.waitFor('Your Matrix domain');
    await w.type('https://Example.org');
    const error = await w.waitFor('✗', 'an inline error');
    matchSnapshot('question-validation-error', error);
    await w.press(KEYS.enter);
    assert.match(w.lastFrame(), /Your Matrix domain/, 'Enter does not move on');
    await w.press(KEYS.ctrlU);
    await w.press(KEYS.enter);
    assert.match(await w.waitFor('is required'), /is required/);
    await w.type('example.org');
    await w.waitFor((f) => !f.includes('✗'), 'the error to clear');
    await w.press(KEYS.enter);
    await w.waitFor('Host name that serves Synapse');
    // Self-signed with federation on is refused with the reason, before anything runs.
    await w.press(KEYS.enter);
    await w.press(KEYS.enter);
    await w.waitFor('Where does the HTTPS certificate come from?');
    await w.press('3');
    await w.press(KEYS.enter);
    assert.match(await w.waitFor('refuse to federate'), /self-signed/);
  } finally {
    w.unmount();
  }
});

test('resume of a previous run goes straight to the review and installs with its answers', async () => {
  const engine = new FakeEngine();
  const answers = validateAnswersDocument(SAME_CHOICES_YAML);
  engine.previous = {
    answers,
    status: 'failed',
    stoppedAt: 'postgres-server',
    logFile: LOG,
    steps: [
      { id: 'preflight', title: 'Check this machine', status: 'done' },
      { id: 'postgres-server', title: 'PostgreSQL server', status: 'failed' },
    ],
  };
  doneRun(engine);
  const w = await startWizard(engine);
  try {
    const welcome = await w.waitFor((f) => f.includes('Resume the previous run') && f.includes('Port 443'));
    matchSnapshot('welcome-previous-run', welcome);
    assert.deepEqual(engine.preflightCalls[0], answers, 'the first checks use the previous names');
    await w.press(KEYS.enter);
    await w.waitFor((f) => f.includes('Resume the previous run') && f.includes('Enter resume the install'));
    await w.press(KEYS.enter);
    await w.waitFor('Verification:');
    assert.deepEqual(engine.ranWith[0], answers);
  } finally {
    w.unmount();
  }
});

test('"change the answers" starts from the previous answers', async () => {
  const engine = new FakeEngine();
  engine.previous = { answers: validateAnswersDocument(SAME_CHOICES_YAML), status: 'done', steps: [] };
  const w = await startWizard(engine);
  try {
    await w.waitFor('Change the answers and run again');
    await w.press(KEYS.enter);
    assert.match(await w.waitFor('Your Matrix domain'), /› example\.org/);
  } finally {
    w.unmount();
  }
});

test('failure screen: step, command, output, cause, log, resume command; retry runs again', async () => {
  const engine = new FakeEngine();
  engine.runs.push({
    events: [
      STARTED,
      { type: 'step-started', stepId: 'preflight', title: 'Check this machine', recheck: false },
      { type: 'step-done', stepId: 'preflight', changed: false, durationMs: 420 },
      { type: 'step-started', stepId: 'base-packages', title: 'Base packages', recheck: false },
      { type: 'command-started', stepId: 'base-packages', argv: ['apt-get', 'update', '-q'] },
      {
        type: 'step-failed',
        stepId: 'base-packages',
        durationMs: 5200,
        error: {
          message: 'Command failed with exit status 100: apt-get update -q',
          argv: ['apt-get', 'update', '-q'],
          exitCode: 100,
          outputTail: ['Err:1 http://deb.debian.org/debian bookworm InRelease', '  Temporary failure resolving deb.debian.org', 'E: Some index files failed to download.'],
          hint: 'The package mirror could not be reached: check DNS and outgoing HTTP from this machine.',
        },
      },
      { type: 'run-finished', status: 'failed', changedSteps: [], durationMs: 5700 },
    ],
    outcome: {
      status: 'failed',
      failedStep: 'base-packages',
      logFile: LOG,
      changedSteps: [],
      error: {
        message: 'Command failed with exit status 100: apt-get update -q',
        argv: ['apt-get', 'update', '-q'],
        exitCode: 100,
        outputTail: ['Err:1 http://deb.debian.org/debian bookworm InRelease', '  Temporary failure resolving deb.debian.org', 'E: Some index files failed to download.'],
        hint: 'The package mirror could not be reached: check DNS and outgoing HTTP from this machine.',
      },
    },
  });
  doneRun(engine);
  const w = await startWizard(engine);
  try {
    await w.press(KEYS.enter);
    await answerEverything(w);
    await w.waitFor('Enter install');
    await w.press(KEYS.enter);
    const failure = await w.waitFor('Install failed');
    matchSnapshot('failure', failure);
    assert.match(failure, /Failed at: Base packages \(base-packages\)/);
    assert.match(failure, /Command \(exit status 100\)\n\s+\$ apt-get update -q/);
    assert.match(failure, /│ E: Some index files failed to download\./);
    assert.match(failure, /Likely cause: The package mirror could not be reached/);
    assert.match(failure, /❯ 1\. Retry now/, 'the choices stay in view');
    await w.press(KEYS.pageDown);
    const rest = flat(await w.waitFor('continue later with'));
    assert.ok(rest.includes(`Full output in the log: ${LOG}`));
    assert.match(rest, /continue later with: matrix-setup resume/);
    await w.press('r');
    await w.waitFor('Verification:');
    assert.equal(engine.ranWith.length, 2);
  } finally {
    w.unmount();
  }
});

test('quitting from the failure screen exits 1 and names the resume command', async () => {
  const engine = new FakeEngine();
  engine.runs.push({ events: [STARTED], outcome: { status: 'failed', failedStep: 'preflight', logFile: LOG, changedSteps: [], error: { message: 'boom' } } });
  const w = await startWizard(engine);
  try {
    await w.press(KEYS.enter);
    await answerEverything(w);
    await w.waitFor('Enter install');
    await w.press(KEYS.enter);
    await w.waitFor('Install failed');
    await w.press(KEYS.down);
    await w.press(KEYS.enter);
    const exit = await w.store.exited;
    assert.equal(exit.code, 1);
    assert.match(exit.message ?? '', /^Step "preflight" failed: boom\n/);
    assert.match(exit.message ?? '', /After fixing the cause, continue with: matrix-setup resume$/);
  } finally {
    w.unmount();
  }
});

test('Ctrl-C asks first; during the install it stops the run and records it as interrupted', async () => {
  const engine = new FakeEngine();
  const pause = deferred();
  doneRun(engine, pause.promise);
  const w = await startWizard(engine);
  try {
    await w.press(KEYS.enter);
    await w.waitFor('Your Matrix domain');
    await w.press(KEYS.ctrlC);
    matchSnapshot('quit-confirm', await w.waitFor('Quit matrix-setup?'));
    await w.press('n');
    await w.waitFor((f) => !f.includes('Quit matrix-setup?'), 'the dialog to close');
    await answerEverything(w);
    await w.waitFor('Enter install');
    await w.press(KEYS.enter);
    await w.waitFor('Setting up postgresql-15');
    await w.press(KEYS.ctrlC);
    await w.waitFor('Stop the install?');
    await w.press('y');
    const exit = await w.store.exited;
    assert.equal(exit.code, 130);
    assert.match(exit.message ?? '', /Stopped during "PostgreSQL server"\. Continue later with: matrix-setup resume/);
    assert.equal(engine.aborted, true);
  } finally {
    pause.release();
    w.unmount();
  }
});

test('an external database is tested live before moving on', async () => {
  const engine = new FakeEngine();
  engine.databaseResult = { ok: false, message: 'password authentication failed for user "synapse_user"' };
  const w = await startWizard(engine, { planOnly: true });
  try {
    await w.press(KEYS.enter);
    await answerText(w, 'Your Matrix domain', 'example.org');
    await answerText(w, 'Host name that serves Synapse', 'example.org');
    await w.press(KEYS.enter); // federation: yes
    await w.waitFor('Where does the HTTPS certificate come from?');
    await w.press(KEYS.enter);
    await answerText(w, "Email address for Let's Encrypt", 'admin@example.org');
    await w.waitFor('Where should the PostgreSQL database run?');
    await w.press('2');
    await w.press(KEYS.enter);
    await answerText(w, 'Database server host', 'db.example.org');
    await w.waitFor('Database server port');
    await w.press(KEYS.enter);
    await w.waitFor('TLS for the database connection');
    await w.press(KEYS.enter);
    await w.waitFor('Database name');
    await w.press(KEYS.enter);
    await w.waitFor('Role Synapse connects as');
    await w.press(KEYS.enter);
    await answerText(w, "File holding that role's password", '/root/db-password');
    await w.waitFor('Administrator role');
    await w.press(KEYS.enter);
    const failed = await w.waitFor('password authentication failed');
    matchSnapshot('question-database-test', failed);
    assert.match(failed, /Enter test again/);
    assert.equal(engine.databaseTests.length, 1);
    assert.equal(engine.databaseTests[0]!.host, 'db.example.org');
    assert.deepEqual(engine.databaseTests[0]!.password, { file: '/root/db-password' });
    engine.databaseResult = { ok: true, message: 'PostgreSQL 16.4, database synapse, UTF8 with C collation' };
    await w.press(KEYS.enter);
    await w.waitFor('✓ PostgreSQL 16.4');
    await w.press(KEYS.enter);
    await w.waitFor('How should Synapse be installed?');
  } finally {
    w.unmount();
  }
});

test('plan only: the review says nothing will be installed and Enter exits 0 without running', async () => {
  const engine = new FakeEngine();
  const w = await startWizard(engine, { planOnly: true });
  try {
    await w.press(KEYS.enter);
    await answerEverything(w);
    const review = await w.waitFor('Plan only: nothing will be installed.');
    assert.match(review, /Enter quit/);
    await w.press(KEYS.enter);
    assert.equal((await w.store.exited).code, 0);
    assert.equal(engine.ranWith.length, 0);
  } finally {
    w.unmount();
  }
});

test('a failed preflight check blocks the install until it passes', async () => {
  const engine = new FakeEngine();
  engine.preflightResults = [
    { id: 'root', label: 'Root', status: 'pass', detail: 'running as root' },
    { id: 'port-80', label: 'Port 80', status: 'fail', detail: 'in use by apache2 (PID 712)', fix: 'Stop apache2: systemctl disable --now apache2' },
  ];
  doneRun(engine);
  const w = await startWizard(engine);
  try {
    await w.waitFor('Some checks failed');
    await w.press(KEYS.enter);
    await answerEverything(w);
    const review = await w.waitFor('Fix the failed checks');
    assert.match(review, /Port 80: in use by apache2/);
    await w.press(KEYS.enter);
    assert.equal(engine.ranWith.length, 0);
    engine.preflightResults = engine.preflightResults.map((r) => ({ ...r, status: 'pass' as const }));
    await w.press('r');
    await w.waitFor('Enter install');
    await w.press(KEYS.enter);
    await w.waitFor('Next steps');
    assert.equal(engine.ranWith.length, 1);
  } finally {
    w.unmount();
  }
});
