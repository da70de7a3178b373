import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Family } from '../host/target.js';

/** A process that holds one of the package manager's locks. */
export interface LockHolder {
  pid: number;
  /** The program, e.g. "unattended-upgrade" (from its command line; an interpreter's script name when it is one). */
  name: string;
  /** The lock file it holds. */
  lock: string;
}

/**
 * apt's and dpkg's locks are fcntl (POSIX) record locks: lock-frontend and lock for dpkg,
 * the lists and archives locks for `apt-get update` and downloads. debconf flocks its
 * databases while a package is being configured (and while debconf-set-selections runs).
 */
export const APT_LOCK_FILES = [
  '/var/lib/dpkg/lock-frontend',
  '/var/lib/dpkg/lock',
  '/var/lib/apt/lists/lock',
  '/var/cache/apt/archives/lock',
  '/var/cache/debconf/config.dat',
  '/var/cache/debconf/templates.dat',
  '/var/cache/debconf/passwords.dat',
];

/**
 * rpm takes an fcntl lock on its database's .rpm.lock during a transaction (the database
 * moved to /usr/lib/sysimage/rpm on RHEL 10). Not exercised here: no RHEL host is at hand.
 */
export const RPM_LOCK_FILES = ['/var/lib/rpm/.rpm.lock', '/usr/lib/sysimage/rpm/.rpm.lock'];

/**
 * dnf 4 (RHEL 8/9) keeps its own locks as PID files and waits, without a limit, for a live
 * PID in one of them ("Waiting for process with pid N to finish."). dnf 5 (RHEL 10) uses
 * /run/dnf. Paths from dnf's source; not exercised here.
 */
export const DNF_PID_FILES = ['/var/cache/dnf/metadata_lock.pid', '/var/cache/dnf/download_lock.pid', '/var/lib/dnf/rpmdb_lock.pid', '/var/log/log_lock.pid'];

export function lockFilesFor(family: Family): string[] {
  return family === 'debian' ? APT_LOCK_FILES : RPM_LOCK_FILES;
}

/** One line of /proc/locks. */
export interface KernelLock {
  type: string;
  pid: number;
  major: number;
  minor: number;
  inode: number;
}

/**
 * Parses /proc/locks ("1: POSIX  ADVISORY  WRITE 637 fd:01:1234 0 EOF"; a process waiting
 * for a lock is listed as "1: -> POSIX ..."; waiters are skipped: they hold nothing).
 * Device numbers are hex, the inode decimal. OFD locks have no owner PID (-1).
 */
export function parseProcLocks(text: string): KernelLock[] {
  const locks: KernelLock[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 6 || fields[1] === '->') continue;
    const [, type, , , pid, where] = fields;
    const m = /^([0-9a-f]+):([0-9a-f]+):(\d+)$/i.exec(where);
    if (!m) continue;
    locks.push({ type, pid: Number(pid), major: Number.parseInt(m[1], 16), minor: Number.parseInt(m[2], 16), inode: Number(m[3]) });
  }
  return locks;
}

/** The machine as lock probing sees it; tests pass a fake. */
export interface LockSystem {
  procLocks(): string;
  /** Device and inode of a file, or undefined when it does not exist. */
  identify(path: string): { major: number; minor: number; inode: number } | undefined;
  /** True when the process has `path` open (the owner of a POSIX lock always has). */
  hasOpen(pid: number, path: string): boolean;
  commandLine(pid: number): string[] | undefined;
  pidFile(path: string): number | undefined;
  alive(pid: number): boolean;
}

/** Which processes hold any of `files` locked. Never throws: an unreadable /proc means "nobody seen". */
export function findLockHolders(files: string[], system: LockSystem = LOCAL_LOCKS, ownPid = process.pid): LockHolder[] {
  let locks: KernelLock[];
  try {
    locks = parseProcLocks(system.procLocks());
  } catch {
    return [];
  }
  const holders: LockHolder[] = [];
  for (const file of files) {
    const id = system.identify(file);
    if (!id) continue;
    for (const lock of locks) {
      if (lock.inode !== id.inode || lock.pid <= 0 || lock.pid === ownPid) continue;
      // The device in /proc/locks is the filesystem's; on overlayfs or btrfs subvolumes stat shows
      // another one, so a differing device is confirmed through the holder's open files instead.
      if ((lock.major !== id.major || lock.minor !== id.minor) && !system.hasOpen(lock.pid, file)) continue;
      if (holders.some((h) => h.pid === lock.pid && h.lock === file)) continue;
      holders.push({ pid: lock.pid, name: programName(system.commandLine(lock.pid)), lock: file });
    }
  }
  return holders;
}

/** dnf's PID-file locks whose process is alive. */
export function findDnfHolders(system: LockSystem = LOCAL_LOCKS, ownPid = process.pid): LockHolder[] {
  const holders: LockHolder[] = [];
  for (const file of DNF_PID_FILES) {
    const pid = system.pidFile(file);
    if (pid === undefined || pid === ownPid || !system.alive(pid)) continue;
    holders.push({ pid, name: programName(system.commandLine(pid)), lock: file });
  }
  return holders;
}

/** Every holder of the package manager's locks for this family. */
export function packageLockHolders(family: Family, system: LockSystem = LOCAL_LOCKS): LockHolder[] {
  const holders = findLockHolders(lockFilesFor(family), system);
  return family === 'rhel' ? [...holders, ...findDnfHolders(system)] : holders;
}

const INTERPRETERS = /^(python[\d.]*|perl[\d.]*|ruby[\d.]*|node|sh|bash|dash)$/;

/** "unattended-upgrade" for `/usr/bin/python3 /usr/bin/unattended-upgrade`; "apt-get" for `apt-get install x`. */
export function programName(argv: string[] | undefined): string {
  if (!argv || argv.length === 0 || !argv[0]) return 'an unknown process';
  const program = basename(argv[0]);
  if (INTERPRETERS.test(program)) {
    const script = argv.slice(1).find((arg) => !arg.startsWith('-'));
    // `perl -e CODE` or `python3 -c CODE` has no script: the interpreter is the best name.
    if (script && !argv.slice(1).some((arg) => arg === '-e' || arg === '-c')) return basename(script);
  }
  return program;
}

/** "unattended-upgrade (PID 637)", several joined. */
export function describeHolders(holders: LockHolder[]): string {
  const seen = new Map<number, LockHolder>();
  for (const holder of holders) if (!seen.has(holder.pid)) seen.set(holder.pid, holder);
  return [...seen.values()].map((h) => `${h.name} (PID ${h.pid})`).join(', ');
}

function devMajor(dev: bigint): number {
  return Number(((dev >> 8n) & 0xfffn) | ((dev >> 32n) & ~0xfffn));
}

function devMinor(dev: bigint): number {
  return Number((dev & 0xffn) | ((dev >> 12n) & ~0xffn));
}

export const LOCAL_LOCKS: LockSystem = {
  procLocks: () => readFileSync('/proc/locks', 'utf8'),
  identify(path) {
    try {
      const stat = statSync(path, { bigint: true });
      return { major: devMajor(stat.dev), minor: devMinor(stat.dev), inode: Number(stat.ino) };
    } catch {
      return undefined;
    }
  },
  hasOpen(pid, path) {
    try {
      return readdirSync(`/proc/${pid}/fd`).some((fd) => {
        try {
          return readlinkSync(`/proc/${pid}/fd/${fd}`) === path;
        } catch {
          return false;
        }
      });
    } catch {
      return false;
    }
  },
  commandLine(pid) {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      if (argv.length > 0) return argv;
      return [readFileSync(`/proc/${pid}/comm`, 'utf8').trim()];
    } catch {
      return undefined;
    }
  },
  pidFile(path) {
    try {
      const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  },
  alive(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
};
