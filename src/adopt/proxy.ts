import type { Listener } from '../host/ports.js';
import { proxyTargets, type NginxConfig, type NginxServer } from './nginx-config.js';

/** What serves the public ports, and what nginx does for the names of this homeserver. */
export interface ProxyFacts {
  /** Programs listening on 80, 443 and 8448. */
  holders: Record<number, string[]>;
  /** nginx -T could be read. */
  nginx?: NginxFacts;
}

export interface NginxFacts {
  files: string[];
  /** Server blocks that pass requests to Synapse. */
  synapseServers: ServerSummary[];
  /** Server blocks that serve /.well-known/matrix/* (with their content when it is inline). */
  wellKnownServers: ServerSummary[];
  /** Every server block, summarised. */
  servers: ServerSummary[];
}

export interface ServerSummary {
  file: string;
  line: number;
  names: string[];
  ports: number[];
  ssl: boolean;
  sslCertificate?: string;
  sslCertificateKey?: string;
  proxiesSynapse: boolean;
  wellKnownServer?: string;
  wellKnownClient?: string;
  /** Locations that are neither Matrix, .well-known, ACME, nor a plain redirect: content matrix-setup would not serve. */
  otherContent: string[];
  /** The whole block only redirects (a port-80 → HTTPS block). */
  redirectOnly: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]', '0.0.0.0']);
const MATRIX_PATHS = /(_matrix|_synapse|\.well-known\/(matrix|acme-challenge))/;

/** Summarises nginx's server blocks against Synapse's HTTP listener ports. */
export function analyseNginx(config: NginxConfig, synapsePorts: number[]): NginxFacts {
  const servers = config.servers.map((server) => summarise(server, config, synapsePorts));
  return {
    files: config.files,
    servers,
    synapseServers: servers.filter((s) => s.proxiesSynapse),
    wellKnownServers: servers.filter((s) => s.wellKnownServer !== undefined || s.wellKnownClient !== undefined),
  };
}

function summarise(server: NginxServer, config: NginxConfig, synapsePorts: number[]): ServerSummary {
  const toSynapse = (proxyPass: string | undefined) =>
    !!proxyPass && proxyTargets(proxyPass, config.upstreams).some((t) => LOOPBACK.has(t.host) && synapsePorts.includes(t.port));
  const proxiesSynapse = toSynapse(server.proxyPass) || server.locations.some((l) => toSynapse(l.proxyPass));
  const wellKnown = (which: string) => {
    const location = server.locations.find((l) => l.match.replace(/^[=~^*]+\s*/, '').includes(`/.well-known/matrix/${which}`) && l.returns?.[0] === '200');
    return location?.returns?.[1];
  };
  const otherContent: string[] = [];
  for (const location of server.locations) {
    if (MATRIX_PATHS.test(location.match)) continue;
    if (location.returns && /^30[1278]$/.test(location.returns[0])) continue;
    if (location.returns && /^(403|404|410|444)$/.test(location.returns[0])) continue;
    // Debian's stock `location / { try_files $uri $uri/ =404; }` under /var/www/html serves nothing of the user's.
    if (location.match === '/' && !location.proxyPass && (location.root ?? server.root ?? '/var/www/html') === '/var/www/html') continue;
    otherContent.push(describeLocation(location.match, location.proxyPass, location.root ?? location.alias ?? server.root));
  }
  if (server.proxyPass && !toSynapse(server.proxyPass)) otherContent.push(`proxy_pass ${server.proxyPass}`);
  const redirectOnly = !!server.returns && /^30[1278]$/.test(server.returns[0]) && server.locations.every((l) => MATRIX_PATHS.test(l.match));
  return {
    file: server.file,
    line: server.line,
    names: server.serverNames.filter((name) => name !== '_' && name !== ''),
    ports: [...new Set(server.listen.map((l) => l.port))],
    ssl: server.listen.some((l) => l.ssl),
    sslCertificate: server.sslCertificate,
    sslCertificateKey: server.sslCertificateKey,
    proxiesSynapse,
    wellKnownServer: wellKnown('server'),
    wellKnownClient: wellKnown('client'),
    otherContent,
    redirectOnly,
  };
}

function describeLocation(match: string, proxyPass: string | undefined, root: string | undefined): string {
  if (proxyPass) return `location ${match} → ${proxyPass}`;
  if (root) return `location ${match} → files in ${root}`;
  return `location ${match}`;
}

/** The programs holding each public port, from a listener scan. */
export function portHolders(listeners: Listener[], ports = [80, 443, 8448]): Record<number, string[]> {
  const holders: Record<number, string[]> = {};
  for (const port of ports) {
    const names = listeners.filter((l) => l.port === port).flatMap((l) => (l.holders.length ? l.holders.map((h) => h.name) : ['an unidentified process']));
    if (names.length) holders[port] = [...new Set(names)];
  }
  return holders;
}
