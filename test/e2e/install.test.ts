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
import { copyInstallFiles, readRunLog, runInstallSh, shown } from './harness/installer.js';
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
