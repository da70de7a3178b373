// `matrix-setup upgrade` and `upgrade --rollback` on one installed server (a booted Debian
// unstable container with Debian's own Synapse package), in sequence: nothing newer; Element
// Web from one local release tarball to another and back; a real package upgrade from a local
// APT repository (the installed package rebuilt with a higher version), killed while dpkg runs
// and resumed, then rolled back; a release whose Synapse cannot start, stopped and rolled back;
// a release that migrates the database past what the previous one accepts, whose rollback
// restores the pre-upgrade backup, and refuses when the upgrade took none.
// Users and messages made before are read back with a Matrix client library after every change.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ANSWERS_PATH, ELEMENT_HOST, e2eAnswers } from './harness/answers.js';
import { ensureBundle } from './harness/bundle.js';
import { httpsRequest } from './harness/client.js';
import { Container } from './harness/container.js';
import { makeElementTarball, type ElementTarball } from './harness/element-fixture.js';
import { copyInstallFiles, hasProcess, killAt, runInstallSh, shown } from './harness/installer.js';
import { addRebuiltPackage, publishLocalRepo } from './harness/local-apt-repo.js';
import { startPebble } from './harness/pebble.js';
import { reportSkip } from './harness/skip.js';
import { diffChecksums, fileChecksums } from './harness/snapshot.js';
import { PEBBLE_ROOT_IN_CONTAINER } from './harness/verify-command.js';
import { adminPasswordFrom } from './harness/verify-server.js';
import { readAndPost, seedUsersAndMessages, type MatrixUsers } from './checks/matrix-nio.js';

const MINUTES = 60_000;
const ANY_EXIT = Array.from({ length: 256 }, (_, i) => i);
const PACKAGE = 'matrix-synapse';
const UPGRADE_STATE = '/var/lib/matrix-setup/upgrade-state.json';
const UPGRADE_RECORD = '/var/lib/matrix-setup/upgrade.json';
const BROKEN = 'raise RuntimeError("matrix-setup e2e: this build of Synapse is broken on purpose")';

const skip = reportSkip();
let element: ElementTarball | undefined;
let newerElement: ElementTarball | undefined;

before(async () => {
  if (skip) return;
  await ensureBundle();
  element = await makeElementTarball();
  newerElement = await makeElementTarball('1.1.0');
});

after(() => {
  element?.remove();
  newerElement?.remove();
});

interface CheckJson {
  synapse: { installed: string | null; candidate: string | null; upgrade: boolean; running: string | null };
  element: { installed: string | null; candidate: string | null; upgrade: boolean };
  blockers: Array<{ id: string; severity: string; message: string }>;
}

test('upgrade and rollback on one server: nothing newer, Element Web, a package upgrade killed and resumed, a broken release', { timeout: 90 * MINUTES }, async (t) => {
  if (skip) return t.skip(skip);
  const container = await Container.boot({ rootfs: 'sid', lockWaitMs: 120 * MINUTES });
  const started = Date.now();
  try {
    const pebble = await startPebble(container);
    const answers = e2eAnswers({ acmeDirectory: pebble.directoryUrl, acmeCaBundle: pebble.listenerCaPath, elementSha256: element!.sha256 });
    copyInstallFiles(container, { answers, elementTarball: element!.path });
    const install = await runInstallSh(container, ['--answers', ANSWERS_PATH, '--yes']);
    assert.equal(install.exitCode, 0, shown(install));
    console.log(`[e2e] boot + install: ${((Date.now() - started) / 1000).toFixed(0)} s (install ${(install.durationMs / 1000).toFixed(0)} s)`);

    container.writeFile(PEBBLE_ROOT_IN_CONTAINER, pebble.issuingRootPem);
    const env = { NODE_EXTRA_CA_CERTS: PEBBLE_ROOT_IN_CONTAINER };
    const matrixSetup = (args: string[]) => container.exec(['/usr/local/bin/matrix-setup', ...args], { env, okExitCodes: ANY_EXIT, timeoutMs: 40 * MINUTES });
    const check = async (): Promise<CheckJson> => {
      const result = await matrixSetup(['upgrade', '--check', '--json']);
      assert.equal(result.exitCode, 0, shown(result));
      return JSON.parse(result.stdout) as CheckJson;
    };
    const installedVersion = async () => (await container.exec(['dpkg-query', '-W', '-f=${Version}', PACKAGE])).stdout.trim();
    const elementVersion = async () => {
      const response = await httpsRequest({ host: ELEMENT_HOST, path: '/version', ca: pebble.issuingRootPem });
      assert.equal(response.status, 200, `Element's version file: HTTP ${response.status}`);
      return response.text.trim();
    };
    const original = await installedVersion();
    const users: MatrixUsers = await seedUsersAndMessages(container, pebble.issuingRootPem, adminPasswordFrom(container)!);
    const history = async (label: string) => {
      const read = await readAndPost(container, users, label);
      for (const bodies of [read.admin, read.alice]) {
        assert.ok(bodies.includes('admin: before the upgrade') && bodies.includes('alice: before the upgrade'), `messages from before are missing after ${label}: ${JSON.stringify(bodies)}`);
      }
      return read;
    };
    const timed = async (name: string, body: () => Promise<void>) => {
      const at = Date.now();
      await t.test(name, body);
      console.log(`[e2e] ${name}: ${((Date.now() - at) / 1000).toFixed(0)} s`);
    };

    await timed('nothing newer: --check names equal versions; upgrade --yes has nothing to do and changes no file', async () => {
      const report = await check();
      assert.equal(report.synapse.installed, original);
      assert.equal(report.synapse.candidate, original);
      assert.equal(report.synapse.upgrade, false);
      assert.equal(report.element.installed, element!.version);
      assert.equal(report.element.candidate, element!.version);
      assert.equal(report.element.upgrade, false);
      assert.ok(Array.isArray(report.blockers));
      const text = await matrixSetup(['upgrade', '--check']);
      assert.match(text.stdout, /Nothing to upgrade/, shown(text));
      // Any user: what the machine shows (the saved answers and the database are root's).
      const asNobody = await container.exec(['runuser', '-u', 'nobody', '--', '/usr/local/bin/matrix-setup', 'upgrade', '--check', '--json'], { okExitCodes: ANY_EXIT, cwd: '/' });
      assert.equal(asNobody.exitCode, 0, shown(asNobody));
      const nobody = JSON.parse(asNobody.stdout) as CheckJson;
      assert.equal(nobody.synapse.installed, original);
      assert.equal(nobody.synapse.candidate, original);
      assert.equal(nobody.element.installed, element!.version);
      assert.ok(nobody.blockers.some((b) => b.id === 'machine.not-root'), JSON.stringify(nobody.blockers));

      const files = await fileChecksums(container);
      const result = await matrixSetup(['upgrade', '--yes']);
      assert.equal(result.exitCode, 0, shown(result));
      assert.match(result.stdout, /Nothing to upgrade: everything is at the newest version available/);
      assert.deepEqual(diffChecksums(files, await fileChecksums(container)), [], 'no file changed');
      assert.equal(container.exists(UPGRADE_RECORD), false, 'no upgrade was recorded');
    });

    await timed('Element Web: one local release to another, then --rollback, each served with its version file', async () => {
      container.copyIn(newerElement!.path, '/root/element-v1.1.0.tar.gz');
      const upgraded = await matrixSetup(['upgrade', '--element-tarball', '/root/element-v1.1.0.tar.gz', '--element-sha256', newerElement!.sha256, '--yes']);
      assert.equal(upgraded.exitCode, 0, shown(upgraded));
      assert.match(upgraded.stdout, /Element Web {2}1\.0\.0 → 1\.1\.0/);
      assert.equal(await elementVersion(), '1.1.0');
      assert.equal(container.readFile('/var/www/element/element-v1.0.0/version').trim(), '1.0.0', 'the previous release is kept');
      assert.match(container.readFile('/var/lib/matrix-setup/answers.yaml'), /element-v1\.1\.0\.tar\.gz/, 'the saved answers name the new release');

      const rolledBack = await matrixSetup(['upgrade', '--rollback', '--yes']);
      assert.equal(rolledBack.exitCode, 0, shown(rolledBack));
      assert.match(rolledBack.stdout, /undone: Element Web 1\.1\.0 → 1\.0\.0/);
      assert.equal(await elementVersion(), '1.0.0');
      assert.match(container.readFile('/var/lib/matrix-setup/answers.yaml'), /element-v1\.0\.0\.tar\.gz/, 'the saved answers are back');
      const again = await matrixSetup(['upgrade', '--rollback', '--yes']);
      assert.match(again.stdout, /already rolled back/);
    });

    let upgradedVersion = '';
    let firstKept = '';
    await timed('a package upgrade from a local APT repository, SIGKILLed while dpkg runs and resumed: Synapse restarts on it with the users and messages', async () => {
      upgradedVersion = await addRebuiltPackage(container, PACKAGE, '+e2e1');
      await publishLocalRepo(container);
      const report = await check();
      assert.equal(report.synapse.installed, original);
      assert.equal(report.synapse.candidate, upgradedVersion);
      assert.equal(report.synapse.upgrade, true);
      show('upgrade --check', (await matrixSetup(['upgrade', '--check'])).stdout);

      const upgrade = container.start(['/usr/local/bin/matrix-setup', 'upgrade', '--yes'], { env, okExitCodes: ANY_EXIT, timeoutMs: 40 * MINUTES });
      const { killed } = await killAt(upgrade, container, {
        description: 'while dpkg installs the new package (upgrade-synapse)',
        reached: (_state, tree) => upgradeStep(container, 'upgrade-synapse') === 'running' && hasProcess(tree, 'dpkg'),
      });
      console.log(`[e2e] killed the upgrade: ${killed.map((p) => p.comm).join(' ')}`);
      const resumed = await matrixSetup(['resume']);
      assert.equal(resumed.exitCode, 0, shown(resumed));
      show('resume (after the SIGKILL)', resumed.stdout);
      assert.match(resumed.stdout, /resuming the upgrade/);
      assert.match(resumed.stdout, new RegExp(`Synapse {6}${escape(original)} → ${escape(upgradedVersion)}`));
      assert.equal(await installedVersion(), upgradedVersion);
      const record = JSON.parse(container.readFile(UPGRADE_RECORD)) as { status: string; synapse: { keptPackage?: string }; backup: { archive?: string } };
      assert.equal(record.status, 'done');
      assert.ok(record.synapse.keptPackage && container.exists(record.synapse.keptPackage), 'the previous package is kept for a rollback');
      firstKept = record.synapse.keptPackage;
      assert.ok(record.backup.archive && container.exists(record.backup.archive), 'the backup was taken');
      await history('after the upgrade');
    });

    await timed('--rollback returns to the previous package, which passes the client checks again', async () => {
      const rolledBack = await matrixSetup(['upgrade', '--rollback', '--yes']);
      assert.equal(rolledBack.exitCode, 0, shown(rolledBack));
      show('upgrade --rollback', rolledBack.stdout);
      assert.match(rolledBack.stdout, /not undone: the database stays as it is/);
      assert.equal(await installedVersion(), original);
      const read = await history('after the rollback');
      assert.ok(read.admin.includes('admin: after the upgrade'), 'what was said after the upgrade is still there (no database restore was needed)');
    });

    await timed("a release whose Synapse cannot start: upgrade stops with Synapse's error and the rollback command; --rollback brings it back with all data", async () => {
      const broken = await addRebuiltPackage(container, PACKAGE, '+e2e2', { breakWith: BROKEN });
      await publishLocalRepo(container);
      const failed = await matrixSetup(['upgrade', '--yes']);
      assert.equal(failed.exitCode, 1, shown(failed));
      show('upgrade to the broken release (stderr)', failed.stderr);
      assert.match(failed.stderr, /Step "upgrade-restart" failed: The upgraded Synapse does not start/, shown(failed));
      assert.match(failed.stderr, /broken on purpose/, "Synapse's own error is shown");
      assert.match(failed.stderr, /To undo the upgrade instead: matrix-setup upgrade --rollback/);
      assert.equal(await installedVersion(), broken);
      const kept = (JSON.parse(container.readFile(UPGRADE_RECORD)) as { synapse: { keptPackage?: string } }).synapse.keptPackage;
      assert.ok(kept && kept !== firstKept && container.exists(kept), 'this upgrade kept the previous package for its own rollback');
      assert.ok(!container.exists(firstKept), 'the package kept for the first upgrade, which no rollback reaches now, is gone');
      assert.match(failed.stdout, /Removed 1 package kept for an older upgrade \(\d+(\.\d)? [KMG]iB\): a rollback reaches only the newest upgrade/);

      const rolledBack = await matrixSetup(['upgrade', '--rollback', '--yes']);
      assert.equal(rolledBack.exitCode, 0, shown(rolledBack));
      assert.equal(await installedVersion(), original);
      const read = await history('after the failed upgrade was rolled back');
      assert.ok(read.alice.includes('alice: after the rollback'), 'everything said before is there');
    });

    await timed('a release that migrates the database past what the previous Synapse accepts: without a backup the rollback refuses; with it, the rollback restores it', async () => {
      const migrating = await addRebuiltPackage(container, PACKAGE, '+e2e3', { bumpSchema: true });
      await publishLocalRepo(container);
      const upgraded = await matrixSetup(['upgrade', '--yes']);
      assert.equal(upgraded.exitCode, 0, shown(upgraded));
      assert.equal(await installedVersion(), migrating);
      await history('after the schema upgrade');

      // The same upgrade as if it had run with --no-backup: its record without an archive.
      const recordText = container.readFile(UPGRADE_RECORD);
      const withoutBackup = JSON.parse(recordText) as { backup: { archive?: string } };
      delete withoutBackup.backup.archive;
      container.writeFile(UPGRADE_RECORD, JSON.stringify(withoutBackup), 0o600);
      const refused = await matrixSetup(['upgrade', '--rollback', '--yes']);
      show('upgrade --rollback after a schema change, without a backup', `${refused.stdout}${refused.stderr}`);
      assert.equal(refused.exitCode, 3, shown(refused));
      assert.match(refused.stderr, /migrated past what Synapse \S+ accepts \(schema_compat_version (\d+) > its schema (\d+)\)/);
      assert.match(refused.stderr, /took no backup/);
      assert.equal(await installedVersion(), migrating, 'nothing was changed');
      await history('after the refused rollback');
      container.writeFile(UPGRADE_RECORD, recordText, 0o600);

      const rollback = await matrixSetup(['upgrade', '--rollback', '--yes']);
      show('upgrade --rollback after a schema change', `${rollback.stdout}${rollback.stderr}`);
      assert.equal(rollback.exitCode, 0, shown(rollback));
      assert.match(rollback.stdout, /undone: the database, restored from /);
      assert.match(rollback.stdout, /everything the server received or did since the backup is lost/);
      assert.equal(await installedVersion(), original);
      const read = await history('after the database was restored');
      assert.ok(!read.admin.includes('admin: after the schema upgrade'), 'what was said after the backup is gone with the restored database');
    });
  } finally {
    await container.stop();
    console.log(`[e2e] upgrade scenario (after boot): ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
});

/** What a user sees, in the test's output (the scenario's record of the screens). */
function show(what: string, text: string): void {
  console.log(`[e2e] --- ${what}:\n${text.trimEnd().split('\n').map((line) => `[e2e] | ${line}`).join('\n')}`);
}

function upgradeStep(container: Container, id: string): string | undefined {
  try {
    return (JSON.parse(container.readFile(UPGRADE_STATE)) as { steps: Record<string, { status: string }> }).steps[id]?.status;
  } catch {
    return undefined;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
