import { comparePythonVersions } from './versions.js';

/**
 * What a Synapse release needs from the machine, from Synapse's upgrade notes (its deprecation
 * policy follows the upstream end of life of Python and PostgreSQL). Newest first; a release
 * needs what the first row at or below it says.
 */
const FLOORS: Array<{ since: string; python: string; postgres: number }> = [
  { since: '1.143.0', python: '3.10', postgres: 14 },
  { since: '1.142.0', python: '3.10', postgres: 13 },
  { since: '1.122.0', python: '3.9', postgres: 13 },
];

/** The newest Synapse release whose upgrade notes this matrix-setup has read. */
export const KNOWN_THROUGH = '1.157.1';

export interface Floors {
  python: string;
  postgres: number;
}

/** The Python and PostgreSQL a release needs; undefined for releases before the table. */
export function floorsFor(release: string): Floors | undefined {
  const row = FLOORS.find((r) => comparePythonVersions(release, r.since) >= 0);
  return row ? { python: row.python, postgres: row.postgres } : undefined;
}

/** Whether the notes of `release` are beyond what this matrix-setup knows. */
export function beyondKnownNotes(release: string): boolean {
  return comparePythonVersions(release, KNOWN_THROUGH) > 0;
}
