import { existsSync } from 'node:fs';
import { run } from './process.js';

/** Host packages the end-to-end harness needs, with a binary that proves each is there. */
export const HOST_TOOLS: Record<string, string> = {
  debootstrap: '/usr/sbin/debootstrap',
  'systemd-container': '/usr/bin/systemd-nspawn',
};

export function missingHostTools(): string[] {
  return Object.entries(HOST_TOOLS)
    .filter(([, binary]) => !existsSync(binary))
    .map(([name]) => name);
}

/** Installs the missing host tools from Debian's archive (root only). */
export async function ensureHostTools(): Promise<void> {
  const missing = missingHostTools();
  if (missing.length === 0) return;
  console.log(`[e2e] installing host tools: ${missing.join(' ')}`);
  const lockWait = ['-o', 'DPkg::Lock::Timeout=300'];
  await run(['apt-get', ...lockWait, 'update', '-q'], { timeoutMs: 5 * 60_000 });
  await run(['apt-get', ...lockWait, 'install', '-y', '-q', '--no-install-recommends', ...missing], {
    timeoutMs: 10 * 60_000,
  });
}
