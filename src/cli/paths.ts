import { join } from 'node:path';

export { DEFAULT_STATE_DIR } from '../engine/state-location.js';
export const DEFAULT_LOG_DIR = '/var/log/matrix-setup';

/** One log per run: run-<time>.log for installs (and restores), backup-<time>.log for backups. */
export function defaultLogFile(now = new Date(), kind: 'run' | 'backup' = 'run'): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  return join(DEFAULT_LOG_DIR, `${kind}-${stamp}.log`);
}
