import type { AdoptionFacts } from './facts.js';
import { hostOf } from './detect.js';
import type { ServerSummary } from './proxy.js';
import { serverNameOfUserId } from '../database/server-name.js';

/** Where matrix-setup keeps what it manages; an adopted server must match (or be moved there first). */
export const PACKAGED_CONFIG_PATHS = ['/etc/matrix-synapse/homeserver.yaml', '/etc/matrix-synapse/conf.d/'];
export const PACKAGED_MEDIA_STORE = '/var/lib/matrix-synapse/media';
/** nginx files matrix-setup writes itself (steps/edge/edge-layout.ts nginxPaths): never "hand-written". */
const MATRIX_SETUP_FILE = /\/matrix-setup-https?\.conf$/;

/** The public edge as adopting would set it up, and the hand-written nginx blocks it replaces. */
export interface AdoptedEdge {
  synapseHost: string;
  /** auto: this machine serves the delegation files (or none are needed); none: another web server does. */
  delegation: 'auto' | 'none';
  /** Server blocks serving these names that matrix-setup's vhosts replace (disabled, backed up). */
  replaced: ServerSummary[];
  /** Files holding those blocks. */
  replacedFiles: string[];
}

export interface Assessment {
  /** Why this server cannot be adopted; each names what was seen. Empty: it can. */
  refusals: string[];
  warnings: string[];
  edge?: AdoptedEdge;
}

export function assessAdoption(facts: AdoptionFacts): Assessment {
  const refusals: string[] = [];
  const warnings: string[] = [];
  const { install } = facts;

  for (const container of install.containers) refusals.push(`Synapse runs in a container (${container}): matrix-setup manages Synapse installed on the machine itself, not Docker or Podman deployments.`);
  for (const process of install.processes) {
    if (process.container) refusals.push(`Synapse runs in a ${process.container} container (PID ${process.pid}): matrix-setup manages Synapse installed on the machine itself.`);
    else if (!process.unit) {
      refusals.push(
        `Synapse runs as PID ${process.pid}, not started by systemd (its cgroup is ${process.cgroup || 'unknown'}): matrix-setup stops, restarts and watches Synapse through its systemd unit. Stop that process and start Synapse with \`systemctl start ${install.unit ?? 'matrix-synapse'}\`, then run adopt again.`,
      );
    } else if (install.unit && process.unit !== install.unit) {
      refusals.push(`Synapse runs under ${process.unit} (PID ${process.pid}), while ${install.unit} is the unit that starts it: two ways of starting it.`);
    }
  }
  if (!install.unit) {
    refusals.push(
      install.packageName
        ? `The ${install.packageName} package is installed, but no systemd unit that starts synapse.app.homeserver was found.`
        : 'No Synapse was found: no matrix-synapse or matrix-synapse-py3 package and no systemd unit that starts synapse.app.homeserver.',
    );
    return { refusals, warnings };
  }
  if (install.method === 'venv') {
    refusals.push(
      `Synapse is installed with pip in the virtualenv ${install.venv} and started by ${install.unit}` +
        `${install.configPaths.length ? ` with ${install.configPaths.join(' + ')}` : ''}: adopting a hand-made virtualenv is not supported yet ` +
        '(matrix-setup would have to move its files to its own layout). Adopt works for Debian\'s matrix-synapse and matrix.org\'s matrix-synapse-py3 packages.',
    );
  } else if (!install.method) {
    refusals.push(`${install.unit} starts Synapse with ${install.python ?? 'an unknown program'}, which is neither a Synapse package nor a virtualenv.`);
  } else if (!samePaths(install.configPaths, PACKAGED_CONFIG_PATHS)) {
    refusals.push(
      `${install.unit} starts Synapse with --config-path ${install.configPaths.join(' ') || '(none)'}, not ${PACKAGED_CONFIG_PATHS.join(' ')} as the ${install.packageName} package does: ` +
        "matrix-setup's settings go into conf.d, which this Synapse would not read. Put the package's unit back (remove your override) and run adopt again.",
    );
  }

  const config = facts.config;
  if (!config) return { refusals, warnings };
  for (const problem of config.problems) refusals.push(`Synapse's configuration cannot be read: ${problem}.`);
  if (!facts.serverName) {
    refusals.push(`No server_name is set in ${install.configPaths.join(' + ')}.`);
    return { refusals, warnings };
  }

  const db = facts.database;
  if (db?.engine === 'other') refusals.push(`Synapse uses the database engine "${db.name}"; only sqlite3 and psycopg2 are known.`);
  if (db && db.engine !== 'other') {
    const where = db.engine === 'sqlite3' ? db.path : `${db.database} on ${db.host}:${db.port}`;
    const owner = db.someUserId ? serverNameOfUserId(db.someUserId) : undefined;
    if (owner && owner !== facts.serverName) {
      refusals.push(
        `The database ${where} holds the users of "${owner}" (such as ${db.someUserId}), but the config says server_name "${facts.serverName}": this is not the same server (Synapse itself would refuse to start). Nothing can be adopted until config and database agree.`,
      );
    }
    if (db.problem) refusals.push(`The database ${where}: ${db.problem}.`);
  }
  if (db?.engine === 'sqlite3') {
    if (!db.exists) refusals.push(`Synapse's SQLite database ${db.path} does not exist (has Synapse ever started?).`);
    if (db.pendingBackgroundUpdates) {
      warnings.push(
        `The SQLite database has ${db.pendingBackgroundUpdates} background update${db.pendingBackgroundUpdates === 1 ? '' : 's'} pending, which Synapse's port tool refuses to start with: adopting finishes them on its copy first (synapse_update_database), which takes longer on a large database.`,
      );
    }
  }
  if (db?.engine === 'psycopg2' && !db.problem) {
    if (db.collate !== 'C' || db.ctype !== 'C') {
      refusals.push(`The PostgreSQL database ${db.database} has COLLATE ${db.collate} and CTYPE ${db.ctype}; Synapse needs C for both (recreate it with --locale=C from a dump).`);
    }
    if (db.encoding && db.encoding !== 'UTF8') refusals.push(`The PostgreSQL database ${db.database} is encoded ${db.encoding}; Synapse needs UTF8.`);
  }

  const key = facts.signingKey;
  if (key && !key.exists) {
    refusals.push(`The signing key ${key.path} is missing: Synapse would make a new one at its next start and other servers would see a new identity. Put the server's key back first.`);
  }
  if (facts.mediaStore && facts.mediaStore.path !== PACKAGED_MEDIA_STORE) {
    refusals.push(
      `The media store is ${facts.mediaStore.path}; matrix-setup keeps it in ${PACKAGED_MEDIA_STORE} and cannot adopt another place yet. Move it there (and set media_store_path) first.`,
    );
  }
  if (facts.registration.enabled && facts.registration.withoutVerification) {
    refusals.push('Registration is open without any verification (enable_registration_without_verification): matrix-setup offers registration by token or with a verified email only. Change that first.');
  }

  for (const key of ['registration_shared_secret_path', 'macaroon_secret_key_path', 'form_secret_path']) {
    if (config.merged[key] !== undefined) {
      refusals.push(`${key} is set (in ${config.setBy[key]}): matrix-setup writes ${key.replace(/_path$/, '')} itself, and Synapse refuses both at once. Put the secret in the config instead of a file first.`);
    }
  }

  const foreign = foreignProxies(facts);
  refusals.push(...foreign);
  const edge = foreign.length ? undefined : adoptedEdge(facts, refusals, warnings);
  return { refusals, warnings, edge };
}

function samePaths(a: string[], b: string[]): boolean {
  const norm = (p: string) => p.replace(/\/+$/, '');
  return a.length === b.length && a.every((p, i) => norm(p) === norm(b[i]));
}

/** A public port held by something other than nginx: a proxy matrix-setup does not manage. */
function foreignProxies(facts: AdoptionFacts): string[] {
  const refusals: string[] = [];
  for (const [port, names] of Object.entries(facts.proxy.holders)) {
    const others = names.filter((name) => name !== 'nginx');
    if (others.length === 0) continue;
    if (Number(port) === 8448 && others.every((name) => /python|synapse/.test(name))) continue; // Synapse's own TLS listener
    refusals.push(`Port ${port} is served by ${others.join(', ')}, a web server or proxy matrix-setup does not manage (it manages nginx). Move the site to nginx, or stop it, then run adopt again.`);
  }
  return refusals;
}

function adoptedEdge(facts: AdoptionFacts, refusals: string[], warnings: string[]): AdoptedEdge | undefined {
  const serverName = facts.serverName!.toLowerCase();
  const nginx = facts.proxy.nginx;
  const servers = nginx?.servers ?? [];
  const synapseNames = (nginx?.synapseServers ?? []).filter((s) => s.ssl).flatMap((s) => s.names);
  const baseHost = facts.settings.publicBaseurl ? hostOf(facts.settings.publicBaseurl) : undefined;
  const synapseHost =
    (baseHost && synapseNames.includes(baseHost) ? baseHost : undefined) ??
    (nginx?.synapseServers ?? []).find((s) => s.ssl && s.ports.includes(443))?.names[0] ??
    synapseNames[0] ??
    baseHost ??
    serverName;
  if (!nginx && Object.keys(facts.proxy.holders).length === 0) warnings.push('No web server serves ports 80 and 443 yet: matrix-setup will set up nginx in front of Synapse.');

  // server_name's own block: a website stays where it is (delegation: none); a block that only serves Matrix is taken over.
  let delegation: 'auto' | 'none' = 'auto';
  if (serverName !== synapseHost) {
    const own = servers.filter((s) => s.names.includes(serverName));
    if (own.length === 0) {
      delegation = 'none';
    } else if (own.some((s) => s.otherContent.length > 0 && !s.proxiesSynapse)) {
      delegation = 'none';
      warnings.push(`${serverName} is a website served by nginx (${own[0].file}); it stays as it is and keeps serving /.well-known/matrix/ itself (delegation: none).`);
    }
  }
  const names = new Set([synapseHost, ...(delegation === 'auto' ? [serverName] : [])]);
  const replaced = servers.filter((s) => !MATRIX_SETUP_FILE.test(s.file) && s.names.some((name) => names.has(name)));
  for (const server of replaced) {
    const where = `${server.file}:${server.line}`;
    if (server.otherContent.length > 0) {
      refusals.push(
        `nginx serves more than Matrix for ${server.names.filter((n) => names.has(n)).join(', ')} (${where}: ${server.otherContent.join('; ')}). matrix-setup would replace that server block: move that content to another host name first.`,
      );
    }
    const others = server.names.filter((name) => !names.has(name));
    if (others.length > 0) refusals.push(`The nginx server block at ${where} also serves ${others.join(', ')}: matrix-setup would replace it. Give those names a server block of their own first.`);
    if (/\/nginx\.conf$/.test(server.file)) refusals.push(`The server block for ${server.names.join(', ')} is written in ${server.file} itself: move it into a file of its own (sites-available/ or conf.d/) first.`);
  }
  const replacedFiles = [...new Set(replaced.map((s) => s.file))];
  for (const file of replacedFiles) {
    const strangers = servers.filter((s) => s.file === file && !replaced.includes(s) && !(s.redirectOnly && s.names.length === 0));
    if (strangers.length > 0) {
      refusals.push(`${file} also holds server blocks for ${strangers.map((s) => s.names.join(' ') || 'the default server').join(', ')}: matrix-setup would disable the whole file. Split it first.`);
    }
  }
  return { synapseHost, delegation, replaced, replacedFiles };
}
