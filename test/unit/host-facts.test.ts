import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseNtpSynchronized } from '../../src/host/clock.js';
import { freeDisk, gatherHostFacts, hasSystemd } from '../../src/host/facts.js';
import { parseOsRelease } from '../../src/host/os-release.js';
import type { CommandProbe } from '../../src/host/probe.js';
import { localProbe } from '../../src/host/probe.js';
import { withTimeout } from '../../src/host/timeout.js';

const fakeProbe: CommandProbe = async (argv) => {
  if (argv[0] === 'ss') return 'LISTEN 0 511 0.0.0.0:80 0.0.0.0:* users:(("nginx",pid=10,fd=6))\n';
  if (argv[0] === 'timedatectl') return 'no\n';
  return undefined;
};

test('gathers this machine\'s facts with fake commands and DNS', async () => {
  const facts = await gatherHostFacts({
    probe: fakeProbe,
    names: ['example.org', 'example.org', 'matrix.example.org'],
    resolver: { resolve4: async (name) => (name === 'example.org' ? ['203.0.113.7'] : []), resolve6: async () => [] },
  });
  assert.equal(facts.isRoot, process.getuid?.() === 0);
  assert.equal(facts.memoryBytes, totalmem());
  assert.ok(facts.disk && facts.disk.freeBytes > 0 && facts.disk.totalBytes >= facts.disk.freeBytes);
  assert.equal(facts.disk?.path, '/var');
  assert.deepEqual(facts.osRelease, parseOsRelease(readFileSync('/etc/os-release', 'utf8')));
  assert.deepEqual(facts.ports.listeners, [{ port: 80, address: '0.0.0.0', holders: [{ name: 'nginx', pid: 10 }] }]);
  assert.equal(facts.clock.ntpSynchronized, false);
  assert.ok(Math.abs(facts.clock.now - Date.now()) < 60_000);
  assert.deepEqual(Object.keys(facts.dns).sort(), ['example.org', 'matrix.example.org']);
  assert.deepEqual(facts.dns['example.org'].ipv4, ['203.0.113.7']);
  assert.ok(facts.addresses.every((address) => address.address !== '127.0.0.1'));
  assert.equal(facts.arch, process.arch === 'x64' ? 'amd64' : facts.arch);
});

test('freeDisk measures the nearest existing parent of a missing path', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'disk-'));
  try {
    const disk = await freeDisk(join(dir, 'not', 'yet', 'created'));
    assert.equal(disk?.path, dir);
    assert.ok((disk?.freeBytes ?? 0) > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hasSystemd looks for the runtime directory', () => {
  assert.equal(hasSystemd('/nonexistent/run/systemd/system'), false);
  const dir = mkdtempSync(join(tmpdir(), 'systemd-'));
  try {
    assert.equal(hasSystemd(dir), true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('parses timedatectl NTPSynchronized', () => {
  assert.equal(parseNtpSynchronized('yes\n'), true);
  assert.equal(parseNtpSynchronized('no'), false);
  assert.equal(parseNtpSynchronized(''), undefined);
  assert.equal(parseNtpSynchronized(undefined), undefined);
});

test('localProbe returns stdout, and undefined for a failing, missing or slow command', async () => {
  assert.equal(await localProbe(['echo', 'hello'], 2000), 'hello\n');
  assert.equal(await localProbe(['false'], 2000), undefined);
  assert.equal(await localProbe(['/nonexistent/command'], 2000), undefined);
  const started = Date.now();
  assert.equal(await localProbe(['sleep', '10'], 200), undefined);
  assert.ok(Date.now() - started < 5000);
});

test('withTimeout falls back on timeout and on rejection', async () => {
  assert.equal(await withTimeout(new Promise(() => {}), 20, 'late'), 'late');
  assert.equal(await withTimeout(Promise.reject(new Error('x')), 1000, 'failed'), 'failed');
  assert.equal(await withTimeout(Promise.resolve('ok'), 1000, 'late'), 'ok');
});
