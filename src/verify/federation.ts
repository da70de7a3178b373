/**
 * Federation as another homeserver sees it: resolve the server name the way the spec says,
 * then, at that address with that certificate name and Host header, the version endpoint
 * and the server's published signing keys (name, validity, every ed25519 signature).
 */
import { blockedResult, certificateCheckFor, endpointBlocker } from './blocking.js';
import { certificateResult } from './client-api.js';
import { describeStatus, resultsFor, type VerifyContext } from './context.js';
import { excerpt, failureText, isObject, jsonBody, request, type HttpResponse } from './http.js';
import { resolveFederationEndpoint, type FederationEndpoint, type WellKnownServer } from './resolve-server.js';
import { formatHostPort } from './server-name.js';
import { checkEd25519Signatures, decodeBase64 } from './signatures.js';
import type { CheckResult } from './types.js';
import { joinLocalized, verbatim, type Localized } from '../i18n/index.js';
import { checkText as t } from '../i18n/messages/verify-checks.js';

const result = resultsFor('federation');

const PROXY_FIX = t.proxyFix;

export async function federationChecks(context: VerifyContext): Promise<CheckResult[]> {
  const { serverName, federation } = context.options;
  const ids: Array<[string, Localized]> = [
    ['discovery', t.discoveryLabel],
    ['tls', t.federationTlsLabel],
    ['version', t.federationVersionLabel],
    ['key-server-name', t.keyServerNameLabel],
    ['key-valid-until', t.keyValidUntilLabel],
    ['key-signatures', t.keySignaturesLabel],
  ];
  if (!federation) return ids.map(([id, label]) => result(id, label, 'skip', t.federationOff));
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
      result('discovery', ids[0][1], 'fail', joinLocalized([...endpoint.trail, endpoint.error], '; '), t.discoveryFix({ server: serverName })),
      ...ids.slice(1).map(([id, label]) => result(id, label, 'skip', t.noEndpoint)),
    ];
  }
  const where = formatHostPort(endpoint.host, endpoint.port);
  const trail = joinLocalized(endpoint.trail, '; ');
  const route = trail.en.endsWith(where) ? trail : joinLocalized([trail, where], ' → ');
  const discovery = result('discovery', ids[0][1], 'pass', t.discovered({ route, tlsName: endpoint.tlsName, host: endpoint.hostHeader }));

  const tls = await tlsCheck(context, endpoint, ids[1][1]);
  const blocker = await endpointBlocker(context, 'federation.tls', endpoint.tlsName, endpoint.port, { host: endpoint.host, port: endpoint.port });
  if (blocker) return [discovery, tls, ...ids.slice(2).map(([id, label]) => blockedResult('federation', id, label, blocker))];
  const [version, keys] = await Promise.all([versionCheck(context, endpoint, ids[2][1]), fetchKeys(context, endpoint)]);
  return [discovery, tls, version, ...keyChecks(context, keys, ids.slice(3), where)];
}

async function wellKnownServer(context: VerifyContext): Promise<WellKnownServer> {
  const fetch = await context.wellKnown('server');
  if (fetch.error) return { problem: fetch.error.text };
  const response = fetch.response!;
  if (response.status !== 200) return { problem: verbatim(`HTTP ${response.status}`) };
  const body = jsonBody(response);
  if (!isObject(body)) return { problem: t.notJson };
  if (typeof body['m.server'] !== 'string') return { problem: t.noMServer };
  return { mServer: body['m.server'] };
}

function federationUrl(endpoint: FederationEndpoint, path: string): string {
  return `https://${formatHostPort(endpoint.tlsName, endpoint.port)}${path}`;
}

function unreachableFix(context: VerifyContext, endpoint: FederationEndpoint): Localized {
  if (endpoint.port === 8448) return t.open8448Fix({ name: endpoint.tlsName, host: context.options.synapseHost });
  return t.reachableFix({ where: formatHostPort(endpoint.host, endpoint.port) });
}

async function tlsCheck(context: VerifyContext, endpoint: FederationEndpoint, label: Localized): Promise<CheckResult> {
  const probe = await context.certificate(endpoint.tlsName, endpoint.port, { host: endpoint.host, port: endpoint.port });
  if (probe.info) return certificateResult(context, probe.info, endpoint.tlsName, 'tls', label, result);
  return result('tls', label, 'fail', joinLocalized([formatHostPort(endpoint.host, endpoint.port), probe.error ? failureText(probe.error) : t.noAnswer], ': '), unreachableFix(context, endpoint));
}

async function versionCheck(context: VerifyContext, endpoint: FederationEndpoint, label: Localized): Promise<CheckResult> {
  const url = federationUrl(endpoint, '/_matrix/federation/v1/version');
  try {
    const response = await request(context.http, { url, address: { host: endpoint.host, port: endpoint.port }, hostHeader: endpoint.hostHeader });
    const body = jsonBody(response);
    const server = isObject(body) && isObject(body.server) ? body.server : undefined;
    if (response.status === 200 && server) {
      return result('version', label, 'pass', verbatim(`${String(server.name ?? 'unknown')} ${String(server.version ?? '')}`.trim()));
    }
    return result('version', label, 'fail', verbatim(`${url}: ${describeStatus(response)}: ${excerpt(response.body)}`), PROXY_FIX);
  } catch (error) {
    return result('version', label, 'fail', joinLocalized([url, failureText(error)], ': '), unreachableFix(context, endpoint));
  }
}

type KeyFetch = { response: HttpResponse; url: string } | { error: Localized; url: string; fix: Localized };

async function fetchKeys(context: VerifyContext, endpoint: FederationEndpoint): Promise<KeyFetch> {
  const url = federationUrl(endpoint, '/_matrix/key/v2/server');
  try {
    return { url, response: await request(context.http, { url, address: { host: endpoint.host, port: endpoint.port }, hostHeader: endpoint.hostHeader }) };
  } catch (error) {
    return { url, error: failureText(error), fix: unreachableFix(context, endpoint) };
  }
}

function keyChecks(context: VerifyContext, fetch: KeyFetch, ids: Array<[string, Localized]>, where: string): CheckResult[] {
  const [[nameId, nameLabel], [untilId, untilLabel], [sigId, sigLabel]] = ids;
  const { serverName } = context.options;
  const skipRest = (why: Localized) => [result(untilId, untilLabel, 'skip', why), result(sigId, sigLabel, 'skip', why)];
  if ('error' in fetch) return [result(nameId, nameLabel, 'fail', joinLocalized([fetch.url, fetch.error], ': '), fetch.fix), ...skipRest(t.keysNotFetched)];
  const body = jsonBody(fetch.response);
  if (fetch.response.status !== 200 || !isObject(body)) {
    return [result(nameId, nameLabel, 'fail', verbatim(`${fetch.url}: ${describeStatus(fetch.response)}: ${excerpt(fetch.response.body)}`), PROXY_FIX), ...skipRest(t.noKeyResponse)];
  }

  const nameResult =
    body.server_name === serverName
      ? result(nameId, nameLabel, 'pass', t.serverNameFrom({ server: serverName, where }))
      : result(
          nameId,
          nameLabel,
          'fail',
          t.serverNameOther({ where, got: String(JSON.stringify(body.server_name)), server: serverName }),
          t.serverNameOtherFix({ server: serverName }),
        );

  const until = body.valid_until_ts;
  const now = context.now();
  const untilResult =
    typeof until !== 'number'
      ? result(untilId, untilLabel, 'fail', t.validUntilMissing, t.validUntilMissingFix)
      : until <= now
        ? result(
            untilId,
            untilLabel,
            'fail',
            t.validUntilPast({ until: new Date(until).toISOString(), now: new Date(now).toISOString() }),
            t.validUntilPastFix,
          )
        : result(untilId, untilLabel, 'pass', t.validUntil({ until: new Date(until).toISOString() }));

  return [nameResult, untilResult, signatureResult(body, serverName, sigId, sigLabel)];
}

function signatureResult(body: Record<string, unknown>, serverName: string, id: string, label: Localized): CheckResult {
  const keysFix = t.keysFix;
  const verifyKeys = isObject(body.verify_keys) ? body.verify_keys : {};
  const publicKeys: Record<string, string> = {};
  for (const [keyId, entry] of Object.entries(verifyKeys)) {
    if (keyId.startsWith('ed25519:') && isObject(entry) && typeof entry.key === 'string') publicKeys[keyId] = entry.key;
  }
  const usable = Object.entries(publicKeys).filter(([, key]) => decodeBase64(key)?.length === 32);
  if (usable.length === 0) return result(id, label, 'fail', t.noEd25519Key, keysFix);
  const checks = checkEd25519Signatures(body, typeof body.server_name === 'string' ? body.server_name : serverName, publicKeys);
  if (checks.length === 0) return result(id, label, 'fail', t.noSignature({ server: String(body.server_name) }), keysFix);
  const bad = checks.filter((check) => !check.ok);
  if (bad.length) {
    return result(id, label, 'fail', joinLocalized(bad.map((check) => joinLocalized([check.keyId, check.reason ?? t.invalid], ': ')), '; '), keysFix);
  }
  return result(id, label, 'pass', t.signaturesVerified({ count: checks.length, keys: checks.map((c) => c.keyId).join(', ') }));
}
