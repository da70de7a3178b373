// The backup adopt takes of a Synapse still on SQLite, on this machine without a container: a
// SQLite database in WAL mode held open by a writer (standing in for the running Synapse, with
// committed rows still only in its write-ahead log), copied by the same code adopt runs (the
// system python3 and SQLite's backup API). The file itself must stay byte for byte as it was,
// the archive must hold every committed row, and a restore must refuse the archive.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { after, before, describe, it } from 'node:test';
import { memberDataStream } from '../../src/backup/archive-members.js';
import { MEMBERS } from '../../src/backup/manifest.js';
import { ArchiveError, openVerifiedArchive, requirePostgresqlArchive } from '../../src/backup/open-archive.js';
import { writeBackupArchive, type BackupSources } from '../../src/backup/write-backup.js';
import { LocalExecutor } from '../../src/exec/executor.js';
import { Logger } from '../../src/log/logger.js';
import { sqliteCopy } from '../../steps/backup/backup-archive.js';
import { openRestore } from '../../steps/restore/prepare.js';

const python = spawnSync('/usr/bin/python3', ['-c', 'import sqlite3'], { encoding: 'utf8' });
const unavailable = python.status === 0 ? false : 'needs /usr/bin/python3 with its sqlite3 module';
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Runs SQL on a database file with python3's sqlite3; returns the rows as JSON. */
function sqlite(path: string, sql: string): unknown[] {
  const script = 'import json, sqlite3, sys\ndb = sqlite3.connect(sys.argv[1])\nrows = db.execute(sys.argv[2]).fetchall()\ndb.commit()\nprint(json.dumps(rows))';
  const result = spawnSync('/usr/bin/python3', ['-c', script, path, sql], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as unknown[];
}

describe('backup of a Synapse on SQLite (adopt takes it first)', { skip: unavailable }, () => {
  const root = mkdtempSync(join(tmpdir(), 'matrix-setup-sqlite-backup-'));
  const exec = new LocalExecutor(new Logger(join(root, 'run.log')), new AbortController().signal);
  const database = join(root, 'var', 'homeserver.db');
  let sources: BackupSources;
  let writer: ChildProcessWithoutNullStreams | undefined;

  before(async () => {
    const dir = (...parts: string[]) => {
      const path = join(root, ...parts);
      mkdirSync(path, { recursive: true });
      return path;
    };
    dir('var');
    sqlite(database, 'PRAGMA journal_mode = WAL');
    sqlite(database, "CREATE TABLE schema_version (lock char(1) NOT NULL DEFAULT 'X' UNIQUE, version integer NOT NULL, upgraded boolean NOT NULL)");
    sqlite(database, 'INSERT INTO schema_version (version, upgraded) VALUES (94, 1)');
    sqlite(database, 'CREATE TABLE users (name text PRIMARY KEY)');
    sqlite(database, "INSERT INTO users VALUES ('@alice:example.org')");
    const state = dir('state');
    writeFileSync(join(state, 'answers.yaml'), 'version: 1\nserver_name: example.org\n', { mode: 0o600 });
    const config = dir('etc', 'matrix-synapse', 'conf.d');
    writeFileSync(join(config, '..', 'homeserver.yaml'), 'server_name: example.org\ndatabase: {name: sqlite3}\n');
    writeFileSync(join(config, '..', 'homeserver.signing.key'), 'ed25519 a_test c2VjcmV0\n', { mode: 0o600 });
    sources = {
      answersFile: join(state, 'answers.yaml'),
      secretsFile: join(state, 'secrets.yaml'),
      secretFiles: [],
      signingKey: join(config, '..', 'homeserver.signing.key'),
      configDir: join(root, 'etc', 'matrix-synapse'),
      writtenFiles: [],
      certificatePaths: [],
      mediaStore: dir('media'),
    };
  });

  after(() => {
    writer?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  /** A writer that commits a row and keeps the database open without checkpointing: the row is only in the -wal. */
  async function startWriter(): Promise<void> {
    const script = [
      'import sqlite3, sys',
      'db = sqlite3.connect(sys.argv[1])',
      'db.execute("PRAGMA wal_autocheckpoint = 0")',
      'db.execute("INSERT INTO users VALUES (\'@bob:example.org\')")',
      'db.commit()',
      'print("committed", flush=True)',
      'sys.stdin.read()',
    ].join('\n');
    writer = spawn('/usr/bin/python3', ['-c', script, database]);
    await new Promise<void>((resolve, reject) => {
      writer!.stdout.once('data', () => resolve());
      writer!.once('exit', (code) => reject(new Error(`the writer exited (${code})`)));
    });
  }

  function backup(directory: string) {
    return writeBackupArchive(exec, {
      directory,
      includeMedia: false,
      sources,
      database: sqliteCopy(exec, database),
      facts: { serverName: 'example.org', synapseHost: 'matrix.example.org', installMethod: 'distro', target: 'debian-12', databaseName: 'synapse', synapseVersion: '1.160.0', schemaVersion: null },
    });
  }

  async function memberRows(archive: string, sql: string): Promise<unknown[]> {
    const verified = await openVerifiedArchive(archive);
    const out = join(root, `member-${Date.now()}.db`);
    const { stream, verify } = memberDataStream(verified, MEMBERS.sqliteDatabase);
    await pipeline(stream, createWriteStream(out));
    verify();
    return sqlite(out, sql);
  }

  it('holds every committed row while Synapse runs (WAL), the file itself unchanged; the manifest says SQLite', async () => {
    await startWriter();
    assert.ok(existsSync(`${database}-wal`), 'the writer keeps a write-ahead log');
    const before = { db: sha(database), wal: sha(`${database}-wal`) };
    const result = await backup(join(root, 'backups'));
    assert.deepEqual({ db: sha(database), wal: sha(`${database}-wal`) }, before, 'the database and its log are only read');
    const { manifest } = result;
    assert.equal(manifest.format_version, 2);
    assert.equal(manifest.database.kind, 'sqlite');
    assert.equal(manifest.database.kind === 'sqlite' && manifest.database.path, database);
    assert.match(manifest.database.kind === 'sqlite' ? manifest.database.sqlite_version : '', /^3\.\d+/);
    assert.equal(manifest.database_schema_version, 94, "read from the copy's schema_version");
    assert.equal(manifest.postgresql_version, undefined);
    assert.ok(manifest.members.some((m) => m.name === MEMBERS.sqliteDatabase && m.role === 'database'));
    assert.ok(!manifest.members.some((m) => m.name === MEMBERS.database), 'no pg_dump member');
    assert.deepEqual(await memberRows(result.archive, 'SELECT name FROM users ORDER BY name'), [['@alice:example.org'], ['@bob:example.org']], 'the row only in the -wal is in the copy');
    assert.equal((await openVerifiedArchive(result.archive)).manifest.database.kind, 'sqlite', 'the archive checks and reads back as a SQLite one');
    writer!.kill();
    await new Promise((resolve) => writer!.once('exit', resolve));
    writer = undefined;
  });

  it('copies a cleanly closed file without creating anything beside it', async () => {
    sqlite(database, 'PRAGMA wal_checkpoint(TRUNCATE)');
    rmSync(`${database}-wal`, { force: true });
    rmSync(`${database}-shm`, { force: true });
    const before = sha(database);
    const result = await backup(join(root, 'backups-closed'));
    assert.equal(sha(database), before);
    assert.ok(!existsSync(`${database}-shm`) && !existsSync(`${database}-wal`), 'opened immutable: no -shm or -wal made beside it');
    assert.deepEqual(await memberRows(result.archive, 'SELECT count(*) FROM users'), [[2]]);
  });

  it('is refused by a restore (exit 2), which says how to go back to it by hand and changes nothing', async () => {
    const result = await backup(join(root, 'backups-refused'));
    assert.throws(() => requirePostgresqlArchive({ path: result.archive, manifest: result.manifest }), ArchiveError);
    await assert.rejects(openRestore({ archivePath: result.archive }), (error: unknown) => {
      assert.ok(error instanceof ArchiveError, String(error));
      assert.equal(error.exitCode, 2);
      assert.match(error.message, /holds the SQLite database of example\.org/);
      assert.match(error.hint?.en ?? '', new RegExp(`tar -xf ${result.archive.replace(/[.]/g, '\\.')} database/homeserver\\.db`));
      assert.match(error.hint?.en ?? '', /Nothing was changed/);
      assert.match(error.text.ru, /база данных SQLite сервера example\.org/);
      return true;
    });
  });
});
