import type { PackageManagerFacts } from '../host/facts.js';
import { joinLocalized } from '../i18n/localized.js';
import { packageText as t } from '../i18n/messages/packages.js';
import { describeHolders } from '../packages/locks.js';
import type { PreflightResult } from './checks.js';

/**
 * Another program using the package manager (unattended-upgrades, apt-daily and cloud-init do
 * in a fresh server's first minutes) or a dpkg left interrupted is no reason to stop: the
 * install waits for the one and repairs the other. Preflight says so up front.
 */
export function packageManagerCheck(facts: PackageManagerFacts): PreflightResult {
  const base = { id: 'package-manager', label: t.checkLabel };
  const busy = facts.holders.length > 0 ? t.checkBusy({ holders: describeHolders(facts.holders) }) : undefined;
  const interrupted = facts.interrupted ? t.checkInterrupted({ reason: facts.interrupted }) : undefined;
  if (busy || interrupted) {
    return {
      ...base,
      status: 'warn',
      detail: joinLocalized([busy, interrupted].filter((part) => part !== undefined), '; '),
      fix: busy ? t.checkBusyFix : t.checkRepairFix,
    };
  }
  return { ...base, status: 'pass', detail: t.checkFree };
}
