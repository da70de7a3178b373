import { linkSync, lstatSync, mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { StepError } from '../errors.js';

/** matrix-setup-backup-<server_name>-<UTC time>.tar */
export function archiveName(serverName: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `matrix-setup-backup-${serverName.replace(/[^A-Za-z0-9.-]/g, '_')}-${stamp}.tar`;
}

/** An unfinished archive or its database dump, named with the PID of the run writing it. */
const PARTIAL = /^\.matrix-setup-backup-.+\.(\d+)\.(partial|dump)$/;

/** The directory exists (0700 when created here), is a real directory, and holds nothing a dead backup run left. */
export function prepareDirectory(directory: string): void {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const stat = lstatSync(directory);
  if (!stat.isDirectory()) {
    throw new StepError(`${directory} is not a directory${stat.isSymbolicLink() ? ' (it is a symlink)' : ''}.`, { hint: 'Choose another directory with --to DIR.' });
  }
  for (const name of readdirSync(directory)) {
    const pid = PARTIAL.exec(name)?.[1];
    if (!pid || isAlive(Number(pid))) continue;
    const path = join(directory, name);
    if (lstatSync(path).isFile()) unlinkSync(path);
  }
}

/** Gives the finished archive its name without ever replacing a file (a second backup in the same second gets -2). */
export function publish(partial: string, directory: string, finalName: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? finalName : finalName.replace(/\.tar$/, `-${n}.tar`);
    const path = join(directory, name);
    try {
      linkSync(partial, path);
      unlinkSync(partial);
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
