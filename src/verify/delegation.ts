/**
 * Delegation: the two well-known files on https://server_name, and SRV records.
 * /.well-known/matrix/server tells other servers where federation goes;
 * /.well-known/matrix/client tells clients (web ones need the CORS header) where the
 * client API is. Both must name the host that actually serves Synapse.
 */
import { blockedResult, certificateCheckFor, endpointBlocker } from './blocking.js';
import { certificateResult } from './client-api.js';
import { describeStatus, resultsFor, type VerifyContext, type WellKnownFetch } from './context.js';
import { excerpt, isObject, jsonBody, request } from './http.js';
import { pickSrv } from './resolve-server.js';
import { parseServerName } from './server-name.js';
import type { CheckResult } from './types.js';

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
  const label = `TLS certificate of ${host}`;
  const probe = await context.certificate(host, 443);
  if (!probe.info) {
    return [result('tls', label, 'fail', `${host}:443: ${probe.error?.message ?? 'no answer'}`, `Make sure ${host} serves HTTPS on 443 (the delegation files are read there) and the firewall allows it.`)];
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

function fetched(fetch: WellKnownFetch): string {
  return fetch.finalUrl === fetch.url ? fetch.url : `${fetch.url} (redirected to ${fetch.finalUrl})`;
}

export function serverFileContent(synapseHost: string): string {
  return `{"m.server": "${synapseHost}:443"}`;
}

function clientFileContent(synapseHost: string): string {
  return `{"m.homeserver": {"base_url": "https://${synapseHost}"}}`;
}

async function serverFile(context: VerifyContext): Promise<CheckResult> {
  const { serverName, synapseHost, federation } = context.options;
  const label = '/.well-known/matrix/server';
  const required = Boolean(context.options.expectDelegation) && federation;
  const want = `Serve https://${serverName}/.well-known/matrix/server with ${serverFileContent(synapseHost)} (Content-Type: application/json).`;
  if (!federation) return result('server', label, 'skip', 'federation is off in the answers');
  const blocker = await wellKnownBlocker(context);
  if (blocker) return blockedResult('delegation', 'server', label, blocker);
  const fetch = await context.wellKnown('server');
  if (fetch.error) {
    return result('server', label, required ? 'fail' : 'warn', `${fetched(fetch)}: ${fetch.error.message}`, want);
  }
  const response = fetch.response!;
  if (response.status === 404 && !required) {
    return result('server', label, 'pass', `${fetched(fetch)}: HTTP 404, no delegation; other servers use ${serverName}'s SRV records or port 8448`);
  }
  if (response.status !== 200) return result('server', label, required ? 'fail' : 'warn', `${fetched(fetch)}: ${describeStatus(response)}`, want);
  const body = jsonBody(response);
  if (!isObject(body)) {
    const type = String(response.headers['content-type'] ?? '').split(';')[0].trim();
    if (!required && !/json/i.test(type)) {
      // A web page (say, a catch-all redirect to Element) is no delegation file: remote servers
      // treat it like a 404 and fall back to SRV records or port 8448.
      return result('server', label, 'pass', `${fetched(fetch)}: ${describeStatus(response)}, a web page, not a delegation file; other servers use ${serverName}'s SRV records or port 8448`);
    }
    return result('server', label, required ? 'fail' : 'warn', `${fetched(fetch)}: not valid JSON: ${excerpt(response.body)}`, want);
  }
  const mServer = body['m.server'];
  if (typeof mServer !== 'string' || !parseServerName(mServer)) {
    return result('server', label, 'fail', `${fetched(fetch)}: m.server is ${JSON.stringify(mServer) ?? 'missing'}, not a server name`, want);
  }
  const delegated = parseServerName(mServer)!;
  if (delegated.host.toLowerCase() !== synapseHost.toLowerCase()) {
    return result('server', label, 'fail', `m.server is ${mServer}, but Synapse is served on ${synapseHost}`, want);
  }
  return result('server', label, 'pass', `m.server ${mServer}${fetch.redirects ? ` (after ${fetch.redirects} redirect(s))` : ''}`);
}

async function clientFile(context: VerifyContext): Promise<CheckResult[]> {
  const { serverName, synapseHost } = context.options;
  const label = '/.well-known/matrix/client';
  const corsLabel = 'CORS header on /.well-known/matrix/client';
  const required = serverName !== synapseHost;
  const want = `Serve https://${serverName}/.well-known/matrix/client with ${clientFileContent(synapseHost)} and the header "Access-Control-Allow-Origin: *".`;
  const blocker = await wellKnownBlocker(context);
  if (blocker) return [blockedResult('delegation', 'client', label, blocker), blockedResult('delegation', 'client-cors', corsLabel, blocker)];
  const fetch = await context.wellKnown('client');
  const skipCors = (why: string) => result('client-cors', corsLabel, 'skip', why);
  if (fetch.error) {
    return [result('client', label, required ? 'fail' : 'warn', `${fetched(fetch)}: ${fetch.error.message}`, want), skipCors('the file could not be fetched')];
  }
  const response = fetch.response!;
  if (response.status !== 200) {
    const status = required ? 'fail' : 'warn';
    const why = required ? '' : `; clients that only know ${serverName} still find the API there, but clients need the file for auto-discovery`;
    return [result('client', label, status, `${fetched(fetch)}: ${describeStatus(response)}${why}`, want), skipCors(`the file answered HTTP ${response.status}`)];
  }
  const cors = response.headers['access-control-allow-origin'];
  const corsResult =
    cors === '*'
      ? result('client-cors', corsLabel, 'pass', 'Access-Control-Allow-Origin: *')
      : result(
          'client-cors',
          corsLabel,
          'fail',
          cors ? `Access-Control-Allow-Origin: ${cors} (web clients on other origins cannot read the file)` : 'no Access-Control-Allow-Origin header: Element Web and other browser clients on another origin cannot read the file',
          `Add the header to that location, e.g. in nginx: add_header Access-Control-Allow-Origin "*" always;`,
        );
  const body = jsonBody(response);
  if (!isObject(body)) return [result('client', label, 'fail', `${fetched(fetch)}: not valid JSON: ${excerpt(response.body)}`, want), corsResult];
  const homeserver = body['m.homeserver'];
  const baseUrl = isObject(homeserver) ? homeserver.base_url : undefined;
  if (typeof baseUrl !== 'string') return [result('client', label, 'fail', `m.homeserver.base_url is ${JSON.stringify(baseUrl) ?? 'missing'}`, want), corsResult];
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return [result('client', label, 'fail', `m.homeserver.base_url "${baseUrl}" is not a URL`, want), corsResult];
  }
  if (url.protocol !== 'https:') return [result('client', label, 'fail', `m.homeserver.base_url "${baseUrl}" is not https`, want), corsResult];
  if (url.hostname.toLowerCase() !== synapseHost.toLowerCase()) {
    return [result('client', label, 'fail', `m.homeserver.base_url is ${baseUrl}, but Synapse is served on ${synapseHost}`, want), corsResult];
  }
  // Consistency with the host actually serving Synapse: the base URL must answer the client API.
  const synapseBlocker = await endpointBlocker(context, 'client-api.tls', synapseHost);
  if (synapseBlocker) return [blockedResult('delegation', 'client', label, synapseBlocker), corsResult];
  const versionsUrl = `${baseUrl.replace(/\/+$/, '')}/_matrix/client/versions`;
  try {
    const versions = await request(context.http, { url: versionsUrl });
    const versionsBody = jsonBody(versions);
    if (versions.status !== 200 || !isObject(versionsBody) || !Array.isArray(versionsBody.versions)) {
      return [result('client', label, 'fail', `base_url ${baseUrl}, but ${versionsUrl} answered ${describeStatus(versions)}`, 'Check that the base URL is the host nginx proxies to Synapse.'), corsResult];
    }
  } catch (error) {
    return [result('client', label, 'fail', `base_url ${baseUrl}, but ${versionsUrl} failed: ${(error as Error).message}`, 'Check that the base URL is the host nginx proxies to Synapse.'), corsResult];
  }
  return [result('client', label, 'pass', `m.homeserver.base_url ${baseUrl} (answers the client API)`), corsResult];
}

async function srvRecords(context: VerifyContext): Promise<CheckResult> {
  const { serverName, synapseHost, federation } = context.options;
  const label = 'SRV records';
  if (!federation) return result('srv', label, 'skip', 'federation is off in the answers');
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
  if (found.length === 0) return result('srv', label, 'pass', `none for ${host} (delegation uses the well-known file or port 8448)`);
  const wellKnown = (await context.wellKnown('server')).response;
  const note = wellKnown?.status === 200 ? '; a valid /.well-known/matrix/server takes precedence over them' : '';
  if (targets.some((target) => target !== synapseHost.toLowerCase())) {
    return result('srv', label, 'warn', `${found.join('; ')}${note}`, `Point the SRV records at ${synapseHost}, or remove them (the spec discourages SRV delegation).`);
  }
  return result('srv', label, 'pass', `${found.join('; ')}${note}`);
}
