import { existsSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { dirname } from 'node:path';
import { machineAddresses, type MachineAddress } from './addresses.js';
import { clockFacts, type ClockFacts } from './clock.js';
import { lookupAddresses, type AddressResolver, type DnsAnswer } from './dns.js';
import { readOsRelease, type OsRelease } from './os-release.js';
import { scanListeners, type ListenerScan } from './ports.js';
import type { CommandProbe } from './probe.js';
import { normalizeArch } from './targets.js';
import { withTimeout } from './timeout.js';
import { interruptedBecause, pendingDpkgUpdates } from '../packages/apt-recovery.js';
import { APT_LOCK_FILES, findDnfHolders, findLockHolders, RPM_LOCK_FILES, type LockHolder } from '../packages/locks.js';

/** Read-only facts about this machine, for preflight and the wizard. */
export interface HostFacts {
  isRoot: boolean;
  hasSystemd: boolean;
  /** Undefined when neither /etc/os-release nor /usr/lib/os-release could be read. */
  osRelease?: OsRelease;
  /** dpkg-style: amd64, arm64, ... */
  arch: string;
  memoryBytes: number;
  /** Free space for data (PostgreSQL, Synapse media) under `path`; undefined when it could not be measured. */
  disk?: { path: string; freeBytes: number; totalBytes: number };
  ports: ListenerScan;
  addresses: MachineAddress[];
  /** A/AAAA answers by name. */
  dns: Record<string, DnsAnswer>;
  clock: ClockFacts;
  /** Who else uses the package manager right now, and whether dpkg was left interrupted. */
  packageManager?: PackageManagerFacts;
}

export interface PackageManagerFacts {
  holders: LockHolder[];
  /** Why dpkg counts as interrupted (its journal is not empty), when it does. */
  interrupted?: string;
}

export interface GatherOptions {
  probe: CommandProbe;
  /** Names whose DNS records to look up. */
  names: string[];
  /** Where data will live (default /var). */
  diskPath?: string;
  dnsTimeoutMs?: number;
  resolver?: AddressResolver;
  /** Called with what is known so far: at once (the instant facts), then after each slow one. */
  onProgress?: (progress: GatherProgress) => void;
}

/** Slow facts by name: osRelease, disk, ports, clock, and `dns:<name>` for each name. */
export interface GatherProgress {
  facts: Partial<HostFacts>;
  /** Slow facts whose gathering has finished (the fact may still be absent: it could not be had). */
  settled: ReadonlySet<string>;
}

/** Gathers every fact at once; each one has its own timeout, so this finishes in a few seconds at worst. */
export async function gatherHostFacts(options: GatherOptions): Promise<HostFacts> {
  const names = [...new Set(options.names.filter(Boolean))];
  const known: Partial<HostFacts> = {
    isRoot: isRoot(),
    hasSystemd: hasSystemd(),
    arch: normalizeArch(process.arch),
    memoryBytes: totalmem(),
    addresses: machineAddresses(),
    dns: {},
  };
  const settled = new Set<string>();
  const report = () => options.onProgress?.({ facts: known, settled });
  const track = <T>(fact: string, pending: Promise<T>, keep: (value: T) => void): Promise<T> =>
    pending.then((value) => {
      keep(value);
      settled.add(fact);
      report();
      return value;
    });
  report();
  const [osRelease, disk, ports, clock, answers] = await Promise.all([
    track('osRelease', withTimeout(readOsRelease(), 2000, undefined), (value) => value && (known.osRelease = value)),
    track('disk', freeDisk(options.diskPath ?? '/var'), (value) => value && (known.disk = value)),
    track('ports', scanListeners(options.probe), (value) => (known.ports = value)),
    track('clock', clockFacts(options.probe), (value) => (known.clock = value)),
    Promise.all(
      names.map((name) =>
        track(`dns:${name}`, lookupAddresses(name, { timeoutMs: options.dnsTimeoutMs, resolver: options.resolver }), (value) => (known.dns![value.name] = value)),
      ),
    ),
  ]);
  const facts: HostFacts = {
    isRoot: known.isRoot!,
    hasSystemd: known.hasSystemd!,
    arch: known.arch!,
    memoryBytes: known.memoryBytes!,
    ports,
    addresses: known.addresses!,
    dns: Object.fromEntries(answers.map((answer) => [answer.name, answer])),
    clock,
    packageManager: packageManagerFacts(),
  };
  if (osRelease) facts.osRelease = osRelease;
  if (disk) facts.disk = disk;
  return facts;
}

/** Read from /proc/locks, dnf's lock files and dpkg's journal: no command is run. */
export function packageManagerFacts(): PackageManagerFacts {
  const holders = [...findLockHolders([...APT_LOCK_FILES, ...RPM_LOCK_FILES]), ...findDnfHolders()];
  const interrupted = interruptedBecause({ journal: pendingDpkgUpdates(), audit: '' });
  return { holders, ...(interrupted ? { interrupted } : {}) };
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** systemd is PID 1 (see sd_booted(3)). */
export function hasSystemd(runDir = '/run/systemd/system'): boolean {
  return existsSync(runDir);
}

/** Free bytes (as available to non-root writers) on the filesystem holding `path`, or its nearest existing parent. */
export async function freeDisk(path: string, timeoutMs = 2000): Promise<HostFacts['disk']> {
  let current = path;
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
  const measure = async () => {
    const stats = await statfs(current);
    return { path: current, freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
  };
  return withTimeout<HostFacts['disk']>(measure(), timeoutMs, undefined);
}
