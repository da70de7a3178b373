import { formatBytes } from '../i18n/format-bytes.js';
import type { Assessment } from './assess.js';
import type { AdoptionFacts } from './facts.js';
import type { Lang } from '../i18n/language.js';
import type { Localized } from '../i18n/localized.js';
import { adoptText as t } from '../i18n/messages/adopt.js';

/** What `adopt` found, line by line for people. Never a secret: only which file sets what. */
export function describeFacts(facts: AdoptionFacts, assessment: Assessment, lang: Lang): string[] {
  const lines: string[] = [];
  const { install } = facts;
  const l = (text: Localized) => text[lang];
  const add = (label: Localized, value: string) => lines.push(`  ${`${l(label)}:`.padEnd(16)}${value}`);
  add(t.labelSynapse, install.packageName ? `${install.packageName} ${install.packageVersion ?? ''} (${l(methodName(install.method))})` : install.venv ? l(t.virtualenv({ path: install.venv })) : l(t.notFound));
  if (install.unit) add(t.labelStartedBy, `${install.unit}${install.user ? l(t.asUser({ user: install.user })) : ''}${install.unitFile ? ` (${install.unitFile})` : ''}`);
  for (const p of install.processes) add(t.labelRunning, `PID ${p.pid} ${l(p.unit ? t.inUnit({ unit: p.unit }) : p.container ? t.inContainer({ container: p.container }) : t.outsideSystemd({ cgroup: p.cgroup }))}`);
  for (const c of install.containers) add(t.labelContainer, c);
  if (facts.serverName) add(t.labelServerName, facts.serverName);
  for (const file of facts.config?.files ?? []) add(t.labelConfigFile, `${file.path}: ${file.keys.join(', ') || l(t.empty)}`);
  for (const problem of facts.config?.problems ?? []) add(t.labelConfigProblem, problem);
  if (facts.signingKey) add(t.labelSigningKey, `${facts.signingKey.path}${facts.signingKey.exists ? `: ${facts.signingKey.keys.map((k) => `${k.id}${k.publicKey ? l(t.publicKey({ key: k.publicKey })) : ''}`).join(', ')}` : l(t.missing)}`);
  const db = facts.database;
  if (db?.engine === 'sqlite3') {
    add(t.labelDatabase, `SQLite ${db.path}${db.exists ? `, ${l(formatBytes(db.bytes ?? 0))}${db.users !== undefined ? `, ${l(t.accounts({ count: db.users }))}` : ''}` : l(t.missing)}`);
  } else if (db?.engine === 'psycopg2') {
    const server = db.serverVersion
      ? l(t.postgresServer({ major: Math.floor(db.serverVersion / 10000), encoding: db.encoding ?? '', collate: db.collate ?? '', ctype: db.ctype ?? '', accounts: t.accounts({ count: db.users ?? 0 }) }))
      : '';
    add(t.labelDatabase, `${l(t.postgresFacts({ database: db.database, user: db.user, host: db.host, port: db.port }))}${server}`);
  } else if (db) {
    add(t.labelDatabase, db.name);
  }
  if (facts.mediaStore) add(t.labelMediaStore, `${facts.mediaStore.path}${facts.mediaStore.exists ? '' : l(t.missing)}`);
  for (const [port, holders] of Object.entries(facts.proxy.holders)) add(t.labelPort({ port }), holders.join(', '));
  for (const server of facts.proxy.nginx?.servers ?? []) {
    if (server.names.length === 0 && !server.proxiesSynapse) continue;
    const what = [server.proxiesSynapse ? 'Synapse' : '', server.wellKnownServer ? '.well-known/matrix/server' : '', server.redirectOnly ? l(t.nginxRedirect) : '', ...server.otherContent].filter(Boolean).join(', ');
    add(
      t.labelNginx,
      l(t.nginxServes({ names: server.names.join(' ') || t.nginxDefault, ports: server.ports.join(', '), tls: server.ssl ? ' (TLS)' : '', what: what || t.nginxOther, where: `${server.file}:${server.line}` })),
    );
  }
  const cert = facts.certificate;
  if (cert) {
    add(t.labelCertificate, `${cert.fullchain}${cert.names ? l(t.forNames({ names: cert.names.join(', ') })) : ''}${cert.notAfter ? l(t.validUntil({ date: cert.notAfter.slice(0, 10) })) : ''}`);
    if (cert.lineage) {
      const { name, server, account, authenticator } = cert.lineage;
      add(t.labelCertbot, l(t.certbotLineage({ name, server: server ?? '?', account: account ?? '?', email: cert.accountEmail ? `, ${cert.accountEmail}` : '', authenticator: authenticator ?? '?' })));
    }
  }
  const r = facts.registration;
  const registration = !r.enabled
    ? t.registrationClosed
    : r.requiresToken
      ? t.registrationToken
      : r.withoutVerification
        ? t.registrationUnverified
        : r.require3pid.length
          ? t.registrationRequired({ required: r.require3pid.join(', ') })
          : t.registrationOpen;
  add(t.labelRegistration, `${l(registration)}${r.sharedSecretIn ? l(t.sharedSecretIn({ file: r.sharedSecretIn })) : ''}`);
  add(t.labelFederation, l(facts.federation.enabled ? (facts.federation.whitelist ? t.federationOnlyWith({ servers: facts.federation.whitelist.join(', ') }) : t.on) : t.off));
  add(t.labelTurn, facts.turn.uris.length ? `${facts.turn.uris.join(', ')}${facts.turn.coturnInstalled ? l(t.coturnHere) : ''}` : l(t.notSet));
  add(t.labelEmail, facts.email.smtpHost ? `SMTP ${facts.email.smtpHost}${facts.email.smtpPort ? `:${facts.email.smtpPort}` : ''}` : l(t.notSet));
  if (assessment.edge) {
    add(t.labelWouldServe, l(t.wouldServe({ host: assessment.edge.synapseHost, delegation: assessment.edge.delegation })));
    for (const file of assessment.edge.replacedFiles) add(t.labelWouldReplace, l(t.wouldReplace({ file })));
  }
  return lines;
}

function methodName(method: string | undefined): Localized {
  return method === 'distro' ? t.methodDistro : method === 'apt' ? t.methodApt : method === 'venv' ? t.methodVenv : t.unknown;
}

/** The facts without anything secret (the merged config holds secrets): for --json. */
export function factsForJson(facts: AdoptionFacts): Record<string, unknown> {
  const { config, ...rest } = facts;
  return { ...rest, config: config ? { files: config.files, setBy: config.setBy, problems: config.problems } : undefined };
}
