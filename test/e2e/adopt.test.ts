// Adopting a homeserver set up by hand, the way a blog guide does it (Debian's matrix-synapse on
// SQLite, the registration secret in conf.d, a hand-written nginx vhost, a certbot certificate
// from Pebble), in one booted Debian unstable container:
// 1. servers it cannot adopt are refused with the reason, nothing changed (a database of another
//    server_name; Synapse started outside systemd);
// 2. `matrix-setup adopt` looks without changing anything and writes answers naming certbot's
//    ACME server;
// 3. `adopt --yes` on the running server is SIGKILLed while Synapse's port tool runs (an install
//    started then is refused, nothing written), `resume` finishes: the backup taken first holds the SQLite database (and a restore refuses it),
//    Synapse on PostgreSQL, both users log in with their old passwords (matrix-nio), read the old
//    messages and download the upload; the signing key is the same, the SQLite file unchanged
//    since the port stopped Synapse, hand-set values kept, `matrix-setup verify` passes and
//    `matrix-setup backup` writes a PostgreSQL backup;
// 4. a second `adopt --yes` changes nothing (and takes no second backup).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'yaml';
import { SERVER_NAME } from './harness/answers.js';
import { ensureBundle, INSTALL_SH, BUNDLE } from './harness/bundle.js';
import { httpsRequest } from './harness/client.js';
import { Container } from './harness/container.js';
import { HAND_UPLOAD_SIZE, HAND_VHOST, HAND_VHOST_LINK, SQLITE_DB, registerUser, setUpByHand, waitForSynapse } from './harness/hand-made-server.js';
import { hasProcess, killAt, readRunLog, readRunState, runInstallSh, runInstalledCommand, shown, startInstallSh, stepRunning } from './harness/installer.js';
import { startPebble } from './harness/pebble.js';
import { reportSkip } from './harness/skip.js';
import { diffChecksums, fileChecksums, serviceStarts } from './harness/snapshot.js';
import { describeChecks, PEBBLE_ROOT_IN_CONTAINER, runVerifyCommand } from './harness/verify-command.js';

const MINUTES = 60_000;
const skip = reportSkip();
const ANY_EXIT = Array.from({ length: 256 }, (_, i) => i);
const NIO_SCRIPT = join(import.meta.dirname, 'clients', 'nio-client.py');
const PASSWORDS = { alice: 'alice-old-password-1', bob: 'bob-old-password-2' };
const ANSWERS_OUT = '/root/adopt-answers.yaml';
const ADOPT_RECORD = '/var/lib/matrix-setup/adopt.json';
/** What `adopt` without --yes may not touch. */
const READ_ONLY_PATHS = ['/etc', SQLITE_DB, '/var/lib/matrix-synapse/media'];
const timings: Array<[string, number]> = [];

before(async () => {
  if (!skip) await ensureBundle();
});

after(() => {
  for (const [name, ms] of timings) console.log(`[e2e] ${name}: ${(ms / 1000).toFixed(0)} s`);
});

function mark(name: string, started: number): number {
  timings.push([name, Date.now() - started]);
  return Date.now();
}

test('adopt a server set up by hand: refusals, a read-only look, SQLite → PostgreSQL killed and resumed, users and data kept, a second run changes nothing', { timeout: 60 * MINUTES }, async (t) => {
  if (skip) return t.skip(skip);
  let pebbleRoot = '';
  const container = await Container.boot({ rootfs: 'sid', lockWaitMs: 120 * MINUTES });
  // The scenario's time counts from the container's restore and boot, not from waiting for another scenario's container.
  const started = Date.now() - container.timings.restoreMs - container.timings.bootMs;
  try {
    let clock = started;
    const pebble = await startPebble(container);
    container.writeFile(PEBBLE_ROOT_IN_CONTAINER, pebble.issuingRootPem);
    pebbleRoot = pebble.issuingRootPem;
    const hand = await setUpByHand(container, pebble);
    container.copyIn(NIO_SCRIPT, '/root/nio-client.py');
    const nio = (args: string[]) => container.exec(['python3', '/root/nio-client.py', ...args], { env: { CA_FILE: PEBBLE_ROOT_IN_CONTAINER }, timeoutMs: 120_000 });
    await registerUser(container, 'alice', PASSWORDS.alice);
    await registerUser(container, 'bob', PASSWORDS.bob);
    const seeded = JSON.parse((await nio(['seed', PASSWORDS.alice, PASSWORDS.bob])).stdout) as { room_id: string; texts: string[]; mxc: string; sha256: string };
    const keyBefore = await serverKeys();
    assert.ok(Object.keys(keyBefore).length > 0, 'the hand-made server publishes its key');
    container.copyIn(INSTALL_SH, '/root/install.sh');
    container.copyIn(BUNDLE, '/root/matrix-setup.mjs');
    // install.sh brings Node.js (apt) and the matrix-setup command: the user's bootstrap, before adopt's checksums.
    const bootstrap = await runInstallSh(container, ['--version']);
    assert.equal(bootstrap.exitCode, 0, shown(bootstrap));
    clock = mark('boot, set up by hand (Synapse, nginx, certbot, nio seed)', clock);

    // The refusals and the look happen with Synapse stopped, so its own writes cannot move the checksums.
    await container.exec(['systemctl', 'stop', 'matrix-synapse']);

    await t.test('a database that belongs to another server_name is refused, naming both; nothing changes', async () => {
      const original = container.readFile('/etc/matrix-synapse/conf.d/server_name.yaml');
      container.writeFile('/etc/matrix-synapse/conf.d/server_name.yaml', 'server_name: other.test\n');
      try {
        const before = await fileChecksums(container, READ_ONLY_PATHS);
        const refused = await runInstalledCommand(container, ['adopt']);
        assert.equal(refused.exitCode, 3, shown(refused));
        assert.match(refused.stderr, /cannot adopt this server/);
        assert.match(refused.stderr, /holds the users of "matrix\.test" \(such as @\w+:matrix\.test\), but the config says server_name "other\.test"/, shown(refused));
        const json = await runInstalledCommand(container, ['adopt', '--json']);
        assert.equal(json.exitCode, 3, shown(json));
        assert.equal((JSON.parse(json.stdout) as { adoptable: boolean }).adoptable, false);
        assert.deepEqual(diffChecksums(before, await fileChecksums(container, READ_ONLY_PATHS)), [], 'nothing changed');
        assert.equal(container.exists(ANSWERS_OUT) || container.exists('/root/adopt-answers.yaml'), false, 'no answers written for a refused server');
      } finally {
        container.writeFile('/etc/matrix-synapse/conf.d/server_name.yaml', original);
      }
    });

    await t.test('Synapse started by hand, outside systemd, is refused with its PID; nothing changes', async () => {
      await container.exec(['bash', '-c',
        'setsid runuser -u matrix-synapse -- env -C /var/lib/matrix-synapse /usr/bin/python3 -m synapse.app.homeserver ' +
        '--config-path=/etc/matrix-synapse/homeserver.yaml --config-path=/etc/matrix-synapse/conf.d/ </dev/null >/dev/null 2>&1 &']);
      try {
        await waitForSynapse(container);
        const pid = (await container.exec(['pgrep', '-f', '-u', 'matrix-synapse', 'synapse.app.homeserver'])).stdout.trim().split('\n')[0];
        const before = await fileChecksums(container, ['/etc']);
        const refused = await runInstalledCommand(container, ['adopt']);
        assert.equal(refused.exitCode, 3, shown(refused));
        assert.match(refused.stderr, new RegExp(`Synapse runs as PID ${pid}, not started by systemd`), shown(refused));
        assert.deepEqual(diffChecksums(before, await fileChecksums(container, ['/etc'])), []);
      } finally {
        await container.exec(['pkill', '-f', '-u', 'matrix-synapse', 'synapse.app.homeserver'], { okExitCodes: [0, 1] });
        await container.exec(['bash', '-c', 'while pgrep -u matrix-synapse -f synapse.app.homeserver >/dev/null; do sleep 0.2; done'], { timeoutMs: 60_000 });
      }
    });

    const sqliteBefore = sha256(container, SQLITE_DB);
    const configBefore = mergedConfig(container);

    await t.test('`matrix-setup adopt` looks, changes nothing, and writes answers that name certbot\'s ACME server', async () => {
      const before = await fileChecksums(container, READ_ONLY_PATHS);
      const look = await runInstalledCommand(container, ['adopt', '--answers-out', ANSWERS_OUT]);
      assert.equal(look.exitCode, 0, shown(look));
      assert.deepEqual(diffChecksums(before, await fileChecksums(container, READ_ONLY_PATHS)), [], 'nothing under /etc, the SQLite file or the media changed');
      assert.equal(sha256(container, SQLITE_DB), sqliteBefore);
      for (const expected of [/matrix-synapse .*\(Debian's own package\)/, /server_name: +matrix\.test/, /registration\.yaml: registration_shared_secret/, /SQLite \/var\/lib\/matrix-synapse\/homeserver\.db/, /lineage matrix\.test from https:\/\/127\.0\.0\.1:14000\/dir/, /would replace: +\/etc\/nginx\/sites-enabled\/matrix\.test/]) {
        assert.match(look.stdout, expected, look.stdout.slice(0, 4000));
      }
      assert.match(look.stdout, /\[\d+\/\d+\] adopt-sqlite-port: Move the SQLite database to PostgreSQL/, 'the plan is printed');
      const answers = parse(container.readFile(ANSWERS_OUT)) as Record<string, any>;
      assert.equal(answers.server_name, SERVER_NAME);
      assert.equal(answers.tls.acme_directory, pebble.directoryUrl, 'the ACME server comes from certbot\'s renewal config');
      assert.equal(answers.synapse.install, 'distro');
      assert.equal(answers.synapse.max_upload_size, HAND_UPLOAD_SIZE);
      assert.equal(answers.database.mode, 'local');
      assert.match(container.readFile(ANSWERS_OUT), /# .*admin\.enabled: false/, 'what was defaulted is said in the file');

      const json = await runInstalledCommand(container, ['adopt', '--json', '--answers-out', '/root/adopt-answers-json.yaml']);
      assert.equal(json.exitCode, 0, shown(json));
      const found = JSON.parse(json.stdout) as { adoptable: boolean; facts: Record<string, any>; plan: Array<{ id: string }> };
      assert.equal(found.adoptable, true);
      assert.deepEqual([found.facts.serverName, found.facts.install.method, found.facts.database.engine, found.facts.certificate?.lineage?.server], [SERVER_NAME, 'distro', 'sqlite3', pebble.directoryUrl], JSON.stringify(found.facts).slice(0, 3000));
      assert.ok(found.plan.some((step) => step.id === 'adopt-sqlite-port'));
      assert.deepEqual(diffChecksums(before, await fileChecksums(container, READ_ONLY_PATHS)), [], '--json changes nothing either');
    });
    clock = mark('refusals + read-only look', clock);

    // certbot reconfigure checks the new settings against Pebble, whose CA a user would add here.
    const answersText = container.readFile(ANSWERS_OUT).replace(/^(\s+)acme_directory: (.*)$/m, `$1acme_directory: $2\n$1acme_ca_bundle: ${pebble.listenerCaPath}`);
    container.writeFile(ANSWERS_OUT, answersText, 0o600);
    const adoptArgs = ['adopt', '--yes', '--answers', ANSWERS_OUT];
    // A server is adopted while it runs: the backup copies the live SQLite file, the port stops Synapse.
    await container.exec(['systemctl', 'start', 'matrix-synapse']);
    await waitForSynapse(container);
    /** The SQLite file as Synapse left it when the port stopped it: it must stay so. */
    let sqliteAtPort = '';

    await t.test('adopt --yes killed while the port tool runs, then resume: Synapse on PostgreSQL with everything kept', async () => {
      // Killed once the tool is copying (its progress table in PostgreSQL has entries).
      let copying = false;
      let polling = true;
      const poll = (async () => {
        while (polling && !copying) {
          const progress = await container.exec(['runuser', '-u', 'postgres', '--', 'psql', '-XAtq', '-d', 'synapse', '-c', "SELECT count(*) FROM port_from_sqlite3"], { cwd: '/', okExitCodes: ANY_EXIT });
          copying = progress.exitCode === 0 && Number(progress.stdout.trim()) > 0;
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      const run = startInstallSh(container, adoptArgs);
      const { state, killed } = await killAt(run, container, {
        description: 'while synapse_port_db copies rows (adopt-sqlite-port)',
        reached: (s, tree) => copying && stepRunning(s, 'adopt-sqlite-port') && hasProcess(tree, 'synapse_port_db'),
      }).finally(() => {
        polling = false;
      });
      await poll;
      console.log(`[e2e] killed during the port: ${killed.map((p) => p.comm).join(' ')}`);
      assert.equal(state?.steps['adopt-sqlite-port']?.status, 'running');
      assert.equal((await container.exec(['systemctl', 'is-active', 'matrix-synapse'], { okExitCodes: ANY_EXIT })).stdout.trim(), 'inactive', 'the port stopped Synapse');
      sqliteAtPort = sha256(container, SQLITE_DB);
      const copied = JSON.parse(container.readFile('/var/lib/matrix-setup-sqlite-port/copy.json')) as { sha256: string };
      assert.equal(copied.sha256, sqliteAtPort, 'the SQLite file is untouched since the port copied it, by the interrupted port too');
      const status = await runInstalledCommand(container, ['status']);
      assert.match(status.stdout, /^Last run \(adopt\): running/m, status.stdout);
      assert.match(status.stdout, /adopt-sqlite-port +was running \(the run stopped\)/, status.stdout);
      assert.match(status.stdout, /Continue adopting with: matrix-setup resume/, status.stdout);
      const archive = (JSON.parse(container.readFile(ADOPT_RECORD)) as { backup: { archive: string } }).backup.archive;
      assert.match(archive, /^\/var\/backups\/matrix-setup\/matrix-setup-backup-matrix\.test-\d{8}T\d{6}Z\.tar$/, 'the backup was written before the port');
      // An install started over the stopped adopt would skip the port: refused, its record and answers kept.
      const record = { state: container.readFile('/var/lib/matrix-setup/state.json'), answers: container.readFile('/var/lib/matrix-setup/answers.yaml') };
      const install = await runInstalledCommand(container, ['--answers', ANSWERS_OUT, '--yes']);
      assert.equal(install.exitCode, 3, shown(install));
      assert.match(install.stderr, /The adopt started here did not finish \(it stopped in adopt-sqlite-port\)/, shown(install));
      assert.deepEqual({ state: container.readFile('/var/lib/matrix-setup/state.json'), answers: container.readFile('/var/lib/matrix-setup/answers.yaml') }, record);

      const resumed = await runInstalledCommand(container, ['resume']);
      assert.equal(resumed.exitCode, 0, shown(resumed));
      assert.match(resumed.stdout, /^matrix-setup: resuming the adoption on /m);
      assert.match(resumed.stdout, /is adopted \(resumed\): matrix-setup manages it from now on/);
      assert.match(resumed.stdout, new RegExp(`Backup before: +${archive.replace(/[.]/g, '\\.')}`), 'the summary names the backup');
      const log = readRunLog(container, resumed.stdout);
      assert.equal(log.steps.get('adopt-backup')?.outcome, 'done (no change)', 'the resumed run takes no second backup');
      assert.equal(log.steps.get('adopt-sqlite-port')?.outcome, 'done (changed)');
      assert.match(resumed.stdout, /Ported \/var\/lib\/matrix-synapse\/homeserver\.db into PostgreSQL/);
      assert.match(resumed.stdout, /PostgreSQL holds 2 users/);
    });
    clock = mark('adopt --yes (killed in the port) + resume', clock);

    await t.test('the backup taken first holds the SQLite database as it was, with both users; it is the only one', async () => {
      const archives = (await container.exec(['ls', '/var/backups/matrix-setup'])).stdout.trim().split('\n');
      assert.equal(archives.length, 1, archives.join(' '));
      const archive = `/var/backups/matrix-setup/${archives[0]}`;
      const members = (await container.exec(['tar', '-tf', archive])).stdout.split('\n');
      assert.ok(members.includes('database/homeserver.db'), members.join(' '));
      assert.ok(!members.includes('database/synapse.dump'));
      assert.ok(members.includes('synapse/signing.key'));
      const manifest = JSON.parse((await container.exec(['tar', '-xOf', archive, 'manifest.json'])).stdout) as { database: { kind: string; path: string } };
      assert.deepEqual([manifest.database.kind, manifest.database.path], ['sqlite', SQLITE_DB]);
      await container.exec(['bash', '-c', `tar -xOf ${archive} database/homeserver.db > /root/backed-up.db`]);
      const users = await container.exec(['python3', '-c', 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM users").fetchone()[0])', '/root/backed-up.db']);
      assert.equal(users.stdout.trim(), '2');
      const refused = await runInstalledCommand(container, ['restore', archive, '--yes']);
      assert.equal(refused.exitCode, 2, shown(refused));
      assert.match(refused.stderr, /holds the SQLite database of matrix\.test/, shown(refused));
    });

    await t.test('Synapse runs on PostgreSQL; the SQLite file, the signing key and the hand-set values are as they were', async () => {
      const config = mergedConfig(container);
      assert.equal(config.database.name, 'psycopg2');
      assert.equal(config.database.args.dbname, 'synapse');
      assert.equal(sha256(container, SQLITE_DB), sqliteAtPort, 'the SQLite file is kept as Synapse left it');
      for (const key of ['server_name', 'max_upload_size', 'registration_shared_secret', 'macaroon_secret_key', 'form_secret', 'enable_registration', 'signing_key_path', 'media_store_path', 'report_stats', 'trusted_key_servers']) {
        assert.deepEqual(config[key], configBefore[key], `${key} kept`);
      }
      assert.equal(config.registration_shared_secret, hand.registrationSecret);
      const users = await container.exec(['runuser', '-u', 'postgres', '--', 'psql', '-XAtq', '-d', 'synapse', '-c', 'SELECT name FROM users ORDER BY name'], { cwd: '/' });
      assert.deepEqual(users.stdout.trim().split('\n'), ['@alice:matrix.test', '@bob:matrix.test']);
      assert.deepEqual(await serverKeys(), keyBefore, 'the same signing key is published');
      assert.equal(container.exists(HAND_VHOST_LINK), false, 'the hand-written site is switched off');
      assert.ok(container.exists(HAND_VHOST), 'its file in sites-available stays');
      const backups = (await container.exec(['find', '/var/lib/matrix-setup/backups', '-path', `*${HAND_VHOST}.*`])).stdout.trim();
      assert.notEqual(backups, '', 'and a copy is kept with the backups');
      const renewal = container.readFile(`/etc/letsencrypt/renewal/${SERVER_NAME}.conf`);
      assert.match(renewal, /^authenticator = webroot$/m);
      assert.match(renewal, /matrix-setup-acme/);
    });

    await t.test('both users log in with their old passwords (matrix-nio), read the old messages and download the upload', async () => {
      const checked = JSON.parse((await nio(['check', PASSWORDS.alice, PASSWORDS.bob, seeded.room_id])).stdout) as Record<string, { texts: string[]; files: string[]; sha256: string }>;
      for (const user of ['alice', 'bob']) {
        for (const text of seeded.texts) assert.ok(checked[user].texts.includes(text), `${user} reads "${text}": ${JSON.stringify(checked[user].texts)}`);
        assert.deepEqual(checked[user].files, [seeded.mxc]);
        assert.equal(checked[user].sha256, seeded.sha256, `${user} downloads the same bytes`);
      }
    });

    await t.test('matrix-setup verify passes', async () => {
      const { result, report } = await runVerifyCommand(container, pebble.issuingRootPem);
      const failing = report.checks.filter((c) => c.status === 'fail');
      assert.deepEqual(failing, [], `${shown(result)}\n${describeChecks(report.checks.filter((c) => c.status !== 'pass'))}`);
      for (const warning of report.checks.filter((c) => c.status === 'warn')) assert.match(warning.id, /^dns\./, `unexpected warning ${warning.id}: ${warning.evidence}`);
      assert.equal(result.exitCode, 0, shown(result));
    });
    await t.test('matrix-setup backup of the adopted server is a PostgreSQL one', async () => {
      const backup = await runInstalledCommand(container, ['backup', '--no-media', '--to', '/root/after-adopting']);
      assert.equal(backup.exitCode, 0, shown(backup));
      const archive = backup.stdout.trim().split('\n').at(-1)!;
      const manifest = JSON.parse((await container.exec(['tar', '-xOf', archive, 'manifest.json'])).stdout) as { format_version: number; database: { kind: string; name: string } };
      assert.deepEqual([manifest.format_version, manifest.database.kind, manifest.database.name], [1, 'postgresql', 'synapse']);
    });
    clock = mark('checks after adopting', clock);

    await t.test('a second adopt --yes changes nothing: every step re-checked, no service restarted, every file identical', async () => {
      const before = { files: await fileChecksums(container), services: await serviceStarts(container) };
      const again = await runInstalledCommand(container, adoptArgs);
      assert.equal(again.exitCode, 0, shown(again));
      assert.match(again.stdout, /nothing changed/, shown(again));
      assert.doesNotMatch(again.stdout, /^ {4}\+ /m, 'no change lines');
      for (const step of readRunLog(container, again.stdout).steps.values()) {
        if (step.outcome === 'skipped') continue;
        assert.deepEqual(step.changes, [], `${step.id} changed something`);
      }
      assert.deepEqual(await serviceStarts(container), before.services, 'no service was (re)started');
      assert.deepEqual(diffChecksums(before.files, await fileChecksums(container)), [], 'every file is byte-identical');
      assert.equal(readRunState(container)?.status, 'done');
      assert.equal((await container.exec(['ls', '/var/backups/matrix-setup'])).stdout.trim().split('\n').length, 1, 'no second backup');
    });
    mark('second adopt --yes', clock);
  } finally {
    await container.stop();
    timings.push(['adopt scenario in all', Date.now() - started]);
  }

  async function serverKeys(): Promise<Record<string, unknown>> {
    const response = await httpsRequest({ host: SERVER_NAME, port: 8448, path: '/_matrix/key/v2/server', ca: pebbleRoot });
    assert.equal(response.status, 200, response.text);
    return response.json<{ verify_keys: Record<string, unknown> }>().verify_keys;
  }
});

function sha256(container: Container, path: string): string {
  return createHash('sha256').update(readFileSync(container.hostPath(path))).digest('hex');
}

/** Synapse's effective config (homeserver.yaml, then conf.d in name order), as Synapse merges it. */
function mergedConfig(container: Container): Record<string, any> {
  const merged: Record<string, any> = { ...(parse(container.readFile('/etc/matrix-synapse/homeserver.yaml')) as object) };
  for (const name of readdirSync(container.hostPath('/etc/matrix-synapse/conf.d')).filter((n: string) => n.endsWith('.yaml')).sort()) {
    Object.assign(merged, parse(container.readFile(`/etc/matrix-synapse/conf.d/${name}`)) ?? {});
  }
  return merged;
}
