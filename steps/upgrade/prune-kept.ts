import { lstatSync, readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The name upgradeId() gives an upgrade's directory. */
const UPGRADE_ID = /^\d{8}T\d{6}$/;

export interface PrunedPackages {
  files: string[];
  bytes: number;
}

/**
 * A rollback reaches only the newest upgrade, so the packages kept for older ones serve
 * nothing, and at a Synapse release every two weeks they add up to gigabytes. Removes the
 * .deb files of every upgrade directory but `keep` (and the directories left empty); links and
 * anything else are left alone.
 */
export function pruneOlderKeptPackages(keep: string): PrunedPackages {
  const parent = dirname(keep);
  const pruned: PrunedPackages = { files: [], bytes: 0 };
  for (const id of readdirSync(parent)) {
    const dir = join(parent, id);
    if (dir === keep || !UPGRADE_ID.test(id) || !lstatSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      const stat = lstatSync(file);
      if (!name.endsWith('.deb') || !stat.isFile()) continue;
      unlinkSync(file);
      pruned.files.push(file);
      pruned.bytes += stat.size;
    }
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  }
  return pruned;
}
