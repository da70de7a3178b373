import type { Localized } from '../i18n/localized.js';
import { packageText as t } from '../i18n/messages/packages.js';
import { describeHolders, type LockHolder } from './locks.js';

/** "0:35", "15:00", "1:02:03" (whole seconds elapsed). */
export function minutesAndSeconds(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** What every renderer says while matrix-setup waits for another package manager. */
export function describePackageManagerWait(holders: LockHolder[], waitedMs: number, limitMs: number): Localized {
  const locks = [...new Set(holders.map((h) => h.lock))].join(', ');
  return t.waiting({ holders: describeHolders(holders), locks, waited: minutesAndSeconds(waitedMs), limit: minutesAndSeconds(limitMs) });
}
