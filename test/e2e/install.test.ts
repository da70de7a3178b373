// The install as a user does it, in a booted Debian unstable container: install.sh and the
// bundle copied in, an answers file, Pebble as the ACME server. Then the server is checked as a
// client and another homeserver see it, installed a second time (nothing may change), rebooted
// (it must come back by itself), killed mid-run at several steps and rebooted mid-run, resumed
// each time, and made to fail for real and resumed after the fix.
// Scenarios run one after another (one container at a time); each prints its time.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import { ANSWERS_PATH, ELEMENT_HOST, OPEN_FILES_LIMIT, SERVER_NAME, answersYaml, e2eAnswers, withGuideExtras } from './harness/answers.js';
import { BUNDLE, ensureBundle } from './harness/bundle.js';
import { dpkgInstalling } from './harness/dpkg.js';
import { Container } from './harness/container.js';
import { makeElementTarball, type ElementTarball } from './harness/element-fixture.js';
import {
  copyInstallFiles,
  hasProcess,
  killAt,
  readRunLog,
  readRunState,
  runInstallSh,
  runInstalledCommand,
  runMatrixSetup,
  shown,
  startInstallSh,
  stepRunning,
  type KillPoint,
  type RunState,
} from './harness/installer.js';
import type { RunResult, StartedCommand } from './harness/process.js';
import { startPebble, type Pebble } from './harness/pebble.js';
import { reportSkip } from './harness/skip.js';
import { checkEdgeHardening } from './checks/edge-hardening.js';
import { checkPlanHidesSecrets } from './checks/plan-secrets.js';
import { checkInstalledEmailBlock, checkMail, checkTurn, loginAdmin, readableMail, startForeignSecretAttempt, synapseFileLimits } from './harness/guide-features.js';
import { fileChecksums, serviceStarts, diffChecksums } from './harness/snapshot.js';
import { describeChecks, runVerifyCommand, withOneMegabyteBodyLimit, type VerifyReport } from './harness/verify-command.js';
import { SmtpSink } from '../helpers/smtp-sink.js';
import { coturnComplaintsFor, coturnJournal, serviceJemalloc } from './checks/service-runtime.js';
import { adminPasswordFrom, missingSteps, verifyServer } from './harness/verify-server.js';

const MINUTES = 60_000;
const skip = reportSkip();
let element: ElementTarball | undefined;
const timings: Array<[string, number]> = [];

before(async () => {
  if (skip) return;
  await ensureBundle();
  element = await makeElementTarball();
});

after(() => {
  element?.remove();
  if (timings.length > 0) {
    console.log('[e2e] scenario times:');
    for (const [name, ms] of timings) console.log(`[e2e]   ${name}: ${(ms / 1000).toFixed(0)} s`);
  }
});

interface Server {
  container: Container;
  pebble: Pebble;
  answers: Record<string, unknown>;
}

/** A fresh sid server with Pebble running and the user's files in /root. */
async function freshServer(answerChanges: (answers: Record<string, unknown>) => void = () => {}): Promise<Server> {
  const container = await Container.boot({ rootfs: 'sid', lockWaitMs: 120 * MINUTES });
  try {
    const pebble = await startPebble(container);
    const answers = e2eAnswers({ acmeDirectory: pebble.directoryUrl, acmeCaBundle: pebble.listenerCaPath, elementSha256: element!.sha256 });
    answerChanges(answers);
    copyInstallFiles(container, { answers, elementTarball: element!.path });
    return { container, pebble, answers };
  } catch (error) {
    await container.stop();
    throw error;
  }
}

async function scenario(t: TestContext, name: string, body: () => Promise<void>): Promise<void> {
  const started = Date.now();
  try {
    await body();
  } finally {
    timings.push([name, Date.now() - started]);
  }
}

const INSTALL_ARGS = ['--answers', ANSWERS_PATH, '--yes'];

/**
 * `matrix-setup verify` on a healthy install may only warn about what this test machine cannot
 * have: matrix.test and element.matrix.test exist in /etc/hosts only, not in DNS, so verify
 * says other servers and clients cannot find them (it still reaches them through /etc/hosts).
 */
const EXPECTED_VERIFY_WARNINGS: Record<string, RegExp> = {
  'dns.server-name': /only this machine maps it/,
  'dns.element-host': /only this machine maps it/,
};

function assertHealthyReport(report: VerifyReport, which: string): void {
  const notPassing = report.checks.filter((c) => c.status !== 'pass' && c.status !== 'skip');
  assert.deepEqual(report.checks.filter((c) => c.status === 'fail'), [], `${which}: failures:\n${describeChecks(notPassing)}`);
  for (const warning of report.checks.filter((c) => c.status === 'warn')) {
    const expected = EXPECTED_VERIFY_WARNINGS[warning.id];
    assert.ok(expected && expected.test(warning.evidence), `${which}: unexpected warning ${warning.id}: ${warning.evidence}`);
  }
  assert.equal(report.ok, true);
}

test('fresh install with install.sh, checked as a client and a peer; a second run changes nothing; verify, TURN, email', { timeout: 60 * MINUTES }, async (t) => {
  if (skip) return t.skip(skip);
  await scenario(t, 'fresh install + verify + idempotent re-run + verify command, TURN, email', async () => {
    const sink = await SmtpSink.start();
    try {
      await freshInstallScenario(t, sink);
    } finally {
      await sink.stop();
    }
  });
});

async function freshInstallScenario(t: TestContext, sink: SmtpSink): Promise<void> {
  const extras = (answers: Record<string, unknown>) => withGuideExtras(answers, { smtpPort: sink.port });
  // The answers validate and plan on any machine before anything is installed.
  const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-e2e-plan-'));
  try {
    writeFileSync(join(dir, 'answers.yaml'), answersYaml(extras(e2eAnswers({ acmeDirectory: 'https://127.0.0.1:14000/dir', acmeCaBundle: '/etc/pebble-e2e/listener-ca.pem', elementSha256: element!.sha256 }))));
    const plan = spawnSync(process.execPath, [BUNDLE, 'plan', '--answers', join(dir, 'answers.yaml'), '--target', 'debian-unstable'], { encoding: 'utf8' });
    assert.equal(plan.status, 0, `plan: ${plan.stdout}\n${plan.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const { container, pebble } = await freshServer(extras);
  try {
    const first = await runInstallSh(container, INSTALL_ARGS);
    console.log(`[e2e] first install: ${(first.durationMs / 1000).toFixed(0)} s`);
    assert.equal(first.exitCode, 0, shown(first));
    assert.match(first.stderr, /installing Node\.js from the distribution \(apt-get install nodejs\)/, 'install.sh got Node from the distribution');
    assert.match(first.stdout, /run done in .*; changed: /);
    if (missingSteps(['synapse-admin']).length === 0) assert.match(first.stdout, /Admin password: \S+ +\(shown once/);

    const adminPassword = adminPasswordFrom(container);
    await verifyServer(t, container, { rootPem: pebble.issuingRootPem, adminPassword });

    const before = { files: await fileChecksums(container), services: await serviceStarts(container) };
    const second = await runInstallSh(container, INSTALL_ARGS);
    console.log(`[e2e] second install: ${(second.durationMs / 1000).toFixed(0)} s`);
    assert.equal(second.exitCode, 0, shown(second));
    assert.match(second.stdout, /nothing changed: the machine already matched the answers/, shown(second));
    assert.doesNotMatch(second.stdout, /^ {4}\+ /m, 'no change lines');
    assert.doesNotMatch(second.stdout, /Admin password:/, 'the password is shown once only');
    const log = readRunLog(container, second.stdout);
    for (const step of log.steps.values()) {
      if (step.outcome === 'skipped') continue;
      assert.equal(step.recheck, true, `${step.id} was not just re-checked`);
      assert.deepEqual(step.changes, [], `${step.id} changed something`);
    }
    assert.deepEqual(await serviceStarts(container), before.services, 'no service was (re)started');
    assert.deepEqual(diffChecksums(before.files, await fileChecksums(container)), [], 'every file is byte-identical');

    await t.test('plan with the saved answers (a diff against the installed files), plan --json and the run logs show no secret', async () => {
      const found = await checkPlanHidesSecrets(container);
      assert.equal(found.unchangedSecretFiles.length, 3, `secret-bearing files not shown unchanged: ${JSON.stringify(found)}`);
    });

    // Everything below runs after the idempotency check: it edits nginx's vhost and back.
    const foreignSecret = startForeignSecretAttempt(container);
    foreignSecret.catch(() => {}); // awaited in the TURN check
    await t.test('matrix-setup verify passes on the installed server', async () => {
      const { result, report } = await runVerifyCommand(container, pebble.issuingRootPem);
      assert.equal(result.exitCode, 0, `${shown(result)}\n${describeChecks(report.checks.filter((c) => c.status !== 'pass'))}`);
      assertHealthyReport(report, 'verify');
      const passed = new Set(report.checks.filter((c) => c.status === 'pass').map((c) => c.id));
      for (const id of ['client-api.versions', 'client-api.tls', 'federation.key-signatures', 'proxy.encoded-path', 'proxy.upload-1mb', 'proxy.upload-max', 'local.synapse-service', 'local.postgres']) {
        assert.ok(passed.has(id), `${id} did not pass:\n${describeChecks(report.checks.filter((c) => c.id === id))}`);
      }
    });

    await t.test('verify finds nginx back at a 1m body limit, and passes again once it is restored', async () => {
      await withOneMegabyteBodyLimit(container, pebble.issuingRootPem, async () => {
        const { result, report } = await runVerifyCommand(container, pebble.issuingRootPem);
        assert.equal(result.exitCode, 1, shown(result));
        assert.equal(report.ok, false);
        const failed = report.checks.filter((c) => c.status === 'fail');
        const small = failed.find((c) => c.id === 'proxy.upload-1mb');
        assert.ok(small, `proxy.upload-1mb did not fail:\n${describeChecks(report.checks.filter((c) => c.status !== 'pass'))}`);
        assert.match(small.evidence, /HTTP 413 from the proxy/);
        assert.match(small.fix ?? '', /client_max_body_size/);
        assert.deepEqual(failed.map((c) => c.id).filter((id) => !id.startsWith('proxy.upload-')), [], 'only the upload checks fail');
      });
      const { result, report } = await runVerifyCommand(container, pebble.issuingRootPem);
      assert.equal(result.exitCode, 0, `${shown(result)}\n${describeChecks(report.checks.filter((c) => c.status !== 'pass'))}`);
      assertHealthyReport(report, 'verify after the restore');
    });

    await t.test(`the drop-in limits are in effect: LimitNOFILE=${OPEN_FILES_LIMIT}`, async () => {
      const limits = await synapseFileLimits(container);
      assert.equal(limits.shown, `LimitNOFILE=${OPEN_FILES_LIMIT}`);
      assert.equal(limits.running, `${OPEN_FILES_LIMIT} ${OPEN_FILES_LIMIT}`, 'the running Synapse has the limit');
    });

    await t.test("Synapse runs with jemalloc mapped; coturn's journal has no complaint about its config", async () => {
      const run = (argv: string[]) => container.exec(argv, { okExitCodes: [0, 1] });
      const synapse = await serviceJemalloc(run, 'matrix-synapse');
      assert.ok(synapse.mapped.length > 0, `no libjemalloc in /proc/${synapse.pid}/maps (LD_PRELOAD=${synapse.preload})`);
      const coturn = await coturnJournal(run);
      assert.match(coturn.log, /Coturn/, 'coturn logged its start to the journal');
      assert.deepEqual(coturn.complaints, []);
      assert.match((await coturnComplaintsFor(run, 'no-tlsv1')).join('\n'), /Bad configuration format: no-tlsv1/, 'the journal check sees a complaint');
      t.diagnostic(`Synapse (pid ${synapse.pid}) maps ${synapse.mapped.join(', ')}; coturn logged ${coturn.log.split('\n').length} lines`);
    });

    const session = adminPassword ? await loginAdmin(adminPassword) : undefined;

    await t.test("TURN: coturn runs; credentials from Synapse allocate a relay, others do not; private, loopback and this machine's own peers are refused", async () => {
      assert.ok(session, 'no admin password to log in with');
      const active = await container.exec(['systemctl', 'is-active', 'coturn'], { okExitCodes: [0, 3] });
      assert.equal(active.stdout.trim(), 'active');
      const turn = await checkTurn(container, session.accessToken, session.userId);
      assert.ok(turn.credentials.uris.includes('turn:matrix.test:3478?transport=udp'), JSON.stringify(turn.credentials.uris));
      assert.ok(turn.refusedPrivate.allocated && turn.refusedPrivate.forbidden, turn.refusedPrivate.output);
      assert.ok(turn.refusedLoopback.allocated && turn.refusedLoopback.forbidden, turn.refusedLoopback.output);
      assert.ok(turn.refusedOwnAddress.allocated && turn.refusedOwnAddress.forbidden, turn.refusedOwnAddress.output);
      const foreign = await foreignSecret;
      assert.equal(foreign.allocated, false, `credentials signed with another secret got a relay:\n${foreign.output}`);
    });

    await t.test('the edge: no TLS handshake for unknown names, HSTS on the Synapse and Element hosts, no admin API through nginx', async () => {
      assert.ok(session, 'no admin password to log in with');
      await checkEdgeHardening({ synapseHost: SERVER_NAME, elementHost: ELEMENT_HOST, ca: pebble.issuingRootPem, accessToken: session.accessToken });
    });

    await t.test("email: Synapse's config has the email block; the sink receives Synapse's mail", async () => {
      assert.ok(session, 'no admin password to log in with');
      const block = checkInstalledEmailBlock(container, sink.port);
      assert.equal(block.notif_from, 'Matrix <noreply@matrix.test>');
      const mail = await checkMail(sink, session.accessToken);
      assert.equal(mail.from, 'noreply@matrix.test');
      assert.match(mail.data, /^From: .*noreply@matrix\.test/im);
      assert.match(readableMail(mail.data), /submit_token\?token=/, `the mail carries the validation link:\n${mail.data.slice(0, 3000)}`);
    });

    await t.test('after a reboot the server comes back by itself: its services and the renewal timer run, clients and federation work, verify passes, a re-run changes nothing', async (r) => {
      const rebootMs = await container.reboot();
      console.log(`[e2e] reboot: ${(rebootMs / 1000).toFixed(0)} s until the container was running again`);
      const failed = (await container.exec(['systemctl', '--failed', '--no-legend', '--plain'], { okExitCodes: [0, 1] })).stdout.trim();
      for (const unit of ['postgresql', 'matrix-synapse', 'nginx', 'coturn', 'certbot.timer']) {
        const active = await container.exec(['systemctl', 'is-active', unit], { okExitCodes: [0, 3] });
        assert.equal(active.stdout.trim(), 'active', `${unit} is not running after the reboot (failed units: ${failed || 'none'})`);
      }
      await verifyServer(r, container, { rootPem: pebble.issuingRootPem, adminPassword });
      const { result, report } = await runVerifyCommand(container, pebble.issuingRootPem);
      assert.equal(result.exitCode, 0, `${shown(result)}\n${describeChecks(report.checks.filter((c) => c.status !== 'pass'))}`);

      const booted = { files: await fileChecksums(container), services: await serviceStarts(container) };
      const again = await runInstallSh(container, INSTALL_ARGS);
      assert.equal(again.exitCode, 0, shown(again));
      assert.match(again.stdout, /nothing changed: the machine already matched the answers/, shown(again));
      assert.deepEqual(await serviceStarts(container), booted.services, 'no service was (re)started');
      assert.deepEqual(diffChecksums(booted.files, await fileChecksums(container)), [], 'every file is byte-identical');
    });
  } finally {
    await container.stop();
  }
}

/** Steps that were done when a run was killed must come back as re-checks that change nothing. */
function assertOnlyRechecked(log: ReturnType<typeof readRunLog>, done: string[], which: string): void {
  for (const id of done) {
    const step = log.steps.get(id);
    if (!step) continue; // the run was killed again before it got there
    if (step.outcome === 'skipped') continue;
    assert.equal(step.recheck, true, `${which}: ${id} was done before the kill but was not just re-checked`);
    assert.deepEqual(step.changes, [], `${which}: ${id} was done before the kill but was applied again`);
  }
}

function doneSteps(state: RunState | undefined): string[] {
  return Object.entries(state?.steps ?? {})
    .filter(([, step]) => step.status === 'done')
    .map(([id]) => id);
}

interface KillScenario extends KillPoint {
  /** Steps the point is in; without them registered the point is a todo. */
  needs: string[];
  /** The step recorded as running (or, for a point between steps, the one just done). */
  step: string;
  /** What the record says of that step afterwards. */
  expectStatus: RegExp;
  /** The machine is rebooted (`systemctl reboot`) there instead of the run being SIGKILLed. */
  reboot?: boolean;
}

const KILL_POINTS: KillScenario[] = [
  {
    description: 'during the package transaction (dpkg running in packages)',
    needs: ['packages'],
    step: 'packages',
    expectStatus: /^running$/,
    reached: (state, tree) => stepRunning(state, 'packages') && dpkgInstalling(tree),
  },
  {
    description: 'right after the database is created (postgres-database done)',
    needs: ['postgres-database'],
    step: 'postgres-database',
    expectStatus: /^done$/,
    reached: (state) => state?.steps['postgres-database']?.status === 'done',
  },
  {
    // Shutdown stops Synapse under the run and then ends every process: the step is left
    // running, interrupted (SIGTERM) or failed (Synapse stopped while the run waited for it).
    description: 'a reboot while Synapse starts (synapse-service)',
    needs: ['synapse-service'],
    step: 'synapse-service',
    expectStatus: /^(running|interrupted|failed)$/,
    reboot: true,
    reached: (state) => stepRunning(state, 'synapse-service'),
  },
  {
    description: 'during certbot (tls-certificate)',
    needs: ['tls-certificate'],
    step: 'tls-certificate',
    expectStatus: /^running$/,
    reached: (state, tree) => stepRunning(state, 'tls-certificate') && hasProcess(tree, 'certbot'),
  },
];

test('SIGKILL at three points and a reboot, `resume` each time: finished steps are only re-checked, the server works', { timeout: 90 * MINUTES }, async (t) => {
  if (skip) return t.skip(skip);
  await scenario(t, 'kill x3, reboot + resume + verify', async () => {
    const server = await freshServer();
    const { container } = server;
    let { pebble } = server;
    try {
      let args = INSTALL_ARGS;
      let doneAtLastKill: string[] = [];
      let runNumber = 0;
      for (const point of KILL_POINTS) {
        const missing = missingSteps(point.needs);
        if (missing.length > 0) {
          await t.test(`kill ${point.description}`, { todo: `not registered in steps/index.ts yet: ${missing.join(', ')}` }, () => {
            assert.fail('no kill point without the step');
          });
          continue;
        }
        await t.test(point.reboot ? point.description : `kill ${point.description}`, async () => {
          runNumber += 1;
          const installer = startInstallSh(container, args);
          const { state, output } = point.reboot ? await rebootAt(container, installer, point) : await killAt(installer, container, point).then(async ({ state, killed }) => {
            console.log(`[e2e] run ${runNumber} killed ${point.description}: ${killed.map((p) => p.comm).join(' ')}`);
            return { state, output: await installer.result };
          });
          assert.match(state?.steps[point.step]?.status ?? 'absent', point.expectStatus);
          // The test's ACME server is a transient unit, gone with the reboot; like Let's Encrypt,
          // it must be there again when certbot runs (it issues under a new root each start).
          if (point.reboot) pebble = await startPebble(container);
          if (runNumber > 1) assertOnlyRechecked(readRunLog(container, output.stdout), doneAtLastKill, `run ${runNumber}`);
          doneAtLastKill = doneSteps(readRunState(container));
          const status = await runMatrixSetup(container, ['status']);
          assert.match(status.stdout, /continue with: matrix-setup resume/i, status.stdout);
          args = ['resume'];
        });
      }
      const resumed = await runInstallSh(container, ['resume']);
      assert.equal(resumed.exitCode, 0, shown(resumed));
      assert.match(resumed.stdout, /resuming the install/);
      assert.match(resumed.stdout, /is installed \(resumed\)/);
      assertOnlyRechecked(readRunLog(container, resumed.stdout), doneAtLastKill, 'the last resume');
      await verifyServer(t, container, { rootPem: pebble.issuingRootPem, adminPassword: adminPasswordFrom(container) });
    } finally {
      await container.stop();
    }
  });
});

/**
 * A step that fails for real: another program starts listening on Synapse's port
 * 127.0.0.1:8008 once preflight has passed (preflight refuses a port taken before the run; the
 * node-floor scenario shows that), so Synapse cannot start. The run must stop with exit 1, the
 * failing command's output, the log path and how to resume; once the other program is stopped,
 * `resume` finishes the install.
 */
test('a step fails for real (Synapse port taken): exit 1 with output, log and resume hint, in English and in Russian; resume after the fix', { timeout: 60 * MINUTES }, async (t) => {
  if (skip) return t.skip(skip);
  const missing = missingSteps(['synapse-service']);
  if (missing.length > 0) return t.todo(`not registered in steps/index.ts yet: ${missing.join(', ')}`);
  await scenario(t, 'failing step + resume + verify', async () => {
    const { container, pebble } = await freshServer();
    try {
      const installer = startInstallSh(container, INSTALL_ARGS);
      await waitForState(container, (state) => state?.steps.preflight?.status === 'done', 'preflight has passed');
      await container.exec(['systemd-run', '--unit=e2e-port-holder', '--', 'systemd-socket-activate', '--accept', '-l', '127.0.0.1:8008', '/bin/true']);
      const failed = await installer.result;
      assert.equal(failed.exitCode, 1, shown(failed));
      assert.match(failed.stderr, /Step "synapse-service" failed: /, shown(failed));
      assert.match(failed.stderr, /Last output:\n {2}\| /, 'the failing command\'s output');
      assert.match(failed.stderr, /Failed to listen on TCP port \(8008\)/, "Synapse's own error is in the output");
      assert.match(failed.stderr, /Likely cause: another program listens on 127\.0\.0\.1:8008/, 'the hint names the cause');
      assert.match(failed.stderr, /^Log: \/var\/log\/matrix-setup\/run-\S+\.log$/m);
      assert.match(failed.stderr, /After fixing the cause, continue with: matrix-setup resume/);
      const log = /^Log: (\S+)$/m.exec(failed.stderr)![1];
      assert.match(container.readFile(log), /FAILED/);
      const status = await runMatrixSetup(container, ['status']);
      assert.match(status.stdout, /synapse-service\s+FAILED/, status.stdout);
      // In Russian on the real machine: a resume with --lang ru while the port is still taken is
      // stopped by preflight (exit 3), with what failed, the fix, the log and the resume command.
      const russian = await runInstalledCommand(container, ['resume', '--lang', 'ru']);
      assert.equal(russian.exitCode, 3, shown(russian));
      assert.match(russian.stdout, /^matrix-setup: продолжение установки на debian-unstable \(\d+ шаг(а|ов)?\)$/m, shown(russian));
      assert.match(russian.stderr, /Шаг «preflight» завершился ошибкой: Эта машина не готова \(1 проблема\):\n {2}- Порт Synapse 127\.0\.0\.1:8008: занят: /, shown(russian));
      assert.match(russian.stderr, /^Подсказка: Остановите её или перенесите на другой порт/m);
      assert.match(russian.stderr, /^Устраните причину и продолжите командой: matrix-setup resume$/m);
      const russianLog = /^Журнал: (\S+)$/m.exec(russian.stderr)?.[1];
      assert.ok(russianLog, shown(russian));
      assert.match(container.readFile(russianLog), /FAILED: This machine is not ready/, 'the log stays English');
      assert.doesNotMatch(container.readFile(russianLog), /[А-Яа-яЁё]/, 'the log stays English');
      // Preflight ran again there (and failed): the steps done now are the ones resume must only re-check.
      const doneBefore = doneSteps(readRunState(container));

      await container.exec(['systemctl', 'stop', 'e2e-port-holder.service']);
      const resumed = await runInstalledCommand(container, ['resume']);
      assert.equal(resumed.exitCode, 0, shown(resumed));
      assertOnlyRechecked(readRunLog(container, resumed.stdout), doneBefore, 'resume after the fix');
      await verifyServer(t, container, { rootPem: pebble.issuingRootPem, adminPassword: adminPasswordFrom(container) });
    } finally {
      await container.stop();
    }
  });
});

/**
 * The bundle's runtime floor: Debian 12's own nodejs (18.x) runs `plan` (for a target and for
 * this machine), `status`, and a preflight that refuses this machine (port 80 is taken) with
 * exit 3 and its checks listed, changing nothing.
 */
/** Polls the run state until `reached` holds (the installer keeps running). */
/** Reboots the machine once the run reaches `point`; the run's record as it is after the boot. */
async function rebootAt(container: Container, installer: StartedCommand, point: KillScenario): Promise<{ state: RunState | undefined; output: RunResult }> {
  await waitForState(container, (state) => point.reached(state, []), point.description);
  const rebootMs = await container.reboot();
  const output = await installer.result;
  console.log(`[e2e] ${point.description}: running again after ${(rebootMs / 1000).toFixed(0)} s; the run ended with ${output.exitCode}`);
  return { state: readRunState(container), output };
}

async function waitForState(container: Container, reached: (state: RunState | undefined) => boolean, what: string, timeoutMs = 10 * MINUTES): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!reached(readRunState(container))) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached in ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('Node floor: Debian 12 with its nodejs 18 runs plan, status and preflight', { timeout: 30 * MINUTES }, async (t) => {
  if (skip) return t.skip(skip);
  await scenario(t, 'node floor (bookworm, nodejs 18)', async () => {
    const container = await Container.boot({ rootfs: 'bookworm-node', lockWaitMs: 120 * MINUTES });
    try {
      const version = (await container.exec(['node', '--version'])).stdout.trim();
      console.log(`[e2e] bookworm node --version: ${version}`);
      assert.match(version, /^v18\.\d+\.\d+$/);
      container.copyIn(BUNDLE, '/root/matrix-setup.mjs');
      const answers = e2eAnswers({ acmeDirectory: 'https://127.0.0.1:14000/dir', acmeCaBundle: '/etc/ssl/certs/ca-certificates.crt', elementSha256: element!.sha256 });
      (answers.synapse as Record<string, unknown>).install = 'auto';
      delete (answers.element as Record<string, unknown>).tarball;
      delete (answers.element as Record<string, unknown>).sha256;
      container.writeFile(ANSWERS_PATH, answersYaml(answers), 0o600);

      const planned = await runMatrixSetup(container, ['plan', '--answers', ANSWERS_PATH, '--target', 'debian-12']);
      assert.equal(planned.exitCode, 0, shown(planned));
      const here = await runMatrixSetup(container, ['plan', '--answers', ANSWERS_PATH]);
      assert.equal(here.exitCode, 0, shown(here));
      assert.match(here.stdout, /Debian 12/);
      const none = await runMatrixSetup(container, ['status']);
      assert.equal(none.exitCode, 0, shown(none));
      assert.match(none.stdout, /No install has run here yet/);

      const packagesBefore = (await container.exec(['dpkg-query', '-W'])).stdout;
      await container.exec(['systemd-run', '--unit=e2e-port-holder', '--', 'systemd-socket-activate', '--accept', '-l', '0.0.0.0:80', '/bin/true']);
      await container.exec(['systemd-run', '--unit=e2e-synapse-port-holder', '--', 'systemd-socket-activate', '--accept', '-l', '127.0.0.1:8008', '/bin/true']);
      const refused = await runMatrixSetup(container, ['--answers', ANSWERS_PATH, '--yes']);
      assert.equal(refused.exitCode, 3, shown(refused));
      const output = refused.stdout + refused.stderr;
      assert.match(output, /Port 80/, 'the port check is listed');
      assert.match(output, /Port 80: in use by systemd-socket/, 'the program holding the port is named');
      assert.match(output, /Synapse's port 127\.0\.0\.1:8008: in use by systemd-socket\S* \(PID \d+, e2e-synapse-port-holder\.service\)/, 'a program on the port credentials go to is refused');
      assert.match(output, /Port 443/, 'the passing checks are listed too');
      assert.equal((await container.exec(['dpkg-query', '-W'])).stdout, packagesBefore, 'no package was installed');
      const status = await runMatrixSetup(container, ['status']);
      assert.match(status.stdout, /preflight\s+FAILED/, status.stdout);
    } finally {
      await container.stop();
    }
  });
});
