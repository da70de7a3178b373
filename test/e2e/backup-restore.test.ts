// A server backed up and moved to a fresh machine, as a self-hoster does it: install on server A,
// users chat with a Matrix client library (matrix-nio), `matrix-setup backup`; then a second,
// fresh container of the same image gets install.sh and `restore` of that archive, killed with
// SIGKILL while the database is being loaded and resumed. The restored server must hold the same
// users, messages, upload and signing key, no one-time keys, pass `matrix-setup verify`, and a
// second restore must change nothing. Refusals are checked on the way: the archive restored onto
// server A itself (its database holds data), a damaged archive, answers for another server_name.
// Only one container runs at a time: A is stopped before B boots; the archive travels via the host.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import { MEMBERS } from '../../src/backup/manifest.js';
import { openVerifiedArchive } from '../../src/backup/open-archive.js';
import { prepareClient, readAsUsers, seedServer, type Seeded } from './checks/matrix-client.js';
import { ANSWERS_PATH, ELEMENT_TARBALL_PATH, SERVER_NAME, answersYaml, e2eAnswers } from './harness/answers.js';
import { BUNDLE, INSTALL_SH, ensureBundle } from './harness/bundle.js';
import { httpsRequest } from './harness/client.js';
import { Container } from './harness/container.js';
import { makeElementTarball, type ElementTarball } from './harness/element-fixture.js';
import {
  copyInstallFiles,
  hasProcess,
  killAt,
  readRunLog,
  runInstallSh,
  runInstalledCommand,
  shown,
  startInstallSh,
  stepRunning,
} from './harness/installer.js';
import { startPebble } from './harness/pebble.js';
import { reportSkip } from './harness/skip.js';
import { diffChecksums, fileChecksums, serviceStarts } from './harness/snapshot.js';
import { describeChecks, runVerifyCommand } from './harness/verify-command.js';

const MINUTES = 60_000;
const skip = reportSkip();
let element: ElementTarball | undefined;
const work = mkdtempSync(join(tmpdir(), 'matrix-setup-e2e-backup-'));
const timings: Array<[string, number]> = [];

before(async () => {
  if (skip) return;
  await ensureBundle();
  element = await makeElementTarball();
});

after(() => {
  element?.remove();
  rmSync(work, { recursive: true, force: true });
  if (timings.length > 0) {
    console.log('[e2e] backup/restore times:');
    for (const [name, ms] of timings) console.log(`[e2e]   ${name}: ${(ms / 1000).toFixed(0)} s`);
  }
});

/** Boots a container; the time from then on (not the wait for another scenario's container) is the scenario's. */
async function bootTimed(name: string): Promise<{ container: Container; done(): void }> {
  const container = await Container.boot({ rootfs: 'sid', lockWaitMs: 120 * MINUTES });
  const started = Date.now() - container.timings.restoreMs - container.timings.bootMs;
  return { container, done: () => timings.push([name, Date.now() - started]) };
}

/** `matrix-setup verify` may only warn that the test names are in /etc/hosts, not in DNS. */
const EXPECTED_WARNINGS = new Set(['dns.server-name', 'dns.element-host']);

async function sql(container: Container, query: string): Promise<string> {
  const result = await container.exec(['runuser', '-u', 'postgres', '--', 'psql', '-X', '-tA', '-d', 'synapse', '-c', query], { cwd: '/' });
  return result.stdout.trim();
}

async function serverKeys(rootPem: string): Promise<Record<string, unknown>> {
  const response = await httpsRequest({ host: SERVER_NAME, port: 8448, path: '/_matrix/key/v2/server', ca: rootPem });
  assert.equal(response.status, 200, response.text);
  return response.json<{ verify_keys: Record<string, unknown> }>().verify_keys;
}

function answers(acmeDirectory: string, acmeCaBundle: string): Record<string, unknown> {
  const base = e2eAnswers({ acmeDirectory, acmeCaBundle, elementSha256: element!.sha256 });
  base.synapse = { ...(base.synapse as Record<string, unknown>), registration: 'token' };
  base.turn = { enabled: true };
  return base;
}

interface ServerA {
  archive: string;
  seeded: Seeded;
  keys: Record<string, unknown>;
  rootPem: string;
}

test('backup on one server, restore on a fresh one (killed during the database load and resumed): same users, messages, media and identity; refusals change nothing', { timeout: 150 * MINUTES }, async (t) => {
  if (skip) return t.skip(skip);
  const a = await serverA(t);
  await serverB(t, a);
});

async function serverA(t: TestContext): Promise<ServerA> {
  const { container, done } = await bootTimed('server A: boot, install, clients, backup, refused restore');
  try {
    const pebble = await startPebble(container);
    copyInstallFiles(container, { answers: answers(pebble.directoryUrl, pebble.listenerCaPath), elementTarball: element!.path });
    const install = await runInstallSh(container, ['--answers', ANSWERS_PATH, '--yes']);
    console.log(`[e2e] install on A: ${(install.durationMs / 1000).toFixed(0)} s`);
    assert.equal(install.exitCode, 0, shown(install));

    await prepareClient(container, pebble.issuingRootPem);
    const token = /^registration_token: (\S+)$/m.exec(container.readFile('/var/lib/matrix-setup/secrets.yaml'))?.[1];
    assert.ok(token, 'the install made a registration token');
    const seeded = await seedServer(container, token);
    assert.ok(Number(await sql(container, 'SELECT count(*) FROM e2e_one_time_keys_json')) > 0, 'the client uploaded one-time keys on A');
    // The reading check itself, on the original server (in the seeding sessions): it must see what was sent.
    for (const [user, view] of Object.entries(seeded.control)) {
      assert.deepEqual(view.messages, seeded.messages, `${user} reads every message on A: ${JSON.stringify(view.pages)}`);
      assert.equal(view.download_sha256, seeded.sha256, `${user} downloads the upload on A`);
    }
    const keys = await serverKeys(pebble.issuingRootPem);
    assert.ok(Object.keys(keys).some((id) => id.startsWith('ed25519:')), JSON.stringify(keys));

    let archive = '';
    await t.test('`matrix-setup backup`: one 0600 archive under /var/backups/matrix-setup, its path the last line', async () => {
      const backup = await runInstalledCommand(container, ['backup']);
      console.log(`[e2e] backup on A: ${(backup.durationMs / 1000).toFixed(1)} s`);
      assert.equal(backup.exitCode, 0, shown(backup));
      archive = backup.stdout.trimEnd().split('\n').at(-1)!;
      assert.match(archive, /^\/var\/backups\/matrix-setup\/matrix-setup-backup-matrix\.test-\d{8}T\d{6}Z\.tar$/);
      assert.equal(statSync(container.hostPath(archive)).mode & 0o777, 0o600);
      assert.match(backup.stdout, /copy it off this machine/);
      const json = await runInstalledCommand(container, ['backup', '--json', '--no-media', '--to', '/root/json-backups']);
      assert.equal(json.exitCode, 0, shown(json));
      const report = JSON.parse(json.stdout) as { archive: string; server_name: string; synapse_version: string; bytes: number; media: { included: boolean } };
      assert.equal(report.server_name, SERVER_NAME);
      assert.match(report.synapse_version, /^\d+\.\d+\.\d+/);
      assert.equal(report.bytes, statSync(container.hostPath(report.archive)).size);
      assert.equal(report.media.included, false);
    });
    const hostArchive = join(work, 'backup.tar');
    copyFileSync(container.hostPath(archive), hostArchive);

    await t.test('a restore onto this server (its database holds Synapse data) stops, exit 3, dropping and changing nothing', async () => {
      const state = container.readFile('/var/lib/matrix-setup/state.json');
      const users = await sql(container, 'SELECT count(*) FROM users');
      const services = await serviceStarts(container);
      const refused = await runInstalledCommand(container, ['restore', archive, '--yes']);
      assert.equal(refused.exitCode, 3, shown(refused));
      assert.match(refused.stderr, /already holds Synapse data of matrix\.test .*never loads a backup over an existing database/);
      assert.match(refused.stderr, /--replace-database/);
      assert.equal(await sql(container, 'SELECT count(*) FROM users'), users);
      assert.equal(container.readFile('/var/lib/matrix-setup/state.json'), state, 'the install record is untouched');
      assert.deepEqual(await serviceStarts(container), services, 'no service was stopped or restarted');
    });
    return { archive: hostArchive, seeded, keys, rootPem: pebble.issuingRootPem };
  } finally {
    await container.stop();
    done();
  }
}

async function serverB(t: TestContext, a: ServerA): Promise<void> {
  // No Pebble here: the certificate must come from the backup (certbot would have no ACME server).
  const { container, done } = await bootTimed('server B: boot, refusals, restore killed + resumed, checks, second restore');
  try {
    container.copyIn(INSTALL_SH, '/root/install.sh');
    container.copyIn(BUNDLE, '/root/matrix-setup.mjs');
    container.copyIn(element!.path, ELEMENT_TARBALL_PATH);
    container.copyIn(a.archive, '/root/backup.tar');
    const untouched = async () => {
      assert.equal(container.exists('/var/lib/matrix-setup/state.json'), false, 'no run was recorded');
      assert.equal(container.exists('/etc/matrix-synapse'), false, 'Synapse was not installed');
      const postgres = await container.exec(['dpkg-query', '-W', '-f=${db:Status-Status}', 'postgresql'], { okExitCodes: [0, 1] });
      assert.notEqual(postgres.stdout.trim(), 'installed', 'PostgreSQL was not installed');
    };

    await t.test('a flipped byte in the archive is refused (exit 2) naming the damaged member; nothing changes', async () => {
      const verified = await openVerifiedArchive(a.archive);
      const dump = verified.entries.get(MEMBERS.database)!;
      const damaged = readFileSync(a.archive);
      damaged[dump.dataOffset + Math.floor(dump.size / 3)] ^= 0x01;
      writeFileSync(join(work, 'damaged.tar'), damaged);
      container.copyIn(join(work, 'damaged.tar'), '/root/damaged.tar');
      const refused = await runInstallSh(container, ['restore', '/root/damaged.tar', '--yes']);
      assert.equal(refused.exitCode, 2, shown(refused));
      assert.match(refused.stderr, /damaged: the member database\/synapse\.dump does not match its sha256/);
      await untouched();
    });

    await t.test('answers for another server_name are refused (exit 2); nothing changes', async () => {
      container.writeFile('/root/other-answers.yaml', answersYaml({ ...answers('https://127.0.0.1:14000/dir', '/nonexistent'), server_name: 'other.test', synapse_host: 'other.test' }), 0o600);
      const refused = await runInstalledCommand(container, ['restore', '/root/backup.tar', '--answers', '/root/other-answers.yaml', '--yes']);
      assert.equal(refused.exitCode, 2, shown(refused));
      assert.match(refused.stderr, /answers are for other\.test, but the backup is of matrix\.test; a server_name can never change/);
      await untouched();
    });

    await t.test('install.sh restore, SIGKILL while the database loads, resume: the load is all or nothing and completes', async () => {
      const restore = startInstallSh(container, ['restore', '/root/backup.tar', '--yes']);
      const { state, killed } = await killAt(restore, container, {
        description: 'while pg_restore feeds the database (restore-database)',
        reached: (s, tree) => stepRunning(s, 'restore-database') && hasProcess(tree, 'pg_restore'),
      });
      await restore.result;
      console.log(`[e2e] restore killed during the database load: ${killed.map((p) => p.comm).join(' ')}`);
      assert.equal(state?.steps['restore-database']?.status, 'running');
      assert.equal(await sql(container, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), '0', 'nothing of the killed load was committed');
      const status = await runInstalledCommand(container, ['status']);
      assert.match(status.stdout, /Last run \(restore\): running/);
      assert.match(status.stdout, /restore-database\s+was running/);

      const resumed = await runInstalledCommand(container, ['resume']);
      console.log(`[e2e] resume of the restore: ${(resumed.durationMs / 1000).toFixed(0)} s`);
      assert.equal(resumed.exitCode, 0, shown(resumed));
      assert.match(resumed.stdout, /resuming the restore/);
      assert.match(resumed.stdout, /is restored \(resumed\) from the backup of /);
      assert.match(resumed.stdout, /Signing key: +ed25519:\S+ \(the same identity as before\)/);
      const log = readRunLog(container, resumed.stdout);
      assert.ok(log.steps.get('restore-database')?.changes.length, 'the resume loaded the database');
    });

    await t.test('the restored server: no one-time keys, the same signing key, the users read everything and download the upload', async () => {
      assert.equal(await sql(container, 'SELECT count(*) FROM e2e_one_time_keys_json'), '0');
      assert.deepEqual(await serverKeys(a.rootPem), a.keys, 'the same key id and public key');
      await prepareClient(container, a.rootPem);
      const views = await readAsUsers(container, a.seeded);
      assert.deepEqual(Object.keys(views).sort(), ['alice', 'bob']);
      for (const [user, view] of Object.entries(views)) {
        assert.equal(view.logged_in, true);
        assert.deepEqual(view.messages, a.seeded.messages, `${user} reads every message, in order: ${JSON.stringify(view.pages)}`);
        assert.deepEqual(view.after_point, a.seeded.after_point, `${user} reads from the known point on`);
        assert.equal(view.download_sha256, a.seeded.sha256, `${user} downloads the 2 MiB upload unchanged`);
      }
    });

    await t.test('matrix-setup verify passes on the restored server', async () => {
      const { result, report } = await runVerifyCommand(container, a.rootPem);
      const notPassing = report.checks.filter((c) => c.status !== 'pass' && c.status !== 'skip');
      assert.equal(result.exitCode, 0, `${shown(result)}\n${describeChecks(notPassing)}`);
      assert.deepEqual(notPassing.filter((c) => !(c.status === 'warn' && EXPECTED_WARNINGS.has(c.id))), [], describeChecks(notPassing));
    });

    await t.test('a second restore of the same archive changes nothing (files, services, log)', async () => {
      const before = { files: await fileChecksums(container), services: await serviceStarts(container) };
      const again = await runInstalledCommand(container, ['restore', '/root/backup.tar', '--yes']);
      console.log(`[e2e] second restore: ${(again.durationMs / 1000).toFixed(0)} s`);
      assert.equal(again.exitCode, 0, shown(again));
      assert.match(again.stdout, /nothing changed: the machine already matched the answers/);
      assert.doesNotMatch(again.stdout, /^ {4}\+ /m, 'no change lines');
      for (const step of readRunLog(container, again.stdout).steps.values()) {
        if (step.outcome === 'skipped') continue;
        assert.equal(step.recheck, true, `${step.id} was not just re-checked`);
        assert.deepEqual(step.changes, [], `${step.id} changed something`);
      }
      assert.deepEqual(await serviceStarts(container), before.services, 'no service was (re)started');
      assert.deepEqual(diffChecksums(before.files, await fileChecksums(container)), [], 'every file is byte-identical');
    });
  } finally {
    await container.stop();
    done();
  }
}
