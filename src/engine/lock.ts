import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { LockedError } from '../errors.js';

/**
 * An exclusive lock file holding the owner's PID, the boot it ran in and its start time. A lock
 * left by a process that no longer exists (a run killed with SIGKILL) is taken over, and so is
 * one from before a reboot or whose PID another process has since been given (after a reboot,
 * PIDs are handed out again from the start); a live owner makes this run refuse.
 */
export class RunLock {
  private held = false;

  constructor(readonly file: string) {}

  acquire(): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = openSync(this.file, 'wx', 0o600);
        writeSync(fd, `${describeOwner(process.pid)}\n`);
        closeSync(fd);
        this.held = true;
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = this.owner();
      if (owner !== undefined && owner.pid !== process.pid && stillRunning(owner)) throw new LockedError(owner.pid, this.file);
      try {
        unlinkSync(this.file);
      } catch {
        // Someone else removed it first; try again.
      }
    }
    throw new LockedError(this.owner()?.pid ?? 0, this.file);
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    try {
      if (this.owner()?.pid === process.pid) unlinkSync(this.file);
    } catch {
      // Already gone.
    }
  }

  private owner(): LockOwner | undefined {
    try {
      return parseOwner(readFileSync(this.file, 'utf8'));
    } catch {
      return undefined;
    }
  }
}

export interface LockOwner {
  pid: number;
  /** /proc/sys/kernel/random/boot_id when it took the lock. */
  boot?: string;
  /** Its start time in clock ticks since boot (/proc/PID/stat, field 22). */
  started?: string;
}

/** "PID boot=ID started=TICKS": the PID first, as older versions wrote it alone. */
export function describeOwner(pid: number): string {
  const boot = bootId();
  const started = startTicks(pid);
  return [String(pid), ...(boot ? [`boot=${boot}`] : []), ...(started ? [`started=${started}`] : [])].join(' ');
}

export function parseOwner(text: string): LockOwner | undefined {
  const [first, ...fields] = text.trim().split(/\s+/);
  const pid = Number.parseInt(first ?? '', 10);
  if (!Number.isFinite(pid)) return undefined;
  const field = (name: string) => fields.find((f) => f.startsWith(`${name}=`))?.slice(name.length + 1);
  return { pid, boot: field('boot'), started: field('started') };
}

/** The owner is this very process, still running: same boot, same start time, alive. */
export function stillRunning(owner: LockOwner): boolean {
  if (owner.boot && bootId() && owner.boot !== bootId()) return false;
  if (owner.started && startTicks(owner.pid) !== owner.started) return false;
  return isAlive(owner.pid);
}

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined; // not Linux
  }
}

function startTicks(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "PID (comm) ": state is field 3, starttime field 22.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** A killed run stays a zombie until its parent reaps it; it holds nothing any more. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false; // no /proc (not Linux): kill(0) is all we know
  }
}
