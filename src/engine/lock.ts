import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { LockedError } from '../errors.js';

/**
 * An exclusive lock file holding the owner's PID. A lock left by a process that no longer
 * exists (a run killed with SIGKILL) is taken over; a live owner makes this run refuse.
 */
export class RunLock {
  private held = false;

  constructor(readonly file: string) {}

  acquire(): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = openSync(this.file, 'wx', 0o600);
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        this.held = true;
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = this.owner();
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) throw new LockedError(owner, this.file);
      try {
        unlinkSync(this.file);
      } catch {
        // Someone else removed it first; try again.
      }
    }
    throw new LockedError(this.owner() ?? 0, this.file);
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    try {
      if (this.owner() === process.pid) unlinkSync(this.file);
    } catch {
      // Already gone.
    }
  }

  private owner(): number | undefined {
    try {
      const pid = Number.parseInt(readFileSync(this.file, 'utf8').trim(), 10);
      return Number.isFinite(pid) ? pid : undefined;
    } catch {
      return undefined;
    }
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
