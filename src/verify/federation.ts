/**
 * Federation as another homeserver sees it: resolve the server name the way the spec says,
 * then, at that address with that certificate name and Host header, the version endpoint
 * and the server's published signing keys (name, validity, every ed25519 signature).
 */
import { blockedResult, certificateCheckFor, endpointBlocker } from './blocking.js';
import { certificateResult } from './client-api.js';
import { describeStatus, resultsFor, type VerifyContext } from './context.js';
import { excerpt, isObject, jsonBody, request, type HttpResponse } from './http.js';
import { resolveFederationEndpoint, type FederationEndpoint, type WellKnownServer } from './resolve-server.js';
import { formatHostPort } from './server-name.js';
import { checkEd25519Signatures, decodeBase64 } from './signatures.js';
import type { CheckResult } from './types.js';

const result = resultsFor('federation');

const PROXY_FIX =
  'Check the nginx location for /_matrix: `proxy_pass http://127.0.0.1:8008;` with nothing after the port, and Synapse listening with the federation resource.';

export async function federationChecks(context: VerifyContext): Promise<CheckResult[]> {
  const { serverName, federation } = context.options;
  const ids: Array<[string, string]> = [
    ['discovery', 'Server discovery (as remote servers do it)'],
    ['tls', 'TLS certificate on the federation endpoint'],
    ['version', 'Federation API /_matrix/federation/v1/version'],
    ['key-server-name', 'Signing keys: server_name'],
    ['key-valid-until', 'Signing keys: valid_until_ts'],
    ['key-signatures', 'Signing keys: ed25519 signatures'],
  ];
  if (!federation) return ids.map(([id, label]) => result(id, label, 'skip', 'federation is off in the answers'));
  // Delegated: other servers learn where federation goes from https://server_name, so nothing can be found while that fails.
  if (context.options.expectDelegation) {
    const host = serverName.replace(/:\d+$/, '');
    const blocker = await endpointBlocker(context, certificateCheckFor(context, host), host);
    if (blocker) return ids.map(([id, label]) => blockedResult('federation', id, label, blocker));
  }

  const endpoint = await resolveFederationEndpoint(serverName, {
    wellKnown: () => wellKnownServer(context),
    resolveSrv: (name) => context.resolver.resolveSrv(name),
  });
  if ('error' in endpoint) {
    return [
      result('discovery', ids[0][1], 'fail', [...endpoint.trail, endpoint.error].join('; '), `Fix /.well-known/matrix/server on ${serverName} (see the delegation checks).`),
      ...ids.slice(1).map(([id, label]) => result(id, label, 'skip', 'no federation endpoint was found')),
    ];
  }
  const where = formatHostPort(endpoint.host, endpoint.port);
  const trail = endpoint.trail.join('; ');
  const route = trail.endsWith(where) ? trail : `${trail} → ${where}`;
  const discovery = result('discovery', ids[0][1], 'pass', `${route} (certificate name ${endpoint.tlsName}, Host ${endpoint.hostHeader})`);

  const tls = await tlsCheck(context, endpoint, ids[1][1]);
  const blocker = await endpointBlocker(context, 'federation.tls', endpoint.tlsName, endpoint.port, { host: endpoint.host, port: endpoint.port });
  if (blocker) return [discovery, tls, ...ids.slice(2).map(([id, label]) => blockedResult('federation', id, label, blocker))];
  const [version, keys] = await Promise.all([versionCheck(context, endpoint, ids[2][1]), fetchKeys(context, endpoint)]);
  return [discovery, tls, version, ...keyChecks(context, keys, ids.slice(3) as Array<[string, string]>, where)];
}

async function wellKnownServer(context: VerifyContext): Promise<WellKnownServer> {
  const fetch = await context.wellKnown('server');
  if (fetch.error) return { problem: fetch.error.message };
  const response = fetch.response!;
  if (response.status !== 200) return { problem: `HTTP ${response.status}` };
  const body = jsonBody(response);
  if (!isObject(body)) return { problem: 'not valid JSON' };
  if (typeof body['m.server'] !== 'string') return { problem: 'no m.server string' };
  return { mServer: body['m.server'] };
}

function federationUrl(endpoint: FederationEndpoint, path: string): string {
  return `https://${formatHostPort(endpoint.tlsName, endpoint.port)}${path}`;
}

function unreachableFix(context: VerifyContext, endpoint: FederationEndpoint): string {
  if (endpoint.port === 8448) {
    return `Open port 8448 (firewall and any cloud security group) and have nginx listen on it for ${endpoint.tlsName}, or delegate federation to ${context.options.synapseHost}:443 with /.well-known/matrix/server.`;
  }
  return `Make sure ${formatHostPort(endpoint.host, endpoint.port)} is reachable from the internet and proxies /_matrix to Synapse.`;
}

async function tlsCheck(context: VerifyContext, endpoint: FederationEndpoint, label: string): Promise<CheckResult> {
  const probe = await context.certificate(endpoint.tlsName, endpoint.port, { host: endpoint.host, port: endpoint.port });
  if (probe.info) return certificateResult(context, probe.info, endpoint.tlsName, 'tls', label, result);
  return result('tls', label, 'fail', `${formatHostPort(endpoint.host, endpoint.port)}: ${probe.error?.message ?? 'no answer'}`, unreachableFix(context, endpoint));
}

async function versionCheck(context: VerifyContext, endpoint: FederationEndpoint, label: string): Promise<CheckResult> {
  const url = federationUrl(endpoint, '/_matrix/federation/v1/version');
  try {
    const response = await request(context.http, { url, address: { host: endpoint.host, port: endpoint.port }, hostHeader: endpoint.hostHeader });
    const body = jsonBody(response);
    const server = isObject(body) && isObject(body.server) ? body.server : undefined;
    if (response.status === 200 && server) {
      return result('version', label, 'pass', `${String(server.name ?? 'unknown')} ${String(server.version ?? '')}`.trim());
    }
    return result('version', label, 'fail', `${url}: ${describeStatus(response)}: ${excerpt(response.body)}`, PROXY_FIX);
  } catch (error) {
    return result('version', label, 'fail', `${url}: ${(error as Error).message}`, unreachableFix(context, endpoint));
  }
}

type KeyFetch = { response: HttpResponse; url: string } | { error: string; url: string; fix: string };

async function fetchKeys(context: VerifyContext, endpoint: FederationEndpoint): Promise<KeyFetch> {
  const url = federationUrl(endpoint, '/_matrix/key/v2/server');
  try {
    return { url, response: await request(context.http, { url, address: { host: endpoint.host, port: endpoint.port }, hostHeader: endpoint.hostHeader }) };
  } catch (error) {
    return { url, error: (error as Error).message, fix: unreachableFix(context, endpoint) };
  }
}

function keyChecks(context: VerifyContext, fetch: KeyFetch, ids: Array<[string, string]>, where: string): CheckResult[] {
  const [[nameId, nameLabel], [untilId, untilLabel], [sigId, sigLabel]] = ids;
  const { serverName } = context.options;
  const skipRest = (why: string) => [result(untilId, untilLabel, 'skip', why), result(sigId, sigLabel, 'skip', why)];
  if ('error' in fetch) return [result(nameId, nameLabel, 'fail', `${fetch.url}: ${fetch.error}`, fetch.fix), ...skipRest('the keys could not be fetched')];
  const body = jsonBody(fetch.response);
  if (fetch.response.status !== 200 || !isObject(body)) {
    return [result(nameId, nameLabel, 'fail', `${fetch.url}: ${describeStatus(fetch.response)}: ${excerpt(fetch.response.body)}`, PROXY_FIX), ...skipRest('no key response')];
  }

  const nameResult =
    body.server_name === serverName
      ? result(nameId, nameLabel, 'pass', `server_name ${serverName} (from ${where})`)
      : result(
          nameId,
          nameLabel,
          'fail',
          `${where} answers for server_name ${JSON.stringify(body.server_name)}, not ${serverName}`,
          `The federation endpoint reaches another homeserver (or one configured with another server_name). Point delegation at the Synapse whose homeserver.yaml has server_name: ${serverName}.`,
        );

  const until = body.valid_until_ts;
  const now = context.now();
  const untilResult =
    typeof until !== 'number'
      ? result(untilId, untilLabel, 'fail', 'valid_until_ts is missing', 'Upgrade Synapse; every current version publishes valid_until_ts.')
      : until <= now
        ? result(
            untilId,
            untilLabel,
            'fail',
            `valid_until_ts ${new Date(until).toISOString()} is in the past (now ${new Date(now).toISOString()}): other servers will not accept these keys`,
            'A proxy or cache may be serving an old key response: make sure /_matrix/key is proxied to Synapse uncached; check the clock (timedatectl) and restart Synapse.',
          )
        : result(untilId, untilLabel, 'pass', `valid until ${new Date(until).toISOString()}`);

  return [nameResult, untilResult, signatureResult(body, serverName, sigId, sigLabel)];
}

function signatureResult(body: Record<string, unknown>, serverName: string, id: string, label: string): CheckResult {
  const keysFix = "Synapse signs its key response with the key in its signing key file; if the file was replaced or a proxy rewrites the response, restore the server's original signing key and proxy /_matrix/key unchanged.";
  const verifyKeys = isObject(body.verify_keys) ? body.verify_keys : {};
  const publicKeys: Record<string, string> = {};
  for (const [keyId, entry] of Object.entries(verifyKeys)) {
    if (keyId.startsWith('ed25519:') && isObject(entry) && typeof entry.key === 'string') publicKeys[keyId] = entry.key;
  }
  const usable = Object.entries(publicKeys).filter(([, key]) => decodeBase64(key)?.length === 32);
  if (usable.length === 0) return result(id, label, 'fail', 'verify_keys has no ed25519 key', keysFix);
  const checks = checkEd25519Signatures(body, typeof body.server_name === 'string' ? body.server_name : serverName, publicKeys);
  if (checks.length === 0) return result(id, label, 'fail', `no ed25519 signature by ${String(body.server_name)} on the key response`, keysFix);
  const bad = checks.filter((check) => !check.ok);
  if (bad.length) {
    return result(id, label, 'fail', bad.map((check) => `${check.keyId}: ${check.reason}`).join('; '), keysFix);
  }
  return result(id, label, 'pass', `${checks.length} signature(s) verified with ${checks.map((c) => c.keyId).join(', ')}`);
}
