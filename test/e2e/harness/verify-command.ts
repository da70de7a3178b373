// `matrix-setup verify` as a user runs it on the installed server, and a real breakage of the
// nginx vhost for it to find.
import { randomBytes } from 'node:crypto';
import { SERVER_NAME } from './answers.js';
import { httpsRequest } from './client.js';
import type { Container } from './container.js';
import { shown } from './installer.js';
import type { RunResult } from './process.js';

/** Where the test puts Pebble's issuing root inside the container, for NODE_EXTRA_CA_CERTS. */
export const PEBBLE_ROOT_IN_CONTAINER = '/root/pebble-issuing-root.pem';

export interface VerifyCheck {
  id: string;
  status: 'pass' | 'warn' | 'fail' | 'skip';
  label: string;
  evidence: string;
  fix?: string;
}

export interface VerifyReport {
  ok: boolean;
  summary: Record<string, number>;
  checks: VerifyCheck[];
}

/**
 * `/usr/local/bin/matrix-setup verify --json` inside the container, trusting Pebble's issuing
 * root the way a user with a private CA would (NODE_EXTRA_CA_CERTS), with the saved answers.
 */
export async function runVerifyCommand(container: Container, issuingRootPem: string): Promise<{ result: RunResult; report: VerifyReport }> {
  container.writeFile(PEBBLE_ROOT_IN_CONTAINER, issuingRootPem);
  const result = await container.exec(['/usr/local/bin/matrix-setup', 'verify', '--json'], {
    env: { NODE_EXTRA_CA_CERTS: PEBBLE_ROOT_IN_CONTAINER },
    okExitCodes: Array.from({ length: 256 }, (_, i) => i),
    timeoutMs: 120_000,
  });
  let report: VerifyReport;
  try {
    report = JSON.parse(result.stdout) as VerifyReport;
  } catch {
    throw new Error(`verify --json printed no JSON report:\n${shown(result)}`);
  }
  return { result, report };
}

/** One line per check that is not a pass, for assertion messages. */
export function describeChecks(checks: VerifyCheck[]): string {
  return checks.map((c) => `${c.status} ${c.id}: ${c.evidence}${c.fix ? ` (fix: ${c.fix})` : ''}`).join('\n');
}

/** The nginx files (real paths, not the sites-enabled links) that set client_max_body_size. */
async function vhostFiles(container: Container): Promise<string[]> {
  const found = await container.exec(['grep', '-rl', 'client_max_body_size', '/etc/nginx/sites-available', '/etc/nginx/conf.d'], { okExitCodes: [0, 1, 2] });
  return found.stdout.split('\n').filter(Boolean);
}

async function reloadNginx(container: Container): Promise<void> {
  const test = await container.exec(['nginx', '-t'], { okExitCodes: [0, 1] });
  if (test.exitCode !== 0) throw new Error(`nginx -t refused the edited vhost:\n${shown(test)}`);
  await container.exec(['systemctl', 'reload', 'nginx']);
}

/**
 * Waits until an upload just above 1 MiB gets `expected` (413 from nginx while the limit is
 * 1m, 401 from Synapse once the body gets through): a reload takes effect when the new
 * workers run, shortly after `systemctl reload` returns.
 */
async function waitForUploadStatus(rootPem: string, expected: number, timeoutMs = 15_000): Promise<void> {
  const body = randomBytes(1024 * 1024 + 16 * 1024);
  const deadline = Date.now() + timeoutMs;
  let last = 0;
  while (Date.now() < deadline) {
    const response = await httpsRequest({
      host: SERVER_NAME, ca: rootPem, method: 'POST', path: '/_matrix/media/v3/upload?filename=e2e.bin',
      headers: { 'content-type': 'application/octet-stream' }, body,
    }).catch(() => undefined);
    last = response?.status ?? 0;
    if (last === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`an upload of 1 MiB + 16 KiB still answers HTTP ${last}, not ${expected}, ${timeoutMs / 1000} s after the reload`);
}

/**
 * Sets nginx's client_max_body_size back to its 1m default in the installed vhosts (the
 * classic mistake verify looks for), reloads nginx, runs `body`, then puts the files back
 * byte for byte and reloads again.
 */
export async function withOneMegabyteBodyLimit(container: Container, rootPem: string, body: () => Promise<void>): Promise<void> {
  const files = await vhostFiles(container);
  if (files.length === 0) throw new Error('no nginx file under /etc/nginx sets client_max_body_size');
  const originals = new Map(files.map((path) => [path, container.readFile(path)]));
  try {
    for (const [path, text] of originals) container.writeFile(path, text.replace(/client_max_body_size\s+[^;]+;/g, 'client_max_body_size 1m;'));
    await reloadNginx(container);
    await waitForUploadStatus(rootPem, 413);
    await body();
  } finally {
    for (const [path, text] of originals) container.writeFile(path, text);
    await reloadNginx(container);
    await waitForUploadStatus(rootPem, 401);
  }
}
