import { InterruptedError, StepError } from '../errors.js';
import { describeHolders, type LockHolder } from './locks.js';
import { minutesAndSeconds } from './format.js';

export const DEFAULT_LOCK_WAIT_MS = 15 * 60_000;
const POLL_MS = 1000;
/** How often a wait is reported again while the holder stays the same (the wizard counts the seconds itself). */
export const REPORT_EVERY_MS = 30_000;

export interface Clock {
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const REAL_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    }),
};

export interface LockWaitOptions {
  limitMs: number;
  /** When this wait began (default now): a command that met a lock again keeps counting from its first wait. */
  startedAt?: number;
  signal: AbortSignal;
  /** Told when the wait starts, when the holders change, and every REPORT_EVERY_MS. */
  report(holders: LockHolder[], waitedMs: number): void;
  clock?: Clock;
  pollMs?: number;
}

/** Another process kept the package manager's locks for longer than the limit. */
export class PackageManagerBusyError extends StepError {
  constructor(holders: LockHolder[], waitedMs: number) {
    const locks = [...new Set(holders.map((h) => h.lock))].join(', ');
    const first = holders[0];
    super(`The package manager is still busy after ${minutesAndSeconds(waitedMs)}: ${describeHolders(holders)} holds ${locks}.`, {
      hint:
        `Let it finish (\`ps -o pid,etime,args -p ${first.pid}\` shows what it is doing), then continue; ` +
        'to wait longer, add --package-lock-wait MINUTES. Never delete the lock files: if that process is stuck, ' +
        'stop it, and matrix-setup finishes what it left half done (dpkg --configure -a) before installing anything.',
    });
  }
}

/**
 * Polls `probe` until nobody holds the locks, or throws PackageManagerBusyError once
 * `limitMs` has passed (at once when the limit is 0). Returns how long it waited (0 when the
 * locks were free at once).
 */
export async function waitForPackageManager(probe: () => LockHolder[], options: LockWaitOptions): Promise<number> {
  const clock = options.clock ?? REAL_CLOCK;
  const started = options.startedAt ?? clock.now();
  let holders = probe();
  if (holders.length === 0) return 0;
  let lastReport = Number.NEGATIVE_INFINITY;
  let lastHolders = '';
  while (holders.length > 0) {
    if (options.signal.aborted) throw new InterruptedError();
    const waited = clock.now() - started;
    if (waited >= options.limitMs) throw new PackageManagerBusyError(holders, waited);
    const described = describeHolders(holders);
    if (described !== lastHolders || waited - lastReport >= REPORT_EVERY_MS) {
      options.report(holders, waited);
      lastReport = waited;
      lastHolders = described;
    }
    await clock.sleep(Math.min(options.pollMs ?? POLL_MS, options.limitMs - waited), options.signal);
    holders = probe();
  }
  if (options.signal.aborted) throw new InterruptedError();
  return Math.max(1, clock.now() - started);
}
