// The local-database steps against a real PostgreSQL (a throwaway cluster on 127.0.0.1:54329
// whose host lines use ident, as RHEL's initdb writes them), run through the real runner.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { verifyDatabase } from '../../src/database/verify-database.js';
import { postgresAuthStep } from '../../steps/postgres-auth.js';
import { postgresDatabaseStep } from '../../steps/postgres-database.js';
import { postgresServerStep } from '../../steps/postgres-server.js';
import { postgresVerifyStep } from '../../steps/postgres-verify.js';
import { LocalExecutor } from '../../src/exec/executor.js';
import { Logger } from '../../src/log/logger.js';
import type { RunContext } from '../../src/engine/types.js';
import { testAnswers, testTarget } from '../helpers/answers.js';
import { clusterUnavailable, startCluster, type Cluster } from './postgres-cluster.js';
import { changes, runSteps, stateDirectory } from './postgres-run-helper.js';

const PORT = 54329;
const STEPS = [postgresAuthStep, postgresDatabaseStep, postgresVerifyStep];
const unavailable = clusterUnavailable();

function answers(overrides: { name?: string; user?: string; server_name?: string } = {}) {
  return testAnswers({
    server_name: overrides.server_name ?? 'example.org',
    database: { mode: 'local', name: overrides.name ?? 'synapse', user: overrides.user ?? 'synapse_user', port: PORT, sslmode: 'prefer' },
  });
}

describe('local PostgreSQL: role, database, pg_hba, verification', { skip: unavailable }, () => {
  let cluster: Cluster;
  const state = stateDirectory();

  before(() => {
    cluster = startCluster(PORT, { hostAuth: 'ident' });
  });
  after(() => {
    cluster?.stop();
    state.remove();
  });

  it("postgres-server's check finds the server accepting connections on the answers' port", async () => {
    const signal = new AbortController().signal;
    const ctx = { answers: answers(), target: testTarget('debian-12'), exec: new LocalExecutor(new Logger(undefined), signal), signal } as unknown as RunContext;
    await postgresServerStep.verify!(ctx);
  });

  it('switches ident to scram-sha-256, creates the role and database, and verifies them', async () => {
    const run = await runSteps(STEPS, answers(), state.dir);
    assert.equal(run.outcome.status, 'done', JSON.stringify(run.outcome.error));
    assert.deepEqual(run.outcome.changedSteps, ['postgres-auth', 'postgres-database']);

    const hba = readFileSync(cluster.hbaFile, 'utf8');
    assert.match(hba, /^host\s+all\s+all\s+127\.0\.0\.1\/32\s+scram-sha-256/m);
    assert.match(hba, /^host\s+all\s+all\s+::1\/128\s+scram-sha-256/m);
    assert.doesNotMatch(hba.split('\n').filter((l) => /^host\s+all/.test(l)).join('\n'), /ident/);
    assert.deepEqual(readdirSync(dirname(cluster.hbaFile)).filter((f) => f.startsWith('pg_hba.conf.') || f.startsWith('.pg_hba')), [], 'nothing beside pg_hba.conf');
    const backups = readdirSync(join(state.dir, 'backups', dirname(cluster.hbaFile))).filter((f) => f.startsWith('pg_hba.conf.'));
    assert.equal(backups.length, 1, 'the previous pg_hba.conf is kept under the state directory');

    const db = cluster.sql("SELECT pg_encoding_to_char(encoding), datcollate, datctype, pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'synapse'");
    assert.equal(db, 'UTF8|C|C|synapse_user');
    assert.match(cluster.sql("SELECT rolpassword FROM pg_authid WHERE rolname = 'synapse_user'"), /^SCRAM-SHA-256\$4096:/);

    // The generated password works over TCP, as Synapse will use it.
    const password = state.secret('database_password');
    const report = await verifyDatabase({ host: '127.0.0.1', port: PORT, database: 'synapse', user: 'synapse_user', password, sslmode: 'disable' });
    assert.equal(report.collate, 'C');
    assert.ok(report.serverVersionNum >= 140000);

    // The password reached neither the log nor a command line.
    assert.ok(!run.log.includes(password), 'the log holds the database password');
    assert.match(run.log, /runuser -u postgres -- psql/);
  });

  it('changes nothing on a second run', async () => {
    const hbaBefore = readFileSync(cluster.hbaFile, 'utf8');
    const verifierBefore = cluster.sql("SELECT rolpassword FROM pg_authid WHERE rolname = 'synapse_user'");
    const run = await runSteps(STEPS, answers(), state.dir);
    assert.equal(run.outcome.status, 'done', JSON.stringify(run.outcome.error));
    assert.deepEqual(run.outcome.changedSteps, []);
    assert.deepEqual(changes(run), []);
    assert.equal(readFileSync(cluster.hbaFile, 'utf8'), hbaBefore);
    assert.equal(cluster.sql("SELECT rolpassword FROM pg_authid WHERE rolname = 'synapse_user'"), verifierBefore);
    assert.match(run.log, /rolpassword|not logged: it holds a secret/, 'the stored verifier was read');
    assert.ok(!run.log.includes(verifierBefore), "the role's stored SCRAM verifier is in the log");
  });

  it('sets the password again when the role has another one, then is stable', async () => {
    cluster.sql("ALTER ROLE synapse_user PASSWORD 'something else'");
    const fixed = await runSteps(STEPS, answers(), state.dir);
    assert.equal(fixed.outcome.status, 'done', JSON.stringify(fixed.outcome.error));
    assert.deepEqual(fixed.outcome.changedSteps, ['postgres-database']);
    const again = await runSteps(STEPS, answers(), state.dir);
    assert.deepEqual(again.outcome.changedSteps, []);
  });

  it('refuses a database with the wrong collation and drops nothing', async () => {
    cluster.sql("CREATE DATABASE wrong_collation OWNER synapse_user ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0");
    const run = await runSteps(STEPS, answers({ name: 'wrong_collation' }), state.dir);
    assert.equal(run.outcome.status, 'failed');
    assert.equal(run.outcome.failedStep, 'postgres-database');
    assert.match(run.outcome.error!.message, /LC_COLLATE is 'C\.UTF-8'/);
    assert.match(run.outcome.error!.hint!, /never drops/);
    assert.equal(cluster.sql("SELECT datcollate FROM pg_database WHERE datname = 'wrong_collation'"), 'C.UTF-8');
  });

  it('refuses a database owned by another role', async () => {
    cluster.sql('CREATE ROLE someone_else');
    cluster.sql("CREATE DATABASE not_ours OWNER someone_else ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
    const run = await runSteps(STEPS, answers({ name: 'not_ours' }), state.dir);
    assert.equal(run.outcome.status, 'failed');
    assert.match(run.outcome.error!.message, /belongs to the role "someone_else"/);
    assert.match(run.outcome.error!.hint!, /ALTER DATABASE "not_ours" OWNER TO "synapse_user"/);
    assert.equal(cluster.sql("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'not_ours'"), 'someone_else');
  });

  it("refuses another server's Synapse database before changing the role", async () => {
    cluster.sql("CREATE ROLE other_synapse LOGIN PASSWORD 'their password'");
    cluster.sql("CREATE DATABASE other_server OWNER other_synapse ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
    cluster.sql('CREATE TABLE schema_version (version integer); CREATE TABLE users (name text); ' + "INSERT INTO users VALUES ('@alice:other.example')", 'other_server');
    cluster.sql('ALTER TABLE users OWNER TO other_synapse; ALTER TABLE schema_version OWNER TO other_synapse', 'other_server');
    const verifier = cluster.sql("SELECT rolpassword FROM pg_authid WHERE rolname = 'other_synapse'");
    const run = await runSteps(STEPS, answers({ name: 'other_server', user: 'other_synapse' }), state.dir);
    assert.equal(run.outcome.status, 'failed');
    assert.match(run.outcome.error!.message, /belongs to the Synapse server "other\.example"/);
    assert.equal(cluster.sql("SELECT rolpassword FROM pg_authid WHERE rolname = 'other_synapse'"), verifier, 'the role was changed');
    assert.equal(cluster.sql('SELECT count(*) FROM users', 'other_server'), '1');
  });

  it('accepts a Synapse database of the same server_name', async () => {
    cluster.sql("CREATE TABLE schema_version (version integer); CREATE TABLE users (name text); INSERT INTO users VALUES ('@admin:example.org')", 'synapse');
    cluster.sql('ALTER TABLE users OWNER TO synapse_user; ALTER TABLE schema_version OWNER TO synapse_user', 'synapse');
    const run = await runSteps(STEPS, answers(), state.dir);
    assert.equal(run.outcome.status, 'done', JSON.stringify(run.outcome.error));
    assert.deepEqual(run.outcome.changedSteps, []);
  });
});
