import { join } from 'node:path';
import { lstatOptional } from '../fs/no-follow.js';
import { walkTree, type WalkedEntry } from './walk.js';

/** The directories of the media store that are backed up; remote media and URL previews are caches. */
export const MEDIA_DIRECTORIES = ['local_content', 'local_thumbnails'];

/**
 * The media store's root and its local directories, as the archive takes them (`rel` relative
 * to the store): symlinks and what is not a file or directory are left out, since Synapse
 * writes plain files there.
 */
export function* mediaEntries(store: string, warn: (message: string) => void): Generator<WalkedEntry> {
  const root = lstatOptional(store);
  if (!root?.isDirectory()) return;
  yield { path: store, rel: '', stat: root, access: store };
  for (const dir of MEDIA_DIRECTORIES) {
    if (!lstatOptional(join(store, dir))?.isDirectory()) continue;
    for (const entry of walkTree(join(store, dir), (path) => warn(`Not backed up: ${path} is not a file or directory.`))) {
      if (entry.stat.isSymbolicLink()) {
        warn(`Not backed up: ${entry.path} is a symlink (Synapse writes plain files there).`);
        continue;
      }
      yield { ...entry, rel: entry.rel ? `${dir}/${entry.rel}` : dir };
    }
  }
}

/** How many media files and bytes there are (for the space check and the progress). */
export function countMedia(store: string, warn: (message: string) => void): { files: number; bytes: number } {
  if (!lstatOptional(store)?.isDirectory()) {
    warn(`The media store ${store} does not exist yet: the backup holds no media.`);
    return { files: 0, bytes: 0 };
  }
  let files = 0;
  let bytes = 0;
  for (const entry of mediaEntries(store, () => {})) {
    if (!entry.stat.isFile()) continue;
    files += 1;
    bytes += entry.stat.size;
  }
  return { files, bytes };
}
