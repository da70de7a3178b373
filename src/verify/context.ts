import { Resolver } from 'node:dns/promises';
import { HttpError, inspectCertificate, request, type CertificateInfo, type HttpContext, type HttpResponse } from './http.js';
import type { CheckGroup, CheckResult, CheckStatus, SrvRecord, VerifyOptions, VerifyResolver } from './types.js';

/** What every check group gets: the options with defaults filled, HTTP settings, DNS, a clock. */
export interface VerifyContext {
  options: VerifyOptions;
  http: HttpContext;
  resolver: VerifyResolver;
  now(): number;
  /** GET https://server_name/.well-known/matrix/{kind}, fetched once and shared between groups. */
  wellKnown(kind: 'server' | 'client'): Promise<WellKnownFetch>;
  /** The certificate name:port presents (at `address` when given), looked at once and shared. */
  certificate(name: string, port: number, address?: { host: string; port: number }): Promise<CertificateProbe>;
}

/** What a TLS connection to an endpoint found: its certificate, or why there was none. */
export interface CertificateProbe {
  info?: CertificateInfo;
  error?: Error;
}

export interface WellKnownFetch {
  url: string;
  /** The URL that finally answered, after redirects. */
  finalUrl: string;
  response?: HttpResponse;
  error?: HttpError;
  redirects: number;
}

const MAX_REDIRECTS = 5;

export function createContext(options: VerifyOptions, http: HttpContext): VerifyContext {
  const resolver = options.resolver ?? systemResolver(http.timeoutMs);
  const cache = new Map<string, Promise<WellKnownFetch>>();
  const certificates = new Map<string, Promise<CertificateProbe>>();
  const context: VerifyContext = {
    options,
    http,
    resolver,
    now: options.now ?? Date.now,
    wellKnown(kind) {
      let pending = cache.get(kind);
      if (!pending) {
        pending = fetchFollowingRedirects(http, `https://${options.serverName}/.well-known/matrix/${kind}`);
        cache.set(kind, pending);
      }
      return pending;
    },
    certificate(name, port, address) {
      const key = `${name.toLowerCase()}:${port}@${address ? `${address.host}:${address.port}` : ''}`;
      let pending = certificates.get(key);
      if (!pending) {
        pending = inspectCertificate(http, name, port, address).then(
          (info) => ({ info }),
          (error: Error) => ({ error }),
        );
        certificates.set(key, pending);
      }
      return pending;
    },
  };
  return context;
}

/** Remote servers follow redirects for the well-known files; so does this. */
async function fetchFollowingRedirects(http: HttpContext, url: string): Promise<WellKnownFetch> {
  let current = url;
  for (let redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
    let response: HttpResponse;
    try {
      response = await request(http, { url: current, maxBodyBytes: 64 * 1024 });
    } catch (error) {
      return { url, finalUrl: current, error: error instanceof HttpError ? error : new HttpError('protocol', String(error)), redirects };
    }
    const location = response.headers.location;
    if (response.status >= 300 && response.status < 400 && location) {
      current = new URL(location, current).toString();
      continue;
    }
    return { url, finalUrl: current, response, redirects };
  }
  return { url, finalUrl: current, error: new HttpError('protocol', `more than ${MAX_REDIRECTS} redirects`), redirects: MAX_REDIRECTS };
}

function systemResolver(timeoutMs: number): VerifyResolver {
  const resolver = new Resolver({ timeout: Math.max(500, Math.floor(timeoutMs / 2)), tries: 2 });
  return {
    resolve4: (name) => resolver.resolve4(name),
    resolve6: (name) => resolver.resolve6(name),
    resolveSrv: async (name): Promise<SrvRecord[]> => (await resolver.resolveSrv(name)).map((r) => ({ name: r.name, port: r.port, priority: r.priority, weight: r.weight })),
  };
}

/** Builds results for one group without repeating the group name. */
export function resultsFor(group: CheckGroup) {
  return (id: string, label: string, status: CheckStatus, evidence: string, fix?: string): CheckResult =>
    fix && status !== 'pass' ? { id: `${group}.${id}`, group, label, status, evidence, fix } : { id: `${group}.${id}`, group, label, status, evidence };
}

/** "200", "404 (text/html)", for evidence. */
export function describeStatus(response: HttpResponse): string {
  const type = String(response.headers['content-type'] ?? '').split(';')[0];
  return type ? `HTTP ${response.status} (${type})` : `HTTP ${response.status}`;
}
