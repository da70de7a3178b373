import type { AdoptionFacts } from './facts.js';
import { hostOf } from './detect.js';
import type { ServerSummary } from './proxy.js';
import { serverNameOfUserId } from '../database/server-name.js';
import { joinLocalized, verbatim, type Localized } from '../i18n/localized.js';
import { adoptText as t } from '../i18n/messages/adopt.js';

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
  refusals: Localized[];
  warnings: Localized[];
  edge?: AdoptedEdge;
}

export function assessAdoption(facts: AdoptionFacts): Assessment {
  const refusals: Localized[] = [];
  const warnings: Localized[] = [];
  const { install } = facts;

  for (const container of install.containers) refusals.push(t.inContainerRefused({ container }));
  for (const process of install.processes) {
    if (process.container) refusals.push(t.inContainerProcess({ container: process.container, pid: process.pid }));
    else if (!process.unit) {
      refusals.push(t.notSystemd({ pid: process.pid, cgroup: process.cgroup || t.unknown, unit: install.unit ?? 'matrix-synapse' }));
    } else if (install.unit && process.unit !== install.unit) {
      refusals.push(t.twoUnits({ running: process.unit, pid: process.pid, unit: install.unit }));
    }
  }
  if (!install.unit) {
    refusals.push(
      install.packageName
        ? t.packageWithoutUnit({ package: install.packageName })
        : t.noSynapse,
    );
    return { refusals, warnings };
  }
  if (install.method === 'venv') {
    refusals.push(t.venvRefused({ venv: install.venv ?? '', unit: install.unit, config: install.configPaths.length ? t.withConfig({ paths: install.configPaths.join(' + ') }) : '' }));
  } else if (!install.method) {
    refusals.push(t.unknownProgram({ unit: install.unit, program: install.python ?? t.anUnknownProgram }));
  } else if (!samePaths(install.configPaths, PACKAGED_CONFIG_PATHS)) {
    refusals.push(
      t.otherConfigPath({ unit: install.unit, paths: install.configPaths.join(' ') || t.noneGiven, packaged: PACKAGED_CONFIG_PATHS.join(' '), package: install.packageName ?? '' }),
    );
  }

  const config = facts.config;
  if (!config) return { refusals, warnings };
  for (const problem of config.problems) refusals.push(t.configUnreadable({ problem }));
  if (!facts.serverName) {
    refusals.push(t.noServerName({ paths: install.configPaths.join(' + ') }));
    return { refusals, warnings };
  }

  const db = facts.database;
  if (db?.engine === 'other') refusals.push(t.otherEngine({ name: db.name }));
  if (db && db.engine !== 'other') {
    const where = db.engine === 'sqlite3' ? verbatim(db.path) : t.databaseOn({ database: db.database, host: db.host, port: db.port });
    const owner = db.someUserId ? serverNameOfUserId(db.someUserId) : undefined;
    if (owner && owner !== facts.serverName) {
      refusals.push(t.otherServersUsers({ where, owner, user: db.someUserId ?? '', server: facts.serverName }));
    }
    if (db.problem) refusals.push(t.databaseProblem({ where, problem: db.problem }));
  }
  if (db?.engine === 'sqlite3') {
    if (!db.exists) refusals.push(t.sqliteMissing({ path: db.path }));
    if (db.pendingBackgroundUpdates) {
      warnings.push(t.pendingUpdates({ count: db.pendingBackgroundUpdates }));
    }
  }
  if (db?.engine === 'psycopg2' && !db.problem) {
    if (db.collate !== 'C' || db.ctype !== 'C') {
      refusals.push(t.wrongCollation({ database: db.database, collate: db.collate ?? '', ctype: db.ctype ?? '' }));
    }
    if (db.encoding && db.encoding !== 'UTF8') refusals.push(t.wrongEncoding({ database: db.database, encoding: db.encoding }));
  }

  const key = facts.signingKey;
  if (key && !key.exists) {
    refusals.push(t.signingKeyMissing({ path: key.path }));
  }
  if (facts.mediaStore && facts.mediaStore.path !== PACKAGED_MEDIA_STORE) {
    refusals.push(t.mediaElsewhere({ path: facts.mediaStore.path, packaged: PACKAGED_MEDIA_STORE }));
  }
  if (facts.registration.enabled && facts.registration.withoutVerification) {
    refusals.push(t.openWithoutVerification);
  }

  for (const key of ['registration_shared_secret_path', 'macaroon_secret_key_path', 'form_secret_path']) {
    if (config.merged[key] !== undefined) {
      refusals.push(t.secretPathSet({ key, file: config.setBy[key] ?? '', secret: key.replace(/_path$/, '') }));
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
function foreignProxies(facts: AdoptionFacts): Localized[] {
  const refusals: Localized[] = [];
  for (const [port, names] of Object.entries(facts.proxy.holders)) {
    const others = names.filter((name) => name !== 'nginx');
    if (others.length === 0) continue;
    if (Number(port) === 8448 && others.every((name) => /python|synapse/.test(name))) continue; // Synapse's own TLS listener
    refusals.push(t.foreignProxy({ port, holders: others.join(', ') }));
  }
  return refusals;
}

function adoptedEdge(facts: AdoptionFacts, refusals: Localized[], warnings: Localized[]): AdoptedEdge | undefined {
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
  if (!nginx && Object.keys(facts.proxy.holders).length === 0) warnings.push(t.noWebServer);

  // server_name's own block: a website stays where it is (delegation: none); a block that only serves Matrix is taken over.
  let delegation: 'auto' | 'none' = 'auto';
  if (serverName !== synapseHost) {
    const own = servers.filter((s) => s.names.includes(serverName));
    if (own.length === 0) {
      delegation = 'none';
    } else if (own.some((s) => s.otherContent.length > 0 && !s.proxiesSynapse)) {
      delegation = 'none';
      warnings.push(t.websiteStays({ server: serverName, file: own[0]!.file }));
    }
  }
  const names = new Set([synapseHost, ...(delegation === 'auto' ? [serverName] : [])]);
  const replaced = servers.filter((s) => !MATRIX_SETUP_FILE.test(s.file) && s.names.some((name) => names.has(name)));
  for (const server of replaced) {
    const where = `${server.file}:${server.line}`;
    if (server.otherContent.length > 0) {
      refusals.push(t.moreThanMatrix({ names: server.names.filter((n) => names.has(n)).join(', '), where, content: server.otherContent.join('; ') }));
    }
    const others = server.names.filter((name) => !names.has(name));
    if (others.length > 0) refusals.push(t.alsoServes({ where, names: others.join(', ') }));
    if (/\/nginx\.conf$/.test(server.file)) refusals.push(t.inNginxConf({ names: server.names.join(', '), file: server.file }));
  }
  const replacedFiles = [...new Set(replaced.map((s) => s.file))];
  for (const file of replacedFiles) {
    const strangers = servers.filter((s) => s.file === file && !replaced.includes(s) && !(s.redirectOnly && s.names.length === 0));
    if (strangers.length > 0) {
      refusals.push(t.sharedFile({ file, names: joinLocalized(strangers.map((s) => s.names.join(' ') || t.defaultServer), ', ') }));
    }
  }
  return { synapseHost, delegation, replaced, replacedFiles };
}
