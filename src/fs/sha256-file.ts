import { createHash } from 'node:crypto';
import { closeSync, constants, createReadStream, openSync, readSync } from 'node:fs';

/** sha256 of a file's content, hex. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The same, read synchronously (for checks that cannot wait); with `noFollow`, a link in the file's place is refused (ELOOP). */
export function sha256FileSync(path: string, options: { noFollow?: boolean } = {}): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1 << 20);
  const fd = openSync(path, constants.O_RDONLY | (options.noFollow ? constants.O_NOFOLLOW : 0));
  try {
    for (let read; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
