import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * install.sh refreshes apt's index right before it starts matrix-setup (to install Node.js) and
 * says when in this variable: the run then counts that as its own refresh instead of fetching
 * every index again a minute later. Only while it is recent and no APT source changed since.
 */
export const APT_UPDATED_AT_VARIABLE = 'MATRIX_SETUP_APT_UPDATED_AT';
const FRESH_FOR_MS = 10 * 60_000;
const SOURCES = ['/etc/apt/sources.list', '/etc/apt/sources.list.d'];

/** True when install.sh's refresh (seconds since the epoch in `stamp`) still stands for this run's. */
export function aptIndexFreshFromBootstrap(stamp: string | undefined, nowMs = Date.now(), sources = SOURCES): boolean {
  if (!stamp || !/^\d+$/.test(stamp)) return false;
  const updatedMs = Number(stamp) * 1000;
  if (updatedMs > nowMs || nowMs - updatedMs > FRESH_FOR_MS) return false;
  return newestChange(sources) < updatedMs;
}

/** The newest modification time among the files (and directories, and the files in them). */
function newestChange(paths: string[]): number {
  let newest = 0;
  for (const path of paths) {
    try {
      const stat = statSync(path);
      newest = Math.max(newest, stat.mtimeMs);
      if (stat.isDirectory()) newest = Math.max(newest, newestChange(readdirSync(path).map((name) => join(path, name))));
    } catch {
      // absent: no change
    }
  }
  return newest;
}
