import { createHash, type Hash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { ExitCode, MatrixSetupError } from '../errors.js';
import { databaseKind, ManifestError, MANIFEST_CHECKSUM_MEMBER, MANIFEST_MEMBER, MEMBERS, membersWithRole, parseManifest, type BackupManifest } from './manifest.js';
import { scanTar, TarFormatError, type TarEntry } from './tar/reader.js';

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
    message: string,
    hint = 'Nothing was changed. Copy the archive again from where you keep your backups (or use an older one), then run the same command again.',
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
      code === 'ENOENT' ? `The archive ${path} does not exist.` : `Cannot read the archive ${path} (${code ?? String(error)}).`,
      'Check the path (it is the last line `matrix-setup backup` printed). Nothing was changed.',
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
    if (!isFile) throw new ArchiveError(`${path} is not a file.`, 'Pass the archive file that `matrix-setup backup` wrote. Nothing was changed.');
    let hash: Hash | undefined;
    let read = 0;
    await scanTar(handle, {
      entry(entry) {
        if (entries.has(entry.name)) throw new ArchiveError(`The archive ${path} holds ${entry.name} twice.`, undefined, entry.name);
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
      throw new ArchiveError(`The archive ${path} is damaged: ${error.message}.`, undefined, error.after);
    }
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(`Cannot read the archive ${path}: ${(error as Error).message}.`);
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
      `${path} is not a matrix-setup backup (it has no ${MANIFEST_MEMBER}${text ? ` checksum` : ''}).`,
      'Pass an archive written by `matrix-setup backup`. Nothing was changed.',
    );
  }
  const expected = Buffer.concat(checksum).toString('utf8').trim().split(/\s+/)[0];
  if (hashes.get(MANIFEST_MEMBER) !== expected) {
    throw new ArchiveError(`The archive ${path} is damaged: ${MANIFEST_MEMBER} does not match its checksum.`, undefined, MANIFEST_MEMBER);
  }
  try {
    return parseManifest(Buffer.concat(text).toString('utf8'));
  } catch (error) {
    if (error instanceof ManifestError) throw new ArchiveError(`${path}: ${error.message}.`, 'Nothing was changed.', MANIFEST_MEMBER);
    throw error;
  }
}

function checkMembers(path: string, manifest: BackupManifest, entries: Map<string, TarEntry>, hashes: Map<string, string>): void {
  const damaged = (name: string, what: string) =>
    new ArchiveError(`The archive ${path} is damaged: the member ${name} ${what}.`, undefined, name);
  const listed = new Set<string>([MANIFEST_MEMBER, MANIFEST_CHECKSUM_MEMBER]);
  for (const member of manifest.members) {
    listed.add(member.name);
    const entry = entries.get(member.name);
    if (!entry) throw damaged(member.name, 'is missing');
    if (entry.type !== member.type) throw damaged(member.name, `is a ${entry.type}, not the ${member.type} the manifest lists`);
    if (member.type === 'file') {
      if (entry.size !== member.size) throw damaged(member.name, `has ${entry.size} bytes, not ${member.size}`);
      if (hashes.get(member.name) !== member.sha256) throw damaged(member.name, 'does not match its sha256 in the manifest');
    }
    if (member.type === 'symlink' && entry.linkname !== member.link) throw damaged(member.name, `points to ${entry.linkname}, not ${member.link}`);
  }
  for (const name of entries.keys()) {
    if (!listed.has(name)) throw damaged(name, 'is not listed in the manifest');
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
    `${archive.path} holds the SQLite database of ${manifest.server_name} (the backup \`matrix-setup adopt\` takes before it moves Synapse to PostgreSQL); matrix-setup restores backups of a PostgreSQL database only.`,
    `Nothing was changed. To go back to that state by hand: stop Synapse; \`tar -xf ${archive.path} ${MEMBERS.sqliteDatabase}\` and put that file at ${sqlitePath}, owned by Synapse's user; ` +
      `\`tar -xf ${archive.path} -C / --strip-components=1 ${config}\` puts Synapse's configuration back; then start Synapse. A backup made after adopting (matrix-setup backup) restores with matrix-setup restore.`,
  );
}
