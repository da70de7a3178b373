// The backup archive end to end on this machine, without a container: a throwaway PostgreSQL
// cluster (127.0.0.1:54341) holding a small Synapse-shaped database, and temporary directories
// standing in for the config, certificate and media store. The archive is written by the same
// code `matrix-setup backup` runs, checked, damaged, and loaded back the way a restore does.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { mediaTarStream, memberDataStream } from '../../src/backup/archive-members.js';
import { MEMBERS, restoredDatabaseMarker } from '../../src/backup/manifest.js';
import { ArchiveError, openVerifiedArchive } from '../../src/backup/open-archive.js';
import { readDatabaseFacts } from '../../src/backup/server-facts.js';
import { EXCLUDED_TABLE_DATA, writeBackupArchive, type BackupResult, type BackupSources } from '../../src/backup/write-backup.js';
import { StepError } from '../../src/errors.js';
import { LocalExecutor } from '../../src/exec/executor.js';
import { Logger } from '../../src/log/logger.js';
import { loadDump } from '../../steps/restore/load-dump.js';
import { clusterUnavailable, startCluster, type Cluster } from './postgres-cluster.js';
import { verbatim } from '../../src/i18n/index.js';

const PORT = 54341;
const PASSWORD = `pw-${randomBytes(12).toString('hex')}`;
const unavailable = clusterUnavailable();
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('backup archive: written, checked, damaged, loaded back', { skip: unavailable }, () => {
  let cluster: Cluster;
  const root = mkdtempSync(join(tmpdir(), 'matrix-setup-backup-'));
  const logFile = join(root, 'run.log');
  const exec = new LocalExecutor(new Logger(logFile), new AbortController().signal);
  const media = { upload: randomBytes(300_000), thumbnail: randomBytes(2000) };
  let sources: BackupSources;
  let result: BackupResult;
  const cleanup: string[] = [];

  before(() => {
    cluster = startCluster(PORT, { hostAuth: 'scram-sha-256' });
    cluster.sql(`CREATE ROLE synapse_user LOGIN PASSWORD '${PASSWORD}'`);
    cluster.sql("CREATE DATABASE synapse OWNER synapse_user ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
    cluster.sql(
      `SET ROLE synapse_user;
       CREATE TABLE schema_version (lock char(1) NOT NULL DEFAULT 'X' UNIQUE, version integer NOT NULL, upgraded boolean NOT NULL);
       INSERT INTO schema_version (version, upgraded) VALUES (94, true);
       CREATE TABLE users (name text PRIMARY KEY);
       INSERT INTO users VALUES ('@alice:example.org'), ('@bob:example.org');
       CREATE TABLE events (stream_ordering bigint PRIMARY KEY, body text);
       INSERT INTO events SELECT n, 'message ' || n FROM generate_series(1, 5000) n;
       CREATE TABLE e2e_one_time_keys_json (user_id text, key_json text);
       INSERT INTO e2e_one_time_keys_json VALUES ('@alice:example.org', '{"key": "reused would break decryption"}');`,
      'synapse',
    );

    const dir = (...parts: string[]) => {
      const path = join(root, ...parts);
      mkdirSync(path, { recursive: true });
      return path;
    };
    const state = dir('state');
    writeFileSync(join(state, 'answers.yaml'), 'version: 1\nserver_name: example.org\n', { mode: 0o600 });
    writeFileSync(join(state, 'secrets.yaml'), `database_password: ${PASSWORD}\n`, { mode: 0o600 });
    const config = dir('etc', 'matrix-synapse', 'conf.d');
    writeFileSync(join(config, '..', 'homeserver.yaml'), 'server_name: example.org\n');
    writeFileSync(join(config, 'zz-matrix-setup.yaml'), 'macaroon_secret_key: x\n', { mode: 0o640 });
    writeFileSync(join(config, '..', 'homeserver.signing.key'), 'ed25519 a_test c2VjcmV0\n', { mode: 0o600 });
    const lineage = dir('letsencrypt', 'archive', 'example.org');
    writeFileSync(join(lineage, 'fullchain1.pem'), 'CERT\n');
    dir('letsencrypt', 'live', 'example.org');
    symlinkSync('../../archive/example.org/fullchain1.pem', join(root, 'letsencrypt', 'live', 'example.org', 'fullchain.pem'));
    writeFileSync(join(dir('etc', 'nginx'), 'matrix.conf'), 'server {}\n');
    const store = dir('media');
    writeFileSync(join(dir('media', 'local_content', 'ab', 'cd'), 'efghijklmnopqrstuvwx'), media.upload);
    writeFileSync(join(dir('media', 'local_thumbnails', 'ab', 'cd', 'efghijklmnopqrstuvwx'), '32-32-image-png-crop'), media.thumbnail);
    writeFileSync(join(dir('media', 'remote_content', 'other.org', 'zz'), 'remote'), 'a cache');
    writeFileSync(join(dir('media', 'url_cache', '2026-01-01'), 'preview'), 'a cache');
    // What a compromised service account could plant to have root read other files into the archive.
    symlinkSync('/etc/passwd', join(dir('media', 'local_content', 'zz'), 'planted-link'));
    writeFileSync(join(root, 'outside'), 'not media');
    linkSync(join(root, 'outside'), join(root, 'media', 'local_content', 'zz', 'planted-hardlink'));
    sources = {
      answersFile: join(state, 'answers.yaml'),
      secretsFile: join(state, 'secrets.yaml'),
      secretFiles: [],
      signingKey: join(root, 'etc', 'matrix-synapse', 'homeserver.signing.key'),
      configDir: join(root, 'etc', 'matrix-synapse'),
      writtenFiles: [join(root, 'etc', 'nginx', 'matrix.conf'), join(root, 'etc', 'nginx', 'not-there.conf')],
      certificatePaths: [join(root, 'letsencrypt', 'archive', 'example.org'), join(root, 'letsencrypt', 'live', 'example.org')],
      mediaStore: store,
    };
  });

  after(() => {
    cluster?.stop();
    for (const path of [root, ...cleanup]) rmSync(path, { recursive: true, force: true });
  });

  const connection = { host: '127.0.0.1', port: PORT, database: 'synapse', user: 'synapse_user', password: PASSWORD, sslmode: 'disable' as const };
  const dump = { kind: 'postgresql' as const, argv: ['pg_dump', '-h', '127.0.0.1', '-p', String(PORT), '-U', 'synapse_user', '-d', 'synapse', '-w', '-Fc', '--exclude-table-data=e2e_one_time_keys_json'], env: { PGPASSWORD: PASSWORD } };

  async function backup(directory: string, includeMedia = true): Promise<BackupResult> {
    const database = await readDatabaseFacts(connection, EXCLUDED_TABLE_DATA);
    return writeBackupArchive(exec, {
      directory,
      includeMedia,
      sources,
      database: { ...dump, postgresqlVersion: database.postgresqlVersion, pgDumpVersion: '15', tableBytes: database.tableBytes },
      facts: {
        serverName: 'example.org',
        synapseHost: 'matrix.example.org',
        installMethod: 'distro',
        target: 'debian-12',
        databaseName: 'synapse',
        synapseVersion: '1.160.0',
        schemaVersion: database.schemaVersion,
      },
      now: new Date('2026-03-04T05:06:07.891Z'),
    });
  }

  it('writes one 0600 archive named after the server and the UTC time, with the database, files and local media only', async () => {
    result = await backup(join(root, 'backups'));
    assert.equal(result.archive, join(root, 'backups', 'matrix-setup-backup-example.org-20260304T050607Z.tar'));
    assert.equal(lstatSync(result.archive).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(join(root, 'backups')), ['matrix-setup-backup-example.org-20260304T050607Z.tar'], 'no partial file is left');
    const { manifest } = result;
    assert.equal(manifest.server_name, 'example.org');
    assert.equal(manifest.database_schema_version, 94);
    assert.match(manifest.postgresql_version ?? '', /^\d+/);
    assert.equal(manifest.format_version, 1, 'a PostgreSQL archive stays readable by a matrix-setup that predates SQLite archives');
    assert.equal(manifest.database.kind, 'postgresql');
    assert.deepEqual(manifest.database.kind === 'postgresql' && manifest.database.excluded_table_data, ['e2e_one_time_keys_json']);
    assert.deepEqual({ included: manifest.media.included, files: manifest.media.files }, { included: true, files: 2 });
    const names = manifest.members.map((m) => m.name);
    assert.equal(names.at(-1), MEMBERS.database, 'the dump, taken while the rest is archived, is added last');
    for (const expected of [
      MEMBERS.answers,
      MEMBERS.secrets,
      MEMBERS.signingKey,
      `files${root}/etc/matrix-synapse/conf.d/zz-matrix-setup.yaml`,
      `files${root}/etc/nginx/matrix.conf`,
      `files${root}/letsencrypt/live/example.org/fullchain.pem`,
      'media/local_content/ab/cd/efghijklmnopqrstuvwx',
      'media/local_thumbnails/ab/cd/efghijklmnopqrstuvwx/32-32-image-png-crop',
    ]) {
      assert.ok(names.includes(expected), `${expected} is in the archive`);
    }
    assert.ok(!names.some((n) => /remote_content|url_cache|not-there|homeserver\.signing\.key|planted/.test(n)), names.join('\n'));
    const link = manifest.members.find((m) => m.name.endsWith('live/example.org/fullchain.pem'))!;
    assert.deepEqual([link.type, link.link], ['symlink', '../../archive/example.org/fullchain1.pem']);
    const upload = manifest.members.find((m) => m.name === 'media/local_content/ab/cd/efghijklmnopqrstuvwx')!;
    assert.equal(upload.sha256, sha(media.upload));
    const config = manifest.members.find((m) => m.name.endsWith('zz-matrix-setup.yaml'))!;
    assert.deepEqual([config.mode, config.owner, config.role], ['0640', 'root', 'synapse-config']);
  });

  it('is a plain tar: GNU tar lists it and unpacks the symlinks as symlinks', () => {
    const out = mkdtempSync(join(root, 'untar-'));
    const extract = spawnSync('tar', ['-xf', result.archive, '-C', out], { encoding: 'utf8' });
    assert.equal(extract.status, 0, extract.stderr);
    assert.equal(readlinkSync(join(out, 'files', root, 'letsencrypt/live/example.org/fullchain.pem')), '../../archive/example.org/fullchain1.pem');
    assert.deepEqual(readFileSync(join(out, 'media/local_content/ab/cd/efghijklmnopqrstuvwx')), media.upload);
    const manifestSum = readFileSync(join(out, 'manifest.json.sha256'), 'utf8').split(' ')[0];
    assert.equal(manifestSum, sha(readFileSync(join(out, 'manifest.json'))), 'sha256sum -c can check the manifest');
  });

  it('checks every member; a flipped byte is refused naming the member it is in', async () => {
    const verified = await openVerifiedArchive(result.archive);
    assert.equal(verified.manifest.backup_id, result.manifest.backup_id);
    const original = readFileSync(result.archive);
    const damagedCopy = join(root, 'damaged.tar');
    for (const name of [MEMBERS.database, 'media/local_content/ab/cd/efghijklmnopqrstuvwx', 'manifest.json']) {
      const entry = verified.entries.get(name)!;
      const copy = Buffer.from(original);
      copy[entry.dataOffset + Math.floor(entry.size / 2)] ^= 0x20;
      writeFileSync(damagedCopy, copy);
      await assert.rejects(openVerifiedArchive(damagedCopy), (error: unknown) => {
        assert.ok(error instanceof ArchiveError, String(error));
        assert.equal(error.member, name);
        assert.equal(error.exitCode, 2);
        assert.match(error.message, new RegExp(`damaged: .*${name.replace(/[.]/g, '\\.')}`));
        return true;
      });
    }
    await assert.rejects(openVerifiedArchive(join(root, 'nope.tar')), /does not exist/);
  });

  it('the dump leaves out the one-time keys; loaded into an empty database it is complete, marked and owned by the role', async () => {
    const verified = await openVerifiedArchive(result.archive);
    const entry = verified.entries.get(MEMBERS.database)!;
    const dumped = readFileSync(result.archive).subarray(entry.dataOffset, entry.dataOffset + entry.size);
    const sql = spawnSync('pg_restore', ['--file=-'], { input: dumped, encoding: 'utf8' });
    assert.equal(sql.status, 0, sql.stderr);
    assert.match(sql.stdout, /CREATE TABLE public\.e2e_one_time_keys_json/);
    assert.match(sql.stdout, /message 4999/);
    assert.doesNotMatch(sql.stdout, /reused would break decryption/, 'the rows of e2e_one_time_keys_json are not in the dump');
    cluster.sql("CREATE DATABASE restored OWNER synapse_user ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
    const marker = restoredDatabaseMarker(verified.manifest);
    const { stream, verify } = memberDataStream(verified, MEMBERS.database);
    await loadDump(exec, {
      dump: stream,
      verifyDump: verify,
      psql: { argv: psqlInto('restored', marker) },
      hint: verbatim('test'),
    });
    assert.equal(cluster.sql('SELECT count(*) FROM events', 'restored'), '5000');
    assert.equal(cluster.sql('SELECT string_agg(name, \',\' ORDER BY name) FROM users', 'restored'), '@alice:example.org,@bob:example.org');
    assert.equal(cluster.sql('SELECT count(*) FROM e2e_one_time_keys_json', 'restored'), '0');
    assert.equal(cluster.sql("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = 'restored'"), marker);
    assert.equal(cluster.sql("SELECT string_agg(DISTINCT tableowner, ',') FROM pg_tables WHERE schemaname = 'public'", 'restored'), 'synapse_user');
  });

  it('a dump cut off midway (a killed or damaged restore) commits nothing: the database stays empty', async () => {
    const verified = await openVerifiedArchive(result.archive);
    cluster.sql("CREATE DATABASE cut OWNER synapse_user ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
    const whole = readFileSync(result.archive).subarray(verified.entries.get(MEMBERS.database)!.dataOffset);
    const size = verified.entries.get(MEMBERS.database)!.size;
    await assert.rejects(
      loadDump(exec, {
        dump: Readable.from([whole.subarray(0, Math.floor(size * 0.8))]),
        verifyDump: () => {},
        psql: { argv: psqlInto('cut', 'never') },
        hint: verbatim('test'),
      }),
    );
    assert.equal(cluster.sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", 'cut'), '0');
    assert.equal(cluster.sql("SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname = 'cut'"), '');
  });

  it('the media members come out as a tar stream that unpacks as an unprivileged user, every file checked', async () => {
    const verified = await openVerifiedArchive(result.archive);
    // Outside the 0700 test directory, which nobody may not enter.
    const target = mkdtempSync(join(tmpdir(), 'matrix-setup-store-'));
    cleanup.push(target);
    const nobody = Number(spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).stdout.trim());
    const nogroup = Number(spawnSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).stdout.trim());
    chownSync(target, nobody, nogroup);
    const { stream, verify } = mediaTarStream(verified, MEMBERS.mediaPrefix);
    await exec.run(['runuser', '-u', 'nobody', '--', 'tar', '--extract', '--preserve-permissions', '--file=-', `--directory=${target}`, '--strip-components=1'], {
      input: stream,
      cwd: '/',
    });
    verify();
    assert.deepEqual(readFileSync(join(target, 'local_content/ab/cd/efghijklmnopqrstuvwx')), media.upload);
    assert.deepEqual(readFileSync(join(target, 'local_thumbnails/ab/cd/efghijklmnopqrstuvwx/32-32-image-png-crop')), media.thumbnail);
    assert.equal(lstatSync(join(target, 'local_content/ab/cd/efghijklmnopqrstuvwx')).uid, nobody);
    assert.deepEqual(readdirSync(target).sort(), ['local_content', 'local_thumbnails']);
  });

  it('--no-media leaves the media store out', async () => {
    const small = await backup(join(root, 'no-media'), false);
    assert.equal(small.manifest.media.included, false);
    assert.ok(!small.manifest.members.some((m) => m.role === 'media'));
    assert.ok(small.bytes < result.bytes - media.upload.length);
  });

  it('refuses a disk without the space before writing anything', async (t) => {
    const small = mkdtempSync(join(root, 'tiny-'));
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0700', 'tmpfs', small]);
    if (mounted.status !== 0) return t.skip(`cannot mount a tmpfs here: ${mounted.stderr}`);
    try {
      await assert.rejects(backup(small), (error: unknown) => {
        assert.ok(error instanceof StepError);
        assert.match(error.message, /^Not enough space in .*: the backup needs about .* \(database about .*, media .*\), and .* is free there\.$/);
        assert.match(error.hint?.en ?? '', /--to DIR.*--no-media/);
        return true;
      });
      assert.deepEqual(readdirSync(small), [], 'nothing was written');
    } finally {
      spawnSync('umount', [small]);
    }
  });

  it('the database password reached neither an argument list nor the log', () => {
    assert.ok(!readFileSync(logFile, 'utf8').includes(PASSWORD));
  });

  function psqlInto(database: string, marker: string): string[] {
    return [
      'runuser', '-u', 'postgres', '--', 'psql', '-X', '-q', '-A', '-t', '-w', '-v', 'ON_ERROR_STOP=1', '-p', String(PORT), '-d', database,
      '-v', 'role_name=synapse_user', '-v', `db_name=${database}`, '-v', `restore_marker=${marker}`,
    ];
  }
});
