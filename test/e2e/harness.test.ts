// The harness's own logic, checked without booting anything (no root needed).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { chainProblems } from './harness/certificates.js';
import { logPathFrom, parseRunLog } from './harness/installer.js';
import { acquireLock, processAlive } from './harness/lock.js';
import { killTree, processTree, type ProcessInfo } from './harness/process-tree.js';
import { resolveInRoot } from './harness/paths.js';
import { pebbleConfig } from './harness/pebble.js';
import { busyPorts } from './harness/ports.js';
import { run, start } from './harness/process.js';

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-e2e-harness-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('container paths resolve symlinks inside the root and never outside it', (t) => {
  const root = tempDir(t);
  mkdirSync(join(root, 'run'));
  mkdirSync(join(root, 'etc/letsencrypt/archive/matrix.test'), { recursive: true });
  mkdirSync(join(root, 'etc/letsencrypt/live/matrix.test'), { recursive: true });
  symlinkSync('/run', join(root, 'var-run'));
  symlinkSync('../../archive/matrix.test/cert1.pem', join(root, 'etc/letsencrypt/live/matrix.test/cert.pem'));
  symlinkSync('/../../../etc', join(root, 'escape'));
  symlinkSync('loop', join(root, 'loop'));

  assert.equal(resolveInRoot(root, '/var-run/x.pid'), join(root, 'run/x.pid'));
  assert.equal(
    resolveInRoot(root, '/etc/letsencrypt/live/matrix.test/cert.pem'),
    join(root, 'etc/letsencrypt/archive/matrix.test/cert1.pem'),
  );
  assert.equal(resolveInRoot(root, '/escape/passwd'), join(root, 'etc/passwd'));
  assert.equal(resolveInRoot(root, '/../../etc/passwd'), join(root, 'etc/passwd'));
  assert.equal(resolveInRoot(root, '/not/there/yet'), join(root, 'not/there/yet'));
  assert.throws(() => resolveInRoot(root, '/loop/x'), /too many levels/);
  assert.throws(() => resolveInRoot(root, 'relative'), /not an absolute/);
});

test('busy ports are found from /proc/net and free again after close', async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  try {
    assert.deepEqual(busyPorts([port]), [{ port, address: `127.0.0.1:${port}` }]);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  assert.deepEqual(busyPorts([port]), []);
});

test('a lock left by a dead process is taken over; a live holder makes others wait, then fail', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'container.lock');
  const dead = spawnSync(process.execPath, ['-e', 'process.pid'], { encoding: 'utf8' }).pid!;
  writeFileSync(path, JSON.stringify({ pid: dead, dir: '/nonexistent' }));
  const seen: unknown[] = [];
  const lock = await acquireLock(path, { waitMs: 1000, what: 'test lock', onStale: (info) => void seen.push(info) });
  assert.deepEqual(seen, [{ pid: dead, dir: '/nonexistent' }]);
  lock.update({ dir: '/scenario' });
  assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), { pid: process.pid, dir: '/scenario' });

  // A second acquire in the same process fails at once instead of waiting for itself.
  await assert.rejects(acquireLock(path, { waitMs: 60_000, what: 'test lock' }), /already held by this process/);

  // A lock file naming another live process (the parent) blocks.
  lock.release();
  writeFileSync(path, JSON.stringify({ pid: process.ppid }));
  await assert.rejects(acquireLock(path, { waitMs: 300, what: 'test lock' }), new RegExp(`held by PID ${process.ppid}`));
});

test('a command that outlives its timeout is killed with its children', async () => {
  const started = Date.now();
  await assert.rejects(run(['sh', '-c', 'sleep 30 & sleep 30'], { timeoutMs: 300 }), /timed out after 300 ms/);
  assert.ok(Date.now() - started < 10_000);
  await assert.rejects(run(['sh', '-c', 'echo oops >&2; exit 3']), /exit 3\noops/);
  assert.equal((await run(['sh', '-c', 'exit 3'], { okExitCodes: [3] })).exitCode, 3);
});

test('Pebble listens on loopback only and validates on the standard ports', () => {
  const config = pebbleConfig() as { pebble: Record<string, unknown> };
  assert.equal(config.pebble.listenAddress, '127.0.0.1:14000');
  assert.equal(config.pebble.managementListenAddress, '127.0.0.1:15000');
  assert.equal(config.pebble.httpPort, 80);
  assert.equal(config.pebble.tlsPort, 443);
});

test('a certificate chain is checked for the name and, signature by signature, to the root', (t) => {
  const dir = tempDir(t);
  const openssl = (args: string[]) => {
    const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  };
  const ca = (name: string) =>
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
      '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.pem`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  if (spawnSync('openssl', ['version']).status !== 0) return t.skip('openssl is not installed');
  ca('root');
  ca('other');
  writeFileSync(join(dir, 'ext'), 'subjectAltName=DNS:matrix.test\nextendedKeyUsage=serverAuth\n');
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=matrix.test',
    '-keyout', 'leaf.key', '-out', 'leaf.csr']);
  openssl(['x509', '-req', '-in', 'leaf.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-days', '1',
    '-extfile', 'ext', '-out', 'leaf.pem']);
  const leaf = readFileSync(join(dir, 'leaf.pem'), 'utf8');
  const root = readFileSync(join(dir, 'root.pem'), 'utf8');
  const other = readFileSync(join(dir, 'other.pem'), 'utf8');

  assert.deepEqual(chainProblems(leaf, root, 'matrix.test'), []);
  assert.deepEqual(chainProblems(leaf + root, root, 'matrix.test'), []);
  assert.match(chainProblems(leaf, other, 'matrix.test').join('\n'), /not signed by CN=other/);
  assert.match(chainProblems(leaf, root, 'element.matrix.test').join('\n'), /not for element\.matrix\.test/);
  assert.match(chainProblems(leaf, root, 'matrix.test', new Date(Date.now() + 10 * 86_400_000)).join('\n'), /not valid now/);
  assert.deepEqual(chainProblems('', root, 'matrix.test'), ['no certificate in the chain']);
});

test('a run log is read per step: re-checks, changes, outcomes, and each command with its time', () => {
  const log = [
    '2026-01-01T00:00:00.000Z run started for debian-12',
    '2026-01-01T00:00:00.001Z == step preflight: Preflight checks',
    '2026-01-01T00:00:00.002Z probe: ss -Hltnp',
    '2026-01-01T00:00:00.003Z   | LISTEN 0 128 0.0.0.0:22',
    '2026-01-01T00:00:00.004Z probe ended: exit 0 in 12 ms',
    '2026-01-01T00:00:00.005Z == step preflight done (no change) in 40 ms',
    '2026-01-01T00:00:00.006Z run finished: failed in 50 ms; changed: nothing',
    '2026-01-01T00:01:00.000Z run started for debian-12 (resuming)',
    '2026-01-01T00:01:00.001Z == step preflight: Preflight checks (re-check)',
    '2026-01-01T00:01:00.005Z == step preflight done (no change) in 30 ms',
    '2026-01-01T00:01:00.006Z == step base-packages: Base packages',
    '2026-01-01T00:01:00.007Z run: apt-get install -y -q curl',
    '2026-01-01T00:01:01.007Z run ended: exit 0 in 1000 ms',
    '2026-01-01T00:01:01.008Z change: installed curl',
    '2026-01-01T00:01:01.009Z == step base-packages done (changed) in 1100 ms',
    '2026-01-01T00:01:01.010Z run finished: done in 1200 ms; changed: base-packages',
  ].join('\n');
  const parsed = parseRunLog(log);
  assert.deepEqual([...parsed.steps.keys()], ['preflight', 'base-packages'], 'only the last run');
  assert.deepEqual(parsed.steps.get('preflight'), { id: 'preflight', recheck: true, changes: [], outcome: 'done (no change)', durationMs: 30 });
  assert.deepEqual(parsed.steps.get('base-packages')?.changes, ['installed curl']);
  assert.equal(parsed.steps.get('base-packages')?.recheck, false);
  assert.deepEqual(parsed.commands, [{ step: 'base-packages', argv: 'apt-get install -y -q curl', probe: false, exitCode: 0, durationMs: 1000 }]);
  assert.equal(parsed.durationMs, 1200);
  assert.equal(logPathFrom('matrix-setup: installing\nlog: /var/log/matrix-setup/run-1.log\n'), '/var/log/matrix-setup/run-1.log');
});

test('killing a process tree freezes it first and kills every descendant, detached ones too', async () => {
  // A shell with a child in its own session (as the installer's commands are): both must go.
  const started = start(['sh', '-c', 'setsid sleep 300 & sleep 300'], { okExitCodes: [0, 137] });
  let tree: ProcessInfo[] = [];
  for (let i = 0; i < 100 && tree.filter((p) => p.comm === 'sleep').length < 2; i++) {
    await new Promise((r) => setTimeout(r, 20));
    tree = processTree(started.pid);
  }
  assert.equal(tree.filter((p) => p.comm === 'sleep').length, 2, JSON.stringify(tree));
  const killed = killTree(started.pid);
  assert.deepEqual(killed.map((p) => p.pid).sort(), tree.map((p) => p.pid).sort());
  await started.result;
  for (let i = 0; i < 100 && tree.some((p) => processAlive(p.pid)); i++) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(tree.filter((p) => processAlive(p.pid)).map((p) => p.comm), []);
});
