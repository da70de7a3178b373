import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixLoopbackAuth } from '../../steps/postgres/pg-hba.js';

const RHEL_DEFAULT = `# TYPE  DATABASE        USER            ADDRESS                 METHOD
local   all             all                                     peer
host    all             all             127.0.0.1/32            ident
host    all             all             ::1/128                 ident
local   replication     all                                     peer
host    replication     all             127.0.0.1/32            ident
host    replication     all             ::1/128                 ident
`;

const DEBIAN_DEFAULT = `local   all             postgres                                peer
local   all             all                                     peer
host    all             all             127.0.0.1/32            scram-sha-256
host    all             all             ::1/128                 scram-sha-256
local   replication     all                                     peer
host    replication     all             127.0.0.1/32            scram-sha-256
host    replication     all             ::1/128                 scram-sha-256
`;

describe('pg_hba.conf loopback password logins', () => {
  it("rewrites RHEL's ident host lines and leaves replication and local lines alone", () => {
    const fix = fixLoopbackAuth(RHEL_DEFAULT, 'synapse', 'synapse_user');
    assert.equal(fix.changes.length, 2);
    assert.equal(fix.blocker, undefined);
    const lines = fix.content.split('\n');
    assert.equal(lines[2], 'host    all             all             127.0.0.1/32            scram-sha-256');
    assert.equal(lines[3], 'host    all             all             ::1/128                 scram-sha-256');
    assert.match(lines[5], /ident$/);
    assert.match(lines[1], /peer$/);
    assert.deepEqual(fixLoopbackAuth(fix.content, 'synapse', 'synapse_user').changes, [], 'a second pass changes nothing');
  });

  it("leaves Debian's default (already scram-sha-256) unchanged", () => {
    const fix = fixLoopbackAuth(DEBIAN_DEFAULT, 'synapse', 'synapse_user');
    assert.deepEqual(fix.changes, []);
    assert.equal(fix.content, DEBIAN_DEFAULT);
    assert.deepEqual(fix.warnings, []);
  });

  it('honours first-match: an earlier md5 line for this database wins over a later ident line', () => {
    const content = `host synapse synapse_user 127.0.0.1/32 md5\nhost synapse synapse_user ::1/128 md5\n${RHEL_DEFAULT}`;
    assert.deepEqual(fixLoopbackAuth(content, 'synapse', 'synapse_user').changes, []);
  });

  it('skips lines for other databases and users', () => {
    const content = `host otherdb all 127.0.0.1/32 trust\nhost all bob 127.0.0.1/32 reject\n${RHEL_DEFAULT}`;
    const fix = fixLoopbackAuth(content, 'synapse', 'synapse_user');
    assert.equal(fix.changes.length, 2);
    assert.deepEqual(fix.warnings, []);
  });

  it('understands address + netmask columns and comma lists', () => {
    const content = 'host synapse,other all,synapse_user 127.0.0.0 255.0.0.0 ident   # loopback\n';
    const fix = fixLoopbackAuth(content, 'synapse', 'synapse_user');
    assert.equal(fix.content.split('\n')[0], 'host synapse,other all,synapse_user 127.0.0.0 255.0.0.0 scram-sha-256   # loopback');
  });

  it('does not take a database named like a method for the method', () => {
    const content = 'host ident ident 127.0.0.1/32 ident\n';
    assert.equal(fixLoopbackAuth(content, 'ident', 'ident').content, 'host ident ident 127.0.0.1/32 scram-sha-256\n');
  });

  it('warns about trust, refuses reject and ident lines it cannot evaluate', () => {
    assert.equal(fixLoopbackAuth('host all all 127.0.0.1/32 trust\n', 'synapse', 'synapse_user').warnings.length, 1);
    assert.match(fixLoopbackAuth('host all all 127.0.0.1/32 reject\n', 'synapse', 'synapse_user').blocker?.en ?? '', /rejects/);
    assert.match(fixLoopbackAuth('host all +admins 127.0.0.1/32 ident\n', 'synapse', 'synapse_user').blocker?.en ?? '', /may apply/);
  });

  it('adds a line for 127.0.0.1 when none applies', () => {
    const fix = fixLoopbackAuth('local all all peer\n', 'synapse', 'synapse_user');
    assert.match(fix.content, /^host {4}"synapse" {4}"synapse_user" {4}127\.0\.0\.1\/32 {4}scram-sha-256$/m);
    assert.deepEqual(fixLoopbackAuth(fix.content, 'synapse', 'synapse_user').changes, []);
  });
});
