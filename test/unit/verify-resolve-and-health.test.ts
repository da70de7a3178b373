// Server discovery order (server-server spec, "Resolving server names"), local health
// verdicts from faked probes, and the text report's marks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createContext } from '../../src/verify/context.js';
import { localHealthChecks } from '../../src/verify/local-health.js';
import type { LocalProbes } from '../../src/verify/local-probes.js';
import { renderJson, renderText } from '../../src/verify/report.js';
import { StepError } from '../../src/errors.js';
import { resolveFederationEndpoint, type ResolveDeps } from '../../src/verify/resolve-server.js';
import type { CheckResult, SrvRecord, VerifyOptions } from '../../src/verify/types.js';
import { verbatim } from '../../src/i18n/index.js';

function deps(wellKnown: string | undefined, srv: Record<string, SrvRecord[]> = {}): ResolveDeps & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    wellKnown: async () => (wellKnown ? { mServer: wellKnown } : { problem: verbatim('HTTP 404') }),
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
  assert.ok('trail' in viaLegacy && viaLegacy.trail.some((line) => /deprecated/.test(line.en)));
  assert.deepEqual(pick(await resolveFederationEndpoint('example.org', deps('matrix.example.org'))), ['matrix.example.org', 8448, 'matrix.example.org', 'matrix.example.org']);
});

test('discovery: without a well-known file, SRV of the server name, then 8448', async () => {
  const d = deps(undefined, { '_matrix-fed._tcp.example.org': [{ name: 'matrix.example.org', port: 443, priority: 0, weight: 5 }] });
  assert.deepEqual(pick(await resolveFederationEndpoint('example.org', d)), ['matrix.example.org', 443, 'example.org', 'example.org']);
  assert.deepEqual(pick(await resolveFederationEndpoint('example.org', deps(undefined))), ['example.org', 8448, 'example.org', 'example.org']);
  const bad = await resolveFederationEndpoint('example.org', deps('not a name!'));
  assert.ok('error' in bad && /not a valid server name/.test(bad.error.en));
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
  assert.match(failed['local.synapse-service'].fix!.en, /journalctl -u matrix-synapse/);

  const locale = await health({ database: async () => ({ collate: 'en_US.UTF-8', ctype: 'en_US.UTF-8', serverVersion: '15.1' }) });
  assert.equal(locale['local.postgres'].status, 'fail');
  assert.match(locale['local.postgres'].evidence.en, /LC_COLLATE en_US\.UTF-8/);

  const unreachable = await health({ database: async () => Promise.reject(new StepError(verbatim('Nothing accepts connections at 127.0.0.1:5432'), { hint: verbatim('Is PostgreSQL running?') })) });
  assert.equal(unreachable['local.postgres'].status, 'fail');
  assert.equal(unreachable['local.postgres'].fix?.en, 'Is PostgreSQL running?');

  const full = await health({ freeSpace: async () => ({ path: '/var/lib', freeBytes: 80 * 1024 ** 2, totalBytes: 10 * 1024 ** 3 }) });
  assert.equal(full['local.media-disk'].status, 'fail');
  const low = await health({ freeSpace: async () => ({ path: '/var/lib', freeBytes: 3 * 1024 ** 3, totalBytes: 10 * 1024 ** 3 }) });
  assert.equal(low['local.media-disk'].status, 'warn');

  const noTimer = await health({ renewal: async () => ({ timers: [{ unit: 'certbot.timer', state: 'inactive' }], hooks: [] }) });
  assert.equal(noTimer['local.cert-renewal'].status, 'fail');
  assert.match(noTimer['local.cert-renewal'].fix!.en, /systemctl enable --now certbot\.timer/);
  const noHook = await health({ renewal: async () => ({ timers: [{ unit: 'certbot.timer', state: 'active' }], hooks: [] }) });
  assert.equal(noHook['local.cert-renewal'].status, 'warn');
  const existing = await health({}, { tlsMode: 'existing' });
  assert.equal(existing['local.cert-renewal'].status, 'skip');
});

test('report: marks, fixes only for non-passing checks, ASCII fallback, summary', () => {
  const results: CheckResult[] = [
    { id: 'dns.server-name', group: 'dns', label: verbatim('DNS of example.org'), status: 'pass', evidence: verbatim('A 192.0.2.1') },
    { id: 'proxy.upload-1mb', group: 'proxy', label: verbatim('Upload'), status: 'fail', evidence: verbatim('HTTP 413'), fix: verbatim('client_max_body_size 50M;') },
    { id: 'local.media-disk', group: 'local', label: verbatim('Disk'), status: 'warn', evidence: verbatim('3 GiB'), fix: verbatim('free space') },
  ];
  const unicode = renderText(results, verbatim('Checking example.org'), { unicode: true, color: false, lang: 'en' });
  assert.match(unicode, /✓ DNS of example\.org: A 192\.0\.2\.1/);
  assert.match(unicode, /✗ Upload: HTTP 413\n {6}→ client_max_body_size 50M;/);
  assert.match(unicode, /1 passed, 1 warning\(s\), 1 failed, 0 skipped\./);
  const ascii = renderText(results, verbatim('Checking example.org'), { unicode: false, color: false, lang: 'en' });
  assert.doesNotMatch(ascii, /[✓✗→]/);
  assert.match(ascii, /XX Upload: HTTP 413\n {6}-> client_max_body_size/);
  assert.match(ascii, /!! Disk/);
});

test('report in Russian: the same checks, marks and ids; labels, evidence, fixes and the summary in Russian', async () => {
  const results = Object.values(await health({ serviceState: async () => 'failed', renewal: async () => ({ timers: [{ unit: 'certbot.timer', state: 'active' }], hooks: [] }) }));
  const text = renderText(results, verbatim('Проверка example.org'), { unicode: true, color: false, lang: 'ru' });
  assert.match(text, /^Эта машина$/m);
  assert.match(text, /✗ Служба Synapse \(matrix-synapse\): failed\n {6}→ Посмотрите причину: journalctl -u matrix-synapse/);
  assert.match(text, /✓ Место на диске для медиафайлов: свободно 30,0 ГиБ из 60,0 ГиБ на \/var\/lib\/matrix-synapse\/media/);
  assert.match(text, /! Обновление сертификата запланировано: certbot\.timer активен; нет deploy-хука: после обновления nginx продолжит отдавать старый сертификат/);
  assert.match(text, /Пройдено: 2, предупреждений: 1, не пройдено: 1, пропущено: 0\.\nИсправьте ошибки выше и снова запустите `matrix-setup verify`\.\n$/);
  assert.doesNotMatch(text, /[A-Za-z]{4,} (is|are|the|of|for) /, 'no English sentence left');
});

test('verify --json: the same document in both languages but for label, evidence and fix', async () => {
  const results = Object.values(await health({ serviceState: async () => 'failed' }));
  const meta = { serverName: 'example.org', synapseHost: 'matrix.example.org', checkedAt: '2026-03-04T05:06:07.000Z' };
  const en = JSON.parse(renderJson(results, meta, 'en'));
  const ru = JSON.parse(renderJson(results, meta, 'ru'));
  const HUMAN = ['label', 'evidence', 'fix'];
  const withoutHuman = (report: { checks: Array<Record<string, unknown>> }) => ({
    ...report,
    checks: report.checks.map((check) => Object.fromEntries(Object.entries(check).filter(([key]) => !HUMAN.includes(key)))),
  });
  assert.deepEqual(withoutHuman(ru), withoutHuman(en));
  assert.deepEqual(ru.checks.map((c: object) => Object.keys(c)), en.checks.map((c: object) => Object.keys(c)), 'the same keys, in the same order');
  assert.equal(en.checks[0].label, 'Synapse service (matrix-synapse)');
  assert.equal(ru.checks[0].label, 'Служба Synapse (matrix-synapse)');
  assert.match(ru.checks[0].fix, /^Посмотрите причину/);
});
