import { basename } from 'node:path';
import { CommandFailedError } from '../errors.js';
import type { CommandOptions, CommandResult, Executor } from '../exec/executor.js';
import type { Family } from '../host/target.js';
import { recoverApt, type RecoveryReport } from './apt-recovery.js';
import { holdersNamedIn, saysBroken, saysInterrupted, saysLocked } from './command-output.js';
import { recoverDnf } from './dnf-recovery.js';
import { minutesAndSeconds } from './format.js';
import { PackageManagerBusyError, REAL_CLOCK, waitForPackageManager, type Clock } from './lock-wait.js';
import { packageLockHolders, type LockHolder } from './locks.js';

const ALWAYS = new Set(['apt-get', 'apt', 'aptitude', 'debconf-set-selections', 'dpkg-reconfigure', 'dnf', 'yum', 'microdnf']);
const DPKG_ACTIONS = /^(?:-i|--install|--unpack|--configure|-r|--remove|-P|--purge|--triggers-only)$/;

/** Commands that take the package manager's locks (apt, dpkg's actions, debconf-set-selections, dnf, rpm's transactions). */
export function changesPackages(argv: string[]): boolean {
  const program = basename(argv[0] ?? '');
  if (ALWAYS.has(program)) return true;
  if (program === 'dpkg') return argv.some((arg) => DPKG_ACTIONS.test(arg));
  if (program === 'rpm') return argv.some((arg) => /^--(?:install|upgrade|freshen|erase|import|rebuilddb)$/.test(arg) || (/^-[a-zA-Z]+$/.test(arg) && /[iUFe]/.test(arg) && !arg.includes('q')));
  return false;
}

export interface PackageManagerGuardOptions {
  family: Family;
  /** How long to wait for another process to release the locks, each time (0: not at all). */
  limitMs: number;
  signal: AbortSignal;
  /** Another process holds the locks: who, and for how long matrix-setup has waited. */
  waiting(holders: LockHolder[], waitedMs: number, limitMs: number): void;
  note(message: string, level: 'info' | 'warn'): void;
  holders?: () => LockHolder[];
  /** The repair of an interrupted package manager (default: dpkg/apt or rpm/dnf's, by family). */
  recover?: (exec: Executor, report: RecoveryReport) => Promise<void>;
  clock?: Clock;
}

/**
 * Every command of a run goes through this. Commands that change packages first wait while
 * another process (unattended-upgrades, apt-daily, cloud-init, another admin) holds the
 * package manager's locks, visibly and up to a limit; before the run's first one, an
 * interrupted dpkg (or rpm/dnf) is repaired. A command that still meets a lock (someone
 * took it in between) is run again after waiting; one that meets an interrupted dpkg or
 * broken packages, once more after a repair. Everything else passes through untouched.
 */
export class PackageManagerGuard implements Executor {
  private repaired = false;
  private readonly clock: Clock;
  private readonly holders: () => LockHolder[];
  private readonly recover: (exec: Executor, report: RecoveryReport) => Promise<void>;

  constructor(
    private readonly inner: Executor,
    private readonly options: PackageManagerGuardOptions,
  ) {
    this.clock = options.clock ?? REAL_CLOCK;
    this.holders = options.holders ?? (() => packageLockHolders(options.family));
    this.recover = options.recover ?? (options.family === 'debian' ? recoverApt : recoverDnf);
  }

  async run(argv: string[], options: CommandOptions = {}): Promise<CommandResult> {
    if (options.probe || !changesPackages(argv)) return this.inner.run(argv, options);
    const since = this.clock.now();
    let repairedForThis = false;
    for (;;) {
      await this.waitUntilFree(since);
      try {
        if (!this.repaired) {
          await this.recover(this.inner, { note: (message) => this.options.note(message, 'warn'), afterFailure: repairedForThis });
          this.repaired = true;
        }
        return await this.inner.run(argv, options);
      } catch (error) {
        if (!(error instanceof CommandFailedError)) throw error;
        const output = error.info.outputTail ?? [];
        if (saysLocked(output)) {
          await this.pauseForHolder(since, holdersNamedIn(output), error);
          continue;
        }
        if ((saysInterrupted(output) || saysBroken(output)) && !repairedForThis) {
          // Another process was killed mid-dpkg after this run's own check, or packages were left broken.
          repairedForThis = true;
          this.repaired = false;
          continue;
        }
        throw error;
      }
    }
  }

  private async waitUntilFree(since: number): Promise<void> {
    const waited = await waitForPackageManager(this.holders, {
      limitMs: this.options.limitMs,
      startedAt: since,
      signal: this.options.signal,
      clock: this.clock,
      report: (holders, waitedMs) => this.options.waiting(holders, waitedMs, this.options.limitMs),
    });
    if (waited > 0) this.options.note(`The package manager is free again (waited ${minutesAndSeconds(waited)}); continuing.`, 'info');
  }

  /**
   * The command met a lock that was free a moment before (or whose holder /proc does not
   * show, as from another PID namespace): wait a little with apt's own account of the holder.
   */
  private async pauseForHolder(since: number, named: LockHolder[], error: CommandFailedError): Promise<void> {
    const waited = this.clock.now() - since;
    const holders = named.length > 0 ? named : [{ pid: 0, name: 'another process', lock: 'the package manager lock' }];
    if (waited >= this.options.limitMs) {
      if (named.length === 0) throw error;
      throw new PackageManagerBusyError(holders, waited);
    }
    this.options.waiting(holders, waited, this.options.limitMs);
    await this.clock.sleep(Math.min(2000, this.options.limitMs - waited), this.options.signal);
  }
}
