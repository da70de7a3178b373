import { createHash, type Hash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { ExitCode, MatrixSetupError } from '../errors.js';
import { databaseKind, ManifestError, MANIFEST_CHECKSUM_MEMBER, MANIFEST_MEMBER, MEMBERS, membersWithRole, parseManifest, type BackupManifest } from './manifest.js';
import { scanTar, TarFormatError, type TarEntry } from './tar/reader.js';
import type { Localized } from '../i18n/localized.js';
import { backupText as t } from '../i18n/messages/backup.js';
import { adoptStepText } from '../i18n/messages/steps-adopt.js';

/** An archive whose every member matched its manifest when it was read. */
export interface VerifiedArchive {
  path: string;
  manifest: BackupManifest;
  entries: Map<string, TarEntry>;
  bytes: number;
  /** The file as it was when it was checked (device, inode, size, change time). */
  identity?: string;
}

/** What tells the checked file apart from any later change to it (a rewrite changes ctime; a replacement the inode). */
export function fileIdentity(stat: { dev: number; ino: number; size: number; ctimeMs: number; mtimeMs: number }): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.ctimeMs}:${stat.mtimeMs}`;
}

/** The archive cannot be used: missing, not a backup, or damaged. Nothing was changed (exit 2). */
export class ArchiveError extends MatrixSetupError {
  constructor(
    message: Localized,
    hint: Localized = t.archiveHint,
    /** The member found damaged, when one is. */
    readonly member?: string,
  ) {
    super(message, { exitCode: ExitCode.usage, hint });
  }
}

/**
 * Reads the whole archive once and checks it against its manifest before anything uses it:
 * the tar structure, the manifest's own checksum, and every member's type, size, link and
 * sha256. Any difference is an ArchiveError naming the member.
 */
export async function openVerifiedArchive(path: string, options: { onProgress?: (done: number, total: number) => void } = {}): Promise<VerifiedArchive> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ArchiveError(
      code === 'ENOENT' ? t.archiveMissing({ path }) : t.archiveUnreadable({ path, error: code ?? String(error) }),
      t.archivePathHint,
    );
  }
  const entries = new Map<string, TarEntry>();
  const hashes = new Map<string, string>();
  const kept = new Map<string, Buffer[]>();
  let bytes = 0;
  let identity = '';
  try {
    const stat = await handle.stat();
    const { size } = stat;
    const isFile = stat.isFile();
    bytes = size;
    identity = fileIdentity(stat);
    if (!isFile) throw new ArchiveError(t.notAFile({ path }), t.notAFileHint);
    let hash: Hash | undefined;
    let read = 0;
    await scanTar(handle, {
      entry(entry) {
        if (entries.has(entry.name)) throw new ArchiveError(t.memberTwice({ path, member: entry.name }), undefined, entry.name);
        entries.set(entry.name, entry);
        hash = entry.type === 'file' ? createHash('sha256') : undefined;
        if (entry.name === MANIFEST_MEMBER || entry.name === MANIFEST_CHECKSUM_MEMBER) kept.set(entry.name, []);
      },
      data(entry, chunk) {
        hash!.update(chunk);
        kept.get(entry.name)?.push(Buffer.from(chunk));
        read += chunk.length;
        options.onProgress?.(read, size);
      },
      end(entry) {
        if (entry.type === 'file') hashes.set(entry.name, (hash ?? createHash('sha256')).digest('hex'));
      },
    });
  } catch (error) {
    if (error instanceof TarFormatError) {
      throw new ArchiveError(t.damaged({ path, detail: error.text }), undefined, error.after);
    }
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(t.cannotRead({ path, error: (error as Error).message }));
  } finally {
    await handle.close();
  }
  const manifest = checkManifest(path, kept, hashes);
  checkMembers(path, manifest, entries, hashes);
  return { path, manifest, entries, bytes, identity };
}

function checkManifest(path: string, kept: Map<string, Buffer[]>, hashes: Map<string, string>): BackupManifest {
  const text = kept.get(MANIFEST_MEMBER);
  const checksum = kept.get(MANIFEST_CHECKSUM_MEMBER);
  if (!text || !checksum) {
    throw new ArchiveError(
      (text ? t.notABackupChecksum : t.notABackup)({ path, member: MANIFEST_MEMBER }),
      t.notABackupHint,
    );
  }
  const expected = Buffer.concat(checksum).toString('utf8').trim().split(/\s+/)[0];
  if (hashes.get(MANIFEST_MEMBER) !== expected) {
    throw new ArchiveError(t.manifestChecksum({ path, member: MANIFEST_MEMBER }), undefined, MANIFEST_MEMBER);
  }
  try {
    return parseManifest(Buffer.concat(text).toString('utf8'));
  } catch (error) {
    if (error instanceof ManifestError) throw new ArchiveError(t.manifestProblem({ path, problem: error.message }), t.nothingChanged, MANIFEST_MEMBER);
    throw error;
  }
}

function checkMembers(path: string, manifest: BackupManifest, entries: Map<string, TarEntry>, hashes: Map<string, string>): void {
  const damaged = (name: string, what: Localized) => new ArchiveError(t.memberDamaged({ path, member: name, what }), undefined, name);
  const listed = new Set<string>([MANIFEST_MEMBER, MANIFEST_CHECKSUM_MEMBER]);
  for (const member of manifest.members) {
    listed.add(member.name);
    const entry = entries.get(member.name);
    if (!entry) throw damaged(member.name, t.memberIsMissing);
    if (entry.type !== member.type) throw damaged(member.name, t.memberWrongType({ actual: entry.type, expected: member.type }));
    if (member.type === 'file') {
      if (entry.size !== member.size) throw damaged(member.name, t.memberWrongSize({ actual: entry.size, expected: member.size ?? 0 }));
      if (hashes.get(member.name) !== member.sha256) throw damaged(member.name, t.memberWrongHash);
    }
    if (member.type === 'symlink' && entry.linkname !== member.link) throw damaged(member.name, t.memberWrongLink({ actual: entry.linkname ?? '', expected: member.link ?? '' }));
  }
  for (const name of entries.keys()) {
    if (!listed.has(name)) throw damaged(name, t.memberUnlisted);
  }
}

/**
 * A restore loads a PostgreSQL dump. An archive holding a SQLite database (the backup `adopt`
 * takes of a server still on SQLite, before it moves it to PostgreSQL) is refused, saying how
 * to go back to it by hand.
 */
export function requirePostgresqlArchive(archive: Pick<VerifiedArchive, 'path' | 'manifest'>): void {
  const { manifest } = archive;
  if (databaseKind(manifest) === 'postgresql') return;
  const sqlitePath = manifest.database.kind === 'sqlite' ? manifest.database.path : 'homeserver.db';
  const config = membersWithRole(manifest, 'synapse-config')[0]?.name ?? `${MEMBERS.filesPrefix}/etc/matrix-synapse`;
  throw new ArchiveError(
    adoptStepText.sqliteArchive({ archive: archive.path, server: manifest.server_name }),
    adoptStepText.sqliteArchiveHint({ archive: archive.path, member: MEMBERS.sqliteDatabase, path: sqlitePath, config }),
  );
}
