// The install as a user does it, in a booted Debian unstable container: install.sh and the
// bundle copied in, an answers file, Pebble as the ACME server. Then the server is checked as a
// client and another homeserver see it, installed a second time (nothing may change), killed
// mid-run at several steps and resumed, and made to fail for real and resumed after the fix.
// Scenarios run one after another (one container at a time); each prints its time.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import { ANSWERS_PATH, answersYaml, e2eAnswers } from './harness/answers.js';
import { BUNDLE, ensureBundle } from './harness/bundle.js';
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
import { startPebble, type Pebble } from './harness/pebble.js';
import { reportSkip } from './harness/skip.js';
import { fileChecksums, serviceStarts, diffChecksums } from './harness/snapshot.js';
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

test('fresh install with install.sh, checked as a client and a peer; a second run changes nothing', { timeout: 60 * MINUTES }, async (t) => {
  if (skip) return t.skip(skip);
  await scenario(t, 'fresh install + verify + idempotent re-run', async () => {
    // The answers validate and plan on any machine before anything is installed.
    const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-e2e-plan-'));
    try {
      writeFileSync(join(dir, 'answers.yaml'), answersYaml(e2eAnswers({ acmeDirectory: 'https://127.0.0.1:14000/dir', acmeCaBundle: '/etc/pebble-e2e/listener-ca.pem', elementSha256: element!.sha256 })));
      const plan = spawnSync(process.execPath, [BUNDLE, 'plan', '--answers', join(dir, 'answers.yaml'), '--target', 'debian-unstable'], { encoding: 'utf8' });
      assert.equal(plan.status, 0, `plan: ${plan.stdout}\n${plan.stderr}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const { container, pebble } = await freshServer();
    try {
      const first = await runInstallSh(container, INSTALL_ARGS);
      console.log(`[e2e] first install: ${(first.durationMs / 1000).toFixed(0)} s`);
      assert.equal(first.exitCode, 0, shown(first));
      assert.match(first.stderr, /installing Node\.js from the distribution \(apt-get install nodejs\)/, 'install.sh got Node from the distribution');
      assert.match(first.stdout, /run done in .*; changed: /);
      if (missingSteps(['synapse-admin']).length === 0) assert.match(first.stdout, /Admin password: \S+ +\(shown once/);

      await verifyServer(t, container, { rootPem: pebble.issuingRootPem, adminPassword: adminPasswordFrom(container) });

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
    } finally {
      await container.stop();
    }
  });
});

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
  expectStatus: string;
}

const KILL_POINTS: KillScenario[] = [
  {
    description: 'right after the database is created (postgres-database done)',
    needs: ['postgres-database'],
    step: 'postgres-database',
    expectStatus: 'done',
    reached: (state) => state?.steps['postgres-database']?.status === 'done',
  },
  {
    description: 'during the Synapse package install (dpkg running in synapse-install)',
    needs: ['synapse-install'],
    step: 'synapse-install',
    expectStatus: 'running',
    reached: (state, tree) => stepRunning(state, 'synapse-install') && hasProcess(tree, 'dpkg'),
  },
  {
    description: 'during certbot (tls-certificate)',
    needs: ['tls-certificate'],
    step: 'tls-certificate',
    expectStatus: 'running',
    reached: (state, tree) => stepRunning(state, 'tls-certificate') && hasProcess(tree, 'certbot'),
  },
];

test('SIGKILL at three points, `resume` each time: finished steps are only re-checked, the server works', { timeout: 90 * MINUTES }, async (t) => {
  if (skip) return t.skip(skip);
  await scenario(t, 'kill x3 + resume + verify', async () => {
    const { container, pebble } = await freshServer();
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
        await t.test(`kill ${point.description}`, async () => {
          runNumber += 1;
          const installer = startInstallSh(container, args);
          const { state, killed } = await killAt(installer, container, point);
          const output = await installer.result;
          console.log(`[e2e] run ${runNumber} killed ${point.description}: ${killed.map((p) => p.comm).join(' ')}`);
          assert.equal(state?.steps[point.step]?.status, point.expectStatus);
          if (runNumber > 1) assertOnlyRechecked(readRunLog(container, output.stdout), doneAtLastKill, `run ${runNumber}`);
          doneAtLastKill = doneSteps(readRunState(container));
          const status = await runMatrixSetup(container, ['status']);
          assert.match(status.stdout, /Continue with: matrix-setup resume/, status.stdout);
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
 * A step that fails for real: another program already listens on Synapse's port
 * 127.0.0.1:8008 (preflight checks only the public ports), so Synapse cannot start. The run
 * must stop with exit 1, the failing command's output, the log path and how to resume; once
 * the other program is stopped, `resume` finishes the install.
 */
test('a step fails for real (Synapse port taken): exit 1 with output, log and resume hint; resume after the fix', { timeout: 60 * MINUTES }, async (t) => {
  if (skip) return t.skip(skip);
  const missing = missingSteps(['synapse-service']);
  if (missing.length > 0) return t.todo(`not registered in steps/index.ts yet: ${missing.join(', ')}`);
  await scenario(t, 'failing step + resume + verify', async () => {
    const { container, pebble } = await freshServer();
    try {
      await container.exec(['systemd-run', '--unit=e2e-port-holder', '--', 'systemd-socket-activate', '--accept', '-l', '127.0.0.1:8008', '/bin/true']);
      const failed = await runInstallSh(container, INSTALL_ARGS);
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
      const refused = await runMatrixSetup(container, ['--answers', ANSWERS_PATH, '--yes']);
      assert.equal(refused.exitCode, 3, shown(refused));
      const output = refused.stdout + refused.stderr;
      assert.match(output, /Port 80/, 'the port check is listed');
      assert.match(output, /Port 80: in use by systemd-socket/, 'the program holding the port is named');
      assert.match(output, /Port 443/, 'the passing checks are listed too');
      assert.equal((await container.exec(['dpkg-query', '-W'])).stdout, packagesBefore, 'no package was installed');
      const status = await runMatrixSetup(container, ['status']);
      assert.match(status.stdout, /preflight\s+FAILED/, status.stdout);
    } finally {
      await container.stop();
    }
  });
});
