import { basename } from 'node:path';
import type { LockHolder } from './locks.js';

/**
 * How apt, dpkg, debconf and dnf say that another process holds a lock, e.g.
 * "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 637 (unattended-upgr)",
 * "dpkg: error: dpkg frontend lock was locked by /usr/bin/perl process with pid 637" (older: "by another process"),
 * "debconf: DbDriver "config": /var/cache/debconf/config.dat is locked by another process".
 */
const LOCKED =
  /Could not get lock|Unable to acquire the dpkg frontend lock|Unable to lock (?:the administration )?directory|locked by another process|lock was locked by .* with pid \d+|Waiting for process with pid \d+ to finish/i;

/** apt and dpkg refusing to work on after a dpkg run that was killed. */
// The second: dpkg meeting a package a kill left mid-unpack (apt-get check does not see it).
const INTERRUPTED = /dpkg was interrupted, you must manually run '(?:sudo )?dpkg --configure -a'|package is in a very bad inconsistent state/;

export function saysLocked(output: string[]): boolean {
  return output.some((line) => LOCKED.test(line));
}

/** apt refusing to install because of packages left broken: "E: Unmet dependencies. Try 'apt --fix-broken install'". */
const BROKEN = /Unmet dependencies|--fix-broken install|apt-get -f install|needs to be reinstalled/;

export function saysInterrupted(output: string[]): boolean {
  return output.some((line) => INTERRUPTED.test(line));
}

export function saysBroken(output: string[]): boolean {
  return output.some((line) => BROKEN.test(line));
}

/** The holders apt and dpkg name in their lock messages (apt truncates the name to 15 characters, as the kernel does). */
export function holdersNamedIn(output: string[]): LockHolder[] {
  const holders: LockHolder[] = [];
  for (const line of output) {
    const apt = /Could not get lock (\S+?)\.? It is held by process (\d+) \(([^)]*)\)/.exec(line);
    if (apt) holders.push({ pid: Number(apt[2]), name: apt[3] || 'an unknown process', lock: apt[1] });
    const dpkg = /dpkg (frontend )?lock was locked by (?:another process|(\S+) process) with pid (\d+)/.exec(line);
    if (dpkg) holders.push({ pid: Number(dpkg[3]), name: dpkg[2] ? basename(dpkg[2]) : 'an unknown process', lock: dpkg[1] ? '/var/lib/dpkg/lock-frontend' : '/var/lib/dpkg/lock' });
  }
  return holders;
}
