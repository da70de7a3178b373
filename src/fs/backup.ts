import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from './atomic.js';

/**
 * Keeps the previous content of a file at `base` (a path under the state directory's
 * backups/, never beside the file: nginx, Synapse and PostgreSQL read whole directories), or
 * at `base-2`, `base-3`… when an earlier backup of the same second has that name. The copy is
 * root's, mode 0600, written from the content already read (the file is not opened again).
 */
export function saveBackup(base: string, content: Buffer | string): string {
  let path = base;
  for (let n = 2; existsSync(path); n++) path = `${base}-${n}`;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileAtomic(path, content, { mode: 0o600 });
  return path;
}
