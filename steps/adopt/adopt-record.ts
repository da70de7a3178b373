import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/fs/atomic.js';

/** What adopting keeps between runs: the backup it took before changing anything. */
export interface AdoptRecord {
  backup?: { archive: string; createdAt: string; database: 'sqlite' | 'postgresql' };
}

export function adoptRecordPath(stateDir: string): string {
  return join(stateDir, 'adopt.json');
}

export function readAdoptRecord(stateDir: string): AdoptRecord {
  try {
    return JSON.parse(readFileSync(adoptRecordPath(stateDir), 'utf8')) as AdoptRecord;
  } catch {
    return {};
  }
}

export function writeAdoptRecord(stateDir: string, record: AdoptRecord): void {
  writeFileAtomic(adoptRecordPath(stateDir), `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
}
