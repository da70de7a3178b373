import { existsSync, readFileSync } from 'node:fs';
import type { ConnectionOptions as TlsOptions } from 'node:tls';
import pg from 'pg';
import type { PgSslMode } from '../answers/types.js';
import { StepError } from '../errors.js';
import type { Localized } from '../i18n/localized.js';
import { postgresText as t } from '../i18n/messages/steps-postgres.js';

/** How Synapse (or the admin) reaches the database: TCP, a role and its password. */
export interface DatabaseConnectionOptions {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  sslmode: PgSslMode;
  /** Default 10 s: an unreachable server must not hang the run. */
  connectTimeoutMs?: number;
}

const SYSTEM_CA_BUNDLES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt'];

/** libpq's sslmode in node-postgres terms ('prefer' is handled by connectDatabase). */
export function tlsOptionsFor(sslmode: PgSslMode, host: string): false | TlsOptions {
  switch (sslmode) {
    case 'disable':
      return false;
    case 'prefer':
    case 'require':
      return { rejectUnauthorized: false };
    case 'verify-ca':
      return { rejectUnauthorized: true, ca: systemCaBundle(), checkServerIdentity: () => undefined };
    case 'verify-full':
      return { rejectUnauthorized: true, ca: systemCaBundle(), servername: host };
  }
}

function systemCaBundle(): string | undefined {
  const bundle = SYSTEM_CA_BUNDLES.find((path) => existsSync(path));
  return bundle ? readFileSync(bundle, 'utf8') : undefined;
}

/**
 * Connects like libpq would with this sslmode ('prefer': TLS when the server offers it,
 * plain otherwise). Connection failures become StepErrors that say what to check.
 */
export async function connectDatabase(options: DatabaseConnectionOptions): Promise<pg.Client> {
  try {
    return await open(options, tlsOptionsFor(options.sslmode, options.host));
  } catch (error) {
    if (options.sslmode === 'prefer' && isNoSslError(error)) {
      try {
        return await open(options, false);
      } catch (plainError) {
        throw describeConnectionError(plainError, options);
      }
    }
    throw describeConnectionError(error, options);
  }
}

/** The server asked for the password in cleartext: refused, whatever the TLS. */
export class CleartextPasswordRefused extends Error {
  readonly code = 'MATRIX_SETUP_CLEARTEXT_PASSWORD';
  constructor() {
    super('the server asked for the password in cleartext');
  }
}

async function open(options: DatabaseConnectionOptions, ssl: false | TlsOptions): Promise<pg.Client> {
  const client = new pg.Client({
    host: options.host,
    port: options.port,
    database: options.database,
    user: options.user,
    password: options.password,
    ssl,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    query_timeout: 60_000,
    application_name: 'matrix-setup',
  });
  // An error after connecting (server restart) must not crash the process; the pending query fails instead.
  client.on('error', () => {});
  refuseCleartextPassword(client);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  return client;
}

/**
 * A server (or whatever answers in its place) that asks for the password in cleartext gets
 * no password: the connection fails instead. SCRAM and md5 never send it. node-postgres has no
 * option for this, so its handler for that request is replaced before connecting.
 */
function refuseCleartextPassword(client: pg.Client): void {
  const internals = client as unknown as { _handleAuthCleartextPassword(): void; connection: { emit(event: 'error', error: Error): void } };
  internals._handleAuthCleartextPassword = () => internals.connection.emit('error', new CleartextPasswordRefused());
}

function isNoSslError(error: unknown): boolean {
  return error instanceof Error && /does not support SSL/i.test(error.message);
}

interface PgLikeError {
  code?: string;
  message?: string;
}

/** What went wrong, in words that say what to check. Pure, so every failure class is tested. */
export function describeConnectionError(error: unknown, options: DatabaseConnectionOptions): StepError {
  const { code, message = String(error) } = (error ?? {}) as PgLikeError;
  const where = `${options.host}:${options.port}`;
  const who = { user: options.user, name: options.database, where };
  const make = (text: Localized, hint: Localized) => new StepError(text, { hint, cause: error });

  if (error instanceof CleartextPasswordRefused) return make(t.cleartextRefused({ where, user: options.user }), t.cleartextRefusedHint);
  if (code === 'ECONNREFUSED') return make(t.refused({ where }), t.refusedHint);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return make(t.unresolved({ host: options.host }), t.unresolvedHint);
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || /timeout expired|connection timeout/i.test(message)) {
    return make(t.timedOut({ where }), t.timedOutHint);
  }
  if (code === 'ECONNRESET') return make(t.reset({ where }), t.resetHint);
  if (/does not support SSL/i.test(message)) return make(t.noTls({ where, sslmode: options.sslmode ?? '' }), t.noTlsHint);
  if (code && /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ALTNAME|ERR_TLS/.test(code)) {
    return make(t.badCertificate({ code, error: message }), options.sslmode === 'verify-full' ? t.badCertificateFullHint : t.badCertificateCaHint);
  }
  if (code === '28P01') return make(t.wrongPassword(who), t.wrongPasswordHint);
  if (code === '28000') {
    if (/no pg_hba\.conf entry/i.test(message)) {
      const hint = /no encryption/i.test(message) ? t.noHbaEntryTlsHint : t.noHbaEntryHint;
      return make(t.noHbaEntry({ user: options.user, error: message }), hint({ name: options.database, user: options.user }));
    }
    if (/role .* does not exist/i.test(message)) return make(t.noRole({ user: options.user, where }), t.noRoleHint);
    return make(t.loginRefused({ ...who, error: message }), t.loginRefusedHint);
  }
  if (code === '3D000') return make(t.noDatabase({ name: options.database, where }), t.noDatabaseHint({ name: options.database, user: options.user }));
  if (code === '42501') {
    return make(t.noConnect({ user: options.user, name: options.database, error: message }), t.noConnectHint({ name: options.database, user: options.user }));
  }
  if (code === '53300') return make(t.tooManyConnections({ where, error: message }), t.tooManyConnectionsHint);
  if (code === '57P03') return make(t.startingUp({ where }), t.startingUpHint);
  return make(t.cannotConnect({ ...who, error: message }), t.cannotConnectHint);
}
