import type { AnswersDraft } from '../answers/field-spec.js';
import type { Registration } from '../answers/types.js';
import type { Assessment } from './assess.js';
import type { AdoptionFacts } from './facts.js';
import type { Localized } from '../i18n/localized.js';
import { adoptText as t } from '../i18n/messages/adopt.js';

/** Where adopting keeps the password of an external database it read from Synapse's config (answers reference it by file). */
export const ADOPTED_DB_PASSWORD_FILE = 'adopted-database-password';

export interface AdoptedAnswers {
  draft: AnswersDraft;
  /** What was not seen and so took a default, or is left as it is: said in the answers file and on screen. */
  notes: Localized[];
}

/**
 * Answers that reproduce the server as found: each answer comes from what Synapse, nginx and
 * certbot are configured with; what cannot be seen gets the default (and a note saying so).
 */
export function answersFromFacts(facts: AdoptionFacts, assessment: Assessment, stateDir: string): AdoptedAnswers {
  const notes: Localized[] = [];
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
  if (facts.settings.reportStats === undefined) notes.push(t.noteReportStats);
  notes.push(t.noteAdmin);
  notes.push(t.noteElement);
  if (facts.turn.uris.length) {
    notes.push(t.noteTurn({ uris: facts.turn.uris.join(', ') }));
  }
  if (facts.email.smtpHost) notes.push(t.noteEmail({ host: facts.email.smtpHost }));
  if (facts.federation.whitelist) notes.push(t.noteWhitelist({ servers: facts.federation.whitelist.join(', ') }));
  notes.push(facts.automaticUpdates ? t.noteUpdatesOn : t.noteUpdatesOff);
  return { draft, notes };
}

function tlsAnswers(facts: AdoptionFacts, serverName: string, notes: Localized[]): AnswersDraft['tls'] {
  const certificate = facts.certificate;
  const lineage = certificate?.lineage;
  if (certificate && lineage?.server) {
    if (!certificate.accountEmail) notes.push(t.noteNoContact({ server: lineage.server, name: serverName }));
    return { mode: 'letsencrypt', acme_directory: lineage.server, email: certificate.accountEmail ?? `admin@${serverName}` };
  }
  if (certificate) {
    notes.push(t.noteNotRenewed({ path: certificate.fullchain }));
    return { mode: 'existing', cert_path: certificate.fullchain, key_path: certificate.privkey };
  }
  notes.push(t.noteNoCertificate({ name: serverName }));
  return { mode: 'letsencrypt', email: `admin@${serverName}` };
}

function databaseAnswers(facts: AdoptionFacts, stateDir: string, notes: Localized[]): AnswersDraft['database'] {
  const db = facts.database;
  if (db?.engine === 'psycopg2') {
    if (db.local) {
      if (db.host.startsWith('/') || !db.hasPassword) notes.push((db.host.startsWith('/') ? t.noteSocket : t.noteNoPassword)({ user: db.user }));
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
    notes.push(t.noteSqlite({ path: db.path }));
  }
  return { mode: 'local' };
}

function registrationAnswer(facts: AdoptionFacts, notes: Localized[]): Registration {
  const r = facts.registration;
  if (!r.enabled) return 'disabled';
  if (r.requiresToken) return 'token';
  if (!r.require3pid.includes('email')) notes.push(t.noteOpenRegistration);
  return 'open';
}

/** Synapse accepts "50M", "50m", "1G" or a number of bytes; the answers take "50M" or "1G". */
function uploadSize(value: string | undefined, notes: Localized[]): string {
  if (value === undefined) return '50M';
  const unit = /^(\d+)\s*([KMGkmg])$/.exec(value.trim());
  if (unit) return `${unit[1]}${unit[2].toUpperCase()}`;
  if (/^\d+$/.test(value.trim())) {
    const bytes = Number(value);
    if (bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3}G`;
    if (bytes % 1024 ** 2 === 0) return `${bytes / 1024 ** 2}M`;
    if (bytes % 1024 === 0) return `${bytes / 1024}K`;
  }
  notes.push(t.noteUploadSize({ value }));
  return '50M';
}
