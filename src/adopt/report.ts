import { formatBytes } from '../backup/disk-space.js';
import type { Assessment } from './assess.js';
import type { AdoptionFacts } from './facts.js';

/** What `adopt` found, line by line for people. Never a secret: only which file sets what. */
export function describeFacts(facts: AdoptionFacts, assessment: Assessment): string[] {
  const lines: string[] = [];
  const { install } = facts;
  const add = (label: string, value: string) => lines.push(`  ${`${label}:`.padEnd(16)}${value}`);
  add('Synapse', install.packageName ? `${install.packageName} ${install.packageVersion ?? ''} (${methodName(install.method)})` : install.venv ? `virtualenv ${install.venv}` : 'not found');
  if (install.unit) add('started by', `${install.unit}${install.user ? ` as ${install.user}` : ''}${install.unitFile ? ` (${install.unitFile})` : ''}`);
  for (const p of install.processes) add('running', `PID ${p.pid} ${p.unit ? `in ${p.unit}` : p.container ? `in a ${p.container} container` : `outside systemd (${p.cgroup})`}`);
  for (const c of install.containers) add('container', c);
  if (facts.serverName) add('server_name', facts.serverName);
  for (const file of facts.config?.files ?? []) add('config file', `${file.path}: ${file.keys.join(', ') || '(empty)'}`);
  for (const problem of facts.config?.problems ?? []) add('config problem', problem);
  if (facts.signingKey) add('signing key', `${facts.signingKey.path}${facts.signingKey.exists ? `: ${facts.signingKey.keys.map((k) => `${k.id}${k.publicKey ? ` (public ${k.publicKey})` : ''}`).join(', ')}` : ' (missing)'}`);
  const db = facts.database;
  if (db?.engine === 'sqlite3') {
    add('database', `SQLite ${db.path}${db.exists ? `, ${formatBytes(db.bytes ?? 0)}${db.users !== undefined ? `, ${db.users} account${db.users === 1 ? '' : 's'}` : ''}` : ' (missing)'}`);
  } else if (db?.engine === 'psycopg2') {
    add('database', `PostgreSQL ${db.database} as ${db.user} on ${db.host}:${db.port}${db.serverVersion ? `, server ${Math.floor(db.serverVersion / 10000)}, ${db.encoding}, COLLATE ${db.collate}, CTYPE ${db.ctype}, ${db.users} accounts` : ''}`);
  } else if (db) {
    add('database', db.name);
  }
  if (facts.mediaStore) add('media store', `${facts.mediaStore.path}${facts.mediaStore.exists ? '' : ' (missing)'}`);
  for (const [port, holders] of Object.entries(facts.proxy.holders)) add(`port ${port}`, holders.join(', '));
  for (const server of facts.proxy.nginx?.servers ?? []) {
    if (server.names.length === 0 && !server.proxiesSynapse) continue;
    const what = [server.proxiesSynapse ? 'Synapse' : '', server.wellKnownServer ? '.well-known/matrix/server' : '', server.redirectOnly ? 'redirect' : '', ...server.otherContent].filter(Boolean).join(', ');
    add('nginx', `${server.names.join(' ') || '(default)'} on ${server.ports.join(', ')}${server.ssl ? ' (TLS)' : ''}: ${what || 'other'} [${server.file}:${server.line}]`);
  }
  const cert = facts.certificate;
  if (cert) {
    add('certificate', `${cert.fullchain}${cert.names ? ` for ${cert.names.join(', ')}` : ''}${cert.notAfter ? `, valid until ${cert.notAfter.slice(0, 10)}` : ''}`);
    if (cert.lineage) {
      add('certbot', `lineage ${cert.lineage.name} from ${cert.lineage.server ?? '?'} (account ${cert.lineage.account ?? '?'}${cert.accountEmail ? `, ${cert.accountEmail}` : ''}), renews with ${cert.lineage.authenticator ?? '?'}`);
    }
  }
  const r = facts.registration;
  add('registration', `${!r.enabled ? 'closed' : r.requiresToken ? 'by token' : r.withoutVerification ? 'open without verification' : `open${r.require3pid.length ? ` (${r.require3pid.join(', ')} required)` : ''}`}${r.sharedSecretIn ? `; shared secret in ${r.sharedSecretIn}` : ''}`);
  add('federation', facts.federation.enabled ? (facts.federation.whitelist ? `only with ${facts.federation.whitelist.join(', ')}` : 'on') : 'off');
  add('TURN', facts.turn.uris.length ? `${facts.turn.uris.join(', ')}${facts.turn.coturnInstalled ? ' (coturn installed here)' : ''}` : 'none');
  add('email', facts.email.smtpHost ? `SMTP ${facts.email.smtpHost}${facts.email.smtpPort ? `:${facts.email.smtpPort}` : ''}` : 'none');
  if (assessment.edge) {
    add('would serve', `${assessment.edge.synapseHost} (delegation: ${assessment.edge.delegation})`);
    for (const file of assessment.edge.replacedFiles) add('would replace', `${file} (switched off, kept under /var/lib/matrix-setup/backups)`);
  }
  return lines;
}

function methodName(method: string | undefined): string {
  return method === 'distro' ? "Debian's own package" : method === 'apt' ? "matrix.org's package" : method === 'venv' ? 'virtualenv' : 'unknown';
}

/** The facts without anything secret (the merged config holds secrets): for --json. */
export function factsForJson(facts: AdoptionFacts): Record<string, unknown> {
  const { config, ...rest } = facts;
  return { ...rest, config: config ? { files: config.files, setBy: config.setBy, problems: config.problems } : undefined };
}
