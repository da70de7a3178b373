import { existsSync, readFileSync } from 'node:fs';
import type { ConnectionOptions as TlsOptions } from 'node:tls';
import pg from 'pg';
import type { PgSslMode } from '../answers/types.js';
import { StepError } from '../errors.js';

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
  const as = `as "${options.user}" to database "${options.database}" at ${where}`;
  const make = (text: string, hint: string) => new StepError(text, { hint, cause: error });

  if (error instanceof CleartextPasswordRefused) {
    return make(
      `The database server at ${where} asked for the password of "${options.user}" in cleartext; matrix-setup did not send it.`,
      'Make the server use scram-sha-256 for this role (its pg_hba.conf method, and password_encryption = scram-sha-256), then resume. If something else answers on that address, find out what.',
    );
  }
  if (code === 'ECONNREFUSED') {
    return make(
      `Nothing accepts connections at ${where} (connection refused).`,
      'Is PostgreSQL running and listening on that address and port? Check listen_addresses and port in postgresql.conf, and the host and port in the answers.',
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return make(`The database host "${options.host}" does not resolve.`, 'Check database.host in the answers and this machine\'s DNS.');
  }
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || /timeout expired|connection timeout/i.test(message)) {
    return make(
      `The database server at ${where} did not answer in time.`,
      'A firewall or cloud security group may be dropping the connection; check that this machine may reach that port.',
    );
  }
  if (code === 'ECONNRESET') {
    return make(`The database server at ${where} closed the connection.`, 'Check the server log; a proxy or an sslmode the server does not accept can do this.');
  }
  if (/does not support SSL/i.test(message)) {
    return make(
      `The database server at ${where} does not offer TLS, but database.sslmode is "${options.sslmode}".`,
      'Enable ssl on the server, or set database.sslmode to prefer or disable if the network path is trusted.',
    );
  }
  if (code && /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ALTNAME|ERR_TLS/.test(code)) {
    return make(
      `The database server's TLS certificate was not accepted (${code}): ${message}`,
      options.sslmode === 'verify-full'
        ? 'verify-full needs a certificate for exactly this host name, issued by a CA this machine trusts (add private CAs to the system store), or use sslmode require.'
        : 'verify-ca needs a certificate issued by a CA this machine trusts (add private CAs to the system store), or use sslmode require.',
    );
  }
  if (code === '28P01') {
    return make(
      `Password authentication failed ${as}.`,
      'The role\'s password differs from the one matrix-setup uses (database.password in the answers, or /var/lib/matrix-setup/secrets.yaml for a local database).',
    );
  }
  if (code === '28000') {
    if (/no pg_hba\.conf entry/i.test(message)) {
      const ssl = /no encryption/i.test(message) ? ' The server only accepts TLS connections: set database.sslmode to verify-full (or require).' : '';
      return make(
        `The database server does not let "${options.user}" connect from this machine: ${message}`,
        `Add a line such as "host ${options.database} ${options.user} <this machine's address>/32 scram-sha-256" to pg_hba.conf and reload PostgreSQL.${ssl}`,
      );
    }
    if (/role .* does not exist/i.test(message)) {
      return make(`The role "${options.user}" does not exist on ${where}.`, 'Create it (or give admin credentials in the answers so matrix-setup creates it).');
    }
    return make(`The database server refused the login ${as}: ${message}`, 'Check pg_hba.conf and the role (it needs LOGIN).');
  }
  if (code === '3D000') {
    return make(
      `The database "${options.database}" does not exist on ${where}.`,
      `Create it: CREATE DATABASE "${options.database}" OWNER "${options.user}" ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;`,
    );
  }
  if (code === '42501') {
    return make(`The role "${options.user}" may not connect to database "${options.database}": ${message}`, `Grant it: GRANT CONNECT ON DATABASE "${options.database}" TO "${options.user}";`);
  }
  if (code === '53300') {
    return make(`The database server at ${where} has no free connections: ${message}`, 'Raise max_connections or stop what holds the connections, then resume.');
  }
  if (code === '57P03') {
    return make(`The database server at ${where} is starting up or shutting down.`, 'Wait a moment and resume.');
  }
  return make(`Cannot connect ${as}: ${message}`, 'Check the database settings in the answers and that the server is reachable from this machine.');
}
