// The public edge as a scanner and a browser see it: a TLS handshake for a name this server
// does not serve (or for its bare address) is refused on 443 and 8448, the Synapse and
// Element hosts send HSTS and no nginx version, and Synapse's admin API cannot be reached
// through the public vhost, even with a path nginx and Synapse read differently.
import assert from 'node:assert/strict';
import { connect } from 'node:tls';
import { httpsRequest, type HttpsResponse } from '../harness/client.js';

export interface EdgeHardeningOptions {
  synapseHost: string;
  elementHost: string;
  /** Trusted CA (Pebble's issuing root). */
  ca: string;
  /** An admin's access token: with it, a reachable admin API would answer. */
  accessToken: string;
  /** Ports with HTTPS, default 443 and 8448. */
  ports?: number[];
}

/** Whether a TLS handshake to this machine with this SNI (none: a scan of the bare address) completes. */
export function tlsHandshake(port: number, servername: string | undefined): Promise<{ completed: boolean; detail: string }> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, servername, rejectUnauthorized: false, timeout: 10_000 }, () => {
      const subject = socket.getPeerCertificate()?.subject?.CN ?? '?';
      socket.end();
      resolve({ completed: true, detail: `handshake completed with a certificate for ${subject}` });
    });
    socket.on('error', (error) => resolve({ completed: false, detail: error.message }));
    socket.on('timeout', () => {
      socket.destroy();
      resolve({ completed: false, detail: 'timed out' });
    });
  });
}

/** Paths to the admin API that nginx (decoding and normalising them) could mistake for /_matrix ones. */
export const ADMIN_PATHS = [
  '/_synapse/admin/v1/server_version',
  '/_matrix/..%2F_synapse/admin/v1/server_version',
  '/_synapse/admin/v2/users/..%2F..%2F..%2F..%2F_matrix%2Fclient',
  '/_synapse/admin/v1/rooms/..%2F..%2F..%2F..%2F_matrix/client/versions',
];

/** Synapse answers its admin API with JSON (an errcode at least); nginx's own refusal is not. */
function fromSynapse(response: HttpsResponse): boolean {
  try {
    const body = JSON.parse(response.text) as Record<string, unknown>;
    return typeof body === 'object' && body !== null;
  } catch {
    return false;
  }
}

export async function checkEdgeHardening(options: EdgeHardeningOptions): Promise<void> {
  const ports = options.ports ?? [443, 8448];
  for (const port of ports) {
    for (const name of ['scanner.example.net', undefined]) {
      const result = await tlsHandshake(port, name);
      assert.equal(result.completed, false, `port ${port} with SNI ${name ?? '(none: the bare address)'}: ${result.detail}`);
    }
    const served = await tlsHandshake(port, options.synapseHost);
    assert.equal(served.completed, true, `port ${port} for ${options.synapseHost}: ${served.detail}`);
  }

  const pages = [
    { host: options.synapseHost, path: '/_matrix/client/versions' },
    { host: options.synapseHost, path: '/.well-known/matrix/client' },
    { host: options.elementHost, path: '/' },
  ];
  for (const page of pages) {
    const response = await httpsRequest({ ...page, ca: options.ca });
    assert.equal(response.status, 200, `${page.host}${page.path}: HTTP ${response.status}`);
    assert.match(String(response.headers['strict-transport-security'] ?? ''), /^max-age=\d{7,}/, `${page.host}${page.path}: no HSTS`);
    assert.equal(response.headers.server, 'nginx', `${page.host}${page.path}: Server header ${String(response.headers.server)}`);
  }

  for (const port of ports) {
    for (const path of ADMIN_PATHS) {
      const response = await httpsRequest({ host: options.synapseHost, port, path, ca: options.ca, accessToken: options.accessToken });
      assert.ok(!fromSynapse(response), `${path} on ${port} reached Synapse: HTTP ${response.status} ${response.text.slice(0, 200)}`);
    }
  }
}
