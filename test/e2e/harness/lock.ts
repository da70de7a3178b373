import { closeSync, ftruncateSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

export interface LockInfo {
  pid: number;
  [key: string]: unknown;
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(path: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

/** The lock's holder if it is a live process other than this one. */
export function liveHolder(path: string): LockInfo | undefined {
  const info = readLock(path);
  return info && info.pid !== process.pid && processAlive(info.pid) ? info : undefined;
}

export interface HeldLock {
  update(extra: Record<string, unknown>): void;
  release(): void;
}

/**
 * A lock file holding this process's PID (created with O_EXCL). A lock whose holder is dead is
 * taken over, and `onStale` sees what it recorded. Waits up to `waitMs` for a live holder.
 */
export async function acquireLock(
  path: string,
  options: { waitMs: number; what: string; onStale?: (info: LockInfo) => void | Promise<void> },
): Promise<HeldLock> {
  const deadline = Date.now() + options.waitMs;
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      const write = (info: LockInfo) => {
        ftruncateSync(fd, 0);
        writeSync(fd, JSON.stringify(info), 0);
      };
      let info: LockInfo = { pid: process.pid };
      write(info);
      let released = false;
      return {
        update(extra) {
          info = { ...info, ...extra };
          write(info);
        },
        release() {
          if (released) return;
          released = true;
          try {
            closeSync(fd);
          } catch {
            // already closed
          }
          if (readLock(path)?.pid === process.pid) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readLock(path);
    if (!holder || !processAlive(holder.pid)) {
      if (holder && options.onStale) await options.onStale(holder);
      rmSync(path, { force: true });
      continue;
    }
    if (holder.pid === process.pid) {
      throw new Error(`${options.what}: already held by this process (${path}); release it first`);
    }
    if (Date.now() > deadline) {
      throw new Error(`${options.what}: still held by PID ${holder.pid} (${path}) after ${options.waitMs / 1000} s`);
    }
    if (!announced) {
      console.log(`[e2e] ${options.what}: waiting for PID ${holder.pid} (${path})`);
      announced = true;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
