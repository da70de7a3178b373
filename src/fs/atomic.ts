import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync, chownSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

export interface AtomicWriteOptions {
  mode: number;
  uid?: number;
  gid?: number;
}

/**
 * Write a file so that a reader (or a run killed at any moment) sees either the old
 * content or the new, never a half-written file: temp file in the same directory,
 * fsync, rename, fsync the directory.
 */
export function writeFileAtomic(path: string, content: string | Buffer, options: AtomicWriteOptions): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(temp, 'w', options.mode);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (options.uid !== undefined && options.gid !== undefined) chownSync(temp, options.uid, options.gid);
  renameSync(temp, path);
  const dirFd = openSync(dir, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}
