import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import pg from 'pg';
import type { CommandProbe } from '../host/probe.js';
import { SYSTEM_PATH } from '../exec/system-path.js';
import { scanListeners, unitFromCgroup } from '../host/ports.js';
import { accountDirectory, accountEmail, lineageOfPath, parseRenewalConfig } from './certbot-renewal.js';
import type { AdoptionFacts, CertificateFacts, DatabaseFacts, InstallFacts, PostgresFacts, SqliteFacts, SynapseProcess } from './facts.js';
import { parseNginxDump } from './nginx-config.js';
import { analyseNginx, portHolders, type ProxyFacts } from './proxy.js';
import { parseSigningKeyFile } from './signing-key.js';
import { readSynapseConfig, type ConfigReader, type SynapseConfig } from './synapse-config.js';
import { parseShowOutput, parseShownExecStart, parseUnitFile, synapseCommand, venvOfPython } from './systemd-unit.js';

/**
 * Reads this machine, changing nothing: packages, the systemd unit and processes of Synapse,
 * its configuration, signing key, database and media store, nginx and the certificate.
 * Every probe is read-only; the SQLite file is opened immutable, PostgreSQL with the
 * credentials Synapse uses, for SELECTs only.
 */
export async function detectAdoptionFacts(probe: CommandProbe): Promise<AdoptionFacts> {
  const install = await detectInstall(probe);
  const config = install.configPaths.length ? readSynapseConfig(install.configPaths, LOCAL_FILES) : undefined;
  const merged = config?.merged ?? {};
  const serverName = typeof merged.server_name === 'string' ? merged.server_name : undefined;
  const workDir = install.unit ? await unitWorkingDirectory(probe, install.unit) : '/';
  const proxy = await detectProxy(probe, synapseHttpPorts(merged));
  return {
    install,
    config,
    serverName,
    signingKey: config ? readSigningKey(merged, install.configPaths, serverName) : undefined,
    database: config ? await detectDatabase(merged, workDir) : undefined,
    mediaStore: config ? mediaStoreOf(merged, workDir) : undefined,
    proxy,
    certificate: certificateOf(proxy, merged),
    registration: {
      enabled: merged.enable_registration === true,
      requiresToken: merged.registration_requires_token === true,
      withoutVerification: merged.enable_registration_without_verification === true,
      require3pid: Array.isArray(merged.registrations_require_3pid) ? merged.registrations_require_3pid.map(String) : [],
      sharedSecretIn: config?.setBy.registration_shared_secret ?? config?.setBy.registration_shared_secret_path,
    },
    federation: {
      enabled: !(Array.isArray(merged.federation_domain_whitelist) && merged.federation_domain_whitelist.length === 0),
      ...(Array.isArray(merged.federation_domain_whitelist) && merged.federation_domain_whitelist.length ? { whitelist: merged.federation_domain_whitelist.map(String) } : {}),
    },
    settings: {
      maxUploadSize: merged.max_upload_size === undefined ? undefined : String(merged.max_upload_size),
      presence: (merged.presence as { enabled?: unknown } | undefined)?.enabled !== false && merged.use_presence !== false,
      urlPreviews: merged.url_preview_enabled === true,
      reportStats: typeof merged.report_stats === 'boolean' ? merged.report_stats : undefined,
      publicBaseurl: typeof merged.public_baseurl === 'string' ? merged.public_baseurl : undefined,
    },
    turn: {
      uris: Array.isArray(merged.turn_uris) ? merged.turn_uris.map(String) : [],
      sharedSecret: merged.turn_shared_secret !== undefined || merged.turn_shared_secret_path !== undefined,
      coturnInstalled: (await installedPackages(probe, ['coturn'])).has('coturn'),
    },
    email: emailOf(merged),
    automaticUpdates: (await installedPackages(probe, ['unattended-upgrades'])).has('unattended-upgrades'),
  };
}

export const LOCAL_FILES: ConfigReader = {
  isDirectory: (path) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
  list: (path) => readdirSync(path),
  read: (path) => readFileSync(path, 'utf8'),
};

const SYNAPSE_PACKAGES = { 'matrix-synapse': 'distro', 'matrix-synapse-py3': 'apt' } as const;
const UNIT_DIRS = ['/etc/systemd/system', '/run/systemd/system', '/usr/local/lib/systemd/system', '/usr/lib/systemd/system', '/lib/systemd/system'];

async function installedPackages(probe: CommandProbe, names: string[]): Promise<Map<string, string>> {
  const out = await probe(['dpkg-query', '-W', '-f=${Package} ${db:Status-Status} ${Version}\\n', ...names], 15_000);
  const found = new Map<string, string>();
  // dpkg-query exits 1 when one of the names is unknown, and the probe then gives nothing: ask one by one.
  const lines = out ?? (await Promise.all(names.map((n) => probe(['dpkg-query', '-W', '-f=${Package} ${db:Status-Status} ${Version}\\n', n], 15_000)))).join('');
  for (const line of lines.split('\n')) {
    const [name, status, version] = line.trim().split(' ');
    if (status === 'installed') found.set(name, version);
  }
  return found;
}

async function detectInstall(probe: CommandProbe): Promise<InstallFacts> {
  const install: InstallFacts = { configPaths: [], processes: synapseProcesses(), containers: await synapseContainers(probe) };
  const packages = await installedPackages(probe, Object.keys(SYNAPSE_PACKAGES));
  for (const [name, method] of Object.entries(SYNAPSE_PACKAGES)) {
    if (packages.has(name)) {
      install.method = method;
      install.packageName = name;
      install.packageVersion = packages.get(name);
    }
  }
  const units = synapseUnitCandidates();
  for (const running of install.processes) if (running.unit && !units.includes(running.unit)) units.unshift(running.unit);
  for (const unit of units) {
    const shown = await probe(['systemctl', 'show', '-p', 'LoadState,FragmentPath,ExecStart,User', unit], 15_000);
    if (!shown) continue;
    const props = parseShowOutput(shown);
    if (props.LoadState !== 'loaded') continue;
    const argv = parseShownExecStart(props.ExecStart ?? '');
    const command = argv && synapseCommand(argv);
    if (!command) continue;
    install.unit = unit;
    install.unitFile = props.FragmentPath;
    install.execStart = argv;
    install.user = props.User || 'root';
    install.configPaths = command.configPaths;
    install.python = command.program;
    install.venv = venvOfPython(command.program);
    if (!install.method && install.venv && existsSync(join(install.venv, 'pyvenv.cfg'))) install.method = 'venv';
    break;
  }
  return install;
}

/** Units whose file starts synapse.app.homeserver, matrix-synapse.service first. */
function synapseUnitCandidates(): string[] {
  const found = new Set<string>(['matrix-synapse.service']);
  for (const dir of UNIT_DIRS) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.endsWith('.service') || name.includes('@')) continue;
      try {
        const path = join(dir, name);
        if (!lstatSync(path).isFile()) continue;
        const unit = parseUnitFile(readFileSync(path, 'utf8'));
        if (unit.execStart && synapseCommand(unit.execStart)?.homeserver) found.add(name);
      } catch {
        // unreadable unit files are not Synapse's
      }
    }
  }
  return [...found];
}

/** Processes running Synapse's main process, with the cgroup that says who started them. */
function synapseProcesses(): SynapseProcess[] {
  const processes: SynapseProcess[] = [];
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return processes;
  }
  for (const pid of pids) {
    let argv: string[];
    let cgroup: string;
    try {
      argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      // The Python itself, not a wrapper that started it (runuser, sudo, env with the same arguments).
      if (!/python/.test(basename(argv[0] ?? '')) || !synapseCommand(argv)?.homeserver) continue;
      cgroup = readFileSync(`/proc/${pid}/cgroup`, 'utf8');
    } catch {
      continue;
    }
    processes.push({ pid: Number(pid), ...cgroupOwner(cgroup), cgroup: cgroup.trim().split('\n').at(-1) ?? '' });
  }
  return processes;
}

/**
 * The systemd service or container a process's cgroup says it belongs to. The unit is read as
 * preflight reads a port holder's: a hybrid hierarchy lists v1's name=systemd line too, which
 * in a container can show only the container's root.
 */
export function cgroupOwner(cgroup: string): { unit?: string; container?: string } {
  for (const line of cgroup.split('\n')) {
    const container = /(docker|libpod|containerd|crio|lxc)[-/]/.exec(line.split(':').slice(2).join(':'));
    if (container) return { container: container[1] === 'libpod' ? 'podman' : container[1] };
  }
  const unit = unitFromCgroup(cgroup);
  return unit ? { unit } : {};
}

async function synapseContainers(probe: CommandProbe): Promise<string[]> {
  const names: string[] = [];
  for (const runtime of ['docker', 'podman']) {
    if (!['/usr/bin', '/usr/local/bin', '/bin'].some((dir) => existsSync(`${dir}/${runtime}`))) continue;
    const out = await probe([runtime, 'ps', '-a', '--format', '{{.Names}} {{.Image}}'], 15_000);
    for (const line of (out ?? '').split('\n')) {
      if (/synapse/i.test(line)) names.push(`${runtime}: ${line.trim()}`);
    }
  }
  return names;
}

async function unitWorkingDirectory(probe: CommandProbe, unit: string): Promise<string> {
  const out = await probe(['systemctl', 'show', '-p', 'WorkingDirectory', unit], 15_000);
  const dir = out ? parseShowOutput(out).WorkingDirectory : undefined;
  return dir && isAbsolute(dir.replace(/^!/, '')) ? dir.replace(/^!/, '') : '/';
}

/** Ports of Synapse's plain-HTTP listeners (what a proxy passes to). */
export function synapseHttpPorts(merged: Record<string, unknown>): number[] {
  const listeners = Array.isArray(merged.listeners) ? (merged.listeners as Array<Record<string, unknown>>) : [];
  const ports = listeners.filter((l) => (l.type ?? 'http') === 'http' && l.tls !== true && typeof l.port === 'number').map((l) => l.port as number);
  return ports.length ? ports : [8008];
}

function readSigningKey(merged: Record<string, unknown>, configPaths: string[], serverName: string | undefined) {
  const configured = typeof merged.signing_key_path === 'string' ? merged.signing_key_path : undefined;
  const firstFile = configPaths.find((path) => !LOCAL_FILES.isDirectory(path));
  const path = configured ?? (firstFile && serverName ? join(dirname(firstFile), `${serverName}.signing.key`) : undefined);
  if (!path) return undefined;
  try {
    return { path, exists: true, keys: parseSigningKeyFile(readFileSync(path, 'utf8')) };
  } catch {
    return { path, exists: false, keys: [] };
  }
}

function mediaStoreOf(merged: Record<string, unknown>, workDir: string) {
  const configured = typeof merged.media_store_path === 'string' ? merged.media_store_path : 'media_store';
  const path = resolve(workDir, configured);
  return { path, exists: existsSync(path) };
}

function emailOf(merged: Record<string, unknown>): AdoptionFacts['email'] {
  const email = (merged.email ?? {}) as Record<string, unknown>;
  return {
    ...(typeof email.smtp_host === 'string' ? { smtpHost: email.smtp_host } : {}),
    ...(typeof email.smtp_port === 'number' ? { smtpPort: email.smtp_port } : {}),
    ...(typeof email.notif_from === 'string' ? { notifFrom: email.notif_from } : {}),
  };
}

async function detectDatabase(merged: Record<string, unknown>, workDir: string): Promise<DatabaseFacts> {
  const database = (merged.database ?? { name: 'sqlite3', args: { database: 'homeserver.db' } }) as { name?: string; args?: Record<string, unknown> };
  const args = database.args ?? {};
  if (database.name === 'sqlite3') {
    const path = resolve(workDir, String(args.database ?? 'homeserver.db'));
    return readSqlite(path);
  }
  if (database.name === 'psycopg2') return readPostgres(args);
  return { engine: 'other', name: String(database.name) };
}

/** A short Python program run with the system's python3 in isolated mode: the path is an argument, never code. */
const SQLITE_FACTS_PY = `
import json, sqlite3, sys, urllib.parse
path = sys.argv[1]
db = sqlite3.connect('file:' + urllib.parse.quote(path) + '?mode=ro&immutable=1', uri=True)
def one(sql):
    try:
        return db.execute(sql).fetchone()
    except sqlite3.Error:
        return None
users = one('SELECT count(*) FROM users')
some = one('SELECT name FROM users LIMIT 1')
vacuum = one('PRAGMA auto_vacuum')
pending = one('SELECT count(*) FROM background_updates')
print(json.dumps({'users': users and users[0], 'someUserId': some and some[0], 'autoVacuum': bool(vacuum and vacuum[0]), 'pending': pending and pending[0]}))
`;

function readSqlite(path: string): SqliteFacts {
  const facts: SqliteFacts = { engine: 'sqlite3', path, exists: existsSync(path) };
  if (!facts.exists) return facts;
  facts.bytes = statSync(path).size;
  // Synchronous on purpose: a small read-only query, and detection is sequential anyway.
  try {
    const out = execFileSync('python3', ['-I', '-c', SQLITE_FACTS_PY, path], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: SYSTEM_PATH } });
    const parsed = JSON.parse(out) as { users: number | null; someUserId: string | null; autoVacuum: boolean; pending: number | null };
    if (parsed.users !== null) facts.users = parsed.users;
    if (parsed.someUserId) facts.someUserId = parsed.someUserId;
    facts.autoVacuum = parsed.autoVacuum;
    if (parsed.pending !== null) facts.pendingBackgroundUpdates = parsed.pending;
  } catch (error) {
    facts.problem = `could not read it with python3's sqlite3 (${(error as Error).message.split('\n')[0]})`;
  }
  return facts;
}

async function readPostgres(args: Record<string, unknown>): Promise<PostgresFacts> {
  const host = String(args.host ?? 'localhost');
  const facts: PostgresFacts = {
    engine: 'psycopg2',
    host,
    port: Number(args.port ?? 5432),
    database: String(args.dbname ?? args.database ?? 'synapse'),
    user: String(args.user ?? 'synapse'),
    local: host.startsWith('/') || ['localhost', '127.0.0.1', '::1'].includes(host),
    hasPassword: typeof args.password === 'string' && args.password !== '',
    ...(typeof args.sslmode === 'string' ? { sslmode: args.sslmode } : {}),
  };
  const client = new pg.Client({
    host: facts.host,
    port: facts.port,
    database: facts.database,
    user: facts.user,
    ...(facts.hasPassword ? { password: String(args.password) } : {}),
    connectionTimeoutMillis: 10_000,
    ...(facts.sslmode === 'require' ? { ssl: { rejectUnauthorized: false } } : {}),
  });
  try {
    await client.connect();
    const info = await client.query<{ version: string; encoding: string; datcollate: string; datctype: string }>(
      "SELECT current_setting('server_version_num') AS version, pg_encoding_to_char(encoding) AS encoding, datcollate, datctype FROM pg_database WHERE datname = current_database()",
    );
    const row = info.rows[0];
    facts.serverVersion = Number(row.version);
    facts.encoding = row.encoding;
    facts.collate = row.datcollate;
    facts.ctype = row.datctype;
    const users = await client.query<{ count: string; name: string | null }>('SELECT count(*) AS count, min(name) AS name FROM users');
    facts.users = Number(users.rows[0].count);
    if (users.rows[0].name) facts.someUserId = users.rows[0].name;
  } catch (error) {
    facts.problem = `could not connect with the credentials in Synapse's config (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
  return facts;
}

async function detectProxy(probe: CommandProbe, synapsePorts: number[]): Promise<ProxyFacts> {
  const scan = await scanListeners(probe);
  const proxy: ProxyFacts = { holders: portHolders(scan.listeners) };
  const nginxBinary = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'].find((path) => existsSync(path));
  if (nginxBinary) {
    // nginx -T prints the whole configuration; it only reads (and tests) the files.
    const dump = await probe([nginxBinary, '-T', '-q'], 30_000);
    if (dump) proxy.nginx = analyseNginx(parseNginxDump(dump), synapsePorts);
  }
  return proxy;
}

/** The certificate nginx serves for the Synapse host (the public_baseurl's host, else the first one). */
function certificateOf(proxy: ProxyFacts, merged: Record<string, unknown>): CertificateFacts | undefined {
  const servers = (proxy.nginx?.synapseServers ?? []).filter((s) => s.ssl && s.sslCertificate && s.sslCertificateKey);
  const baseHost = typeof merged.public_baseurl === 'string' ? hostOf(merged.public_baseurl) : undefined;
  const server = servers.find((s) => baseHost && s.names.includes(baseHost)) ?? servers.find((s) => s.ports.includes(443)) ?? servers[0];
  if (!server) return undefined;
  const facts: CertificateFacts = { fullchain: server.sslCertificate!, privkey: server.sslCertificateKey! };
  try {
    const cert = new X509Certificate(readFileSync(facts.fullchain));
    facts.names = (cert.subjectAltName ?? '').split(',').map((s) => s.trim()).filter((s) => s.startsWith('DNS:')).map((s) => s.slice(4).toLowerCase());
    facts.notAfter = new Date(cert.validTo).toISOString();
  } catch {
    // unreadable: reported as it is
  }
  const lineage = lineageOfPath(facts.fullchain);
  if (lineage) {
    try {
      facts.lineage = parseRenewalConfig(lineage, readFileSync(`/etc/letsencrypt/renewal/${lineage}.conf`, 'utf8'));
      const dir = facts.lineage.server && facts.lineage.account ? accountDirectory(facts.lineage.server, facts.lineage.account) : undefined;
      if (dir) facts.accountEmail = accountEmail(readFileSync(join(dir, 'regr.json'), 'utf8'));
    } catch {
      // no renewal config: a copied certificate certbot does not renew
    }
  }
  return facts;
}

export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
