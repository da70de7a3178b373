import type { Stats } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface WalkedEntry {
  path: string;
  /** Relative to the walked root ('' for the root itself). */
  rel: string;
  stat: Stats;
}

/**
 * Every directory, regular file and symlink under `root` (the root first, then each directory
 * before its contents, names sorted), by lstat: a symlink is reported as one and never
 * followed. Sockets, fifos and devices are passed to `skipped`.
 */
export async function* walkTree(root: string, skipped: (path: string) => void = () => {}): AsyncGenerator<WalkedEntry> {
  const stat = await lstat(root);
  yield* visit(root, '', stat, skipped);
}

async function* visit(path: string, rel: string, stat: Stats, skipped: (path: string) => void): AsyncGenerator<WalkedEntry> {
  if (!stat.isDirectory() && !stat.isFile() && !stat.isSymbolicLink()) {
    skipped(path);
    return;
  }
  yield { path, rel, stat };
  if (!stat.isDirectory()) return;
  const names = (await readdir(path)).sort();
  for (const name of names) {
    const child = join(path, name);
    let childStat: Stats;
    try {
      childStat = await lstat(child);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // removed while walking
      throw error;
    }
    yield* visit(child, rel ? `${rel}/${name}` : name, childStat, skipped);
  }
}

