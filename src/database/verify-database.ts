import type pg from 'pg';
import { StepError } from '../errors.js';
import { connectDatabase, type DatabaseConnectionOptions } from './connection.js';
import { contentsProblem, SYNAPSE_SCHEMA_SQL, SYNAPSE_USER_SQL, type DatabaseContents } from './server-name.js';
import { postgresText as t } from '../i18n/messages/steps-postgres.js';

/** Synapse requires PostgreSQL 14 or later (since v1.143.0). */
export const MIN_POSTGRES_MAJOR = 14;

export interface DatabaseFacts {
  /** server_version, e.g. "15.18 (Debian 15.18-0+deb12u1)". */
  serverVersion: string;
  /** server_version_num, e.g. 150018. */
  serverVersionNum: number;
  encoding: string;
  collate: string;
  ctype: string;
}

export interface VerifyDatabaseOptions extends DatabaseConnectionOptions {
  /** When given, a Synapse database created for another server_name is refused. */
  serverName?: string;
}

export interface DatabaseReport extends DatabaseFacts {
  contents: DatabaseContents;
}

/**
 * Connects as Synapse will (TCP, the Synapse role) and checks what Synapse needs:
 * PostgreSQL >= 14, a UTF8 database with LC_COLLATE and LC_CTYPE 'C', the right to create
 * tables, and (with serverName) that the database is not another server's.
 * Throws a StepError with a hint for every failure. Changes nothing.
 */
export async function verifyDatabase(options: VerifyDatabaseOptions): Promise<DatabaseReport> {
  const client = await connectDatabase(options);
  try {
    const facts = await readFacts(client);
    const problem = factsProblem(facts, options.database);
    if (problem) throw problem;
    await checkCanCreateTables(client, options);
    const contents = await readContents(client);
    if (options.serverName) {
      const refusal = contentsProblem(contents, options.serverName, options.database);
      if (refusal) throw new StepError(refusal.message, { hint: refusal.hint });
    }
    return { ...facts, contents };
  } finally {
    await client.end().catch(() => {});
  }
}

async function readFacts(client: pg.Client): Promise<DatabaseFacts> {
  const result = await client.query(
    "SELECT current_setting('server_version') AS version, current_setting('server_version_num')::int AS num, " +
      'pg_encoding_to_char(encoding) AS encoding, datcollate, datctype FROM pg_database WHERE datname = current_database()',
  );
  const row = result.rows[0];
  return { serverVersion: row.version, serverVersionNum: row.num, encoding: row.encoding, collate: row.datcollate, ctype: row.datctype };
}

/** The first thing about this server or database that Synapse would refuse, or undefined. Pure. */
export function factsProblem(facts: DatabaseFacts, database: string): StepError | undefined {
  const major = Math.floor(facts.serverVersionNum / 10000);
  if (major < MIN_POSTGRES_MAJOR) {
    return new StepError(t.tooOld({ version: facts.serverVersion, major: MIN_POSTGRES_MAJOR }), { hint: t.tooOldHint });
  }
  return localeProblem(facts, database);
}

/** Synapse refuses databases whose encoding is not UTF8 or whose collation/ctype is not C. Pure. */
export function localeProblem(facts: Pick<DatabaseFacts, 'encoding' | 'collate' | 'ctype'>, database: string): StepError | undefined {
  const wrong: string[] = [];
  if (facts.encoding.toUpperCase() !== 'UTF8') wrong.push(`ENCODING is ${facts.encoding}`);
  if (facts.collate !== 'C') wrong.push(`LC_COLLATE is '${facts.collate}'`);
  if (facts.ctype !== 'C') wrong.push(`LC_CTYPE is '${facts.ctype}'`);
  if (wrong.length === 0) return undefined;
  return new StepError(t.wrongLocale({ name: database, wrong: wrong.join(', ') }), { hint: t.wrongLocaleHint({ name: database }) });
}

async function checkCanCreateTables(client: pg.Client, options: DatabaseConnectionOptions): Promise<void> {
  try {
    await client.query('BEGIN');
    await client.query('CREATE TABLE matrix_setup_write_check (id integer)');
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code === '42501') {
      throw new StepError(t.cannotCreateTables({ user: options.user, name: options.database, error: message ?? '' }), {
        hint: t.cannotCreateTablesHint({ name: options.database, user: options.user }),
        cause: error,
      });
    }
    if (code === '3F000') {
      throw new StepError(t.noSchema({ user: options.user }), { hint: t.noSchemaHint({ user: options.user }), cause: error });
    }
    if (code === '25006') {
      throw new StepError(t.readOnlyServer({ host: options.host, port: options.port }), { hint: t.readOnlyServerHint, cause: error });
    }
    throw new StepError(t.testTableFailed({ name: options.database, error: message ?? '' }), { cause: error });
  } finally {
    await client.query('ROLLBACK').catch(() => {});
  }
}

async function readContents(client: pg.Client): Promise<DatabaseContents> {
  const schema = (await client.query(SYNAPSE_SCHEMA_SQL)).rows[0];
  const contents: DatabaseContents = { tables: schema.tables, synapse: schema.synapse };
  if (contents.synapse) {
    try {
      const user = (await client.query(SYNAPSE_USER_SQL)).rows[0];
      if (user) contents.someUserId = user.name;
    } catch (error) {
      // Another role's tables this role may not read: Synapse could not use them either, and says so itself.
      if ((error as { code?: string }).code !== '42501') throw error;
    }
  }
  return contents;
}
