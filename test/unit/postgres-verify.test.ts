import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { describeConnectionError } from '../../src/database/connection.js';
import { passwordMatchesStored, saslPrep, scramVerifier } from '../../src/database/scram.js';
import { contentsProblem, serverNameOfUserId } from '../../src/database/server-name.js';
import { factsProblem } from '../../src/database/verify-database.js';

const GOOD = { serverVersion: '15.18', serverVersionNum: 150018, encoding: 'UTF8', collate: 'C', ctype: 'C' };
const OPTIONS = { host: 'db.example.net', port: 5432, database: 'synapse', user: 'synapse_user', password: 'x', sslmode: 'require' as const };

describe('database facts', () => {
  it('accepts PostgreSQL 14+ with UTF8 and C/C', () => {
    assert.equal(factsProblem(GOOD, 'synapse'), undefined);
    assert.equal(factsProblem({ ...GOOD, serverVersion: '14.0', serverVersionNum: 140000 }, 'synapse'), undefined);
  });
  it('refuses PostgreSQL 13', () => {
    const problem = factsProblem({ ...GOOD, serverVersion: '13.16', serverVersionNum: 130016 }, 'synapse');
    assert.match(problem?.message ?? '', /PostgreSQL 13\.16 is too old: Synapse needs 14/);
    assert.ok(problem?.hint);
  });
  it('names every wrong locale setting', () => {
    const problem = factsProblem({ ...GOOD, encoding: 'SQL_ASCII', collate: 'en_US.UTF-8', ctype: 'C' }, 'synapse');
    assert.match(problem?.message ?? '', /ENCODING is SQL_ASCII, LC_COLLATE is 'en_US\.UTF-8'/);
    assert.doesNotMatch(problem?.message ?? '', /LC_CTYPE is/);
    assert.match(problem?.hint ?? '', /never drops/);
  });
});

describe('connection errors', () => {
  const cases: Array<[object, RegExp]> = [
    [{ code: 'ECONNREFUSED' }, /Nothing accepts connections at db\.example\.net:5432/],
    [{ code: 'ENOTFOUND' }, /does not resolve/],
    [{ message: 'timeout expired' }, /did not answer in time/],
    [{ code: '28P01', message: 'password authentication failed for user "synapse_user"' }, /Password authentication failed/],
    [{ code: '28000', message: 'no pg_hba.conf entry for host "10.0.0.5", user "synapse_user", database "synapse", no encryption' }, /does not let "synapse_user" connect/],
    [{ code: '3D000', message: 'database "synapse" does not exist' }, /database "synapse" does not exist/],
    [{ message: 'The server does not support SSL connections' }, /does not offer TLS/],
    [{ code: 'SELF_SIGNED_CERT_IN_CHAIN', message: 'self-signed certificate in certificate chain' }, /certificate was not accepted/],
    [{ code: '57P03', message: 'the database system is starting up' }, /starting up/],
  ];
  for (const [error, expected] of cases) {
    it(`${JSON.stringify(error)}`, () => {
      const described = describeConnectionError(error, OPTIONS);
      assert.match(described.message, expected);
      assert.ok(described.hint, 'every failure has a hint');
    });
  }
  it('tells a TLS-only server from a missing pg_hba line', () => {
    const described = describeConnectionError({ code: '28000', message: 'no pg_hba.conf entry for host "x", no encryption' }, OPTIONS);
    assert.match(described.hint ?? '', /sslmode to verify-full/);
  });
});

describe('password verifiers', () => {
  it('a SCRAM verifier matches its password only', () => {
    const verifier = scramVerifier('correct horse');
    assert.match(verifier, /^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    assert.ok(passwordMatchesStored('correct horse', verifier, 'synapse_user'));
    assert.ok(!passwordMatchesStored('correct horse!', verifier, 'synapse_user'));
  });
  it('the same salt gives the same verifier; another salt another', () => {
    const salt = Buffer.alloc(16, 7);
    assert.equal(scramVerifier('pw', salt), scramVerifier('pw', salt));
    assert.notEqual(scramVerifier('pw', salt), scramVerifier('pw', Buffer.alloc(16, 8)));
  });
  it('understands the old md5 form', () => {
    const stored = 'md5' + createHash('md5').update('secretsynapse_user').digest('hex');
    assert.ok(passwordMatchesStored('secret', stored, 'synapse_user'));
    assert.ok(!passwordMatchesStored('secret', stored, 'other_user'));
    assert.ok(!passwordMatchesStored('secret', null, 'synapse_user'));
  });
  it('normalises like SASLprep', () => {
    assert.equal(saslPrep('plain ASCII'), 'plain ASCII');
    assert.equal(saslPrep('a\u00A0b'), 'a b');
    assert.equal(saslPrep('\uFB01'), 'fi');
  });
});

describe('server_name of an existing database', () => {
  it('reads it from a user id', () => {
    assert.equal(serverNameOfUserId('@alice:example.org'), 'example.org');
    assert.equal(serverNameOfUserId('@alice:example.org:8448'), 'example.org:8448');
  });
  it("refuses another server's data and foreign tables, accepts its own or an empty database", () => {
    assert.match(contentsProblem({ synapse: true, tables: 200, someUserId: '@a:other.org' }, 'example.org', 'synapse')?.message ?? '', /belongs to the Synapse server "other\.org"/);
    assert.equal(contentsProblem({ synapse: true, tables: 200, someUserId: '@a:example.org' }, 'example.org', 'synapse'), undefined);
    assert.equal(contentsProblem({ synapse: true, tables: 200 }, 'example.org', 'synapse'), undefined);
    assert.equal(contentsProblem({ synapse: false, tables: 0 }, 'example.org', 'synapse'), undefined);
    assert.match(contentsProblem({ synapse: false, tables: 3 }, 'example.org', 'synapse')?.message ?? '', /3 tables that are not Synapse's/);
  });
});
