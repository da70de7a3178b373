// `matrix-setup verify` against a local HTTPS stand-in for nginx + Synapse (127.0.0.1, a
// throwaway CA): the good setup passes every check, and each broken setup self-hosters end
// up with is caught by exactly the check meant for it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Writable } from 'node:stream';
import { verifyCommand } from '../../src/cli/commands/verify.js';
import { readCaFile } from '../../src/cli/commands/verify-cli.js';
import { runVerify, type CheckResult, type VerifyOptions, type VerifyResolver } from '../../src/verify/index.js';
import type { LocalProbes } from '../../src/verify/local-probes.js';
import { startHomeserverFixture, type FixtureFaults, type HomeserverFixture } from '../fixtures/verify/homeserver-fixture.js';
import { makeTestCertificates, type TestCertificates } from '../fixtures/verify/test-ca.js';
import { testAnswers } from '../helpers/answers.js';

const SERVER_NAME = 'example.test';
const SYNAPSE_HOST = 'matrix.example.test';

let certs: TestCertificates;
let fixture: HomeserverFixture;
let closedPort: number;

const resolver: VerifyResolver = {
  resolve4: async (name) => {
    if (name === SERVER_NAME || name === SYNAPSE_HOST) return ['127.0.0.1'];
    throw Object.assign(new Error('no such name'), { code: 'ENOTFOUND' });
  },
  resolve6: async () => {
    throw Object.assign(new Error('no data'), { code: 'ENODATA' });
  },
  resolveSrv: async () => {
    throw Object.assign(new Error('no data'), { code: 'ENODATA' });
  },
};

const healthyMachine: LocalProbes = {
  serviceState: async () => 'active',
  database: async () => ({ collate: 'C', ctype: 'C', serverVersion: '15.8' }),
  freeSpace: async () => ({ path: '/var/lib/matrix-synapse/media', freeBytes: 40 * 1024 ** 3, totalBytes: 80 * 1024 ** 3 }),
  renewal: async () => ({ timers: [{ unit: 'certbot.timer', state: 'active' }], hooks: ['/etc/letsencrypt/renewal-hooks/deploy/reload-nginx'] }),
};

function freePortThatRefuses(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function options(): VerifyOptions {
  const here = { host: '127.0.0.1', port: fixture.port };
  return {
    serverName: SERVER_NAME,
    synapseHost: SYNAPSE_HOST,
    federation: true,
    maxUploadSize: 50 * 1024 * 1024,
    expectDelegation: true,
    tlsMode: 'letsencrypt',
    connectTo: {
      [`${SERVER_NAME}:443`]: here,
      [`${SYNAPSE_HOST}:443`]: here,
      // Where federation falls back without delegation: nothing listens there.
      [`${SERVER_NAME}:8448`]: { host: '127.0.0.1', port: closedPort },
    },
    resolver,
    ca: certs.caPem,
    machineAddresses: ['127.0.0.1'],
    probes: healthyMachine,
    timeoutMs: 5000,
    bodyLimitWaitMs: 700,
  };
}

async function verifyWith(faults: FixtureFaults): Promise<CheckResult[]> {
  for (const key of Object.keys(fixture.faults) as Array<keyof FixtureFaults>) delete fixture.faults[key];
  Object.assign(fixture.faults, faults);
  return runVerify(options());
}

function failing(results: CheckResult[]): string[] {
  return results.filter((r) => r.status === 'fail').map((r) => r.id).sort();
}

function byId(results: CheckResult[], id: string): CheckResult {
  const found = results.find((r) => r.id === id);
  assert.ok(found, `no check ${id}`);
  return found;
}

before(async () => {
  certs = makeTestCertificates([SYNAPSE_HOST, SERVER_NAME]);
  fixture = await startHomeserverFixture(certs, { serverName: SERVER_NAME, synapseHost: SYNAPSE_HOST });
  closedPort = await freePortThatRefuses();
});

after(async () => {
  await fixture?.close();
});

test('a good homeserver passes every check', async () => {
  const results = await verifyWith({});
  const notPassing = results.filter((r) => r.status !== 'pass');
  assert.deepEqual(notPassing, [], JSON.stringify(notPassing, null, 2));
  const ids = results.map((r) => r.id);
  for (const id of [
    'dns.server-name', 'dns.synapse-host',
    'delegation.tls', 'delegation.server', 'delegation.client', 'delegation.client-cors', 'delegation.srv',
    'client-api.versions', 'client-api.tls',
    'federation.discovery', 'federation.tls', 'federation.version', 'federation.key-server-name', 'federation.key-valid-until', 'federation.key-signatures',
    'proxy.encoded-path', 'proxy.upload-1mb', 'proxy.upload-max',
    'local.synapse-service', 'local.postgres', 'local.media-disk', 'local.cert-renewal',
  ]) {
    assert.ok(ids.includes(id), `missing check ${id}`);
  }
  assert.match(byId(results, 'federation.discovery').evidence, /well-known\/matrix\/server → matrix\.example\.test:443/);
  assert.match(byId(results, 'federation.key-signatures').evidence, /1 signature\(s\) verified with ed25519:a_fixture/);
  assert.match(byId(results, 'client-api.tls').evidence, /expires in (89|90) days/);
  // The probes really went through the fixture, with the Host headers remote servers send.
  assert.ok(fixture.seen.includes('matrix.example.test GET /_matrix/key/v2/server'));
  assert.ok(fixture.seen.includes('matrix.example.test GET /_matrix/client/v3/directory/room/%23verify%2Fcheck%3Aexample.test'));
});

test('wrong server name in the key response: caught by federation.key-server-name', async () => {
  const results = await verifyWith({ wrongServerName: true });
  assert.deepEqual(failing(results), ['federation.key-server-name']);
  assert.match(byId(results, 'federation.key-server-name').evidence, /"other\.example\.test", not example\.test/);
});

test('expired key response: caught by federation.key-valid-until', async () => {
  const results = await verifyWith({ expiredKey: true });
  assert.deepEqual(failing(results), ['federation.key-valid-until']);
  assert.match(byId(results, 'federation.key-valid-until').evidence, /in the past/);
});

test('bad signature on the key response: caught by federation.key-signatures', async () => {
  const results = await verifyWith({ badSignature: true });
  assert.deepEqual(failing(results), ['federation.key-signatures']);
  assert.match(byId(results, 'federation.key-signatures').evidence, /ed25519:a_fixture: the signature does not match/);
});

test('missing CORS header on the client well-known: caught by delegation.client-cors', async () => {
  const results = await verifyWith({ missingCors: true });
  assert.deepEqual(failing(results), ['delegation.client-cors']);
  assert.match(byId(results, 'delegation.client-cors').fix!, /Access-Control-Allow-Origin/);
});

test('proxy_pass with a URI (decoded path): caught by proxy.encoded-path', async () => {
  const results = await verifyWith({ proxyPathRewrite: true });
  assert.deepEqual(failing(results), ['proxy.encoded-path']);
  const check = byId(results, 'proxy.encoded-path');
  assert.match(check.evidence, /M_UNRECOGNIZED/);
  assert.match(check.fix!, /proxy_pass http:\/\/127\.0\.0\.1:8008;/);
});

test("nginx's default 1 MB body limit: caught by proxy.upload-1mb and proxy.upload-max", async () => {
  const results = await verifyWith({ bodyLimit1M: true });
  assert.deepEqual(failing(results), ['proxy.upload-1mb', 'proxy.upload-max']);
  assert.match(byId(results, 'proxy.upload-1mb').evidence, /HTTP 413 from the proxy/);
  assert.match(byId(results, 'proxy.upload-1mb').fix!, /client_max_body_size 50M;/);
});

test('invalid JSON in the server well-known: caught by delegation.server; federation falls back to 8448, fails there, and the rest points at that', async () => {
  const results = await verifyWith({ invalidWellKnownJson: true });
  assert.deepEqual(failing(results), ['delegation.server', 'federation.tls']);
  assert.match(byId(results, 'delegation.server').evidence, /not valid JSON/);
  assert.match(byId(results, 'federation.discovery').evidence, /not used \(not valid JSON\).*example\.test:8448/);
  assert.match(byId(results, 'federation.tls').evidence, /connection refused/);
  assert.match(byId(results, 'federation.tls').fix!, /Open port 8448/);
  for (const id of ['federation.version', 'federation.key-server-name', 'federation.key-valid-until', 'federation.key-signatures']) {
    const check = byId(results, id);
    assert.equal(check.status, 'skip', id);
    assert.equal(check.blockedBy, 'federation.tls', id);
    assert.match(check.evidence, /^skipped: example\.test:8448 cannot be reached .*; see federation\.tls$/, id);
    assert.equal(check.fix, undefined, `${id} sends nobody after another problem`);
  }
});

test('a certificate from a CA nobody trusts fails the TLS checks; every check that needs them is skipped and names them', async () => {
  for (const key of Object.keys(fixture.faults) as Array<keyof FixtureFaults>) delete fixture.faults[key];
  const results = await runVerify({ ...options(), ca: undefined });
  // server_name (example.test) and the Synapse host each have their certificate check; federation goes to the Synapse host.
  assert.deepEqual(failing(results), ['client-api.tls', 'delegation.tls']);
  for (const id of ['client-api.tls', 'delegation.tls']) {
    assert.match(byId(results, id).evidence, /self-signed|not trusted|incomplete/);
    assert.match(byId(results, id).fix!, /full chain.*matrix-setup verify --ca FILE/);
  }
  const expected: Record<string, string> = {
    'delegation.server': 'delegation.tls',
    'delegation.client': 'delegation.tls',
    'delegation.client-cors': 'delegation.tls',
    'client-api.versions': 'client-api.tls',
    'proxy.encoded-path': 'client-api.tls',
    'proxy.upload-1mb': 'client-api.tls',
    'proxy.upload-max': 'client-api.tls',
    'federation.discovery': 'delegation.tls',
    'federation.version': 'delegation.tls',
    'federation.key-signatures': 'delegation.tls',
  };
  for (const [id, blocker] of Object.entries(expected)) {
    const check = byId(results, id);
    assert.equal(check.status, 'skip', `${id}: ${check.evidence}`);
    assert.equal(check.blockedBy, blocker, id);
    assert.match(check.evidence, new RegExp(`^skipped: the certificate of \\S+ is not accepted .*; see ${blocker.replace('.', '\\.')}$`), id);
  }
  // Nothing sends the user after an unrelated problem (ports, the well-known files).
  assert.deepEqual(results.filter((r) => /8448|well-known/.test(r.fix ?? '')).map((r) => r.id), []);

  // The same CA given to verify as a file (what --ca FILE does): everything passes again.
  const dir = mkdtempSync(join(tmpdir(), 'verify-ca-'));
  try {
    writeFileSync(join(dir, 'ca.pem'), certs.caPem);
    const trusted = await runVerify({ ...options(), ca: readCaFile(join(dir, 'ca.pem')) });
    assert.deepEqual(trusted.filter((r) => r.status !== 'pass'), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('verify command: exit 0 and JSON for the good server, exit 1 and the failing check for a broken one', async () => {
  const answers = testAnswers({ server_name: SERVER_NAME, synapse_host: SYNAPSE_HOST, element: { enabled: false } });
  const run = async (faults: FixtureFaults, json: boolean) => {
    for (const key of Object.keys(fixture.faults) as Array<keyof FixtureFaults>) delete fixture.faults[key];
    Object.assign(fixture.faults, faults);
    let out = '';
    const stdout = new Writable({ write: (chunk, _enc, done) => ((out += String(chunk)), done()) });
    const { serverName: _s, synapseHost: _h, ...overrides } = options();
    const code = await verifyCommand({ json, answers, stdout, overrides });
    return { code, out };
  };
  const good = await run({}, true);
  assert.equal(good.code, 0);
  const report = JSON.parse(good.out);
  assert.equal(report.ok, true);
  assert.equal(report.summary.fail, 0);
  assert.equal(report.serverName, SERVER_NAME);
  assert.ok(report.checks.length >= 21);

  const broken = await run({ badSignature: true }, false);
  assert.equal(broken.code, 1);
  assert.match(broken.out, /(✗|XX) Signing keys: ed25519 signatures: ed25519:a_fixture: the signature does not match/);
  assert.match(broken.out, /1 failed/);
});
