import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { PassThrough, Readable, Transform } from 'node:stream';
import { ArchiveError, fileIdentity, type VerifiedArchive } from './open-archive.js';
import type { ManifestMember } from './manifest.js';
import { BLOCK } from './tar/header.js';
import type { TarEntry } from './tar/reader.js';
import { backupText as t } from '../i18n/messages/backup.js';

/**
 * Reading members of an archive that openVerifiedArchive checked. The file could change after
 * it was checked (a restore can run for hours): a read from a file that is no longer the one
 * checked (other inode, size or change time) hashes the bytes again, and nothing from it is used
 * unless it still matches the manifest. A file that is still the one checked is read as it is.
 */
export function manifestMember(archive: VerifiedArchive, name: string): ManifestMember {
  const member = archive.manifest.members.find((m) => m.name === name);
  if (!member) throw new ArchiveError(t.memberMissing({ path: archive.path, member: name }), t.nothingChanged, name);
  return member;
}

function unchangedSinceChecked(archive: VerifiedArchive): boolean {
  if (!archive.identity) return false;
  try {
    return fileIdentity(statSync(archive.path)) === archive.identity;
  } catch {
    return false;
  }
}

function changed(archive: VerifiedArchive, name: string): ArchiveError {
  return new ArchiveError(t.archiveChanged({ path: archive.path, member: name }), t.archiveChangedHint, name);
}

/** A whole (small) member: a config file, the signing key, a certificate. */
export async function readMember(archive: VerifiedArchive, name: string): Promise<Buffer> {
  const { stream, verify } = memberDataStream(archive, name);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  verify();
  return Buffer.concat(chunks);
}

/** A member's data as a stream; verify() throws when the bytes read do not match the manifest. */
export function memberDataStream(archive: VerifiedArchive, name: string): { stream: Readable; verify(): void } {
  const member = manifestMember(archive, name);
  const entry = archive.entries.get(name)!;
  const stream = entry.size === 0 ? Readable.from([]) : createReadStream(archive.path, { start: entry.dataOffset, end: entry.dataOffset + entry.size - 1, highWaterMark: 1024 * 1024 });
  if (unchangedSinceChecked(archive)) return { stream, verify() {} };
  const hash = createHash('sha256');
  let read = 0;
  const hashed = stream.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        read += chunk.length;
        callback(null, chunk);
      },
    }),
  );
  stream.on('error', (error: Error) => hashed.destroy(error));
  return {
    stream: hashed,
    verify() {
      if (read !== member.size || hash.digest('hex') !== member.sha256) throw changed(archive, name);
    },
  };
}

/**
 * The media members, byte for byte as they are in the archive (headers and all), followed by
 * an end-of-archive marker: a tar stream `tar -x` unpacks. Every media file's data is hashed
 * on the way through; verify() throws if one no longer matches.
 */
export function mediaTarStream(archive: VerifiedArchive, prefix: string): { stream: Readable; verify(): void } {
  const entries = [...archive.entries.values()]
    .filter((entry) => entry.name === prefix || entry.name.startsWith(`${prefix}/`))
    .sort((a, b) => a.headerOffset - b.headerOffset);
  if (entries.length === 0) return { stream: Readable.from([Buffer.alloc(2 * BLOCK)]), verify() {} };
  for (let i = 1; i < entries.length; i++) {
    if (entries[i].headerOffset !== entries[i - 1].end) {
      throw new ArchiveError(t.mediaNotTogether({ path: archive.path }), t.nothingChanged, entries[i].name);
    }
  }
  const start = entries[0].headerOffset;
  const end = entries[entries.length - 1].end;
  const source = createReadStream(archive.path, { start, end: end - 1, highWaterMark: 1024 * 1024 });
  const out = new PassThrough();
  source.on('error', (error) => out.destroy(error));
  const followedByEndMarker = (data: Readable) => {
    data.pipe(out, { end: false });
    data.on('end', () => out.end(Buffer.alloc(2 * BLOCK)));
  };
  if (unchangedSinceChecked(archive)) {
    followedByEndMarker(source);
    return { stream: out, verify() {} };
  }
  const files = entries.filter((entry) => entry.type === 'file' && entry.size > 0);
  const failures: string[] = [];
  let position = start;
  let index = 0;
  let hash = createHash('sha256');
  const finish = (entry: TarEntry) => {
    if (hash.digest('hex') !== manifestMember(archive, entry.name).sha256) failures.push(entry.name);
    hash = createHash('sha256');
    index += 1;
  };
  const hasher = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let offset = 0;
      while (offset < chunk.length && index < files.length) {
        const entry = files[index];
        const at = position + offset;
        const dataEnd = entry.dataOffset + entry.size;
        if (at < entry.dataOffset) {
          offset = Math.min(chunk.length, entry.dataOffset - position);
          continue;
        }
        const take = Math.min(chunk.length - offset, dataEnd - at);
        hash.update(chunk.subarray(offset, offset + take));
        offset += take;
        if (position + offset === dataEnd) finish(entry);
      }
      position += chunk.length;
      callback(null, chunk);
    },
  });
  followedByEndMarker(source.pipe(hasher));
  return {
    stream: out,
    verify() {
      if (index !== files.length) failures.push(files[index]?.name ?? prefix);
      if (failures.length) throw changed(archive, failures[0]);
    },
  };
}
