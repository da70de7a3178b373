import { statfsSync } from 'node:fs';
import type { Localized } from '../i18n/localized.js';
import { backupText as t } from '../i18n/messages/backup.js';
import { formatBytes } from '../i18n/format-bytes.js';

/**
 * What a backup will take on disk, before it is written. The media and files are counted
 * exactly; the dump is estimated from the tables' size (pg_dump -Fc compresses, and indexes
 * are rebuilt on restore rather than dumped), so half the table data is a generous guess.
 */
export interface SpaceEstimate {
  database: number;
  media: number;
  files: number;
}

/** The share of the tables' on-disk size a compressed custom-format dump is taken to need. */
export const DUMP_SHARE_OF_TABLES = 0.5;
const MARGIN = 16 * 1024 * 1024;

export function estimateDump(tableBytes: number): number {
  return Math.ceil(tableBytes * DUMP_SHARE_OF_TABLES);
}

export function neededBytes(estimate: SpaceEstimate): number {
  return estimate.database + estimate.media + estimate.files + MARGIN;
}

/** Bytes an unprivileged writer may still use on the filesystem holding `directory`. */
export function freeBytes(directory: string): number {
  const stats = statfsSync(directory);
  return Number(stats.bavail) * Number(stats.bsize);
}

/** Why the backup does not fit in `directory`, or undefined when it does. */
export function spaceProblem(directory: string, free: number, estimate: SpaceEstimate): Localized | undefined {
  const need = neededBytes(estimate);
  if (free >= need) return undefined;
  return t.notEnoughSpace({
    dir: directory,
    need: formatBytes(need),
    database: formatBytes(estimate.database),
    media: formatBytes(estimate.media),
    files: formatBytes(estimate.files),
    free: formatBytes(free),
  });
}
