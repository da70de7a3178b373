import { randomUUID } from 'node:crypto';
import { closeSync, constants, openSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { SynapseSource } from '../answers/types.js';
import { StepError } from '../errors.js';
import type { Executor } from '../exec/executor.js';
import type { SecretName } from '../secrets/tokens.js';
import { VERSION } from '../version.js';
import { AccountNames } from './account-names.js';
import { estimateDump, freeBytes, spaceProblem } from './disk-space.js';
import { formatBytes } from '../i18n/format-bytes.js';
import {
  ARCHIVE_FORMAT,
  POSTGRESQL_ARCHIVE_FORMAT_VERSION,
  SQLITE_ARCHIVE_FORMAT_VERSION,
  MANIFEST_CHECKSUM_MEMBER,
  MANIFEST_MEMBER,
  MEMBERS,
  type BackupManifest,
  type ManifestMember,
} from './manifest.js';
import type { EntryMeta } from './tar/header.js';
import { TarWriter } from './tar/writer.js';
import { ArchiveBuilder } from './archive-builder.js';
import { lstatOptional } from '../fs/no-follow.js';
import { archiveName, prepareDirectory, publish } from './archive-file.js';
import { countMedia, mediaEntries, MEDIA_DIRECTORIES } from './media-listing.js';
import { listOf, type Localized } from '../i18n/localized.js';
import { backupText as t } from '../i18n/messages/backup.js';

/** Where the parts of an install are on this machine (see steps/backup/backup-sources.ts). */
export interface BackupSources {
  answersFile: string;
  secretsFile: string;
  /** Secrets the answers reference by file: their values go into the archive. */
  secretFiles: Array<{ secret: SecretName; path: string }>;
  signingKey: string;
  configDir: string;
  /** Files (and symlinks) matrix-setup wrote outside the config directory: nginx, coturn, systemd. */
  writtenFiles: string[];
  /** The certificate lineage: files or directories, symlinks kept. */
  certificatePaths: string[];
  mediaStore: string;
}

export { MEDIA_DIRECTORIES } from './media-listing.js';
export { archiveName } from './archive-file.js';
/** Rows Synapse must never get back from a backup (reused one-time keys break decryption). */
export const EXCLUDED_TABLE_DATA = ['e2e_one_time_keys_json'];

export interface BackupFacts {
  serverName: string;
  synapseHost: string;
  installMethod: SynapseSource;
  target: string;
  databaseName: string;
  synapseVersion: string;
  schemaVersion: number | null;
}

/** pg_dump -Fc of the Synapse database to standard output. */
export interface PostgresqlDump {
  kind: 'postgresql';
  argv: string[];
  env?: Record<string, string>;
  postgresqlVersion: string;
  pgDumpVersion: string;
  /** Size of the tables whose rows are dumped, for the space estimate. */
  tableBytes: number;
}

/** A Synapse still on SQLite: its file, copied consistently while Synapse may run. */
export interface SqliteCopy {
  kind: 'sqlite';
  path: string;
  /** The file's size (and its write-ahead log's), for the space estimate. */
  bytes: number;
  /** Writes the copy to `destination` (an empty file made for it); returns what the manifest records. */
  copy(destination: string): Promise<{ sqliteVersion: string; schemaVersion: number | null }>;
}

export interface BackupProgress {
  phase: 'database' | 'files' | 'media';
  /** Bytes of the archive written so far. */
  bytes: number;
  mediaFiles?: { done: number; total: number };
  mediaBytes?: { done: number; total: number };
}

export interface WriteBackupOptions {
  directory: string;
  includeMedia: boolean;
  sources: BackupSources;
  facts: BackupFacts;
  database: PostgresqlDump | SqliteCopy;
  now?: Date;
  onProgress?(progress: BackupProgress): void;
  note?(message: Localized): void;
  warn?(message: Localized): void;
}

export interface BackupResult {
  archive: string;
  bytes: number;
  manifest: BackupManifest;
}

const DUMP_TIMEOUT_MS = 12 * 60 * 60 * 1000;

/**
 * Writes one backup archive: the database dump streamed from pg_dump, matrix-setup's answers
 * and secrets, the signing key, Synapse's configuration, the files matrix-setup wrote, the
 * certificate lineage and (unless left out) the local media, each streamed into the archive
 * as it is read; then the manifest. The archive is written under a hidden partial name and
 * only gets its final name once complete, so a killed backup never looks like a finished one.
 */
export async function writeBackupArchive(exec: Executor, options: WriteBackupOptions): Promise<BackupResult> {
  const { directory, sources, facts, database } = options;
  const note = options.note ?? (() => {});
  const warn = options.warn ?? (() => {});
  const names = new AccountNames();
  const now = options.now ?? new Date();

  const media = options.includeMedia ? countMedia(sources.mediaStore, warn) : { files: 0, bytes: 0 };
  prepareDirectory(directory);
  // The dump is written next to the archive first, then copied into it: it needs its room twice.
  const databaseBytes = database.kind === 'postgresql' ? estimateDump(database.tableBytes) : database.bytes;
  const estimate = { database: 2 * databaseBytes, media: media.bytes, files: 1024 * 1024 };
  const problem = spaceProblem(directory, freeBytes(directory), estimate);
  if (problem) {
    throw new StepError(problem, { hint: options.includeMedia ? t.freeSpaceMediaHint : t.freeSpaceHint });
  }

  const finalName = archiveName(facts.serverName, now);
  const partial = join(directory, `.${finalName}.${process.pid}.partial`);
  let phase: BackupProgress['phase'] = 'database';
  let mediaDone = { files: 0, bytes: 0 };
  const progress = (bytes: number) =>
    options.onProgress?.({
      phase,
      bytes,
      ...(phase === 'media' ? { mediaFiles: { done: mediaDone.files, total: media.files }, mediaBytes: { done: mediaDone.bytes, total: media.bytes } } : {}),
    });
  const writer = await TarWriter.create(partial, { onProgress: progress });
  const builder = new ArchiveBuilder(writer, names, warn);
  const dumpFile = join(directory, `.${finalName}.${process.pid}.dump`);
  const stopDump = new AbortController();
  let dumping: Promise<unknown> | undefined;

  try {
    let sqlite: { sqliteVersion: string; schemaVersion: number | null } | undefined;
    if (database.kind === 'postgresql') {
      // pg_dump runs while the rest is archived, into a file of its own next to the archive (the
      // dump is added last). Its snapshot is taken before the media store is read, so every
      // upload the dumped database refers to is there; newer ones only add files nothing refers to.
      note(t.dumping({ name: facts.databaseName, tables: EXCLUDED_TABLE_DATA.join(', ') }));
      const dumpFd = openSync(dumpFile, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
      let dumpEnded = false;
      dumping = exec
        .run(database.argv, {
          env: database.env,
          outputFd: dumpFd,
          cancel: stopDump.signal,
          cwd: '/',
          timeoutMs: DUMP_TIMEOUT_MS,
          hint: t.dumpHint,
        })
        .finally(() => {
          dumpEnded = true;
          closeSync(dumpFd);
        });
      await snapshotTaken(dumpFile, () => dumpEnded);
    } else {
      // The copy is taken before the media store is read, for the same reason as the dump.
      note(t.copyingSqlite({ path: database.path }));
      closeSync(openSync(dumpFile, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600));
      sqlite = await database.copy(dumpFile);
    }

    phase = 'files';
    await builder.addOptional(sources.answersFile, MEMBERS.answers, 'matrix-setup');
    await builder.addOptional(sources.secretsFile, MEMBERS.secrets, 'matrix-setup');
    for (const { secret, path } of sources.secretFiles) {
      const stat = lstatOptional(path);
      if (stat?.isFile()) await builder.addPath(`${MEMBERS.secretFilePrefix}${secret}`, 'secret-file', { path, stat }, path);
      else warn(t.secretFileUnreadable({ secret, path }));
    }
    if (!lstatOptional(sources.signingKey)?.isFile()) {
      throw new StepError(t.signingKeyMissing({ path: sources.signingKey }), { hint: t.signingKeyMissingHint });
    }
    await builder.addOptional(sources.signingKey, MEMBERS.signingKey, 'signing-key');
    await builder.addTree(sources.configDir, 'synapse-config', new Set([sources.signingKey]));
    for (const path of sources.writtenFiles) await builder.addOptional(path, `${MEMBERS.filesPrefix}${path}`, 'written-file');
    for (const path of sources.certificatePaths) await builder.addTree(path, 'certificate');

    if (options.includeMedia) {
      phase = 'media';
      note(t.mediaCounted({ files: media.files, size: formatBytes(media.bytes), dirs: listOf(MEDIA_DIRECTORIES) }));
      for (const entry of mediaEntries(sources.mediaStore, warn)) {
        const name = entry.rel ? `${MEMBERS.mediaPrefix}/${entry.rel}` : MEMBERS.mediaPrefix;
        await builder.addPath(name, 'media', entry, entry.rel);
        if (entry.stat.isFile()) mediaDone = { files: mediaDone.files + 1, bytes: mediaDone.bytes + entry.stat.size };
      }
    }

    phase = 'database';
    await dumping;
    const dumpStat = lstatOptional(dumpFile)!;
    await builder.addPath(database.kind === 'postgresql' ? MEMBERS.database : MEMBERS.sqliteDatabase, 'database', { path: dumpFile, stat: dumpStat });
    unlinkSync(dumpFile);
    note((database.kind === 'postgresql' ? t.dumpSize : t.sqliteSize)({ size: formatBytes(dumpStat.size) }));

    const manifest: BackupManifest = {
      format: ARCHIVE_FORMAT,
      format_version: database.kind === 'postgresql' ? POSTGRESQL_ARCHIVE_FORMAT_VERSION : SQLITE_ARCHIVE_FORMAT_VERSION,
      backup_id: randomUUID(),
      created_at: now.toISOString(),
      server_name: facts.serverName,
      synapse_host: facts.synapseHost,
      synapse_version: facts.synapseVersion,
      ...(database.kind === 'postgresql' ? { postgresql_version: database.postgresqlVersion } : {}),
      database_schema_version: sqlite ? sqlite.schemaVersion : facts.schemaVersion,
      install_method: facts.installMethod,
      target: facts.target,
      matrix_setup_version: VERSION,
      database:
        database.kind === 'postgresql'
          ? { kind: 'postgresql', name: facts.databaseName, dump_format: 'pg_dump -Fc', pg_dump_version: database.pgDumpVersion, excluded_table_data: EXCLUDED_TABLE_DATA }
          : { kind: 'sqlite', path: database.path, dump_format: 'sqlite3 file', sqlite_version: sqlite!.sqliteVersion },
      media: { included: options.includeMedia, store: sources.mediaStore, ...mediaInArchive(builder.members) },
      members: builder.members,
    };
    const manifestText = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    const rootMeta: EntryMeta = { mode: 0o600, uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: Math.floor(now.getTime() / 1000) };
    const digest = await writer.addBuffer(MANIFEST_MEMBER, manifestText, rootMeta);
    await writer.addBuffer(MANIFEST_CHECKSUM_MEMBER, Buffer.from(`${digest.sha256}  ${MANIFEST_MEMBER}\n`), rootMeta);
    await writer.finish();
    const archive = publish(partial, directory, finalName);
    return { archive, bytes: writer.size, manifest };
  } catch (error) {
    stopDump.abort();
    await dumping?.catch(() => {});
    await writer.discard();
    try {
      unlinkSync(dumpFile);
    } catch {
      // not there
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC') {
      throw new StepError(t.diskFull({ dir: directory }), { hint: t.diskFullHint });
    }
    throw error;
  }
}




/** The media files the archive holds (some listed ones may be gone, or left out, by the time they were read). */
function mediaInArchive(members: ManifestMember[]): { files: number; bytes: number } {
  const files = members.filter((m) => m.role === 'media' && m.type === 'file');
  return { files: files.length, bytes: files.reduce((sum, m) => sum + (m.size ?? 0), 0) };
}

/** Until pg_dump has written its first bytes (its snapshot is taken before that), or has ended. */
async function snapshotTaken(dumpFile: string, ended: () => boolean): Promise<void> {
  while (!ended() && (lstatOptional(dumpFile)?.size ?? 0) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
}
