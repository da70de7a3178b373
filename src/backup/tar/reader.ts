import { readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import {
  BLOCK,
  entryType,
  HeaderChecksumError,
  isZeroBlock,
  padding,
  parseHeader,
  parsePaxRecords,
  type EntryMeta,
  type EntryType,
} from './header.js';

/** One member of a tar file and where its bytes are. */
export interface TarEntry extends EntryMeta {
  name: string;
  type: EntryType;
  size: number;
  linkname?: string;
  /** Where the member's first header block starts (a pax header, if it has one). */
  headerOffset: number;
  dataOffset: number;
  /** Just past the member's data and padding: where the next member starts. */
  end: number;
}

/** The tar file is not well formed at `offset`; `after` names the last good member. */
export class TarFormatError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
    readonly after: string | undefined,
  ) {
    super(`${reason} at byte ${offset}${after ? ` (after the member ${after})` : ' (before the first member)'}`);
  }
}

export interface ScanVisitor {
  entry(entry: TarEntry): void;
  /** A chunk of the current member's data, in order. Without it, data is skipped unread. */
  data?(entry: TarEntry, chunk: Buffer): void;
  /** Called when a member's data has all been seen. */
  end?(entry: TarEntry): void;
}

const CHUNK = 4 * 1024 * 1024;

/**
 * Walks a tar file strictly: every header's checksum, every padding and end-of-archive byte
 * must be as a writer leaves them, and only plain files, directories, symlinks and pax
 * headers are accepted. With `visitor.data` every data byte is read (to hash it).
 */
export async function scanTar(handle: FileHandle, visitor: ScanVisitor): Promise<void> {
  const { size: fileSize } = await handle.stat();
  const block = Buffer.alloc(BLOCK);
  let offset = 0;
  let last: string | undefined;
  let pax: Record<string, string> = {};
  let headerOffset = 0;
  const readBlock = async (at: number, reason: string) => {
    if (at + BLOCK > fileSize) throw new TarFormatError(`the file ends early (${reason})`, at, last);
    await readExactly(handle, block, at);
  };
  for (;;) {
    await readBlock(offset, 'a member header or the end-of-archive marker is missing');
    if (isZeroBlock(block)) {
      await readBlock(offset + BLOCK, 'the end-of-archive marker is cut off');
      if (!isZeroBlock(block)) throw new TarFormatError('a damaged end-of-archive marker', offset + BLOCK, last);
      await expectZeros(handle, offset + 2 * BLOCK, fileSize, last);
      return;
    }
    if (Object.keys(pax).length === 0) headerOffset = offset;
    let header;
    try {
      header = parseHeader(block);
    } catch (error) {
      if (error instanceof HeaderChecksumError) throw new TarFormatError(`a damaged member header (${error.message})`, offset, last);
      throw error;
    }
    const dataOffset = offset + BLOCK;
    const end = dataOffset + header.size + padding(header.size);
    if (end > fileSize) throw new TarFormatError(`the file ends inside the member ${header.name}`, offset, last);
    if (header.typeflag === 'x') {
      const data = Buffer.alloc(header.size);
      await readExactly(handle, data, dataOffset);
      try {
        pax = parsePaxRecords(data);
      } catch (error) {
        throw new TarFormatError(`a damaged pax header (${(error as Error).message})`, offset, last);
      }
      await expectZeros(handle, dataOffset + header.size, end, last);
      offset = end;
      continue;
    }
    const type = entryType(header.typeflag);
    if (!type) throw new TarFormatError(`a member of unsupported type "${header.typeflag}" (${header.name})`, offset, last);
    const entry: TarEntry = {
      name: (pax.path ?? header.name).replace(/\/$/, ''),
      type,
      size: type === 'file' ? header.size : 0,
      mode: header.mode,
      uid: header.uid,
      gid: header.gid,
      uname: pax.uname ?? header.uname,
      gname: pax.gname ?? header.gname,
      mtime: header.mtime,
      ...(type === 'symlink' ? { linkname: pax.linkpath ?? header.linkname } : {}),
      headerOffset,
      dataOffset,
      end,
    };
    if (type !== 'file' && header.size !== 0) throw new TarFormatError(`the ${type} ${entry.name} carries data`, offset, last);
    pax = {};
    visitor.entry(entry);
    if (visitor.data && entry.size > 0) {
      for await (const chunk of readRange(handle, dataOffset, entry.size)) visitor.data(entry, chunk);
    }
    visitor.end?.(entry);
    if (visitor.data) await expectZeros(handle, dataOffset + entry.size, end, entry.name);
    last = entry.name;
    offset = end;
  }
}

/**
 * The bytes [start, start + length) of an open file, in chunks (each valid until the next is
 * asked for). Reads are synchronous: one large read per chunk, no thread-pool round trip.
 */
export async function* readRange(handle: FileHandle, start: number, length: number): AsyncGenerator<Buffer> {
  const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(length, 1)));
  let done = 0;
  while (done < length) {
    const chunk = buffer.subarray(0, Math.min(buffer.length, length - done));
    await readExactly(handle, chunk, start + done);
    done += chunk.length;
    yield chunk;
  }
}

async function readExactly(handle: FileHandle, buffer: Buffer, position: number): Promise<void> {
  let filled = 0;
  while (filled < buffer.length) {
    const bytesRead = readSync(handle.fd, buffer, filled, buffer.length - filled, position + filled);
    if (bytesRead === 0) throw new TarFormatError('the file ends early', position + filled, undefined);
    filled += bytesRead;
  }
}

async function expectZeros(handle: FileHandle, from: number, to: number, after: string | undefined): Promise<void> {
  for await (const chunk of readRange(handle, from, to - from)) {
    const bad = chunk.findIndex((byte) => byte !== 0);
    if (bad >= 0) {
      const at = from + bad;
      throw new TarFormatError(after ? 'a damaged byte in the padding' : 'a damaged byte', at, after);
    }
    from += chunk.length;
  }
}
