import type { VerifiedArchive } from '../../src/backup/open-archive.js';

/** What a restore run restores from, and how. */
export interface RestoreSource {
  /** The archive, checked against its manifest before the run started. */
  archive: VerifiedArchive;
  /** matrix-setup's state directory (backups of replaced files go under it). */
  stateDir: string;
  /** --replace-database: a database holding other Synapse data is moved aside instead of refusing. */
  replaceDatabase: boolean;
  /** One stamp per run, for the names of what it moves aside. */
  stamp: string;
}

export function runStamp(now = new Date()): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
}
