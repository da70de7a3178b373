import { join } from 'node:path';

export const DEFAULT_STATE_DIR = '/var/lib/matrix-setup';
export const DEFAULT_LOG_DIR = '/var/log/matrix-setup';

export function defaultLogFile(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  return join(DEFAULT_LOG_DIR, `run-${stamp}.log`);
}
