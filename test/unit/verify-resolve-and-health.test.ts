// Server discovery order (server-server spec, "Resolving server names"), local health
// verdicts from faked probes, and the text report's marks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createContext } from '../../src/verify/context.js';
import { localHealthChecks } from '../../src/verify/local-health.js';
import type { LocalProbes } from '../../src/verify/local-probes.js';
import { renderText } from '../../src/verify/report.js';
import { resolveFederationEndpoint, type ResolveDeps } from '../../src/verify/resolve-server.js';
import type { CheckResult, SrvRecord, VerifyOptions } from '../../src/verify/types.js';

function deps(wellKnown: string | undefined, srv: Record<string, SrvRecord[]> = {}): ResolveDeps & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    wellKnown: async () => (wellKnown ? { mServer: wellKnown } : { problem: 'HTTP 404' }),
    resolveSrv: async (name) => {
      asked.push(name);
      return srv[name] ?? [];
    },
  };
}

test('discovery: IP literals and explicit ports need no lookups', async () => {
  const d = deps('never.example');
  assert.deepEqual(pick(await resolveFederationEndpoint('1.2.3.4', d)), ['1.2.3.4', 8448, '1.2.3.4', '1.2.3.4']);
  assert.deepEqual(pick(await resolveFederationEndpoint('[2001:db8::1]:8000', d)), ['2001:db8::1', 8000, '2001:db8::1', '[2001:db8::1]:8000']);
  assert.deepEqual(pick(await resolveFederationEndpoint('example.org:8443', d)), ['example.org', 8443, 'example.org', 'example.org:8443']);
  assert.deepEqual(d.asked, []);
});

test('discovery: well-known with a port, without a port (SRV, legacy SRV, 8448)', async () => {
  assert.deepEqual(pick(await resolveFederationEndpoint('example.org', deps('matrix.example.org:443'))), ['matrix.example.org', 443, 'matrix.example.org', 'matrix.example.org:443']);
  const srv = { '_matrix-fed._tcp.matrix.example.org': [{ name: 'fed.example.net', port: 9000, priority: 10, weight: 0 }, { name: 'low.example.net', port: 1, priority: 20, weight: 0 }] };
  assert.deepEqual(pick(await resolveFederationEndpoint('example.org', deps('matrix.example.org', srv))), ['fed.example.net', 9000, 'matrix.example.org', 'matrix.example.org']);
  const legacy = deps('matrix.example.org', { '_matrix._tcp.matrix.example.org': [{ name: 'old.example.net', port: 8009, priority: 0, weight: 0 }] });
  const viaLegacy = await resolveFederationEndpoint('example.org', legacy);
  assert.deepEqual(pick(viaLegacy), ['old.example.net', 8009, 'matrix.example.org', 'matrix.example.org']);
  assert.deepEqual(legacy.asked, ['_matrix-fed._tcp.matrix.example.org', '_matrix._tcp.matrix.example.org']);
  assert.ok('trail' in viaLegacy && viaLegacy.trail.some((line) => /deprecated/.test(line)));
  assert.deepEqual(pick(await resolveFederationEndpoint('example.org', deps('matrix.example.org'))), ['matrix.example.org', 8448, 'matrix.example.org', 'matrix.example.org']);
});

test('discovery: without a well-known file, SRV of the server name, then 8448', async () => {
  const d = deps(undefined, { '_matrix-fed._tcp.example.org': [{ name: 'matrix.example.org', port: 443, priority: 0, weight: 5 }] });
  assert.deepEqual(pick(await resolveFederationEndpoint('example.org', d)), ['matrix.example.org', 443, 'example.org', 'example.org']);
  assert.deepEqual(pick(await resolveFederationEndpoint('example.org', deps(undefined))), ['example.org', 8448, 'example.org', 'example.org']);
  const bad = await resolveFederationEndpoint('example.org', deps('not a name!'));
  assert.ok('error' in bad && /not a valid server name/.test(bad.error));
});

function pick(endpoint: Awaited<ReturnType<typeof resolveFederationEndpoint>>): unknown[] {
  if ('error' in endpoint) return [endpoint.error];
  return [endpoint.host, endpoint.port, endpoint.tlsName, endpoint.hostHeader];
}

const OPTIONS: VerifyOptions = { serverName: 'example.org', synapseHost: 'matrix.example.org', federation: true, maxUploadSize: 50 * 1024 * 1024, tlsMode: 'letsencrypt' };
const GOOD: LocalProbes = {
  serviceState: async () => 'active',
  database: async () => ({ collate: 'C', ctype: 'C', serverVersion: '16.4' }),
  freeSpace: async () => ({ path: '/var/lib/matrix-synapse/media', freeBytes: 30 * 1024 ** 3, totalBytes: 60 * 1024 ** 3 }),
  renewal: async () => ({ timers: [{ unit: 'certbot.timer', state: 'active' }], hooks: ['/etc/letsencrypt/renewal-hooks/deploy/reload-nginx'] }),
};

async function health(probes: Partial<LocalProbes>, options: Partial<VerifyOptions> = {}): Promise<Record<string, CheckResult>> {
  const context = createContext({ ...OPTIONS, ...options }, { timeoutMs: 1000 });
  const results = await localHealthChecks(context, { ...GOOD, ...probes });
  return Object.fromEntries(results.map((r) => [r.id, r]));
}

test('local health: a healthy machine passes', async () => {
  const results = await health({});
  assert.deepEqual(Object.values(results).map((r) => r.status), ['pass', 'pass', 'pass', 'pass']);
});

test('local health: each problem is caught by its check, with a fix', async () => {
  const failed = await health({ serviceState: async () => 'failed' });
  assert.equal(failed['local.synapse-service'].status, 'fail');
  assert.match(failed['local.synapse-service'].fix!, /journalctl -u matrix-synapse/);

  const locale = await health({ database: async () => ({ collate: 'en_US.UTF-8', ctype: 'en_US.UTF-8', serverVersion: '15.1' }) });
  assert.equal(locale['local.postgres'].status, 'fail');
  assert.match(locale['local.postgres'].evidence, /LC_COLLATE en_US\.UTF-8/);

  const unreachable = await health({ database: async () => Promise.reject(Object.assign(new Error('Nothing accepts connections at 127.0.0.1:5432'), { hint: 'Is PostgreSQL running?' })) });
  assert.equal(unreachable['local.postgres'].status, 'fail');
  assert.equal(unreachable['local.postgres'].fix, 'Is PostgreSQL running?');

  const full = await health({ freeSpace: async () => ({ path: '/var/lib', freeBytes: 80 * 1024 ** 2, totalBytes: 10 * 1024 ** 3 }) });
  assert.equal(full['local.media-disk'].status, 'fail');
  const low = await health({ freeSpace: async () => ({ path: '/var/lib', freeBytes: 3 * 1024 ** 3, totalBytes: 10 * 1024 ** 3 }) });
  assert.equal(low['local.media-disk'].status, 'warn');

  const noTimer = await health({ renewal: async () => ({ timers: [{ unit: 'certbot.timer', state: 'inactive' }], hooks: [] }) });
  assert.equal(noTimer['local.cert-renewal'].status, 'fail');
  assert.match(noTimer['local.cert-renewal'].fix!, /systemctl enable --now certbot\.timer/);
  const noHook = await health({ renewal: async () => ({ timers: [{ unit: 'certbot.timer', state: 'active' }], hooks: [] }) });
  assert.equal(noHook['local.cert-renewal'].status, 'warn');
  const existing = await health({}, { tlsMode: 'existing' });
  assert.equal(existing['local.cert-renewal'].status, 'skip');
});

test('report: marks, fixes only for non-passing checks, ASCII fallback, summary', () => {
  const results: CheckResult[] = [
    { id: 'dns.server-name', group: 'dns', label: 'DNS of example.org', status: 'pass', evidence: 'A 192.0.2.1' },
    { id: 'proxy.upload-1mb', group: 'proxy', label: 'Upload', status: 'fail', evidence: 'HTTP 413', fix: 'client_max_body_size 50M;' },
    { id: 'local.media-disk', group: 'local', label: 'Disk', status: 'warn', evidence: '3 GiB', fix: 'free space' },
  ];
  const unicode = renderText(results, 'Checking example.org', { unicode: true, color: false });
  assert.match(unicode, /✓ DNS of example\.org: A 192\.0\.2\.1/);
  assert.match(unicode, /✗ Upload: HTTP 413\n {6}→ client_max_body_size 50M;/);
  assert.match(unicode, /1 passed, 1 warning\(s\), 1 failed, 0 skipped\./);
  const ascii = renderText(results, 'Checking example.org', { unicode: false, color: false });
  assert.doesNotMatch(ascii, /[✓✗→]/);
  assert.match(ascii, /XX Upload: HTTP 413\n {6}-> client_max_body_size/);
  assert.match(ascii, /!! Disk/);
});
