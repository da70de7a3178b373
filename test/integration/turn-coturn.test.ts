// coturn with the config matrix-setup writes (only ports and addresses moved to loopback),
// credentials computed as Synapse computes them, and turnutils_uclient as the client:
// a relay is allocated and carries data to an allowed peer; private peers are refused.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expandMachineAddresses } from '../../src/host/machine-address-token.js';
import { coturnConfig } from '../../steps/templates/coturn-config.js';
import { coturnComplaints } from '../e2e/checks/service-runtime.js';
import { checkPrivatePeerRefused, relayThroughTurn, turnRestCredentials, type CommandRunner } from '../e2e/checks/turn.js';

const SECRET = 'integration-shared-secret';
const TURN_PORT = 34781;
const PEER_PORT = 34801;
const ALLOWED_PEER = '127.0.0.2';
const missing = ['turnserver', 'turnutils_uclient', 'turnutils_peer'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);

const run: CommandRunner = (argv, options) =>
  new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), options?.timeoutMs ?? 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? -1, stdout, stderr });
    });
  });

/** The installed coturn's upstream version (4.6.1 from Debian's 4.6.1-1). */
function hostCoturnVersion(): string {
  const version = spawnSync('dpkg-query', ['-W', '-f', '${Version}', 'coturn'], { encoding: 'utf8' }).stdout.trim();
  return version.replace(/^\d+:/, '').replace(/-[^-]*$/, '') || '4.6.1';
}

async function waitForUdpListener(port: number): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const ss = spawnSync('ss', ['-lnu', `sport = :${port}`], { encoding: 'utf8' });
    if (ss.stdout.includes(`:${port}`)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on udp ${port}`);
}

const STARTED = /Version Coturn-|Coturn Version/;

async function waitForOutput(output: () => string, pattern: RegExp): Promise<void> {
  for (let i = 0; i < 100 && !pattern.test(output()); i++) await new Promise((r) => setTimeout(r, 100));
}

describe('coturn with the generated config', { skip: missing.length ? `needs ${missing.join(', ')} (apt-get install coturn)` : false }, () => {
  let dir: string;
  let server: ChildProcess;
  let peer: ChildProcess;
  let serverOutput = '';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'matrix-setup-turn-'));
    const config = expandMachineAddresses(coturnConfig({
      realm: 'example.org',
      sharedSecret: SECRET,
      minPort: 45000,
      maxPort: 45100,
      listeningPort: TURN_PORT,
      listeningIps: ['127.0.0.1'],
      relayIps: ['127.0.0.1'],
      coturnVersion: hostCoturnVersion(),
    }));
    // Test only: loopback is denied like every private range; let exactly one loopback address through as the echo peer.
    // The log goes to stdout instead of syslog, so the test can read what coturn thought of the options.
    const testConfig = config.replace(/^(syslog|no-stdout-log)$/gm, '');
    writeFileSync(join(dir, 'turnserver.conf'), `${testConfig}allow-loopback-peers\nallowed-peer-ip=${ALLOWED_PEER}\n`);
    // coturn writes its log through stdio, block-buffered on a pipe: stdbuf makes it line-buffered,
    // so the start-up lines (and any complaint about an option) arrive while it runs.
    server = spawn('stdbuf', ['-oL', '-eL', 'turnserver', '-c', join(dir, 'turnserver.conf'), `--pidfile=${join(dir, 'turnserver.pid')}`, '--log-file=stdout'], { stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout?.on('data', (chunk) => (serverOutput += chunk));
    server.stderr?.on('data', (chunk) => (serverOutput += chunk));
    peer = spawn('turnutils_peer', ['-L', ALLOWED_PEER, '-p', String(PEER_PORT)], { stdio: 'ignore' });
    await waitForUdpListener(TURN_PORT);
    await waitForUdpListener(PEER_PORT);
    await waitForOutput(() => serverOutput, STARTED);
  });

  after(() => {
    if (server?.pid) server.kill('SIGTERM');
    if (peer?.pid) peer.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`knows every option written for this machine's coturn ${hostCoturnVersion()}`, () => {
    assert.match(serverOutput, STARTED, `coturn logged its start to stdout:\n${serverOutput}`);
    assert.deepEqual(coturnComplaints(serverOutput), []);
  });

  it('allocates a relay with Synapse-style credentials and relays data to an allowed peer', async () => {
    const { username, password } = turnRestCredentials(SECRET, '@alice:example.org');
    const result = await relayThroughTurn(run, { server: '127.0.0.1', port: TURN_PORT, username, password, peer: ALLOWED_PEER, peerPort: PEER_PORT, messages: 5 });
    assert.ok(result.allocated, result.output);
    assert.equal(result.sent, 5, result.output);
    assert.equal(result.received, 5, result.output);
  });

  it('refuses credentials signed with another secret', async () => {
    const { username, password } = turnRestCredentials('not-the-secret', '@mallory:example.org');
    const result = await relayThroughTurn(run, { server: '127.0.0.1', port: TURN_PORT, username, password, peer: ALLOWED_PEER, peerPort: PEER_PORT, messages: 1 });
    assert.equal(result.allocated, false, result.output);
    assert.equal(result.received, 0);
  });

  it('refuses expired credentials', async () => {
    const { username, password } = turnRestCredentials(SECRET, '@bob:example.org', -60);
    const result = await relayThroughTurn(run, { server: '127.0.0.1', port: TURN_PORT, username, password, peer: ALLOWED_PEER, peerPort: PEER_PORT, messages: 1 });
    assert.equal(result.allocated, false, result.output);
  });

  for (const privatePeer of ['10.0.0.1', '192.168.1.1', '172.16.0.1', '127.0.0.1', '169.254.169.254', '100.64.0.1']) {
    it(`refuses to relay to ${privatePeer}`, async () => {
      const { username, password } = turnRestCredentials(SECRET, `@peer-${privatePeer}:example.org`);
      const result = await checkPrivatePeerRefused(run, { server: '127.0.0.1', port: TURN_PORT, username, password }, privatePeer);
      assert.ok(result.forbidden);
    });
  }
});
