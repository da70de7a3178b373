import { createHash } from 'node:crypto';
import { closeSync, constants, fdatasyncSync, fstatSync, openSync, readSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { BLOCK, encodeHeaders, padding, type EntryMeta } from './header.js';

export interface MemberDigest {
  size: number;
  sha256: string;
}

/** Bytes gathered before one write to the archive: few, large writes whatever the members' sizes. */
const BUFFER_BYTES = 8 * 1024 * 1024;

/**
 * Writes a tar file member by member, straight to its final place on disk (no temporary copy):
 * file data is read into the write buffer, hashed there and written in large blocks. The file
 * is created 0600 and exclusively (never through an existing file or symlink). Disk I/O is synchronous on purpose: a backup does one thing at a
 * time, and thousands of small media files cost far less without a thread-pool round trip each.
 */
export class TarWriter {
  /** Bytes handed to the writer so far (written or in the buffer). */
  private position = 0;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private buffered = 0;
  private closed = false;

  private constructor(
    private readonly fd: number,
    readonly path: string,
    private readonly onProgress?: (bytes: number) => void,
  ) {}

  static async create(path: string, options: { onProgress?: (bytes: number) => void } = {}): Promise<TarWriter> {
    const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    return new TarWriter(fd, path, options.onProgress);
  }

  /** Bytes written so far. */
  get size(): number {
    return this.position;
  }

  async addDirectory(name: string, meta: EntryMeta): Promise<void> {
    this.append(encodeHeaders({ ...meta, name, type: 'directory', size: 0 }));
  }

  async addSymlink(name: string, target: string, meta: EntryMeta): Promise<void> {
    this.append(encodeHeaders({ ...meta, name, type: 'symlink', size: 0, linkname: target }));
  }

  async addBuffer(name: string, data: Buffer, meta: EntryMeta): Promise<MemberDigest> {
    this.append(encodeHeaders({ ...meta, name, type: 'file', size: data.length }));
    this.append(data);
    this.append(Buffer.alloc(padding(data.length)));
    this.progress();
    return { size: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  }

  /**
   * Copies exactly `size` bytes of an open file (a descriptor) into the archive. A file that
   * turns out shorter than its size when it was looked at is an error (the member would be cut off).
   */
  async addFile(name: string, fd: number, size: number, meta: EntryMeta): Promise<MemberDigest> {
    this.append(encodeHeaders({ ...meta, name, type: 'file', size }));
    const hash = createHash('sha256');
    let copied = 0;
    while (copied < size) {
      if (this.buffered === BUFFER_BYTES) this.flush();
      const room = Math.min(BUFFER_BYTES - this.buffered, size - copied);
      const read = readSync(fd, this.buffer, this.buffered, room, copied);
      if (read === 0) throw new Error(`${name} became shorter (${copied} of ${size} bytes) while it was being read`);
      hash.update(this.buffer.subarray(this.buffered, this.buffered + read));
      this.buffered += read;
      this.position += read;
      copied += read;
    }
    this.append(Buffer.alloc(padding(size)));
    this.progress();
    return { size, sha256: hash.digest('hex') };
  }

  /** The end-of-archive marker (two zero blocks), then fsync and close. */
  async finish(): Promise<void> {
    this.append(Buffer.alloc(2 * BLOCK));
    this.flush();
    fdatasyncSync(this.fd);
    this.close();
  }

  /** Closes and removes an unfinished archive. */
  async discard(): Promise<void> {
    try {
      this.close();
    } catch {
      // already closed
    }
    try {
      unlinkSync(this.path);
    } catch {
      // already gone
    }
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private append(data: Buffer): void {
    let offset = 0;
    while (offset < data.length) {
      if (this.buffered === BUFFER_BYTES) this.flush();
      const copied = data.copy(this.buffer, this.buffered, offset);
      this.buffered += copied;
      this.position += copied;
      offset += copied;
    }
  }

  private flush(): void {
    if (this.buffered === 0) return;
    writeAll(this.fd, this.buffer.subarray(0, this.buffered), this.position - this.buffered);
    this.buffered = 0;
  }

  private progress(): void {
    this.onProgress?.(this.position);
  }
}

function writeAll(fd: number, data: Buffer, position: number): void {
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset, position + offset);
}

/** Opens a file for reading without following a symlink; its descriptor and what fstat says of it. */
export function openForArchive(path: string): { fd: number; stat: Stats } {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    return { fd, stat: fstatSync(fd) };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}
