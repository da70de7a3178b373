// certbot against a real Pebble (Let's Encrypt's test CA) on loopback: the webroot flow through
// matrix-setup's own port-80 vhost (on a high port), the deploy hook, and adding a name later.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { certbotArgv, certificateFiles, certificateState, certificateTask, type CertbotRequest } from '../../steps/edge/certbot.js';
import { edgeLayout } from '../../steps/edge/edge-layout.js';
import { nginxHttpVhost } from '../../steps/templates/nginx-http-vhost.js';
import { applyNginxConfig } from '../../steps/nginx/apply-nginx-config.js';
import { checkCertificateFiles } from '../../src/tls/certificate-check.js';
import { testAnswers } from '../helpers/answers.js';
import { localContext, nginxMissing, testNginx, type TestNginx } from './nginx-edge.js';

const missing =
  nginxMissing() ??
  (['certbot', 'pebble', 'openssl'].find((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) &&
    'certbot, pebble or openssl is missing (scripts/test-setup.mjs integration installs them)');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Answers every A query with 127.0.0.1 and everything else with an empty answer: Pebble resolves the test names here. */
function startDns(port: number): Promise<Socket> {
  const socket = createSocket('udp4');
  socket.on('message', (query, peer) => {
    let offset = 12;
    while (query[offset] !== 0) offset += query[offset] + 1;
    const questionEnd = offset + 5;
    const type = query.readUInt16BE(offset + 1);
    const header = Buffer.from(query.subarray(0, 12));
    header.writeUInt16BE(0x8580, 2); // response, authoritative, recursion desired + available, NOERROR
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(type === 1 ? 1 : 0, 6);
    header.writeUInt32BE(0, 8);
    const answer = type === 1 ? Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 1]) : Buffer.alloc(0);
    socket.send(Buffer.concat([header, query.subarray(12, questionEnd), answer]), peer.port, peer.address);
  });
  return new Promise((resolve) => socket.bind(port, '127.0.0.1', () => resolve(socket)));
}

function openssl(args: string[]): void {
  const result = spawnSync('openssl', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${result.stderr}`);
}

function get(url: string, ca: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('certbot against Pebble through the webroot', { skip: missing }, () => {
  let nginx: TestNginx;
  let pebble: ChildProcess;
  let dns: Socket;
  let pebbleLog = '';
  let request: CertbotRequest;
  let dir: string;
  const names = ['matrix.test', 'element.matrix.test'];

  before(async () => {
    nginx = testNginx();
    dir = nginx.dir;
    const [acmePort, managementPort, dnsPort, httpPort] = [await freePort(), await freePort(), await freePort(), await freePort()];

    // Pebble's own HTTPS listener: a throwaway CA and a leaf for 127.0.0.1.
    const p = join(dir, 'pebble');
    mkdirSync(p);
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=test listener CA', '-keyout', `${p}/ca.key`, '-out', `${p}/ca.pem`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', `${p}/leaf.key`, '-out', `${p}/leaf.csr`]);
    writeFileSync(`${p}/leaf.ext`, 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n');
    openssl(['x509', '-req', '-in', `${p}/leaf.csr`, '-days', '2', '-CA', `${p}/ca.pem`, '-CAkey', `${p}/ca.key`, '-CAcreateserial', '-extfile', `${p}/leaf.ext`, '-out', `${p}/leaf.pem`]);
    writeFileSync(`${p}/config.json`, JSON.stringify({
      pebble: {
        listenAddress: `127.0.0.1:${acmePort}`,
        managementListenAddress: `127.0.0.1:${managementPort}`,
        certificate: `${p}/leaf.pem`,
        privateKey: `${p}/leaf.key`,
        httpPort,
        tlsPort: await freePort(),
        ocspResponderURL: '',
        externalAccountBindingRequired: false,
      },
    }));
    dns = await startDns(dnsPort);
    pebble = spawn('pebble', ['-config', `${p}/config.json`, '-dnsserver', `127.0.0.1:${dnsPort}`], {
      env: { ...process.env, PEBBLE_VA_NOSLEEP: '1', PEBBLE_WFE_NONCEREJECT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    pebble.stdout?.on('data', (chunk) => (pebbleLog += chunk));
    pebble.stderr?.on('data', (chunk) => (pebbleLog += chunk));
    const ca = readFileSync(`${p}/ca.pem`, 'utf8');
    const directory = `https://127.0.0.1:${acmePort}/dir`;
    for (let i = 0; ; i++) {
      try {
        if ((await get(directory, ca)) === 200) break;
      } catch {
        // not listening yet
      }
      if (i > 100) throw new Error(`Pebble did not start:\n${pebbleLog}`);
      await new Promise((r) => setTimeout(r, 100));
    }

    // matrix-setup's own port-80 vhost, moved to the high port Pebble validates on.
    const webroot = join(dir, 'acme');
    mkdirSync(webroot);
    const layout = edgeLayout(testAnswers({ server_name: 'matrix.test', synapse_host: 'matrix.test', element: { enabled: true, host: 'element.matrix.test' } }));
    assert.deepEqual(layout.names, names);
    const vhost = nginxHttpVhost(layout, webroot).replace('listen 80;', `listen 127.0.0.1:${httpPort};`).replace(/\n\s*listen \[::\]:80;/, '');
    await applyNginxConfig(localContext(), { files: [{ path: join(dir, 'etc/nginx/conf.d/matrix-setup-http.conf'), content: vhost }], links: [], stampFile: join(dir, 'stamps/http.sha256') }, nginx.control);

    request = {
      certName: 'matrix.test',
      names: [names[0]],
      email: 'admin@matrix.test',
      server: directory,
      webroot,
      caBundle: `${p}/ca.pem`,
      // What runs is the constant `systemctl reload nginx` in production; here it leaves a mark.
      deployHook: `touch ${dir}/deploy-hook-ran`,
      configDir: join(dir, 'letsencrypt'),
      workDir: join(dir, 'letsencrypt-work'),
      logsDir: join(dir, 'letsencrypt-logs'),
    };
  });

  after(() => {
    pebble?.kill('SIGTERM');
    dns?.close();
    nginx?.remove();
  });

  it('issues a certificate through the webroot, and the deploy hook runs', async (t) => {
    const ctx = localContext();
    const task = certificateTask(request, nginx.control);
    assert.equal(await task.check(ctx), false);
    assert.deepEqual(certificateState(request), { status: 'missing' });
    try {
      await task.run(ctx);
    } catch (error) {
      const log = join(request.logsDir!, 'letsencrypt.log');
      t.diagnostic(existsSync(log) ? readFileSync(log, 'utf8').slice(-3000) : 'no certbot log');
      t.diagnostic(pebbleLog.slice(-3000));
      throw error;
    }
    const files = certificateFiles(request);
    const report = checkCertificateFiles(files.fullchain, files.privkey, request.names);
    assert.deepEqual(report.problems, []);
    assert.ok(existsSync(join(dir, 'deploy-hook-ran')), 'the deploy hook did not run on the first issuance');
    const renewal = readFileSync(files.renewal, 'utf8');
    assert.match(renewal, new RegExp(`renew_hook = touch ${dir}/deploy-hook-ran`));
    assert.match(renewal, new RegExp(`server = ${request.server.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.equal(await task.check(ctx), true, 'a second run has nothing to do');
  });

  it('adds a name to the same certificate (--expand) when the names grow', async () => {
    const ctx = localContext();
    const grown = { ...request, names };
    const task = certificateTask(grown, nginx.control);
    const before = certificateState(grown);
    assert.equal(before.status, 'unfit');
    rmSync(join(dir, 'deploy-hook-ran'));
    await task.run(ctx);
    const files = certificateFiles(grown);
    assert.deepEqual(checkCertificateFiles(files.fullchain, files.privkey, names).problems, []);
    assert.ok(existsSync(join(dir, 'deploy-hook-ran')));
    assert.equal(await task.check(ctx), true);
    assert.ok(certbotArgv(grown).includes('--expand'));
  });
});
