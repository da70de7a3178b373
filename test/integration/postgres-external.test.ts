// External-database mode against a real PostgreSQL (throwaway cluster on 127.0.0.1:54330,
// scram-sha-256 for host lines): admin credentials create the role and database over TCP;
// without them only the verification runs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PgSslMode } from '../../src/answers/types.js';
import { verifyDatabase } from '../../src/database/verify-database.js';
import { StepError } from '../../src/errors.js';
import { postgresDatabaseStep } from '../../steps/postgres-database.js';
import { postgresVerifyStep } from '../../steps/postgres-verify.js';
import { testAnswers } from '../helpers/answers.js';
import { clusterUnavailable, startCluster, type Cluster } from './postgres-cluster.js';
import { changes, runSteps, stateDirectory } from './postgres-run-helper.js';

const PORT = 54330;
const STEPS = [postgresDatabaseStep, postgresVerifyStep];
const SYNAPSE_PASSWORD = 'synapse pass with spaces, quotes \' " and a backslash \\';
const ADMIN_PASSWORD = 'admin-secret-0123456789';
const unavailable = clusterUnavailable();

function answers(withAdmin: boolean, overrides: { name?: string; user?: string; sslmode?: 'disable' | 'prefer' | 'require' } = {}) {
  return testAnswers({
    database: {
      mode: 'external',
      host: '127.0.0.1',
      port: PORT,
      name: overrides.name ?? 'synapse',
      user: overrides.user ?? 'synapse_user',
      sslmode: overrides.sslmode ?? 'prefer',
      password: { env: 'MATRIX_SETUP_TEST_DB_PASSWORD' },
      ...(withAdmin ? { admin_user: 'db_admin', admin_password: { env: 'MATRIX_SETUP_TEST_DB_ADMIN_PASSWORD' } } : {}),
    },
  });
}

describe('external PostgreSQL over TCP', { skip: unavailable }, () => {
  let cluster: Cluster;
  const state = stateDirectory();

  before(() => {
    process.env.MATRIX_SETUP_TEST_DB_PASSWORD = SYNAPSE_PASSWORD;
    process.env.MATRIX_SETUP_TEST_DB_ADMIN_PASSWORD = ADMIN_PASSWORD;
    cluster = startCluster(PORT, { hostAuth: 'scram-sha-256' });
    // Like a managed service's admin: may create roles and databases, is not a superuser.
    cluster.sql(`CREATE ROLE db_admin LOGIN CREATEROLE CREATEDB PASSWORD '${ADMIN_PASSWORD}'`);
  });
  after(() => {
    cluster?.stop();
    state.remove();
  });

  it('creates the role and database with the admin credentials', async () => {
    const run = await runSteps(STEPS, answers(true), state.dir);
    assert.equal(run.outcome.status, 'done', JSON.stringify(run.outcome.error));
    assert.deepEqual(run.outcome.changedSteps, ['postgres-database']);
    assert.equal(
      cluster.sql("SELECT pg_encoding_to_char(encoding), datcollate, datctype, pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'synapse'"),
      'UTF8|C|C|synapse_user',
    );
    assert.equal(cluster.sql("SELECT rolsuper FROM pg_roles WHERE rolname = 'synapse_user'"), 'f');
    // The argv of every command is logged: the admin password must not be among them.
    assert.ok(!run.log.includes(ADMIN_PASSWORD));
    assert.ok(!run.log.includes(SYNAPSE_PASSWORD));
    assert.match(run.log, /psql .* -h 127\.0\.0\.1 -p 54330 -U db_admin/);
  });

  it('changes nothing on a second run (the admin is no superuser: the password is checked by logging in)', async () => {
    const run = await runSteps(STEPS, answers(true), state.dir);
    assert.equal(run.outcome.status, 'done', JSON.stringify(run.outcome.error));
    assert.deepEqual(run.outcome.changedSteps, []);
    assert.deepEqual(changes(run), []);
  });

  it('without admin credentials skips creation and verifies the existing database', async () => {
    const run = await runSteps(STEPS, answers(false), state.dir);
    assert.equal(run.outcome.status, 'done', JSON.stringify(run.outcome.error));
    const skipped = run.events.find((e) => e.type === 'step-skipped' && e.stepId === 'postgres-database');
    assert.ok(skipped && skipped.type === 'step-skipped' && /the database must already exist/.test(skipped.reason.en));
    assert.ok(run.events.some((e) => e.type === 'step-done' && e.stepId === 'postgres-verify'));
  });

  it('without admin credentials fails clearly when the database is missing', async () => {
    const run = await runSteps(STEPS, answers(false, { name: 'not_created' }), state.dir);
    assert.equal(run.outcome.status, 'failed');
    assert.equal(run.outcome.failedStep, 'postgres-verify');
    assert.match(run.outcome.error!.message.en, /database "not_created" does not exist/);
    assert.match(run.outcome.error!.hint!.en, /CREATE DATABASE "not_created"/);
  });

  it('refuses a wrong-collation database over TCP too', async () => {
    cluster.sql("CREATE DATABASE posix_db OWNER synapse_user ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C' TEMPLATE template0");
    const created = await runSteps(STEPS, answers(true, { name: 'posix_db' }), state.dir);
    assert.equal(created.outcome.failedStep, 'postgres-database');
    assert.match(created.outcome.error!.message.en, /LC_COLLATE is 'C\.UTF-8'/);
    const verified = await runSteps(STEPS, answers(false, { name: 'posix_db' }), state.dir);
    assert.equal(verified.outcome.failedStep, 'postgres-verify');
    assert.match(verified.outcome.error!.message.en, /LC_COLLATE is 'C\.UTF-8'/);
    assert.equal(cluster.sql("SELECT count(*) FROM pg_database WHERE datname = 'posix_db'"), '1');
  });

  describe('verifyDatabase failure classes', () => {
    const base = { host: '127.0.0.1', port: PORT, database: 'synapse', user: 'synapse_user', password: SYNAPSE_PASSWORD, sslmode: 'disable' as PgSslMode };

    async function failure(options: Partial<typeof base>): Promise<StepError> {
      try {
        await verifyDatabase({ ...base, ...options });
      } catch (error) {
        assert.ok(error instanceof StepError, `not a StepError: ${error}`);
        return error;
      }
      assert.fail('verification passed');
    }

    it('passes with the right settings (sslmode prefer falls back to plain)', async () => {
      const report = await verifyDatabase({ ...base, sslmode: 'prefer', serverName: 'example.org' });
      assert.equal(report.encoding, 'UTF8');
      assert.equal(report.contents.synapse, false);
    });
    it('wrong password', async () => {
      assert.match((await failure({ password: 'wrong' })).message, /Password authentication failed/);
    });
    it('nothing listening', async () => {
      const error = await failure({ port: 1 });
      assert.match(error.message, /Nothing accepts connections at 127\.0\.0\.1:1/);
      assert.ok(error.hint);
    });
    it('sslmode require against a server without TLS', async () => {
      assert.match((await failure({ sslmode: 'require' })).message, /does not offer TLS/);
    });
    it('a role that may not create tables', async () => {
      cluster.sql("CREATE ROLE reader LOGIN PASSWORD 'reader-password'");
      cluster.sql('REVOKE CREATE ON SCHEMA public FROM PUBLIC', 'synapse');
      const error = await failure({ user: 'reader', password: 'reader-password' });
      assert.match(error.message, /may not create tables/);
      assert.match(error.hint!.en, /GRANT CREATE ON SCHEMA public/);
    });
  });
});
