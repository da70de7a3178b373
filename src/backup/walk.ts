import { constants, lstatSync, openSync, readdirSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { OpenDirectory, openDirectory } from '../fs/no-follow.js';

export interface WalkedEntry {
  /** Where it is, for messages and the manifest. */
  path: string;
  /** Relative to the walked root ('' for the root itself). */
  rel: string;
  stat: Stats;
  /**
   * The entry's name through its parent directory's open descriptor: open (O_NOFOLLOW) or
   * readlink it through this, and only while the walk is at it. Nothing can swap a directory
   * on the way for a link between the look and the use.
   */
  access: string;
}

/**
 * Every directory, regular file and symlink under `root` (the root first, then each directory
 * before its contents, names sorted). Directories are walked through open descriptors from /
 * (src/fs/no-follow.ts), a symlink is reported as one and never followed, and a directory that
 * turns into something else while it is walked is left out. Sockets, fifos and devices, and
 * what is left out, are passed to `skipped`.
 */
export function* walkTree(root: string, skipped: (path: string) => void = () => {}): Generator<WalkedEntry> {
  const parent = openDirectory(dirname(root));
  try {
    const access = parent.entry(basename(root));
    yield* visit(access, root, '', lstatSync(access), skipped);
  } finally {
    parent.close();
  }
}

function* visit(access: string, path: string, rel: string, stat: Stats, skipped: (path: string) => void): Generator<WalkedEntry> {
  if (!stat.isDirectory() && !stat.isFile() && !stat.isSymbolicLink()) {
    skipped(path);
    return;
  }
  yield { path, rel, stat, access };
  if (!stat.isDirectory()) return;
  let dir: OpenDirectory;
  try {
    dir = new OpenDirectory(openSync(access, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_DIRECTORY), path);
  } catch (error) {
    if (!['ENOENT', 'ELOOP', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    skipped(path); // removed, or swapped for something else, since it was looked at
    return;
  }
  try {
    for (const name of readdirSync(dir.entry('.')).sort()) {
      const child = dir.entry(name);
      let childStat: Stats;
      try {
        childStat = lstatSync(child);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // removed while walking
        throw error;
      }
      yield* visit(child, join(path, name), rel ? `${rel}/${name}` : name, childStat, skipped);
    }
  } finally {
    dir.close();
  }
}
