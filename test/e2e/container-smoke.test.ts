// Proves the end-to-end harness on this machine: a booted Debian container (systemd as PID 1),
// Pebble inside it, a certificate from Pebble through certbot, and the Node floor of a fresh
// Debian 12. Each phase's time is printed; nothing here asserts on speed.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { aptInstall } from './harness/apt.js';
import { chainProblems } from './harness/certificates.js';
import { Container } from './harness/container.js';
import { processAlive } from './harness/lock.js';
import { startPebble } from './harness/pebble.js';
import { CONTAINER_PORTS, busyPorts } from './harness/ports.js';
import { phase } from './harness/process.js';
import { ensureRootfsTarball } from './harness/rootfs.js';
import { reportSkip } from './harness/skip.js';

const MINUTES = 60_000;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function bootTimed(rootfs: 'sid' | 'bookworm-node'): Promise<Container> {
  const { built } = await phase(`${rootfs} root filesystem (cached or built)`, () => ensureRootfsTarball(rootfs));
  if (built) console.log(`[e2e] ${rootfs} root filesystem was built now`);
  const container = await phase(`${rootfs} restore + boot`, () => Container.boot({ rootfs }));
  console.log(`[e2e] ${rootfs} restore: ${seconds(container.timings.restoreMs)}, boot to running: ${seconds(container.timings.bootMs)}`);
  return container;
}

/** After stop(): no container process, no scenario directory, no port held. */
function assertGone(container: Container): void {
  assert.equal(processAlive(container.nspawnPid), false, 'systemd-nspawn still running');
  assert.equal(processAlive(container.leaderPid), false, "the container's systemd still running");
  assert.equal(existsSync(container.dir), false, `${container.dir} still exists`);
  assert.deepEqual(busyPorts([...CONTAINER_PORTS, 14000, 15000]), [], 'a port is still held');
}

test('sid container: systemd runs, Pebble issues a certificate to certbot', { timeout: 30 * MINUTES }, async (t) => {
  const skip = reportSkip();
  if (skip) return t.skip(skip);
  const container = await bootTimed('sid');
  try {
    const state = await container.exec(['systemctl', 'is-system-running'], { okExitCodes: [0, 1] });
    assert.match(state.stdout.trim(), /^(running|degraded)$/);
    assert.equal((await container.exec(['cat', '/proc/1/comm'])).stdout.trim(), 'systemd');
    assert.match((await container.exec(['getent', 'hosts', 'matrix.test'])).stdout, /^127\.0\.0\.1\s/);

    const pebble = await phase('Pebble install + start', () => startPebble(container));
    assert.match(pebble.issuingRootPem, /-----BEGIN CERTIFICATE-----/);
    const active = await container.exec(['systemctl', 'is-active', pebble.unit], { okExitCodes: [0, 3] });
    assert.equal(active.stdout.trim(), 'active');

    await phase('certbot install', () => aptInstall(container, ['certbot']));
    await phase('certbot certonly --standalone', () =>
      container.exec(
        [
          'certbot', 'certonly', '--standalone', '-d', 'matrix.test', '--server', pebble.directoryUrl,
          '--agree-tos', '-m', 'admin@matrix.test', '--no-eff-email', '--non-interactive',
        ],
        { env: { REQUESTS_CA_BUNDLE: pebble.listenerCaPath }, timeoutMs: 3 * MINUTES },
      ),
    );
    const fullchain = container.readFile('/etc/letsencrypt/live/matrix.test/fullchain.pem');
    assert.deepEqual(chainProblems(fullchain, pebble.issuingRootPem, 'matrix.test'), []);
    // The same check fails against another root or for another name.
    assert.notDeepEqual(chainProblems(fullchain, pebble.listenerCaPem, 'matrix.test'), []);
    assert.notDeepEqual(chainProblems(fullchain, pebble.issuingRootPem, 'other.test'), []);
  } finally {
    await phase('sid stop', () => container.stop());
  }
  assertGone(container);
});

test('bookworm container: the Debian 12 nodejs is the 18.x runtime floor', { timeout: 20 * MINUTES }, async (t) => {
  const skip = reportSkip();
  if (skip) return t.skip(skip);
  const container = await bootTimed('bookworm-node');
  try {
    const release = container.readFile('/etc/os-release');
    assert.match(release, /^VERSION_CODENAME=bookworm$/m);
    const version = (await container.exec(['node', '--version'])).stdout.trim();
    console.log(`[e2e] bookworm node --version: ${version}`);
    assert.match(version, /^v18\.\d+\.\d+$/);
  } finally {
    await phase('bookworm stop', () => container.stop());
  }
  assertGone(container);
});
