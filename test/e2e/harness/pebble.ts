import { request } from 'node:https';
import { aptInstall } from './apt.js';
import type { Container } from './container.js';
import { busyPorts, describeBusyPorts } from './ports.js';

/** Let's Encrypt's test ACME server, running inside the container on loopback. */
export interface Pebble {
  /** ACME directory URL for certbot's --server. */
  directoryUrl: string;
  /** The CA of Pebble's own HTTPS listener, inside the container (for REQUESTS_CA_BUNDLE). */
  listenerCaPath: string;
  listenerCaPem: string;
  /** The root Pebble issues certificates under (new on every Pebble start). */
  issuingRootPem: string;
  unit: string;
}

export const PEBBLE_DIR = '/etc/pebble-e2e';
export const PEBBLE_UNIT = 'pebble-e2e.service';
const LISTEN = { acme: 14000, management: 15000 };

const LEAF_EXTENSIONS = [
  'basicConstraints=critical,CA:FALSE',
  'keyUsage=critical,digitalSignature,keyEncipherment',
  'extendedKeyUsage=serverAuth',
  'subjectAltName=DNS:localhost,IP:127.0.0.1',
  '',
].join('\n');

export function pebbleConfig(): object {
  return {
    pebble: {
      listenAddress: `127.0.0.1:${LISTEN.acme}`,
      managementListenAddress: `127.0.0.1:${LISTEN.management}`,
      certificate: `${PEBBLE_DIR}/listener.pem`,
      privateKey: `${PEBBLE_DIR}/listener.key`,
      httpPort: 80,
      tlsPort: 443,
      ocspResponderURL: '',
      externalAccountBindingRequired: false,
      profiles: { default: { description: 'The default profile', validityPeriod: 7776000 } },
    },
  };
}

/**
 * Installs Pebble in the container, gives its HTTPS listener a certificate from a throwaway CA
 * (made with openssl in the container), runs it as a transient systemd service, waits until its
 * directory answers and fetches its issuing root.
 */
export async function startPebble(container: Container, timeoutMs = 30_000): Promise<Pebble> {
  const busy = busyPorts([LISTEN.acme, LISTEN.management]);
  if (busy.length > 0) throw new Error(`Pebble's ports are in use on the host: ${describeBusyPorts(busy)}`);
  await aptInstall(container, ['pebble', 'openssl']);

  const d = PEBBLE_DIR;
  const openssl = (args: string[]) => container.exec(['openssl', ...args], { timeoutMs: 60_000 });
  await container.exec(['mkdir', '-p', d]);
  // Current Python (certbot) rejects a CA without keyUsage, hence the explicit extensions.
  await openssl([
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '7', '-subj', '/CN=Pebble listener test CA',
    '-keyout', `${d}/listener-ca.key`, '-out', `${d}/listener-ca.pem`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await openssl([
    'req', '-new', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost',
    '-keyout', `${d}/listener.key`, '-out', `${d}/listener.csr`,
  ]);
  container.writeFile(`${d}/listener.ext`, LEAF_EXTENSIONS);
  await openssl([
    'x509', '-req', '-in', `${d}/listener.csr`, '-days', '7', '-CA', `${d}/listener-ca.pem`, '-CAkey', `${d}/listener-ca.key`,
    '-CAcreateserial', '-extfile', `${d}/listener.ext`, '-out', `${d}/listener.pem`,
  ]);
  container.writeFile(`${d}/pebble-config.json`, `${JSON.stringify(pebbleConfig(), null, 2)}\n`);

  await container.exec([
    'systemd-run', `--unit=${PEBBLE_UNIT}`, '--setenv=PEBBLE_VA_NOSLEEP=1', '--setenv=PEBBLE_WFE_NONCEREJECT=0',
    '/usr/bin/pebble', '-config', `${d}/pebble-config.json`,
  ]);

  const listenerCaPem = container.readFile(`${d}/listener-ca.pem`);
  const directoryUrl = `https://127.0.0.1:${LISTEN.acme}/dir`;
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    try {
      const directory = JSON.parse(await httpsGet(directoryUrl, listenerCaPem)) as Record<string, unknown>;
      if (typeof directory.newOrder === 'string') break;
      lastError = `unexpected directory: ${JSON.stringify(directory)}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    if (Date.now() > deadline) {
      const journal = await container.exec(['journalctl', '-u', PEBBLE_UNIT, '--no-pager', '-n', '30'], { okExitCodes: [0, 1] });
      throw new Error(`Pebble did not answer at ${directoryUrl} in ${timeoutMs / 1000} s (${lastError}):\n${journal.stdout}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const issuingRootPem = await httpsGet(`https://127.0.0.1:${LISTEN.management}/roots/0`, listenerCaPem);
  return { directoryUrl, listenerCaPath: `${d}/listener-ca.pem`, listenerCaPem, issuingRootPem, unit: PEBBLE_UNIT };
}

/** GET over HTTPS trusting only `ca`; the container shares the host's loopback. */
export function httpsGet(url: string, ca: string, timeoutMs = 5_000): Promise<string> {
  return new Promise((resolve, reject) => {
    // Pebble answers 400 to a request without a User-Agent, as Let's Encrypt does.
    const req = request(url, { ca, timeout: timeoutMs, headers: { 'user-agent': 'matrix-setup-e2e' } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => {
        if (res.statusCode === 200) resolve(body);
        else reject(new Error(`GET ${url}: HTTP ${res.statusCode} ${body.slice(0, 200)}`));
      });
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url}: timed out`)));
    req.on('error', reject);
    req.end();
  });
}
