// The generated HTTPS configuration served by a real nginx (a private one on loopback high
// ports, the generated file with only its ports, upstream and certificate paths moved): an
// unknown name gets no TLS handshake, the vhosts send HSTS (not with a self-signed
// certificate) and no version, and no request reaches Synapse's admin API, however its path
// is encoded. A small HTTP server stands in for Synapse and records every path it is sent.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { request } from 'node:https';
import { connect } from 'node:tls';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Answers } from '../../src/answers/types.js';
import { edgeLayout, SYNAPSE_UPSTREAM } from '../../steps/edge/edge-layout.js';
import { nginxHttpsVhosts } from '../../steps/templates/nginx-https-vhosts.js';
import { testAnswers } from '../helpers/answers.js';
import { localContext, makeCertificate, nginxMissing, testNginx, type TestNginx } from './nginx-edge.js';

const missing = nginxMissing();
const HTTPS_PORT = 18443;
const FEDERATION_PORT = 18448;
const SELF_SIGNED_PORT = 18444;
const UPSTREAM_PORT = 18008;

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(port: number, host: string, path: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, servername: host, headers: { host }, rejectUnauthorized: false, timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end();
  });
}

/** Whether a TLS handshake with this SNI (none for an address) completes. */
function handshake(port: number, servername?: string): Promise<{ ok: boolean; detail: string }> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, servername, rejectUnauthorized: false, timeout: 5000 }, () => {
      const subject = socket.getPeerCertificate()?.subject?.CN ?? '';
      socket.end();
      resolve({ ok: true, detail: `certificate for ${subject}` });
    });
    socket.on('error', (error) => resolve({ ok: false, detail: error.message }));
    socket.on('timeout', () => {
      socket.destroy();
      resolve({ ok: false, detail: 'timeout' });
    });
  });
}

/** The generated file, moved to loopback ports, the stand-in upstream and the test certificate and Element root. */
function movedConfig(answers: Answers, ports: Record<number, number>, cert: { cert: string; key: string }, elementRoot: string): string {
  const layout = edgeLayout(answers);
  let text = nginxHttpsVhosts(layout)
    .replace(/\n\s*listen \[::\]:\d+ ssl( default_server)?;/g, '')
    .split(SYNAPSE_UPSTREAM).join(`http://127.0.0.1:${UPSTREAM_PORT}`)
    .split(layout.certificate.fullchain).join(cert.cert)
    .split(layout.certificate.privkey).join(cert.key)
    .split('/var/www/element/current').join(elementRoot);
  for (const [from, to] of Object.entries(ports)) text = text.replace(new RegExp(`listen ${from} ssl`, 'g'), `listen 127.0.0.1:${to} ssl`);
  return text;
}

describe('HTTPS as nginx serves the generated configuration', { skip: missing }, () => {
  let nginx: TestNginx;
  let upstream: Server;
  const seen: string[] = [];

  before(async () => {
    nginx = testNginx();
    const cert = makeCertificate(nginx.dir, ['matrix.example.org', 'element.example.org', 'example.org']);
    const elementRoot = join(nginx.dir, 'element');
    mkdirSync(elementRoot);
    writeFileSync(join(elementRoot, 'index.html'), '<title>Element</title>\n');
    const trusted = testAnswers({ server_name: 'matrix.example.org', synapse_host: 'matrix.example.org', tls: { mode: 'existing', cert_path: '/etc/ssl/a.pem', key_path: '/etc/ssl/k.pem' } });
    const selfSigned = testAnswers({ server_name: 'example.org', synapse_host: 'matrix.example.org', federation: false, tls: { mode: 'self-signed' }, element: { enabled: false } });
    writeFileSync(join(nginx.dir, 'etc/nginx/conf.d/trusted.conf'), movedConfig(trusted, { 443: HTTPS_PORT, 8448: FEDERATION_PORT }, cert, elementRoot));
    writeFileSync(join(nginx.dir, 'etc/nginx/conf.d/self-signed.conf'), movedConfig(selfSigned, { 443: SELF_SIGNED_PORT }, cert, elementRoot));

    upstream = createServer((req, res) => {
      seen.push(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ upstream: req.url }));
    });
    await new Promise<void>((resolve) => upstream.listen(UPSTREAM_PORT, '127.0.0.1', resolve));
    const ctx = localContext();
    const test = await ctx.exec.run(nginx.control.test, { probe: true, okExitCodes: [0, 1] });
    assert.equal(test.exitCode, 0, `${test.stderr}\n${readFileSync(join(nginx.dir, 'etc/nginx/conf.d/trusted.conf'), 'utf8')}`);
    await ctx.exec.run(nginx.control.start);
    for (let i = 0; i < 50 && !(await handshake(HTTPS_PORT, 'matrix.example.org')).ok; i++) await new Promise((r) => setTimeout(r, 100));
  });

  after(async () => {
    nginx?.remove();
    await new Promise((resolve) => upstream?.close(resolve));
  });

  it('refuses the TLS handshake for an unknown name and for no name, on 443 and 8448; the served names complete it', async () => {
    for (const port of [HTTPS_PORT, FEDERATION_PORT]) {
      for (const name of ['unknown.example.net', undefined]) {
        const result = await handshake(port, name);
        assert.equal(result.ok, false, `port ${port}, SNI ${name ?? '(none)'}: ${result.detail}`);
      }
      assert.equal((await handshake(port, 'matrix.example.org')).ok, true);
    }
    assert.equal((await handshake(HTTPS_PORT, 'element.example.org')).ok, true);
  });

  it('sends HSTS on the Synapse host (proxied, well-known, redirect) and on Element, and no nginx version', async () => {
    const responses = [
      await get(HTTPS_PORT, 'matrix.example.org', '/_matrix/client/versions'),
      await get(HTTPS_PORT, 'matrix.example.org', '/.well-known/matrix/client'),
      await get(HTTPS_PORT, 'matrix.example.org', '/'),
      await get(HTTPS_PORT, 'element.example.org', '/'),
      await get(HTTPS_PORT, 'element.example.org', '/index.html'),
    ];
    for (const response of responses) {
      assert.equal(response.headers['strict-transport-security'], 'max-age=63072000', JSON.stringify(response.headers));
      assert.equal(response.headers.server, 'nginx');
    }
    assert.match(responses[3]!.body, /Element/);
  });

  it('sends no HSTS with a self-signed certificate', async () => {
    const response = await get(SELF_SIGNED_PORT, 'matrix.example.org', '/.well-known/matrix/client');
    assert.equal(response.status, 200);
    assert.equal(response.headers['strict-transport-security'], undefined);
  });

  it('passes Matrix requests on as sent, and no request to the admin API however its path is encoded', async () => {
    seen.length = 0;
    const proxied = await get(HTTPS_PORT, 'matrix.example.org', '/_matrix/client/v3/rooms/%21abc%3Aexample.org/state?x=1');
    assert.equal(proxied.status, 200);
    assert.deepEqual(seen, ['/_matrix/client/v3/rooms/%21abc%3Aexample.org/state?x=1']);

    const attempts = [
      '/_synapse/admin/v1/server_version',
      '/_matrix/..%2F_synapse/admin/v1/server_version',
      '/_matrix/%2E%2E/_synapse/admin/v1/server_version',
      '/_synapse/client/../admin/v1/server_version',
      '/_synapse/admin/v2/users/..%2F..%2F..%2F..%2F_matrix%2Fclient',
      '/_synapse/admin/v1/rooms/..%2F..%2F..%2F..%2F_matrix/client/versions',
      '/_synapse/admin/v1/..%2F..%2F..%2F_synapse%2Fclient/x',
    ];
    for (const port of [HTTPS_PORT, FEDERATION_PORT]) {
      for (const path of attempts) {
        seen.length = 0;
        const response = await get(port, 'matrix.example.org', path);
        assert.deepEqual(seen, [], `${path} on ${port} reached the upstream as ${seen.join(', ')}`);
        // nginx itself answers: 404, or on 443 the redirect to Element every other path gets.
        assert.ok([302, 404].includes(response.status), `${path} on ${port}: HTTP ${response.status}`);
        assert.doesNotMatch(response.body, /upstream/);
      }
    }
  });
});
