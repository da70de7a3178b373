import type { PackageManagerFacts } from '../host/facts.js';
import { describeHolders } from '../packages/locks.js';
import type { PreflightResult } from './checks.js';

/**
 * Another program using the package manager (unattended-upgrades, apt-daily and cloud-init do
 * in a fresh server's first minutes) or a dpkg left interrupted is no reason to stop: the
 * install waits for the one and repairs the other. Preflight says so up front.
 */
export function packageManagerCheck(facts: PackageManagerFacts): PreflightResult {
  const base = { id: 'package-manager', label: 'Package manager' };
  const busy = facts.holders.length > 0 ? `${describeHolders(facts.holders)} is using the package manager; matrix-setup will wait for it to finish` : undefined;
  const interrupted = facts.interrupted ? `dpkg was interrupted (${facts.interrupted}); matrix-setup will finish its work first (dpkg --configure -a)` : undefined;
  if (busy || interrupted) {
    return {
      ...base,
      status: 'warn',
      detail: [busy, interrupted].filter(Boolean).join('; '),
      fix: busy ? 'Nothing to do: it usually takes a few minutes after a server first boots. The install waits up to 15 minutes (--package-lock-wait MINUTES to change that).' : 'Nothing to do: the install repairs it before installing anything.',
    };
  }
  return { ...base, status: 'pass', detail: 'no other program is using it' };
}
