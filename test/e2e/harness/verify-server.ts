import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import { checkEd25519Signatures } from '../../../src/verify/signatures.js';
import { STEPS } from '../../../steps/index.js';
import { ELEMENT_HOST, SERVER_NAME } from './answers.js';
import { chainProblems } from './certificates.js';
import { httpsRequest, type HttpsResponse } from './client.js';
import type { Container } from './container.js';
import { runMatrixSetup, shown } from './installer.js';

const REGISTERED = new Set(STEPS.map((step) => step.id));

/** Steps not registered in steps/index.ts yet, among `ids`. */
export function missingSteps(ids: string[]): string[] {
  return ids.filter((id) => !REGISTERED.has(id));
}

/**
 * What each check needs: while a needed step is not registered yet the check is reported as a
 * todo (it still runs, so its output shows what is there); once the steps exist it must pass.
 */
const SERVING = ['synapse-install', 'synapse-config', 'synapse-service', 'tls-certificate', 'nginx-https'];
const NEEDS = {
  client: SERVING,
  federation: SERVING,
  wellKnown: SERVING,
  login: [...SERVING, 'synapse-admin'],
  element: ['element-web', 'tls-certificate', 'nginx-https'],
};

export interface ServerFacts {
  /** Pebble's issuing root: the only CA the checks trust. */
  rootPem: string;
  adminPassword?: string;
  /** Element Web was installed (default true); a scenario without it skips that check. */
  element?: boolean;
}

async function check(t: TestContext, name: string, needs: string[], body: () => Promise<void>): Promise<void> {
  const missing = missingSteps(needs);
  const todo = missing.length > 0 ? `not registered in steps/index.ts yet: ${missing.join(', ')}` : undefined;
  await t.test(name, todo ? { todo } : {}, body);
}

function expectJson(response: HttpsResponse, what: string): Record<string, unknown> {
  assert.equal(response.status, 200, `${what}: HTTP ${response.status} ${response.text.slice(0, 300)}`);
  return response.json();
}

/** The admin password from the installer's 0600 secrets file (it is generated). */
export function adminPasswordFrom(container: Container): string | undefined {
  try {
    return /^admin_password: (\S+)$/m.exec(container.readFile('/var/lib/matrix-setup/secrets.yaml'))?.[1];
  } catch {
    return undefined;
  }
}

/**
 * The server checked as a Matrix client and another homeserver would, over nginx with TLS that
 * chains to Pebble's root, plus `matrix-setup status`. Each check is a subtest.
 */
export async function verifyServer(t: TestContext, container: Container, facts: ServerFacts): Promise<void> {
  const ca = facts.rootPem;
  const get = (host: string, path: string, port = 443) => httpsRequest({ host, port, path, ca });

  await check(t, 'client API: /_matrix/client/versions over TLS', NEEDS.client, async () => {
    const response = await get(SERVER_NAME, '/_matrix/client/versions');
    const body = expectJson(response, 'client versions');
    assert.ok(Array.isArray(body.versions) && body.versions.length > 0, `no versions: ${response.text}`);
    assert.deepEqual(chainProblems(response.chainPem, ca, SERVER_NAME), []);
  });

  // Where other servers find federation: /.well-known/matrix/server's m.server if served, else 8448.
  let federationPort = 8448;
  await check(t, 'federation: version and signed server keys (8448 or the delegated port)', NEEDS.federation, async () => {
    const wellKnown = await get(SERVER_NAME, '/.well-known/matrix/server');
    if (wellKnown.status === 200) {
      const server = String(wellKnown.json()['m.server'] ?? '');
      const m = /^([^:]+)(?::(\d+))?$/.exec(server);
      assert.ok(m && m[1] === SERVER_NAME, `/.well-known/matrix/server names ${server}, expected ${SERVER_NAME}[:port]`);
      federationPort = m[2] ? Number(m[2]) : 8448;
    }
    const version = expectJson(await get(SERVER_NAME, '/_matrix/federation/v1/version', federationPort), 'federation version');
    assert.equal((version.server as Record<string, unknown>)?.name, 'Synapse', JSON.stringify(version));

    const keysResponse = await get(SERVER_NAME, '/_matrix/key/v2/server', federationPort);
    assert.deepEqual(chainProblems(keysResponse.chainPem, ca, SERVER_NAME), []);
    const keys = expectJson(keysResponse, 'server keys');
    assert.equal(keys.server_name, SERVER_NAME);
    assert.ok(Number(keys.valid_until_ts) > Date.now(), `valid_until_ts ${String(keys.valid_until_ts)} is not in the future`);
    const verifyKeys = keys.verify_keys as Record<string, { key: string }>;
    const published = Object.fromEntries(Object.entries(verifyKeys ?? {}).map(([id, value]) => [id, value.key]));
    assert.ok(Object.keys(published).some((id) => id.startsWith('ed25519:')), `no ed25519 key: ${keysResponse.text}`);
    const signatures = checkEd25519Signatures(keys, SERVER_NAME, published);
    assert.ok(signatures.length > 0, `no ed25519 signature by ${SERVER_NAME}: ${keysResponse.text}`);
    assert.deepEqual(signatures.filter((s) => !s.ok), [], 'every ed25519 signature verifies');
    // The same check must fail on a tampered document.
    const tampered = checkEd25519Signatures({ ...keys, valid_until_ts: Number(keys.valid_until_ts) + 1 }, SERVER_NAME, published);
    assert.ok(tampered.every((s) => !s.ok), 'a changed document still verified');
  });

  await check(t, '.well-known/matrix/client names the homeserver', NEEDS.wellKnown, async () => {
    const response = await get(SERVER_NAME, '/.well-known/matrix/client');
    const body = expectJson(response, '/.well-known/matrix/client');
    const homeserver = body['m.homeserver'] as Record<string, unknown> | undefined;
    assert.equal(String(homeserver?.base_url ?? '').replace(/\/$/, ''), `https://${SERVER_NAME}`);
    assert.equal(response.headers['access-control-allow-origin'], '*');
  });

  await check(t, 'admin logs in, creates a room, sends and reads a message, uploads 2 MB', NEEDS.login, async () => {
    assert.ok(facts.adminPassword, 'no admin password in /var/lib/matrix-setup/secrets.yaml');
    const post = (path: string, body: unknown, accessToken?: string, method = 'POST') =>
      httpsRequest({ host: SERVER_NAME, path, ca, method, accessToken, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const login = expectJson(
      await post('/_matrix/client/v3/login', { type: 'm.login.password', identifier: { type: 'm.id.user', user: 'admin' }, password: facts.adminPassword }),
      'login',
    );
    assert.equal(login.user_id, `@admin:${SERVER_NAME}`);
    const token = String(login.access_token);

    const room = expectJson(await post('/_matrix/client/v3/createRoom', { name: 'e2e', preset: 'private_chat' }, token), 'createRoom');
    const roomId = encodeURIComponent(String(room.room_id));
    const text = `hello from the end-to-end test ${randomBytes(4).toString('hex')}`;
    const sent = expectJson(
      await post(`/_matrix/client/v3/rooms/${roomId}/send/m.room.message/e2e-${Date.now()}`, { msgtype: 'm.text', body: text }, token, 'PUT'),
      'send',
    );
    const event = expectJson(
      await httpsRequest({ host: SERVER_NAME, ca, path: `/_matrix/client/v3/rooms/${roomId}/event/${encodeURIComponent(String(sent.event_id))}`, accessToken: token }),
      'read the event',
    );
    assert.equal((event.content as Record<string, unknown>)?.body, text);
    const messages = expectJson(
      await httpsRequest({ host: SERVER_NAME, ca, path: `/_matrix/client/v3/rooms/${roomId}/messages?dir=b&limit=20`, accessToken: token }),
      'messages',
    );
    const bodies = (messages.chunk as Array<{ content?: { body?: string } }>).map((e) => e.content?.body);
    assert.ok(bodies.includes(text), `the message is not in /messages: ${JSON.stringify(bodies)}`);

    // Larger than nginx's 1 MB default client_max_body_size.
    const file = randomBytes(2 * 1024 * 1024 + 123);
    const upload = await httpsRequest({
      host: SERVER_NAME, ca, method: 'POST', path: '/_matrix/media/v3/upload?filename=e2e.bin', accessToken: token,
      headers: { 'content-type': 'application/octet-stream' }, body: file, timeoutMs: 120_000,
    });
    const uri = String(expectJson(upload, 'upload 2 MB').content_uri);
    const m = /^mxc:\/\/([^/]+)\/(.+)$/.exec(uri);
    assert.ok(m, `not an mxc URI: ${uri}`);
    const download = await httpsRequest({ host: SERVER_NAME, ca, path: `/_matrix/client/v1/media/download/${m[1]}/${m[2]}`, accessToken: token, timeoutMs: 120_000 });
    assert.equal(download.status, 200, `download: HTTP ${download.status} ${download.text.slice(0, 200)}`);
    assert.equal(createHash('sha256').update(download.body).digest('hex'), createHash('sha256').update(file).digest('hex'));
  });

  if (facts.element === false) await t.test('Element Web: served, config.json points at the homeserver', { skip: 'Element Web is not installed in this scenario' }, () => {});
  else await check(t, "Element Web: served, config.json points at the homeserver", NEEDS.element, async () => {
    const index = await get(ELEMENT_HOST, '/');
    assert.equal(index.status, 200, `Element index: HTTP ${index.status}`);
    assert.match(index.text, /Element Web fixture/);
    assert.deepEqual(chainProblems(index.chainPem, ca, ELEMENT_HOST), []);
    const config = expectJson(await get(ELEMENT_HOST, '/config.json'), 'Element config.json');
    const server = (config.default_server_config as Record<string, Record<string, unknown>> | undefined)?.['m.homeserver'];
    assert.equal(String(server?.base_url ?? '').replace(/\/$/, ''), `https://${SERVER_NAME}`, JSON.stringify(config));
    assert.equal(server?.server_name, SERVER_NAME);
  });

  await t.test('matrix-setup status reports every step done', async () => {
    const result = await runMatrixSetup(container, ['status', '--json']);
    assert.equal(result.exitCode, 0, shown(result));
    const status = JSON.parse(result.stdout) as { status: string; steps: Array<{ id: string; status: string }> };
    assert.equal(status.status, 'done', result.stdout);
    const notDone = status.steps.filter((s) => s.status !== 'done' && s.status !== 'skipped');
    assert.deepEqual(notDone, [], result.stdout);
    assert.deepEqual(status.steps.map((s) => s.id), STEPS.map((s) => s.id));
    const plain = await runMatrixSetup(container, ['status']);
    assert.match(plain.stdout, /^Last run: done/m);
  });
}
