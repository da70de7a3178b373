import { join } from 'node:path';
import { lstatOptional } from '../fs/no-follow.js';
import { walkTree, type WalkedEntry } from './walk.js';
import type { Localized } from '../i18n/localized.js';
import { backupText as t } from '../i18n/messages/backup.js';

/** The directories of the media store that are backed up; remote media and URL previews are caches. */
export const MEDIA_DIRECTORIES = ['local_content', 'local_thumbnails'];

/**
 * The media store's root and its local directories, as the archive takes them (`rel` relative
 * to the store): symlinks and what is not a file or directory are left out, since Synapse
 * writes plain files there.
 */
export function* mediaEntries(store: string, warn: (message: Localized) => void): Generator<WalkedEntry> {
  const root = lstatOptional(store);
  if (!root?.isDirectory()) return;
  yield { path: store, rel: '', stat: root, access: store };
  for (const dir of MEDIA_DIRECTORIES) {
    if (!lstatOptional(join(store, dir))?.isDirectory()) continue;
    for (const entry of walkTree(join(store, dir), (path) => warn(t.notBackedUpMediaKind({ path })))) {
      if (entry.stat.isSymbolicLink()) {
        warn(t.notBackedUpMediaLink({ path: entry.path }));
        continue;
      }
      yield { ...entry, rel: entry.rel ? `${dir}/${entry.rel}` : dir };
    }
  }
}

/** How many media files and bytes there are (for the space check and the progress). */
export function countMedia(store: string, warn: (message: Localized) => void): { files: number; bytes: number } {
  if (!lstatOptional(store)?.isDirectory()) {
    warn(t.noMediaStore({ store }));
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
