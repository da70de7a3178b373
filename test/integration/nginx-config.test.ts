// Every nginx configuration matrix-setup can generate, checked by the real `nginx -t`; and the
// apply-with-rollback helper against a running private nginx on a high port.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Answers } from '../../src/answers/types.js';
import { StepError } from '../../src/errors.js';
import { edgeLayout } from '../../steps/edge/edge-layout.js';
import { nginxHttpChange } from '../../steps/nginx-http.js';
import { nginxHttpsChange } from '../../steps/nginx-https.js';
import { applyNginxConfig, applyNginxConfigTask, type NginxConfigChange } from '../../steps/nginx/apply-nginx-config.js';
import { PLACEHOLDER_CERTIFICATE } from '../../steps/nginx/unknown-names.js';
import { testAnswers, testTarget } from '../helpers/answers.js';
import { localContext, makeCertificate, nginxMissing, stopNginx, testNginx, type TestNginx } from './nginx-edge.js';

const missing = nginxMissing();

type Overrides = NonNullable<Parameters<typeof testAnswers>[0]>;

/** TLS modes × delegation shapes × federation × Element. */
function variants(): Array<{ name: string; answers: Answers }> {
  const shapes: Array<[string, Overrides]> = [
    ['delegated', { server_name: 'example.org', synapse_host: 'matrix.example.org', delegation: 'auto' }],
    ['well-known', { server_name: 'example.org', synapse_host: 'matrix.example.org', delegation: 'well-known' }],
    ['delegation-none', { server_name: 'example.org', synapse_host: 'matrix.example.org', delegation: 'none' }],
    ['same-host', { server_name: 'matrix.example.org', synapse_host: 'matrix.example.org', delegation: 'auto' }],
  ];
  const tls: Array<[string, Overrides['tls']]> = [
    ['letsencrypt', { mode: 'letsencrypt', email: 'admin@example.org' }],
    ['existing', { mode: 'existing', cert_path: '/etc/ssl/example/fullchain.pem', key_path: '/etc/ssl/example/privkey.pem' }],
    ['self-signed', { mode: 'self-signed' }],
  ];
  const elements: Array<[string, Overrides['element']]> = [
    ['element', { enabled: true, host: 'element.example.org' }],
    ['element-on-synapse-host', { enabled: true, host: 'matrix.example.org' }],
    ['no-element', { enabled: false }],
  ];
  const out: Array<{ name: string; answers: Answers }> = [];
  for (const [shape, shapeAnswers] of shapes) {
    for (const [mode, tlsAnswers] of tls) {
      for (const federation of [true, false]) {
        for (const [element, elementAnswers] of elements) {
          out.push({
            name: `${shape} ${mode} federation-${federation ? 'on' : 'off'} ${element}`,
            answers: testAnswers({ ...shapeAnswers, tls: tlsAnswers, federation, element: elementAnswers, synapse: { max_upload_size: '1G' } }),
          });
        }
      }
    }
  }
  return out;
}

/** The step's files, moved into the test prefix and pointed at the test certificate. */
function place(change: NginxConfigChange, answers: Answers, cert: { cert: string; key: string }): void {
  const layout = edgeLayout(answers);
  for (const file of change.files) {
    const content = file.content
      .split(layout.certificate.fullchain).join(cert.cert)
      .split(layout.certificate.privkey).join(cert.key)
      .split(PLACEHOLDER_CERTIFICATE.fullchain).join(cert.cert)
      .split(PLACEHOLDER_CERTIFICATE.privkey).join(cert.key);
    writeFileSync(file.path, content);
  }
}

describe('nginx -t accepts every generated configuration', { skip: missing }, () => {
  let nginx: TestNginx;
  let cert: { cert: string; key: string };
  before(() => {
    nginx = testNginx();
    cert = makeCertificate(nginx.dir, ['matrix.example.org', 'example.org', 'element.example.org']);
  });
  after(() => nginx.remove());

  it('nginx -t does not bind the ports it checks (a port in use does not fail it)', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(18447, '127.0.0.1', resolve));
    try {
      const file = join(nginx.dir, 'etc/nginx/conf.d/bind-check.conf');
      writeFileSync(file, 'server { listen 127.0.0.1:18447; return 204; }\n');
      const ctx = localContext();
      const result = await ctx.exec.run(nginx.control.test, { probe: true, okExitCodes: [0, 1] });
      assert.equal(result.exitCode, 0, result.stderr);
      writeFileSync(file, '');
    } finally {
      server.close();
    }
  });

  // ubuntu-22.04: an nginx without ssl_reject_handshake (a placeholder certificate instead).
  for (const family of ['debian-12', 'rocky-9', 'ubuntu-22.04']) {
    for (const variant of variants()) {
      it(`${family}: ${variant.name}`, async () => {
        const target = testTarget(family);
        const root = join(nginx.dir, 'etc/nginx');
        for (const sub of ['sites-available', 'sites-enabled', 'conf.d']) {
          for (const f of readdirSync(join(root, sub))) if (f.startsWith('matrix-setup')) writeFileSync(join(root, sub, f), '');
        }
        const changes = [nginxHttpChange(variant.answers, target, root), nginxHttpsChange(variant.answers, target, root)];
        for (const change of changes) {
          place(change, variant.answers, cert);
          for (const link of change.links) {
            if (!existsSync(link.path)) (await import('node:fs')).symlinkSync(link.target, link.path);
          }
        }
        const ctx = localContext(variant.answers, target);
        const result = await ctx.exec.run(nginx.control.test, { probe: true, okExitCodes: [0, 1] });
        assert.equal(result.exitCode, 0, `${result.stderr}\n${readFileSync(changes[1].files[0].path, 'utf8')}`);
        assert.doesNotMatch(result.stderr, /\[warn\]/, 'nginx -t warns about the generated configuration');
        const https = readFileSync(changes[1].files[0].path, 'utf8');
        assert.match(https, /proxy_pass http:\/\/127\.0\.0\.1:8008;/);
        assert.match(https, /client_max_body_size 1G;/);
        assert.equal(/listen 8448 ssl;/.test(https), variant.answers.federation && variant.answers.server_name === variant.answers.synapse_host);
        assert.match(https, /listen 443 ssl default_server;/);
        assert.match(https, family === 'ubuntu-22.04' ? /return 444;/ : /ssl_reject_handshake on;/);
        assert.equal(https.includes('Strict-Transport-Security'), variant.answers.tls.mode !== 'self-signed');
        assert.match(https, /ssl_session_tickets off;/);
      });
    }
  }
});

describe('applying nginx configuration with rollback', { skip: missing }, () => {
  let nginx: TestNginx;
  const port = 18080;
  before(() => {
    nginx = testNginx();
  });
  after(() => nginx.remove());

  const file = () => join(nginx.dir, 'etc/nginx/sites-available/site.conf');
  const link = () => join(nginx.dir, 'etc/nginx/sites-enabled/site.conf');
  const site = (body: string): NginxConfigChange => ({
    files: [{ path: file(), content: body }],
    links: [{ path: link(), target: file() }],
    stampFile: join(nginx.dir, 'stamps/site.sha256'),
    backupDir: join(nginx.dir, 'backups'),
  });
  const get = async (path = '/') => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(5000) });
    return { status: response.status, body: await response.text() };
  };
  const waitFor = async (expected: string) => {
    for (let i = 0; i < 50; i++) {
      try {
        if ((await get()).body === expected) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail(`nginx never served ${expected}`);
  };
  const good = (marker: string) => site(`server {\n    listen 127.0.0.1:${port};\n    location / { return 200 '${marker}'; }\n}\n`);

  it('starts nginx with a good configuration, then the task is in place', async () => {
    const ctx = localContext();
    const task = applyNginxConfigTask('test site', good('marker-one'), nginx.control);
    assert.equal(await task.check(ctx), false);
    await task.run(ctx);
    await waitFor('marker-one');
    assert.equal(await task.check(ctx), true);
    assert.ok(lstatSync(link()).isSymbolicLink());
  });

  it('reloads for a changed configuration and keeps a backup of the old file', async () => {
    const ctx = localContext();
    await applyNginxConfig(ctx, good('marker-two'), nginx.control);
    await waitFor('marker-two');
    const backupDir = join(nginx.dir, 'backups', nginx.dir, 'etc/nginx/sites-available');
    const backups = readdirSync(backupDir).filter((f) => f.startsWith('site.conf.'));
    assert.equal(backups.length, 1);
    assert.match(readFileSync(join(backupDir, backups[0]), 'utf8'), /marker-one/);
    assert.deepEqual(readdirSync(join(nginx.dir, 'etc/nginx/sites-available')), ['site.conf'], 'nothing but the site beside it');
  });

  it('a broken change fails with nginx -t output, the old file is restored, and nginx keeps serving', async () => {
    const ctx = localContext();
    const broken = site(`server {\n    listen 127.0.0.1:${port};\n    location / { return 200 'marker-broken' }\n`);
    const backupDir = join(nginx.dir, 'backups', nginx.dir, 'etc/nginx/sites-available');
    const before = readdirSync(backupDir).sort();
    await assert.rejects(applyNginxConfig(ctx, broken, nginx.control), (error: unknown) => {
      assert.ok(error instanceof StepError);
      assert.match(error.message, /previous files are back/);
      assert.ok(error.info.outputTail?.some((line) => /emerg/.test(line)), `no nginx -t output in ${JSON.stringify(error.info.outputTail)}`);
      return true;
    });
    assert.match(readFileSync(file(), 'utf8'), /marker-two/);
    assert.deepEqual(readdirSync(backupDir).sort(), before, 'no backup left behind by a rolled-back change');
    assert.deepEqual(await get(), { status: 200, body: 'marker-two' });
    const check = await localContext().exec.run(nginx.control.test, { probe: true, okExitCodes: [0, 1] });
    assert.equal(check.exitCode, 0, 'the configuration on disk passes nginx -t again');
  });

  it('a broken new file (nothing before it) is removed again, link included', async () => {
    const ctx = localContext();
    const path = join(nginx.dir, 'etc/nginx/sites-available/new.conf');
    const newLink = join(nginx.dir, 'etc/nginx/sites-enabled/new.conf');
    await assert.rejects(
      applyNginxConfig(ctx, { files: [{ path, content: 'server { listen 127.0.0.1:18081; bogus_directive on; }\n' }], links: [{ path: newLink, target: path }], stampFile: join(nginx.dir, 'stamps/new.sha256') }, nginx.control),
      StepError,
    );
    assert.equal(existsSync(path), false);
    assert.equal(existsSync(newLink) || lstatExists(newLink), false);
    assert.equal(existsSync(join(nginx.dir, 'stamps/new.sha256')), false);
    assert.deepEqual(await get(), { status: 200, body: 'marker-two' });
  });

  it('says so when the configuration was already broken before the change', async () => {
    const ctx = localContext();
    const foreign = join(nginx.dir, 'etc/nginx/conf.d/someone-else.conf');
    writeFileSync(foreign, 'server { listen 127.0.0.1:18082; nonsense; }\n');
    try {
      await assert.rejects(applyNginxConfig(ctx, good('marker-three'), nginx.control), /fails its test even without matrix-setup's change/);
      assert.match(readFileSync(file(), 'utf8'), /marker-two/);
    } finally {
      writeFileSync(foreign, '');
    }
    assert.deepEqual(await get(), { status: 200, body: 'marker-two' });
  });

  it('stops by PID', () => {
    stopNginx(nginx.pidFile);
  });
});

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
