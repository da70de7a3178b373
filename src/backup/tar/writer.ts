import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, unlink, type FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { BLOCK, encodeHeaders, padding, setHeaderSize, type EntryMeta } from './header.js';

export interface MemberDigest {
  size: number;
  sha256: string;
}

const CHUNK = 1024 * 1024;

/**
 * Writes a tar file member by member, straight to its final place on disk (no temporary copy):
 * file data is read in chunks, hashed and written as it goes. A member whose size is not known
 * in advance (a database dump read from pg_dump) gets its header rewritten once it is complete.
 * The file is created 0600 and exclusively (never through an existing file or symlink).
 */
export class TarWriter {
  private position = 0;
  private closed = false;

  private constructor(
    private readonly handle: FileHandle,
    readonly path: string,
    private readonly onProgress?: (bytes: number) => void,
  ) {}

  static async create(path: string, options: { onProgress?: (bytes: number) => void } = {}): Promise<TarWriter> {
    const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    return new TarWriter(handle, path, options.onProgress);
  }

  /** Bytes written so far. */
  get size(): number {
    return this.position;
  }

  async addDirectory(name: string, meta: EntryMeta): Promise<void> {
    await this.write(encodeHeaders({ ...meta, name, type: 'directory', size: 0 }));
  }

  async addSymlink(name: string, target: string, meta: EntryMeta): Promise<void> {
    await this.write(encodeHeaders({ ...meta, name, type: 'symlink', size: 0, linkname: target }));
  }

  async addBuffer(name: string, data: Buffer, meta: EntryMeta): Promise<MemberDigest> {
    await this.write(encodeHeaders({ ...meta, name, type: 'file', size: data.length }));
    await this.write(data);
    await this.write(Buffer.alloc(padding(data.length)));
    return { size: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  }

  /**
   * Copies exactly `size` bytes of an open file into the archive. A file that turns out shorter
   * than its size when it was looked at is an error (the member would be cut off).
   */
  async addFile(name: string, source: FileHandle, size: number, meta: EntryMeta): Promise<MemberDigest> {
    await this.write(encodeHeaders({ ...meta, name, type: 'file', size }));
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(size, 1)));
    let copied = 0;
    while (copied < size) {
      const { bytesRead } = await source.read(buffer, 0, Math.min(buffer.length, size - copied), copied);
      if (bytesRead === 0) throw new Error(`${name} became shorter (${copied} of ${size} bytes) while it was being read`);
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      await this.write(chunk);
      copied += bytesRead;
    }
    await this.write(Buffer.alloc(padding(size)));
    return { size, sha256: hash.digest('hex') };
  }

  /**
   * A member of unknown size: `produce` writes its content into the given stream (for example a
   * command's standard output). The header is written first with size 0 and rewritten afterwards.
   */
  async addStream(name: string, meta: EntryMeta, produce: (sink: Writable) => Promise<void>): Promise<MemberDigest> {
    const headers = encodeHeaders({ ...meta, name, type: 'file', size: 0 });
    const mainHeaderAt = this.position + headers.length - BLOCK;
    const mainHeader = Buffer.from(headers.subarray(headers.length - BLOCK));
    await this.write(headers);
    const hash = createHash('sha256');
    let size = 0;
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, callback) => {
        hash.update(chunk);
        size += chunk.length;
        this.write(chunk).then(() => callback(), callback);
      },
    });
    // Errors (a full disk) also reach the producer through the stream; the listener keeps an
    // error that arrives after the producer gave up from being an uncaught exception.
    sink.on('error', () => {});
    try {
      await produce(sink);
    } catch (error) {
      sink.destroy();
      throw error;
    }
    if (!sink.writableEnded) sink.end();
    await finished(sink);
    await this.write(Buffer.alloc(padding(size)));
    setHeaderSize(mainHeader, size);
    await this.handle.write(mainHeader, 0, BLOCK, mainHeaderAt);
    return { size, sha256: hash.digest('hex') };
  }

  /** The end-of-archive marker (two zero blocks), then fsync and close. */
  async finish(): Promise<void> {
    await this.write(Buffer.alloc(2 * BLOCK));
    await this.handle.sync();
    await this.close();
  }

  /** Closes and removes an unfinished archive. */
  async discard(): Promise<void> {
    await this.close().catch(() => {});
    await unlink(this.path).catch(() => {});
  }

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }

  private async write(data: Buffer): Promise<void> {
    let offset = 0;
    while (offset < data.length) {
      const { bytesWritten } = await this.handle.write(data, offset, data.length - offset, this.position);
      offset += bytesWritten;
      this.position += bytesWritten;
    }
    this.onProgress?.(this.position);
  }
}
