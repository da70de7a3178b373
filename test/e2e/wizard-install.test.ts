// One install driven through the wizard, as a person at an 80×24 terminal does it: install.sh
// in a booted Debian container, run in a real pseudo-terminal (tmux on the host entering the
// container with nsenter), every question answered by keys, the container's Pebble given as the
// ACME directory and CA bundle in the advanced section, registration by token. Every screen on
// the way must fit 80×24 with its title and key hints. Then the same client checks as the
// unattended install (harness/verify-server.ts) with the admin password the final summary
// printed, the registration token from that summary registering a new user over the client
// API, and `matrix-setup verify` with and without --ca FILE (Pebble's root).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, test } from 'node:test';
import { parse } from 'yaml';
import { STEPS } from '../../steps/index.js';
import { registerWithToken, whoami } from './checks/registration-token.js';
import { SERVER_NAME } from './harness/answers.js';
import { BUNDLE, INSTALL_SH, ensureBundle } from './harness/bundle.js';
import { Container } from './harness/container.js';
import { runInstalledCommand, shown } from './harness/installer.js';
import { startPebble } from './harness/pebble.js';
import { reportSkip } from './harness/skip.js';
import { assertWizardScreen, hasTmux, questionOf, screenLines, TmuxTerminal } from './harness/tmux.js';
import { describeChecks, type VerifyReport } from './harness/verify-command.js';
import { verifyServer } from './harness/verify-server.js';

const MINUTES = 60_000;
const COLUMNS = 80;
const ROWS = 24;
const ROOT_PEM = '/root/pebble-root.pem';
const skip = reportSkip();
const timings: Array<[string, number]> = [];

after(() => {
  for (const [name, ms] of timings) console.log(`[e2e] ${name}: ${(ms / 1000).toFixed(0)} s`);
});

/** What this person answers, by question title; every other question keeps what the wizard offers. */
function answerFor(question: string, pebble: { directoryUrl: string; listenerCaPath: string }): { type?: string; choose?: string } | undefined {
  if (/^Your Matrix domain/.test(question)) return { type: SERVER_NAME };
  if (/^Host name that serves Synapse/.test(question)) return { type: SERVER_NAME };
  if (/^Email address for Let's Encrypt/.test(question)) return { type: `admin@${SERVER_NAME}` };
  // No network for Element's release here (the unattended scenario gives a local tarball instead).
  if (/^Install Element Web/.test(question)) return { choose: '2' };
  if (/^Who may create an account\?/.test(question)) return { choose: '2' };
  if (/^Change the advanced settings\?/.test(question)) return { choose: '1' };
  if (/^ACME directory/.test(question)) return { type: pebble.directoryUrl };
  if (/^CA bundle of the ACME server/.test(question)) return { type: pebble.listenerCaPath };
  return undefined;
}

test('an install through the wizard at 80×24: same client checks as unattended, the registration token registers a user, verify --ca', { timeout: 60 * MINUTES }, async (t) => {
  if (skip) return t.skip(skip);
  if (!hasTmux()) return t.skip('tmux is not installed (scripts/test-setup.mjs e2e installs it)');
  await ensureBundle();
  const container = await Container.boot({ rootfs: 'sid', lockWaitMs: 120 * MINUTES });
  // From a booted container (the wait for another scenario's container is not this one's time).
  const started = Date.now() - container.timings.bootMs - container.timings.restoreMs;
  let terminal: TmuxTerminal | undefined;
  try {
    const pebble = await startPebble(container);
    container.copyIn(INSTALL_SH, '/root/install.sh');
    container.copyIn(BUNDLE, '/root/matrix-setup.mjs');
    container.writeFile(ROOT_PEM, pebble.issuingRootPem);
    // The wizard's own verification at the end trusts Pebble's root the way the unattended scenario's verify does.
    const argv = container.hostArgv(['bash', '/root/install.sh'], { env: { TERM: 'xterm-256color', NODE_EXTRA_CA_CERTS: ROOT_PEM } });
    terminal = TmuxTerminal.start(argv, { columns: COLUMNS, rows: ROWS, name: 'wizard-install' });

    // install.sh gets Node from the distribution first (several seconds), then the wizard starts.
    const welcome = await terminal.waitFor((s) => /Enter start/.test(s) && /^Checks · \d+ passed/m.test(s), 'the welcome screen with its checks', 10 * MINUTES, 250);
    assertWizardScreen(welcome, COLUMNS, ROWS, 'welcome');
    assert.doesNotMatch(welcome, /^Checks · .*failed/m, `a preflight check failed:\n${welcome}`);
    terminal.keys('Enter');

    const asked: string[] = [];
    let screen = await terminal.waitFor((s) => !s.includes('Detected system'), 'the first question');
    while (!screen.startsWith('matrix-setup · Review')) {
      assertWizardScreen(screen, COLUMNS, ROWS, `question ${asked.length + 1}`);
      const question = questionOf(screen);
      assert.ok(!asked.includes(question), `asked twice: ${question}\n${screen}`);
      for (const earlier of asked) assert.ok(!screenLines(screen).some((line) => line.trim() === earlier), `"${earlier}" left on the screen of "${question}":\n${screen}`);
      asked.push(question);
      const answer = answerFor(question, pebble);
      if (answer?.type !== undefined) {
        terminal.keys('C-u');
        terminal.type(answer.type);
      }
      if (answer?.choose) terminal.keys(answer.choose);
      terminal.keys('Enter');
      screen = await terminal.waitFor((s) => questionOf(s) !== question || s.startsWith('matrix-setup · Review'), `the screen after "${question}"`);
    }
    assert.ok(asked.some((q) => q.startsWith('CA bundle of the ACME server')), `the ACME CA bundle was not asked: ${asked.join(' | ')}`);

    const review = await terminal.waitFor((s) => s.includes('Enter install'), 'the review, ready to install', 2 * MINUTES);
    assertWizardScreen(review, COLUMNS, ROWS, 'review');
    console.log(`[e2e] the review at 80×24:\n${review}`);
    terminal.keys('Enter');

    // The install: every frame fits, shows the running step with n/N and its output, no preflight warnings.
    const installStarted = Date.now();
    let progressShown = '';
    let last = '';
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const now = terminal.screen();
      if (now.startsWith('matrix-setup · Done') || now.startsWith('matrix-setup · Install failed') || now.startsWith('matrix-setup · Install stopped')) break;
      if (Date.now() - installStarted > 40 * MINUTES) assert.fail(`the install did not finish in 40 minutes:\n${now}`);
      if (now === last || !now.startsWith('matrix-setup · Installing')) continue;
      last = now;
      assertWizardScreen(now, COLUMNS, ROWS, 'progress', /Ctrl-C stop/);
      assert.doesNotMatch(now, /^! /m, `a warning under the progress:\n${now}`);
      if (!progressShown && new RegExp(`step \\d+/${STEPS.length} · `).test(now) && /│ /.test(now)) progressShown = now;
    }
    timings.push(['install through the wizard', Date.now() - installStarted]);
    const done = await terminal.waitFor((s) => /^Verification: \d+ passed/m.test(s) || s.startsWith('matrix-setup · Install'), 'the done screen with its verification', 5 * MINUTES, 250);
    assert.ok(done.startsWith('matrix-setup · Done'), `the install did not finish:\n${done}\n${terminal.history().slice(-3000)}`);
    assert.ok(progressShown, 'a progress frame with a running step and its output was seen');
    console.log(`[e2e] a progress frame at 80×24:\n${progressShown}`);
    console.log(`[e2e] the done screen at 80×24:\n${done}`);
    assertWizardScreen(done, COLUMNS, ROWS, 'done', /Enter quit/);
    assert.match(done, /Homeserver URL\s+https:\/\/matrix\.test/);
    assert.match(done, /Admin password\s+\S+/);
    assert.match(done, /Registration token\s+\S+/);
    assert.match(done, /^Verification: \d+ passed, \d+ warning\(s\), 0 failed/m);

    terminal.keys('Enter');
    await terminal.waitFor((s) => s.includes('[exited'), 'the wizard to exit');
    // What stays in the scrollback after the wizard left its alternate screen.
    const normal = terminal.history();
    assert.match(normal, /\[exited 0\]/);
    assert.match(normal, /Your Matrix homeserver matrix\.test is installed\./);
    assert.match(normal, /Homeserver URL: https:\/\/matrix\.test/);
    const password = /Admin password: (\S+) {3}\(shown once/.exec(normal)?.[1];
    const token = /Registration token: (\S+) {3}\(shown once/.exec(normal)?.[1];
    assert.ok(password && token, `no password or token in the summary:\n${normal.slice(-3000)}`);
    assert.doesNotMatch(normal, /matrix-setup · /, 'no frame on the normal screen');
    const secrets = parse(container.readFile('/var/lib/matrix-setup/secrets.yaml')) as Record<string, string>;
    assert.equal(password, secrets.admin_password, 'the summary shows the admin password kept in secrets.yaml');
    assert.equal(token, secrets.registration_token, 'the summary shows the registration token kept in secrets.yaml');

    await verifyServer(t, container, { rootPem: pebble.issuingRootPem, adminPassword: password, element: false });

    await t.test('the registration token from the summary registers a new user; another token does not', async () => {
      const username = `invitee-${randomBytes(3).toString('hex')}`;
      const registered = await registerWithToken({ host: SERVER_NAME, ca: pebble.issuingRootPem, username, password: randomBytes(12).toString('hex'), token: token! });
      assert.equal(registered.userId, `@${username}:${SERVER_NAME}`);
      assert.equal(await whoami({ host: SERVER_NAME, ca: pebble.issuingRootPem, accessToken: registered.accessToken }), registered.userId);
      await assert.rejects(
        registerWithToken({ host: SERVER_NAME, ca: pebble.issuingRootPem, username: `intruder-${randomBytes(3).toString('hex')}`, password: randomBytes(12).toString('hex'), token: 'not-the-token' }),
        /registration refused/,
      );
    });

    await t.test('verify: Pebble\'s certificate fails the TLS checks and the rest points at them; with --ca FILE it passes', async () => {
      const untrusted = await runInstalledCommand(container, ['verify', '--json'], 5 * MINUTES);
      assert.equal(untrusted.exitCode, 1, shown(untrusted));
      const report = JSON.parse(untrusted.stdout) as VerifyReport;
      const byId = new Map(report.checks.map((c) => [c.id, c]));
      assert.equal(byId.get('client-api.tls')?.status, 'fail', describeChecks(report.checks));
      assert.equal(byId.get('client-api.versions')?.status, 'skip');
      assert.match(byId.get('client-api.versions')?.evidence ?? '', /see client-api\.tls/);
      assert.deepEqual(report.checks.filter((c) => /8448|well-known/.test(c.fix ?? '')).map((c) => c.id), [], 'no unrelated fixes');

      const trusted = await runInstalledCommand(container, ['verify', '--json', '--ca', ROOT_PEM], 5 * MINUTES);
      const trustedReport = JSON.parse(trusted.stdout) as VerifyReport;
      assert.equal(trusted.exitCode, 0, `${shown(trusted)}\n${describeChecks(trustedReport.checks.filter((c) => c.status !== 'pass'))}`);
      assert.deepEqual(trustedReport.checks.filter((c) => c.status === 'fail'), []);
    });
  } finally {
    terminal?.kill();
    await container.stop();
    timings.push(['wizard scenario in all (restore, boot, install, checks, stop)', Date.now() - started]);
  }
});
