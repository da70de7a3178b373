import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Action, CommandAction, PackagesAction } from '../../src/engine/types.js';
import { AnswersError } from '../../src/errors.js';
import { postgresAuthStep } from '../../steps/postgres-auth.js';
import { postgresDatabaseStep } from '../../steps/postgres-database.js';
import { postgresServerStep } from '../../steps/postgres-server.js';
import { postgresVerifyStep } from '../../steps/postgres-verify.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

const local = testAnswers();
const externalWithAdmin = testAnswers({ database: { mode: 'external', host: 'db.example.net', admin_user: 'postgres', admin_password: { file: '/root/pg' } } });
const externalOnly = testAnswers({ database: { mode: 'external', host: 'db.example.net' } });

function commands(actions: Action[]): string[] {
  return actions.filter((a): a is CommandAction => a.kind === 'command').map((a) => a.argv.join(' '));
}

describe('postgres-server plan', () => {
  it('Debian: the postgresql package and service', () => {
    const actions = postgresServerStep.plan({ answers: local, target: testTarget('debian-12') });
    assert.deepEqual(actions.map((a) => a.kind), ['packages', 'service']);
    assert.deepEqual((actions[0] as { names: string[] }).names, ['postgresql']);
  });
  it('RHEL 9: the postgresql:16 stream set up before postgresql-server, after the check for an older server; initdb guarded by PG_VERSION', () => {
    const actions = postgresServerStep.plan({ answers: local, target: testTarget('rocky-9') });
    assert.deepEqual(commands(actions), ['postgresql-setup --initdb']);
    const packages = actions.find((a): a is PackagesAction => a.kind === 'packages')!;
    assert.deepEqual(packages.names, ['postgresql-server']);
    assert.match(packages.checks![0].description, /no PostgreSQL older than 14/);
    const [stream] = packages.repositories!;
    assert.equal(stream.id, 'postgresql:16');
    assert.deepEqual(commands(stream.setup), ['dnf module reset -y postgresql', 'dnf module enable -y postgresql:16']);
    for (const command of stream.setup.filter((a): a is CommandAction => a.kind === 'command')) assert.ok(command.unless, `${command.argv.join(' ')} has no guard`);
    const initdb = actions.find((a): a is CommandAction => a.kind === 'command' && a.argv[0] === 'postgresql-setup');
    assert.equal(initdb?.creates, '/var/lib/pgsql/data/PG_VERSION');
    for (const command of actions.filter((a): a is CommandAction => a.kind === 'command')) {
      assert.ok(command.unless || command.creates, `${command.argv.join(' ')} has no guard`);
    }
  });
  it('RHEL 10: no module streams', () => {
    const actions = postgresServerStep.plan({ answers: local, target: testTarget('rocky-10') });
    assert.deepEqual(commands(actions), ['postgresql-setup --initdb']);
  });
  it('the plan is the same on every call (pure)', () => {
    const input = { answers: local, target: testTarget('rocky-9') };
    assert.equal(JSON.stringify(postgresServerStep.plan(input)), JSON.stringify(postgresServerStep.plan(input)));
  });
});

describe('skips', () => {
  it('server and auth only for a local database', () => {
    const target = testTarget('debian-12');
    assert.equal(postgresServerStep.skip?.({ answers: local, target }), undefined);
    assert.match(postgresServerStep.skip?.({ answers: externalOnly, target }) ?? '', /external/);
    assert.match(postgresAuthStep.skip?.({ answers: externalOnly, target }) ?? '', /external/);
  });
  it('database creation needs local mode or admin credentials', () => {
    const target = testTarget('debian-12');
    assert.equal(postgresDatabaseStep.skip?.({ answers: local, target }), undefined);
    assert.equal(postgresDatabaseStep.skip?.({ answers: externalWithAdmin, target }), undefined);
    assert.match(postgresDatabaseStep.skip?.({ answers: externalOnly, target }) ?? '', /the database must already exist/);
    assert.equal(postgresVerifyStep.skip?.({ answers: externalOnly, target }), undefined);
  });
});

describe('postgres-database plan', () => {
  it('local: psql as the postgres user on the answers port, values as variables, no password in argv', () => {
    const answers = testAnswers({ database: { port: 54329 } });
    const [task] = postgresDatabaseStep.plan({ answers, target: testTarget('debian-12') });
    assert.equal(task.kind, 'task');
    if (task.kind !== 'task') return;
    for (const shown of task.shows) {
      assert.deepEqual(shown.argv.slice(0, 5), ['runuser', '-u', 'postgres', '--', 'psql']);
      assert.ok(shown.argv.includes('54329'));
      assert.ok(shown.argv.includes('role_name=synapse_user'));
      assert.ok(!shown.argv.some((arg) => arg.includes('secret')), 'a secret in argv');
    }
    const change = task.shows.at(-1)!;
    assert.match(change.stdin ?? '', /CREATE DATABASE :"db_name" WITH OWNER :"role_name" ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'.* TEMPLATE template0;/);
    assert.doesNotMatch(change.stdin ?? '', /synapse_user/, 'a name spliced into the SQL');
  });
  it('external: installs the psql client and connects over TCP as the admin', () => {
    const actions = postgresDatabaseStep.plan({ answers: externalWithAdmin, target: testTarget('rocky-9') });
    assert.deepEqual(actions[0], { kind: 'packages', manager: 'dnf', names: ['postgresql'] });
    const task = actions[1];
    assert.ok(task.kind === 'task' && task.shows[0].argv.join(' ').includes('-h db.example.net -p 5432 -U postgres'));
  });
  it('rejects a name psql could read as a connection string', () => {
    const answers = testAnswers({ database: { name: 'host=evil dbname=x' } });
    assert.throws(() => postgresDatabaseStep.plan({ answers, target: testTarget('debian-12') }), AnswersError);
  });
});
