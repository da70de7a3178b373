import type { AnswersDraft } from '../answers/field-spec.js';
import type { Registration } from '../answers/types.js';
import type { Assessment } from './assess.js';
import type { AdoptionFacts } from './facts.js';

/** Where adopting keeps the password of an external database it read from Synapse's config (answers reference it by file). */
export const ADOPTED_DB_PASSWORD_FILE = 'adopted-database-password';

export interface AdoptedAnswers {
  draft: AnswersDraft;
  /** What was not seen and so took a default, or is left as it is: said in the answers file and on screen. */
  notes: string[];
}

/**
 * Answers that reproduce the server as found: each answer comes from what Synapse, nginx and
 * certbot are configured with; what cannot be seen gets the default (and a note saying so).
 */
export function answersFromFacts(facts: AdoptionFacts, assessment: Assessment, stateDir: string): AdoptedAnswers {
  const notes: string[] = [];
  const serverName = facts.serverName ?? '';
  const edge = assessment.edge;
  const synapseHost = edge?.synapseHost ?? serverName;
  const draft: AnswersDraft = {
    version: 1,
    server_name: serverName,
    synapse_host: synapseHost,
    federation: facts.federation.enabled,
    delegation: edge?.delegation ?? 'auto',
    tls: tlsAnswers(facts, serverName, notes),
    database: databaseAnswers(facts, stateDir, notes),
    synapse: {
      ...(facts.install.method ? { install: facts.install.method } : {}),
      registration: registrationAnswer(facts, notes),
      max_upload_size: uploadSize(facts.settings.maxUploadSize, notes),
      presence: facts.settings.presence,
      url_previews: facts.settings.urlPreviews,
      report_stats: facts.settings.reportStats ?? false,
    },
    admin: { enabled: false },
    element: { enabled: false },
    turn: { enabled: false },
    email: { enabled: false },
    automatic_updates: facts.automaticUpdates,
  };
  if (facts.settings.reportStats === undefined) notes.push('report_stats is not set in the config: answered false.');
  notes.push('admin.enabled: false: the server has its own accounts, so no admin account is created (set it to true and give a username to have one made).');
  notes.push('element.enabled: false: Element Web is not installed by adopting (set element.enabled to true to serve it on its own host).');
  if (facts.turn.uris.length) {
    notes.push(`TURN is configured in Synapse (${facts.turn.uris.join(', ')}) and left as it is (turn.enabled: false means matrix-setup does not manage it).`);
  }
  if (facts.email.smtpHost) notes.push(`Email is configured in Synapse (SMTP ${facts.email.smtpHost}) and left as it is (email.enabled: false means matrix-setup does not manage it).`);
  if (facts.federation.whitelist) notes.push(`federation_domain_whitelist (${facts.federation.whitelist.join(', ')}) stays in your config; matrix-setup leaves it alone.`);
  notes.push(`automatic_updates: ${facts.automaticUpdates} (unattended-upgrades is ${facts.automaticUpdates ? '' : 'not '}installed).`);
  return { draft, notes };
}

function tlsAnswers(facts: AdoptionFacts, serverName: string, notes: string[]): AnswersDraft['tls'] {
  const certificate = facts.certificate;
  const lineage = certificate?.lineage;
  if (certificate && lineage?.server) {
    if (!certificate.accountEmail) notes.push(`certbot's account for ${lineage.server} keeps no contact address: tls.email defaults to admin@${serverName}.`);
    return { mode: 'letsencrypt', acme_directory: lineage.server, email: certificate.accountEmail ?? `admin@${serverName}` };
  }
  if (certificate) {
    notes.push(`The certificate ${certificate.fullchain} is not one certbot renews here: tls.mode is existing (renew it yourself, or switch to letsencrypt).`);
    return { mode: 'existing', cert_path: certificate.fullchain, key_path: certificate.privkey };
  }
  notes.push(`No certificate was found in front of Synapse: tls.mode letsencrypt from Let's Encrypt with email admin@${serverName} (check both).`);
  return { mode: 'letsencrypt', email: `admin@${serverName}` };
}

function databaseAnswers(facts: AdoptionFacts, stateDir: string, notes: string[]): AnswersDraft['database'] {
  const db = facts.database;
  if (db?.engine === 'psycopg2') {
    if (db.local) {
      if (db.host.startsWith('/') || !db.hasPassword) notes.push(`Synapse reaches PostgreSQL ${db.host.startsWith('/') ? 'over the Unix socket' : 'without a password'}: it will connect over 127.0.0.1 with a password matrix-setup sets for ${db.user}.`);
      return { mode: 'local', name: db.database, user: db.user, port: db.port };
    }
    return {
      mode: 'external',
      name: db.database,
      user: db.user,
      host: db.host,
      port: db.port,
      ...(db.sslmode ? { sslmode: db.sslmode as never } : {}),
      password: { file: `${stateDir}/${ADOPTED_DB_PASSWORD_FILE}` },
    };
  }
  if (db?.engine === 'sqlite3') {
    notes.push(`The SQLite database ${db.path} will be copied into PostgreSQL on this machine (database synapse, role synapse_user) with Synapse's own port tool; the SQLite file itself is kept as it is.`);
  }
  return { mode: 'local' };
}

function registrationAnswer(facts: AdoptionFacts, notes: string[]): Registration {
  const r = facts.registration;
  if (!r.enabled) return 'disabled';
  if (r.requiresToken) return 'token';
  if (!r.require3pid.includes('email')) notes.push('Registration is open: matrix-setup keeps it open with a verified email address required.');
  return 'open';
}

/** Synapse accepts "50M", "50m", "1G" or a number of bytes; the answers take "50M" or "1G". */
function uploadSize(value: string | undefined, notes: string[]): string {
  if (value === undefined) return '50M';
  const unit = /^(\d+)\s*([KMGkmg])$/.exec(value.trim());
  if (unit) return `${unit[1]}${unit[2].toUpperCase()}`;
  if (/^\d+$/.test(value.trim())) {
    const bytes = Number(value);
    if (bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3}G`;
    if (bytes % 1024 ** 2 === 0) return `${bytes / 1024 ** 2}M`;
    if (bytes % 1024 === 0) return `${bytes / 1024}K`;
  }
  notes.push(`max_upload_size ${value} is not a size the answers can hold: answered 50M.`);
  return '50M';
}
