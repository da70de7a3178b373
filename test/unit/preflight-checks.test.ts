import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Answers } from '../../src/answers/types.js';
import type { HostFacts } from '../../src/host/facts.js';
import type { Target } from '../../src/host/target.js';
import { targetById, isRefused } from '../../src/host/targets.js';
import { formatBytes } from '../../src/i18n/format-bytes.js';
import { preflightNames, preflightPorts, runPreflightChecks, type PreflightResult } from '../../src/preflight/checks.js';
import { describeFailures, formatPreflightLine } from '../../src/preflight/format.js';
import { testAnswers } from '../helpers/answers.js';

const GiB = 1024 ** 3;
const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

function sampleAnswers(overrides: Partial<Answers> = {}): Answers {
  return { ...testAnswers(), ...overrides };
}

function debian12(arch = 'amd64'): Target {
  const target = targetById('debian-12', arch);
  assert.ok(!isRefused(target));
  return target;
}

const HERE_V4 = '203.0.113.7';
const HERE_V6 = '2001:db8::7';

/** A healthy Debian 12 server that every check passes on. */
function healthyFacts(overrides: Partial<HostFacts> = {}): HostFacts {
  return {
    isRoot: true,
    hasSystemd: true,
    osRelease: { ID: 'debian', VERSION_ID: '12', VERSION_CODENAME: 'bookworm', PRETTY_NAME: 'Debian GNU/Linux 12 (bookworm)' },
    arch: 'amd64',
    memoryBytes: 4 * GiB,
    disk: { path: '/var', freeBytes: 40 * GiB, totalBytes: 80 * GiB },
    ports: { source: 'ss', listeners: [{ port: 22, address: '0.0.0.0', holders: [{ name: 'sshd', pid: 800 }] }] },
    addresses: [
      { address: HERE_V4, family: 4, interface: 'eth0', public: true },
      { address: HERE_V6, family: 6, interface: 'eth0', public: true },
    ],
    dns: {
      'example.org': { name: 'example.org', ipv4: [HERE_V4], ipv6: [] },
      'matrix.example.org': { name: 'matrix.example.org', ipv4: [HERE_V4], ipv6: [HERE_V6] },
      'element.example.org': { name: 'element.example.org', ipv4: [HERE_V4], ipv6: [] },
    },
    clock: { now: NOW, ntpSynchronized: true },
    ...overrides,
  };
}

function check(results: PreflightResult[], id: string): PreflightResult {
  const result = results.find((r) => r.id === id);
  assert.ok(result, `no result ${id} in ${results.map((r) => r.id).join(', ')}`);
  return result;
}

function run(facts: Partial<HostFacts> = {}, answers: Partial<Answers> = {}, target: Target = debian12()): PreflightResult[] {
  return runPreflightChecks(healthyFacts(facts), sampleAnswers(answers), target);
}

test('a healthy server passes every check, in a fixed order', () => {
  const results = run();
  assert.deepEqual(
    results.map((r) => r.id),
    ['root', 'target', 'systemd', 'memory', 'disk', 'port-80', 'port-443', 'port-8448', 'local-port-8008', 'local-port-5432', 'dns:example.org', 'dns:matrix.example.org', 'dns:element.example.org', 'clock'],
  );
  for (const result of results) {
    assert.equal(result.status, 'pass', `${result.id}: ${result.detail.en}`);
    assert.equal(result.fix, undefined);
  }
  assert.equal(check(results, 'memory').detail.en, '4.0 GiB of RAM');
  assert.equal(check(results, 'target').detail.en, 'Debian 12 (bookworm) (amd64)');
  assert.equal(check(results, 'clock').detail.en, '2026-11-26 12:00:00 UTC, synchronised with NTP');
});

test('root', () => {
  const result = check(run({ isRoot: false }), 'root');
  assert.equal(result.status, 'fail');
  assert.match(result.fix?.en ?? '', /sudo npx matrix-setup/);
});

test('target: refused, mismatched, warned, derivative, unreadable', () => {
  const refused = check(runPreflightChecks(healthyFacts(), sampleAnswers(), targetById('debian-11') as never), 'target');
  assert.equal(refused.status, 'fail');
  assert.match(refused.detail.en, /end of life/);
  assert.match(refused.fix?.en ?? '', /Upgrade to Debian 12/);

  const hostRefused = check(run({ osRelease: { ID: 'ubuntu', VERSION_ID: '20.04', VERSION_CODENAME: 'focal' } }), 'target');
  assert.equal(hostRefused.status, 'fail');
  assert.match(hostRefused.detail.en, /Ubuntu 20\.04/);

  const mismatch = check(run({ osRelease: { ID: 'ubuntu', VERSION_ID: '24.04', VERSION_CODENAME: 'noble' } }), 'target');
  assert.equal(mismatch.status, 'fail');
  assert.match(mismatch.detail.en, /this machine is Ubuntu 24\.04 LTS \(noble\) \(amd64\), but the install was planned for Debian 12/);

  const archMismatch = check(run({ arch: 'arm64' }), 'target');
  assert.equal(archMismatch.status, 'fail');

  const jammy = targetById('ubuntu-22.04') as Target;
  const warned = check(run({ osRelease: { ID: 'ubuntu', VERSION_ID: '22.04', VERSION_CODENAME: 'jammy' } }, {}, jammy), 'target');
  assert.equal(warned.status, 'warn');
  assert.match(warned.detail.en, /dropping Ubuntu 22\.04/);

  const raspbian = { ID: 'raspbian', ID_LIKE: 'debian', VERSION_ID: '12', VERSION_CODENAME: 'bookworm', PRETTY_NAME: 'Raspbian GNU/Linux 12 (bookworm)' };
  const derivative = check(run({ osRelease: raspbian, arch: 'arm64' }, {}, debian12('arm64')), 'target');
  assert.equal(derivative.status, 'pass', derivative.detail.en);

  const unread = check(run({ osRelease: undefined }), 'target');
  assert.equal(unread.status, 'warn');
  assert.match(unread.detail.en, /could not be read/);
});

test('systemd', () => {
  const result = check(run({ hasSystemd: false }), 'systemd');
  assert.equal(result.status, 'fail');
  assert.match(result.detail.en, /\/run\/systemd\/system/);
});

test('memory: fail below 1 GiB, warn below 2 GiB, with room for what the kernel reserves', () => {
  assert.equal(check(run({ memoryBytes: 512 * 1024 ** 2 }), 'memory').status, 'fail');
  assert.match(check(run({ memoryBytes: 512 * 1024 ** 2 }), 'memory').detail.en, /^512 MiB of RAM/);
  // A "1 GB" VPS reports about 960 MiB.
  assert.equal(check(run({ memoryBytes: 960 * 1024 ** 2 }), 'memory').status, 'warn');
  assert.equal(check(run({ memoryBytes: 1.5 * GiB }), 'memory').status, 'warn');
  // A "2 GB" VPS reports about 1.9 GiB.
  assert.equal(check(run({ memoryBytes: 1.9 * GiB }), 'memory').status, 'pass');
});

test('disk: fail below 2 GiB, warn below 10 GiB, warn when unmeasured', () => {
  const tiny = check(run({ disk: { path: '/var', freeBytes: 1 * GiB, totalBytes: 8 * GiB } }), 'disk');
  assert.equal(tiny.status, 'fail');
  assert.match(tiny.detail.en, /1\.0 GiB free under \/var/);
  assert.equal(check(run({ disk: { path: '/', freeBytes: 5 * GiB, totalBytes: 8 * GiB } }), 'disk').status, 'warn');
  assert.equal(check(run({ disk: { path: '/', freeBytes: 10 * GiB, totalBytes: 20 * GiB } }), 'disk').status, 'pass');
  const unknown = check(run({ disk: undefined }), 'disk');
  assert.equal(unknown.status, 'warn');
  assert.match(unknown.fix?.en ?? '', /df -h \/var/);
});

test('local ports credentials are sent to: free, or held by Synapse (a re-run) and PostgreSQL, never by another program', () => {
  const synapse = { name: 'python3', pid: 2000, unit: 'matrix-synapse.service' };
  const postgres = { name: 'postgres', pid: 3000, unit: 'postgresql@15-main.service' };
  const rerun = run({ ports: { source: 'ss', listeners: [{ port: 8008, address: '127.0.0.1', holders: [synapse] }, { port: 5432, address: '127.0.0.1', holders: [postgres] }] } });
  assert.equal(check(rerun, 'local-port-8008').status, 'pass');
  assert.equal(check(rerun, 'local-port-8008').detail.en, 'held by Synapse');
  assert.equal(check(rerun, 'local-port-5432').status, 'pass');

  const planted = run({ ports: { source: 'ss', listeners: [{ port: 8008, address: '0.0.0.0', holders: [{ name: 'systemd-socket', pid: 4000, unit: 'e2e-port-holder.service' }] }] } });
  const synapsePort = check(planted, 'local-port-8008');
  assert.equal(synapsePort.status, 'fail');
  assert.match(synapsePort.detail.en, /in use by systemd-socket \(PID 4000, e2e-port-holder\.service\); the admin password/);
  assert.match(synapsePort.fix?.en ?? '', /ss -ltnp/);

  // A python3 on 8008 outside Synapse's unit is someone else's.
  const impostor = run({ ports: { source: 'ss', listeners: [{ port: 8008, address: '127.0.0.1', holders: [{ name: 'python3', pid: 5000, unit: 'user@1000.service' }] }, { port: 5432, address: '*', holders: [{ name: 'nc', pid: 6000 }] }] } });
  assert.equal(check(impostor, 'local-port-8008').status, 'fail');
  assert.match(check(impostor, 'local-port-5432').detail.en, /nc \(PID 6000\); Synapse's database password/);
  assert.equal(check(run({ ports: { source: 'ss', listeners: [{ port: 8008, address: '127.0.0.1', holders: [] }] } }), 'local-port-8008').status, 'fail', 'an unidentified holder');

  // Another address does not catch connections to 127.0.0.1; an external database has no local port.
  assert.equal(check(run({ ports: { source: 'ss', listeners: [{ port: 8008, address: '10.0.0.5', holders: [{ name: 'x', pid: 1 }] }] } }), 'local-port-8008').status, 'pass');
  const external = testAnswers({ database: { mode: 'external', host: 'db.example.org', sslmode: 'verify-full', password: { env: 'P' } } });
  assert.ok(!runPreflightChecks(healthyFacts(), external, debian12()).some((r) => r.id === 'local-port-5432'));
});

test('ports: free, held by nginx, held by something else, unidentified, unknown', () => {
  const listeners = [
    { port: 80, address: '0.0.0.0', holders: [{ name: 'nginx', pid: 1235 }, { name: 'nginx', pid: 1234 }] },
    { port: 80, address: '::', holders: [{ name: 'nginx', pid: 1234 }] },
    { port: 443, address: '*', holders: [{ name: 'apache2', pid: 901 }, { name: 'apache2', pid: 900 }] },
    { port: 8448, address: '0.0.0.0', holders: [] },
  ];
  const results = run({ ports: { source: 'ss', listeners } });
  assert.equal(check(results, 'port-80').status, 'pass');
  assert.match(check(results, 'port-80').detail.en, /nginx/);
  const apache = check(results, 'port-443');
  assert.equal(apache.status, 'fail');
  assert.equal(apache.detail.en, 'in use by apache2 (PID 900)');
  assert.match(apache.fix?.en ?? '', /systemctl disable --now apache2/);
  const unknown = check(results, 'port-8448');
  assert.equal(unknown.status, 'fail');
  assert.match(unknown.detail.en, /could not identify/);

  const docker = check(run({ ports: { source: 'ss', listeners: [{ port: 443, address: '0.0.0.0', holders: [{ name: 'docker-proxy', pid: 3 }] }] } }), 'port-443');
  assert.equal(docker.status, 'fail');
  assert.match(docker.fix?.en ?? '', /Docker container/);

  const mixed = check(run({ ports: { source: 'ss', listeners: [{ port: 80, address: '0.0.0.0', holders: [{ name: 'nginx', pid: 1 }, { name: 'caddy', pid: 2 }] }] } }), 'port-80');
  assert.equal(mixed.status, 'fail');
  assert.equal(mixed.detail.en, 'in use by caddy (PID 2)');

  const blind = check(run({ ports: { source: 'none', listeners: [] } }), 'port-80');
  assert.equal(blind.status, 'warn');
});

test('port 8448 is only needed with federation', () => {
  const results = run({ ports: { source: 'ss', listeners: [{ port: 8448, address: '0.0.0.0', holders: [{ name: 'java', pid: 7 }] }] } }, { federation: false });
  assert.equal(results.find((r) => r.id === 'port-8448'), undefined);
  assert.deepEqual(preflightPorts(sampleAnswers({ federation: false })), [80, 443]);
});

test('DNS names: server_name, synapse_host, element host when enabled, deduplicated', () => {
  assert.deepEqual(preflightNames(sampleAnswers()), ['example.org', 'matrix.example.org', 'element.example.org']);
  assert.deepEqual(
    preflightNames(sampleAnswers({ synapse_host: 'Example.org', element: { enabled: false, host: 'element.example.org', version: '1' } })),
    ['example.org'],
  );
});

test('DNS: no record gives the exact record to add', () => {
  const result = check(run({ dns: { ...healthyFacts().dns, 'matrix.example.org': { name: 'matrix.example.org', ipv4: [], ipv6: [] } } }), 'dns:matrix.example.org');
  assert.equal(result.status, 'warn');
  assert.equal(result.detail.en, 'has no A or AAAA record');
  assert.equal(result.fix?.en, `Add the DNS record \`matrix.example.org. A ${HERE_V4}\` and \`matrix.example.org. AAAA ${HERE_V6}\`.`);
});

test('DNS: pointing elsewhere', () => {
  const result = check(run({ dns: { ...healthyFacts().dns, 'matrix.example.org': { name: 'matrix.example.org', ipv4: ['198.51.100.9'], ipv6: [] } } }), 'dns:matrix.example.org');
  assert.equal(result.status, 'warn');
  assert.match(result.detail.en, /points to 198\.51\.100\.9, not to this machine \(203\.0\.113\.7, 2001:db8::7\)/);
  assert.match(result.fix?.en ?? '', /^Change the DNS record to `matrix\.example\.org\. A 203\.0\.113\.7`/);
});

test('DNS: server_name elsewhere mentions .well-known delegation', () => {
  const result = check(run({ dns: { ...healthyFacts().dns, 'example.org': { name: 'example.org', ipv4: ['198.51.100.9'], ipv6: [] } } }), 'dns:example.org');
  assert.equal(result.status, 'warn');
  assert.match(result.fix?.en ?? '', /\.well-known\/matrix\/server .* pointing at matrix\.example\.org/);
  const noDelegation = check(
    run({ dns: { ...healthyFacts().dns, 'example.org': { name: 'example.org', ipv4: ['198.51.100.9'], ipv6: [] } } }, { delegation: 'none' }),
    'dns:example.org',
  );
  assert.doesNotMatch(noDelegation.fix?.en ?? '', /well-known/);
});

test('DNS: a stale AAAA next to a correct A', () => {
  const result = check(run({ dns: { ...healthyFacts().dns, 'element.example.org': { name: 'element.example.org', ipv4: [HERE_V4], ipv6: ['2001:db8::dead'] } } }), 'dns:element.example.org');
  assert.equal(result.status, 'warn');
  assert.match(result.detail.en, /also to AAAA 2001:db8::dead/);
});

test('DNS: behind NAT the machine cannot confirm its public address', () => {
  const result = check(
    run({
      addresses: [{ address: '10.0.0.2', family: 4, interface: 'ens4', public: false }],
      dns: { ...healthyFacts().dns, 'matrix.example.org': { name: 'matrix.example.org', ipv4: ['198.51.100.9'], ipv6: [] } },
    }),
    'dns:matrix.example.org',
  );
  assert.equal(result.status, 'warn');
  assert.match(result.detail.en, /only private addresses \(10\.0\.0\.2\)/);
  assert.match(result.fix?.en ?? '', /`matrix\.example\.org\. A <this machine's public IPv4>`/);
});

test('DNS: lookup failure and missing lookup', () => {
  const failed = check(run({ dns: { ...healthyFacts().dns, 'example.org': { name: 'example.org', ipv4: [], ipv6: [], error: 'no answer within 4 s' } } }), 'dns:example.org');
  assert.equal(failed.status, 'warn');
  assert.match(failed.detail.en, /lookup failed \(no answer within 4 s\)/);
  const missing = check(run({ dns: {} }), 'dns:example.org');
  assert.equal(missing.status, 'warn');
});

test('DNS: an IP address as a host needs no record', () => {
  const result = check(run({}, { synapse_host: '203.0.113.7' }), 'dns:203.0.113.7');
  assert.equal(result.status, 'pass');
});

test('clock: implausible fails, unsynchronised warns, unknown passes', () => {
  const epoch = check(run({ clock: { now: 0 } }), 'clock');
  assert.equal(epoch.status, 'fail');
  assert.match(epoch.detail.en, /1970-01-01 00:00:00 UTC/);
  assert.equal(check(run({ clock: { now: Date.UTC(2150, 0, 1) } }), 'clock').status, 'fail');
  const drifting = check(run({ clock: { now: NOW, ntpSynchronized: false } }), 'clock');
  assert.equal(drifting.status, 'warn');
  assert.match(drifting.fix?.en ?? '', /timedatectl set-ntp true/);
  const unknown = check(run({ clock: { now: NOW } }), 'clock');
  assert.equal(unknown.status, 'pass');
  assert.match(unknown.detail.en, /NTP status unknown/);
});

test('formatting of lines and of the failure message', () => {
  const results = run({ isRoot: false, memoryBytes: 1.5 * GiB });
  assert.equal(formatPreflightLine(check(results, 'systemd')).en, 'ok   systemd: systemd is the init system');
  assert.match(formatPreflightLine(check(results, 'memory')).en, /^warn Memory: 1\.5 GiB of RAM: .* -> 2 GiB or more/);
  assert.match(formatPreflightLine(check(results, 'root')).en, /^FAIL Root: not running as root/);
  const { message, hint } = describeFailures(results.filter((r) => r.status === 'fail'));
  assert.match(message.en, /^This machine is not ready \(1 problem\):\n  - Root: not running as root/);
  assert.match(hint.en, /sudo npx matrix-setup[\s\S]*nothing was changed/);
  assert.deepEqual([formatBytes(3 * 1024 ** 2), formatBytes(512 * 1024 ** 2), formatBytes(41.2 * GiB), formatBytes(3.8 * GiB)].map((s) => s.en), ['3.0 MiB', '512 MiB', '41.2 GiB', '3.8 GiB']);
});
