import { join } from 'node:path';
import { lstatOptional } from '../fs/no-follow.js';
import { walkTree, type WalkedEntry } from './walk.js';

/** The directories of the media store that are backed up; remote media and URL previews are caches. */
export const MEDIA_DIRECTORIES = ['local_content', 'local_thumbnails'];

export interface MediaListing {
  entries: WalkedEntry[];
  files: number;
  bytes: number;
}

/** The media store's root and its local directories, walked once (sizes for the estimate and the progress). */
export async function listMedia(store: string, warn: (message: string) => void): Promise<MediaListing> {
  const root = lstatOptional(store);
  if (!root?.isDirectory()) {
    warn(`The media store ${store} does not exist yet: the backup holds no media.`);
    return { entries: [], files: 0, bytes: 0 };
  }
  const entries: WalkedEntry[] = [{ path: store, rel: '', stat: root }];
  let files = 0;
  let bytes = 0;
  for (const dir of MEDIA_DIRECTORIES) {
    const path = join(store, dir);
    if (!lstatOptional(path)?.isDirectory()) continue;
    for await (const entry of walkTree(path, (p) => warn(`Not backed up: ${p} is not a file or directory.`))) {
      if (entry.stat.isSymbolicLink()) {
        warn(`Not backed up: ${entry.path} is a symlink (Synapse writes plain files there).`);
        continue;
      }
      entries.push({ ...entry, rel: entry.rel ? `${dir}/${entry.rel}` : dir });
      if (entry.stat.isFile()) {
        files += 1;
        bytes += entry.stat.size;
      }
    }
  }
  return { entries, files, bytes };
}

