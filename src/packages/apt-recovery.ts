import { readdirSync } from 'node:fs';
import type { Localized } from '../i18n/localized.js';
import { packageText as t } from '../i18n/messages/packages.js';
import { CommandFailedError, StepError } from '../errors.js';
import { saysLocked } from './command-output.js';
import { runRepair } from './repair-command.js';
import { ANY_EXIT_CODE, type Executor } from '../exec/executor.js';

/** dpkg's journal of unfinished database updates: not empty after a dpkg that was killed. */
export const DPKG_UPDATES_DIR = '/var/lib/dpkg/updates';

/** Keep the configuration files that are there, and take the package's default where dpkg would ask. */
export const KEEP_CONFIG_FILES = ['-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold'];

/** Finishes what an interrupted dpkg left unpacked or half-configured, asking nothing. */
export const CONFIGURE_PENDING = ['dpkg', '--force-confdef', '--force-confold', '--configure', '-a'];

/** Installs what broken dependencies need (or reinstalls a package killed mid-unpack), asking nothing. */
export const FIX_BROKEN = ['apt-get', '-f', 'install', '-y', '-q', ...KEEP_CONFIG_FILES];

/** Every package dpkg knows, with its status abbreviation ("ii ", "iUR", ...). */
export const LIST_STATUS = ['dpkg-query', '-W', '-f', '${db:Status-Abbrev}\\t${binary:Package}\\n'];

/** Unpacks and configures `packages` again from their archives, asking nothing and keeping the configuration files that are there. */
export function reinstallCommand(packages: string[]): string[] {
  return ['apt-get', 'install', '--reinstall', '-y', '-q', ...KEEP_CONFIG_FILES, ...packages];
}

export const AUDIT = ['dpkg', '--audit'];
export const CHECK = ['apt-get', 'check', '-q'];

/** The journal's numbered entries (dpkg ignores a leftover tmp.i, the entry it was writing when killed). */
export function pendingDpkgUpdates(dir = DPKG_UPDATES_DIR): string[] {
  try {
    return readdirSync(dir).filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
}

export interface DpkgState {
  /** Entries in /var/lib/dpkg/updates. */
  journal: string[];
  /** What `dpkg --audit` printed (nothing when the database is consistent). */
  audit: string;
}

/** Why dpkg needs `--configure -a` before anything else can be installed, or undefined when it does not. */
export function interruptedBecause(state: DpkgState): Localized | undefined {
  if (state.journal.length > 0) return t.journalPending({ dir: DPKG_UPDATES_DIR, count: state.journal.length });
  const first = state.audit.split('\n').find((line) => line.trim() !== '');
  if (first) return t.auditReports({ line: first.trim() });
  return undefined;
}

/**
 * The packages a kill in the middle of unpacking left behind: marked reinst-required (third
 * letter R) or half-installed (second letter H). `dpkg --configure -a` cannot finish them ("in a
 * very bad inconsistent state; it should be reinstalled"), `apt-get check` and `apt-get -f install`
 * do not see them; only a reinstall can.
 */
export function reinstallRequired(listing: string): string[] {
  return listing
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([abbrev, name]) => name && abbrev && (abbrev[1] === 'H' || abbrev[2] === 'R'))
    .map(([, name]) => name.trim());
}

/** `apt-get check` exits non-zero for unmet dependencies, a package that must be reinstalled, or an interrupted dpkg. */
export function aptReportsBroken(check: { exitCode: number }): boolean {
  return check.exitCode !== 0;
}

export interface RecoveryReport {
  note(message: Localized): void;
  /** Set when a package command just failed in a way a repair may fix: check apt's dependencies even if dpkg looks consistent. */
  afterFailure?: boolean;
  /** dpkg's journal (default: the entries of /var/lib/dpkg/updates). */
  journal?: () => string[];
}

/**
 * The documented recovery after a dpkg that was killed (OOM killer, a lost SSH session, a
 * console reset), run before the run's first package operation: `dpkg --configure -a` when
 * dpkg's journal or audit says it was interrupted, a reinstall of any package it was killed
 * unpacking, then `apt-get -f install` when apt still reports broken packages. Both keep existing configuration files and ask nothing. When
 * recovery fails, the error carries its output and the commands to run by hand.
 * A consistent dpkg costs one `dpkg --audit`; apt's own check (about a second) runs only after
 * a repair or a failed package command. Call it only while nobody else holds the locks.
 */
export async function recoverApt(exec: Executor, report: RecoveryReport): Promise<void> {
  const audit = await exec.run(AUDIT, { probe: true, okExitCodes: ANY_EXIT_CODE });
  const reason = interruptedBecause({ journal: (report.journal ?? pendingDpkgUpdates)(), audit: audit.stdout });
  if (reason) {
    report.note(t.dpkgInterrupted({ reason }));
    await completeInterruptedDpkg(exec, report);
  } else if (!report.afterFailure) {
    return;
  }
  const check = await aptCheck(exec);
  if (!aptReportsBroken(check)) return;
  const why = lastMeaningfulLine(`${check.stdout}\n${check.stderr}`);
  report.note(why ? t.aptBrokenBecause({ why }) : t.aptBroken);
  await runRepair(exec, FIX_BROKEN, t.aptManualRepair);
  const after = await aptCheck(exec);
  if (aptReportsBroken(after)) {
    throw new StepError(t.aptStillBroken, {
      argv: CHECK,
      exitCode: after.exitCode,
      outputTail: `${after.stdout}\n${after.stderr}`.split('\n').filter((l) => l.trim()).slice(-15),
      hint: t.aptManualRepair,
    });
  }
}

/**
 * `dpkg --configure -a`, then a reinstall of what a kill mid-unpack left: that is what makes
 * `--configure -a` fail, so its failure stops the run only when nothing is left to reinstall or
 * when it fails again afterwards.
 */
async function completeInterruptedDpkg(exec: Executor, report: RecoveryReport): Promise<void> {
  const configured = await runRepair(exec, CONFIGURE_PENDING, t.aptManualRepair).then(
    () => undefined,
    (error: unknown) => {
      if (error instanceof StepError && !(error instanceof CommandFailedError)) return error;
      throw error;
    },
  );
  const listing = await exec.run(LIST_STATUS, { probe: true, okExitCodes: ANY_EXIT_CODE });
  const packages = reinstallRequired(listing.stdout);
  if (packages.length === 0) {
    if (configured) throw configured;
    return;
  }
  report.note(t.reinstallingHalfInstalled({ count: packages.length, packages: packages.join(', ') }));
  await runRepair(exec, reinstallCommand(packages), t.aptManualRepair);
  if (configured) await runRepair(exec, CONFIGURE_PENDING, t.aptManualRepair);
}

/** `apt-get check` takes apt's lock: another process that took it meanwhile is the caller's to wait for (a CommandFailedError saying so). */
async function aptCheck(exec: Executor) {
  const check = await exec.run(CHECK, { probe: true, okExitCodes: ANY_EXIT_CODE });
  const output = `${check.stdout}\n${check.stderr}`.split('\n');
  if (check.exitCode !== 0 && saysLocked(output)) throw new CommandFailedError(CHECK, check.exitCode, output.slice(-10));
  return check;
}

function lastMeaningfulLine(text: string): string | undefined {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => /^E:|^W:/.test(l));
  return lines.at(-1)?.replace(/^E:\s*/, '');
}
