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
export function describePackageManagerWait(holders: LockHolder[], waitedMs: number, limitMs: number): string {
  const locks = [...new Set(holders.map((h) => h.lock))].join(', ');
  return `Waiting for the package manager: ${describeHolders(holders)} holds ${locks} · waited ${minutesAndSeconds(waitedMs)} of ${minutesAndSeconds(limitMs)}`;
}
