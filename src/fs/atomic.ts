import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, fchownSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { openDirectory } from './no-follow.js';

export interface AtomicWriteOptions {
  mode: number;
  uid?: number;
  gid?: number;
}

/** A fresh file only: never an existing one, never through a symbolic link. */
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/**
 * Write a file so that a reader (or a run killed at any moment) sees either the old
 * content or the new, never a half-written file: a temp file in the same directory, fsync,
 * rename, fsync the directory. The directory is reached without following a link another
 * user could have planted on the way (missing ones are created 0755); the temp file has a
 * random name and is created with O_EXCL|O_NOFOLLOW (a name planted in advance makes it fail
 * rather than write elsewhere); owner and mode are set on its descriptor before it gets its name.
 */
export function writeFileAtomic(path: string, content: string | Buffer, options: AtomicWriteOptions): void {
  const dir = openDirectory(dirname(resolve(path)), { createMode: 0o755 });
  try {
    const name = basename(path);
    const temp = dir.entry(`.${name}.${randomBytes(8).toString('hex')}.tmp`);
    const fd = openSync(temp, CREATE_NEW, 0o600);
    try {
      writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      if (options.uid !== undefined && options.gid !== undefined) fchownSync(fd, options.uid, options.gid);
      fchmodSync(fd, options.mode);
      fsyncSync(fd);
      closeSync(fd);
      renameSync(temp, dir.entry(name));
    } catch (error) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
      try {
        unlinkSync(temp);
      } catch {
        // renamed, or never there
      }
      throw error;
    }
    fsyncSync(dir.fd);
  } finally {
    dir.close();
  }
}
