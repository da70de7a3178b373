// The wizard at 80×24: every question's frame, the progress of a run of every step, the done screen
// with a registration token, and the exit summary written to the normal screen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateAnswersDocument } from '../../src/answers/validate.js';
import { runWizard } from '../../src/ui/run-wizard.js';
import { STEPS } from '../../steps/index.js';
import { both, FakeEngine, LOG, runOfEveryStep } from './fake-engine.js';
import { checkText } from '../../src/i18n/messages/verify-checks.js';
import { verifyText } from '../../src/i18n/messages/verify.js';
import { fakeTerminal, stripAnsi } from './fake-terminal.js';
import { CLOCK, KEYS, matchSnapshot, ROWS, startWizard, WIDTH, type Wizard } from './helpers.js';
import { answerById, EVERY_SECTION } from './walk.js';
import { verbatim } from '../../src/i18n/index.js';

function assertFits(frame: string, what: string): void {
  const lines = frame.split('\n');
  assert.ok(lines.length <= ROWS - 1, `${what}: ${lines.length} lines do not fit ${ROWS} rows`);
  for (const line of lines) assert.ok([...line].length <= WIDTH, `${what}: wider than ${WIDTH}: ${line}`);
}

/** Title on the first line, key hints on the last: both always in view. */
function assertFrame(frame: string, title: string, what: string): void {
  assertFits(frame, what);
  const lines = frame.split('\n');
  assert.match(lines[0]!, new RegExp(`^matrix-setup · ${title.replace(/[()]/g, '\\$&')}`), `${what}: title line\n${frame}`);
  assert.match(lines.at(-1)!, /Ctrl-C quit|PgUp PgDn scroll|Enter quit/, `${what}: key hints\n${frame}`);
}

test('every question at 80×24, with email, TURN, token registration and the advanced settings', async () => {
  const engine = new FakeEngine();
  const w = await startWizard(engine, { planOnly: true });
  try {
    assertFrame(await w.waitFor('Port 443'), 'Welcome', 'welcome');
    await w.press(KEYS.enter);
    const seen: string[] = [];
    for (let step = 0; step < 80; step++) {
      const frame = await w.waitFor((f) => f.startsWith('matrix-setup · ') && !f.includes('Checking this machine…'));
      const state = w.store.getState();
      if (state.screen === 'review') break;
      const id = state.questionId!;
      assert.ok(!seen.includes(id), `asked twice: ${id}`);
      seen.push(id);
      assertFrame(frame, frame.split('\n')[0]!.replace(/^matrix-setup · /, '').replace(/\s+section.*$/, ''), id);
      assert.doesNotMatch(frame, /Detected system|This sets up a Matrix homeserver/, `${id}: no line of the welcome screen`);
      matchSnapshot(`walk/${String(seen.length).padStart(2, '0')}-${id.replace(/[^\w.-]/g, '_')}`, frame);
      await answerById(w, id, EVERY_SECTION);
    }
    assert.ok(seen.includes('tls.acme_ca_bundle'), 'the ACME CA bundle is asked in the advanced section');
    const review = await w.waitFor('Your decisions');
    assertFrame(review, 'Review', 'review');
    assert.deepEqual(w.store.getState().review.issues, []);
    assert.equal(w.store.getState().review.answers?.tls.acme_ca_bundle, '/root/private-ca.pem');
  } finally {
    w.unmount();
  }
});

/** From the welcome screen's "Resume the previous run" through the review to the install. */
async function resumeAndInstall(w: Wizard): Promise<void> {
  await w.waitFor('Resume the previous run');
  await w.press(KEYS.enter);
  await w.waitFor('Enter resume the install');
  await w.press(KEYS.enter);
}

test('progress at 80×24 with every step: title with n/N, elapsed time, output tail, the list folded around it', async () => {
  const engine = new FakeEngine();
  engine.previous = { answers: validateAnswersDocument('version: 1\nserver_name: example.org\ntls:\n  email: admin@example.org\n'), status: 'failed', steps: [] };
  let release!: () => void;
  engine.runs.push({ events: runOfEveryStep('synapse-service', [verbatim('DNS example.org: has no A or AAAA record')]), pauseUntil: new Promise<void>((resolve) => (release = resolve)), outcome: { status: 'done', logFile: LOG, changedSteps: [] } });
  const startedAt = CLOCK.now;
  const w = await startWizard(engine);
  try {
    await resumeAndInstall(w);
    await w.waitFor('synapse log line 9');
    CLOCK.now += 4_200;
    w.store.dispatch({ type: 'tick', now: CLOCK.now });
    const frame = await w.waitFor('4.2s');
    matchSnapshot('progress-all-steps', frame);
    assertFits(frame, 'progress');
    const lines = frame.split('\n');
    const running = STEPS.findIndex((s) => s.id === 'synapse-service');
    assert.match(lines[0]!, new RegExp(`^matrix-setup · Installing\\s+${running}/${STEPS.length} done · 4\\.2s$`));
    assert.match(frame, new RegExp(`Start Synapse\\s+step ${running + 1}/${STEPS.length} · 4\\.2s`));
    assert.match(frame, /\$ systemctl start matrix-synapse\.service/);
    for (let i = 4; i <= 9; i++) assert.match(frame, new RegExp(`│ synapse log line ${i}$`, 'm'));
    assert.doesNotMatch(frame, /synapse log line 3/, 'the tail is the last six lines');
    assert.match(frame, /earlier steps: \d+ done/);
    assert.match(frame, /○ \d+ more steps \(2 not needed\)/);
    assert.match(frame, /Create the admin account/, 'the next step is in view');
    assert.doesNotMatch(frame, /has no A or AAAA record/, 'preflight warnings are not under the progress');
    assert.match(frame, /Log: \/var\/log\/matrix-setup\//);
    assert.match(lines.at(-1)!, /Ctrl-C stop/);
  } finally {
    release();
    CLOCK.now = startedAt;
    w.unmount();
  }
});

const TOKEN_ANSWERS = 'version: 1\nserver_name: example.org\nsynapse_host: matrix.example.org\ntls:\n  email: admin@example.org\nsynapse:\n  registration: token\n';

test('done at 80×24 with token registration: URL, password and token in view; Enter quits with the summary', async () => {
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
    {
      id: 'client-api.versions',
      label: verifyText.groupClientApi,
      status: 'skip',
      detail: both('skipped: the certificate of matrix.example.org is not accepted; see client-api.tls', 'пропущено: сертификат matrix.example.org не принят; см. client-api.tls'),
    },
    ...Array.from({ length: 20 }, (_, i) => ({ id: `ok-${i}`, label: both(`Check ${i}`, `Проверка ${i}`), status: 'pass' as const, detail: both('fine', 'в порядке') })),
  ];
  const w = await startWizard(engine);
  try {
    await resumeAndInstall(w);
    const done = await w.waitFor('Verification');
    matchSnapshot('done-token', done);
    assertFrame(done, 'Done', 'done');
    assert.match(done, /Homeserver URL\s+https:\/\/matrix\.example\.org/);
    assert.match(done, /Admin password\s+correct-horse-battery/);
    assert.match(done, /Registration token\s+tok-4f9a2c/);
    assert.match(done, /Shown only this once: write them down/);
    await w.press(KEYS.pageDown);
    await w.press(KEYS.pageDown);
    const end = await w.waitFor('Next steps');
    assert.match(end.replace(/\s+/g, ' '), /↷ Client API: skipped: .*see client-api\.tls/);
    assert.match(end.replace(/\s+/g, ' '), /Invite people: they create an account at https:\/\/element\.example\.org with the registration token above/);
    await w.press(KEYS.enter);
    const exit = await w.store.exited;
    assert.equal(exit.code, 0);
    for (const fact of ['Homeserver URL: https://matrix.example.org', 'Admin password: correct-horse-battery', 'Registration token: tok-4f9a2c', 'Verification: 20 passed, 0 warning(s), 1 failed, 1 could not run.']) {
      assert.ok(exit.message?.includes(fact), `exit summary lacks "${fact}":\n${exit.message}`);
    }
  } finally {
    w.unmount();
  }
});

test('runWizard: the frames go to the alternate screen; the summary is written to the normal screen after it', async () => {
  const engine = new FakeEngine();
  engine.previous = { answers: validateAnswersDocument(TOKEN_ANSWERS), status: 'failed', stoppedAt: 'synapse-admin', steps: [] };
  engine.runs.push({ events: [], outcome: { status: 'done', logFile: LOG, changedSteps: [] }, shown: { adminPassword: 'correct-horse-battery', registrationToken: 'tok-4f9a2c' } });
  const terminal = fakeTerminal(80, 24);
  const exited = runWizard({ engine, stdin: terminal.stdin, stdout: terminal.stdout, env: { NO_COLOR: '1' }, lang: 'en' });
  await terminal.waitFor('Resume the previous run');
  terminal.press('\r');
  await terminal.waitFor('Enter resume the install');
  terminal.press('\r');
  await terminal.waitFor('Verification');
  terminal.press('\r');
  assert.equal(await exited, 0);
  const output = terminal.output();
  assert.ok(output.startsWith('\u001B[?1049h'), 'enters the alternate screen first');
  const leave = output.lastIndexOf('\u001B[?1049l');
  assert.ok(leave > 0, 'leaves the alternate screen');
  const frames = stripAnsi(output.slice(0, leave));
  assert.match(frames, /Registration token\s+tok-4f9a2c/, 'the done screen showed the token');
  const normal = stripAnsi(output.slice(leave));
  for (const fact of ['Your Matrix homeserver example.org is installed.', 'Homeserver URL: https://matrix.example.org', 'Admin password: correct-horse-battery', 'Registration token: tok-4f9a2c', 'Next steps:']) {
    assert.ok(normal.includes(fact), `the normal screen lacks "${fact}":\n${normal}`);
  }
  assert.doesNotMatch(normal, /matrix-setup · /, 'no frame on the normal screen');
});
