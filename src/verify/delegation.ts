/**
 * Delegation: the two well-known files on https://server_name, and SRV records.
 * /.well-known/matrix/server tells other servers where federation goes;
 * /.well-known/matrix/client tells clients (web ones need the CORS header) where the
 * client API is. Both must name the host that actually serves Synapse.
 */
import { blockedResult, certificateCheckFor, endpointBlocker } from './blocking.js';
import { certificateResult } from './client-api.js';
import { describeStatus, resultsFor, type VerifyContext, type WellKnownFetch } from './context.js';
import { excerpt, failureText, isObject, jsonBody, request } from './http.js';
import { pickSrv } from './resolve-server.js';
import { parseServerName } from './server-name.js';
import type { CheckResult } from './types.js';
import { joinLocalized, verbatim, type Localized } from '../i18n/index.js';
import { checkText as t } from '../i18n/messages/verify-checks.js';

const result = resultsFor('delegation');

export async function delegationChecks(context: VerifyContext): Promise<CheckResult[]> {
  const tls = await serverNameCertificate(context);
  return [...tls, await serverFile(context), ...(await clientFile(context)), await srvRecords(context)];
}

/**
 * server_name's own certificate, when server_name is another host than Synapse's (the
 * delegation files are served there); the Synapse host's is the client API's TLS check.
 */
async function serverNameCertificate(context: VerifyContext): Promise<CheckResult[]> {
  const host = serverHost(context);
  if (certificateCheckFor(context, host) !== 'delegation.tls') return [];
  const label = t.tlsLabel({ host });
  const probe = await context.certificate(host, 443);
  if (!probe.info) {
    return [result('tls', label, 'fail', joinLocalized([`${host}:443`, probe.error ? failureText(probe.error) : t.noAnswer], ': '), t.delegationTlsFix({ host }))];
  }
  return [certificateResult(context, probe.info, host, 'tls', label, result)];
}

function serverHost(context: VerifyContext): string {
  return context.options.serverName.replace(/:\d+$/, '');
}

/** The well-known files cannot be fetched while server_name's HTTPS endpoint fails. */
function wellKnownBlocker(context: VerifyContext) {
  const host = serverHost(context);
  return endpointBlocker(context, certificateCheckFor(context, host), host);
}

function fetched(fetch: WellKnownFetch): Localized {
  return fetch.finalUrl === fetch.url ? verbatim(fetch.url) : t.redirectedTo({ url: fetch.url, final: fetch.finalUrl });
}

/** "<url>: <what went wrong>". */
function fetchFailed(fetch: WellKnownFetch, error: Localized): Localized {
  return joinLocalized([fetched(fetch), error], ': ');
}

export function serverFileContent(synapseHost: string): string {
  return `{"m.server": "${synapseHost}:443"}`;
}

function clientFileContent(synapseHost: string): string {
  return `{"m.homeserver": {"base_url": "https://${synapseHost}"}}`;
}

async function serverFile(context: VerifyContext): Promise<CheckResult> {
  const { serverName, synapseHost, federation } = context.options;
  const label = verbatim('/.well-known/matrix/server');
  const required = Boolean(context.options.expectDelegation) && federation;
  const want = t.serveServerFile({ server: serverName, content: serverFileContent(synapseHost) });
  if (!federation) return result('server', label, 'skip', t.federationOff);
  const blocker = await wellKnownBlocker(context);
  if (blocker) return blockedResult('delegation', 'server', label, blocker);
  const fetch = await context.wellKnown('server');
  if (fetch.error) {
    return result('server', label, required ? 'fail' : 'warn', fetchFailed(fetch, fetch.error.text), want);
  }
  const response = fetch.response!;
  if (response.status === 404 && !required) {
    return result('server', label, 'pass', t.noDelegation({ where: fetched(fetch), server: serverName }));
  }
  if (response.status !== 200) return result('server', label, required ? 'fail' : 'warn', fetchFailed(fetch, verbatim(describeStatus(response))), want);
  const body = jsonBody(response);
  if (!isObject(body)) {
    const type = String(response.headers['content-type'] ?? '').split(';')[0].trim();
    if (!required && !/json/i.test(type)) {
      // A web page (say, a catch-all redirect to Element) is no delegation file: remote servers
      // treat it like a 404 and fall back to SRV records or port 8448.
      return result('server', label, 'pass', t.webPage({ where: fetched(fetch), status: describeStatus(response), server: serverName }));
    }
    return result('server', label, required ? 'fail' : 'warn', t.notValidJson({ where: fetched(fetch), excerpt: excerpt(response.body) }), want);
  }
  const mServer = body['m.server'];
  if (typeof mServer !== 'string' || !parseServerName(mServer)) {
    const value = JSON.stringify(mServer);
    const evidence = value === undefined ? t.mServerMissing({ where: fetched(fetch) }) : t.mServerNotName({ where: fetched(fetch), value });
    return result('server', label, 'fail', evidence, want);
  }
  const delegated = parseServerName(mServer)!;
  if (delegated.host.toLowerCase() !== synapseHost.toLowerCase()) {
    return result('server', label, 'fail', t.mServerElsewhere({ value: mServer, host: synapseHost }), want);
  }
  return result('server', label, 'pass', fetch.redirects ? t.mServerAfterRedirects({ value: mServer, count: fetch.redirects }) : verbatim(`m.server ${mServer}`));
}

async function clientFile(context: VerifyContext): Promise<CheckResult[]> {
  const { serverName, synapseHost } = context.options;
  const label = verbatim('/.well-known/matrix/client');
  const corsLabel = t.corsLabel;
  const required = serverName !== synapseHost;
  const want = t.serveClientFile({ server: serverName, content: clientFileContent(synapseHost) });
  const blocker = await wellKnownBlocker(context);
  if (blocker) return [blockedResult('delegation', 'client', label, blocker), blockedResult('delegation', 'client-cors', corsLabel, blocker)];
  const fetch = await context.wellKnown('client');
  const skipCors = (why: Localized) => result('client-cors', corsLabel, 'skip', why);
  if (fetch.error) {
    return [result('client', label, required ? 'fail' : 'warn', fetchFailed(fetch, fetch.error.text), want), skipCors(t.fileNotFetched)];
  }
  const response = fetch.response!;
  if (response.status !== 200) {
    const status = required ? 'fail' : 'warn';
    const evidence = required
      ? fetchFailed(fetch, verbatim(describeStatus(response)))
      : t.clientFileOptional({ where: fetched(fetch), status: describeStatus(response), server: serverName });
    return [result('client', label, status, evidence, want), skipCors(t.fileAnswered({ status: response.status }))];
  }
  const cors = response.headers['access-control-allow-origin'];
  const corsResult =
    cors === '*'
      ? result('client-cors', corsLabel, 'pass', verbatim('Access-Control-Allow-Origin: *'))
      : result('client-cors', corsLabel, 'fail', cors ? t.corsOther({ value: String(cors) }) : t.corsMissing, t.corsFix);
  const body = jsonBody(response);
  if (!isObject(body)) return [result('client', label, 'fail', t.notValidJson({ where: fetched(fetch), excerpt: excerpt(response.body) }), want), corsResult];
  const homeserver = body['m.homeserver'];
  const baseUrl = isObject(homeserver) ? homeserver.base_url : undefined;
  if (typeof baseUrl !== 'string') {
    const value = JSON.stringify(baseUrl);
    return [result('client', label, 'fail', value === undefined ? t.baseUrlMissing : t.baseUrlIs({ value }), want), corsResult];
  }
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return [result('client', label, 'fail', t.baseUrlNotUrl({ value: baseUrl }), want), corsResult];
  }
  if (url.protocol !== 'https:') return [result('client', label, 'fail', t.baseUrlNotHttps({ value: baseUrl }), want), corsResult];
  if (url.hostname.toLowerCase() !== synapseHost.toLowerCase()) {
    return [result('client', label, 'fail', t.baseUrlElsewhere({ value: baseUrl, host: synapseHost }), want), corsResult];
  }
  // Consistency with the host actually serving Synapse: the base URL must answer the client API.
  const synapseBlocker = await endpointBlocker(context, 'client-api.tls', synapseHost);
  if (synapseBlocker) return [blockedResult('delegation', 'client', label, synapseBlocker), corsResult];
  const versionsUrl = `${baseUrl.replace(/\/+$/, '')}/_matrix/client/versions`;
  try {
    const versions = await request(context.http, { url: versionsUrl });
    const versionsBody = jsonBody(versions);
    if (versions.status !== 200 || !isObject(versionsBody) || !Array.isArray(versionsBody.versions)) {
      return [result('client', label, 'fail', t.baseUrlAnswered({ value: baseUrl, url: versionsUrl, status: describeStatus(versions) }), t.baseUrlFix), corsResult];
    }
  } catch (error) {
    return [result('client', label, 'fail', t.baseUrlFailed({ value: baseUrl, url: versionsUrl, error: failureText(error) }), t.baseUrlFix), corsResult];
  }
  return [result('client', label, 'pass', t.baseUrlOk({ value: baseUrl })), corsResult];
}

async function srvRecords(context: VerifyContext): Promise<CheckResult> {
  const { serverName, synapseHost, federation } = context.options;
  const label = t.srvLabel;
  if (!federation) return result('srv', label, 'skip', t.federationOff);
  const host = serverName.replace(/:\d+$/, '');
  const found: string[] = [];
  const targets: string[] = [];
  for (const service of ['_matrix-fed._tcp', '_matrix._tcp']) {
    const records = await context.resolver.resolveSrv(`${service}.${host}`).catch(() => []);
    const best = pickSrv(records);
    if (best) {
      found.push(`${service}.${host} → ${best.name}:${best.port}`);
      targets.push(best.name.replace(/\.$/, '').toLowerCase());
    }
  }
  if (found.length === 0) return result('srv', label, 'pass', t.srvNone({ host }));
  const wellKnown = (await context.wellKnown('server')).response;
  const records = found.join('; ');
  const evidence = wellKnown?.status === 200 ? t.srvBehindWellKnown({ records }) : verbatim(records);
  if (targets.some((target) => target !== synapseHost.toLowerCase())) {
    return result('srv', label, 'warn', evidence, t.srvFix({ host: synapseHost }));
  }
  return result('srv', label, 'pass', evidence);
}
