/**
 * Finds where a remote homeserver would send federation requests for a server name, in
 * the order of the server-server spec's "Resolving server names": IP literal; explicit
 * port; /.well-known/matrix/server (then, for the delegated name: IP literal, explicit
 * port, SRV _matrix-fed._tcp, legacy SRV _matrix._tcp, port 8448); else SRV on the server
 * name itself (both kinds); else port 8448.
 */
import { parseServerName, formatHostPort } from './server-name.js';
import type { SrvRecord } from './types.js';
import { verbatim, type Localized } from '../i18n/index.js';
import { checkText as t } from '../i18n/messages/verify-checks.js';

export interface WellKnownServer {
  /** The m.server value when the file was fetched and valid. */
  mServer?: string;
  /** Why the file could not be used (absent, invalid JSON, wrong shape). */
  problem?: Localized;
}

export interface ResolveDeps {
  wellKnown(serverName: string): Promise<WellKnownServer>;
  resolveSrv(name: string): Promise<SrvRecord[]>;
}

export interface FederationEndpoint {
  /** Where to open the connection. */
  host: string;
  port: number;
  /** The name the certificate must be valid for (and SNI). */
  tlsName: string;
  /** The Host header remote servers send. */
  hostHeader: string;
  /** Each decision, in order, for the report. */
  trail: Localized[];
  wellKnown?: WellKnownServer;
}

export interface ResolveFailure {
  error: Localized;
  trail: Localized[];
  wellKnown?: WellKnownServer;
}

export async function resolveFederationEndpoint(serverName: string, deps: ResolveDeps): Promise<FederationEndpoint | ResolveFailure> {
  const trail: Localized[] = [];
  const parsed = parseServerName(serverName);
  if (!parsed) return { error: t.invalidServerName({ name: serverName }), trail };
  if (parsed.ipLiteral) {
    const port = parsed.port ?? 8448;
    trail.push(t.ipLiteral({ name: serverName, target: formatHostPort(parsed.host, port) }));
    return { host: parsed.host, port, tlsName: parsed.host, hostHeader: serverName, trail };
  }
  if (parsed.port) {
    trail.push(t.explicitPort({ name: serverName }));
    return { host: parsed.host, port: parsed.port, tlsName: parsed.host, hostHeader: serverName, trail };
  }

  const wellKnown = await deps.wellKnown(parsed.host);
  if (wellKnown.mServer) {
    trail.push(verbatim(`/.well-known/matrix/server → ${wellKnown.mServer}`));
    const delegated = parseServerName(wellKnown.mServer);
    if (!delegated) return { error: t.invalidMServer({ value: wellKnown.mServer }), trail, wellKnown };
    if (delegated.ipLiteral || delegated.port) {
      const port = delegated.port ?? 8448;
      return { host: delegated.host, port, tlsName: delegated.host, hostHeader: wellKnown.mServer, trail, wellKnown };
    }
    const srv = await srvEndpoint(delegated.host, deps, trail);
    if (srv) return { ...srv, tlsName: delegated.host, hostHeader: delegated.host, trail, wellKnown };
    trail.push(t.noSrvFor({ host: delegated.host }));
    return { host: delegated.host, port: 8448, tlsName: delegated.host, hostHeader: delegated.host, trail, wellKnown };
  }
  trail.push(t.wellKnownNotUsed({ problem: wellKnown.problem ?? t.absent }));
  const srv = await srvEndpoint(parsed.host, deps, trail);
  if (srv) return { ...srv, tlsName: parsed.host, hostHeader: parsed.host, trail, wellKnown };
  trail.push(t.noSrv({ target: `${parsed.host}:8448` }));
  return { host: parsed.host, port: 8448, tlsName: parsed.host, hostHeader: parsed.host, trail, wellKnown };
}

async function srvEndpoint(name: string, deps: ResolveDeps, trail: Localized[]): Promise<{ host: string; port: number } | undefined> {
  for (const service of ['_matrix-fed._tcp', '_matrix._tcp']) {
    const records = await deps.resolveSrv(`${service}.${name}`).catch(() => []);
    const best = pickSrv(records);
    if (best) {
      const record = { record: `${service}.${name}`, target: formatHostPort(best.name, best.port) };
      trail.push(service === '_matrix._tcp' ? t.srvDeprecated(record) : t.srvRecord(record));
      return { host: best.name, port: best.port };
    }
  }
  return undefined;
}

/** Lowest priority, then highest weight; "." means the service is explicitly absent. */
export function pickSrv(records: SrvRecord[]): SrvRecord | undefined {
  return [...records].filter((r) => r.name && r.name !== '.').sort((a, b) => a.priority - b.priority || b.weight - a.weight)[0];
}
