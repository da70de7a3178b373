import type { Executor, CommandOptions } from '../../src/exec/executor.js';
import { refreshCommand } from '../../src/engine/actions/packages.js';

/**
 * Every package-manager command the upgrade and the rollback run, in one place: what apt
 * offers (apt-cache policy), what it would change (a simulation), and the one-package
 * install of an exact version. Nothing here ever runs a whole-system upgrade.
 */

/** Keep the admin's edits of a package's conffiles (homeserver.yaml, log.yaml) without asking. */
const KEEP_CONFFILES = ['-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold'];

export const APT_INSTALL_TIMEOUT_MS = 30 * 60_000;

export function aptRefreshArgv(): string[] {
  return refreshCommand('apt');
}

export function installedVersionArgv(packageName: string): string[] {
  return ['dpkg-query', '-W', '-f=${Version}', packageName];
}

export function aptPolicyArgv(packageName: string): string[] {
  return ['apt-cache', 'policy', packageName];
}

/**
 * The Synapse package at exactly `version` and whatever that version needs, nothing else:
 * `--only-upgrade` refuses to install it if it is not installed already.
 */
export function aptUpgradeArgv(packageName: string, version: string): string[] {
  return ['apt-get', 'install', '-y', '-q', '--only-upgrade', '--no-install-recommends', ...KEEP_CONFFILES, `${packageName}=${version}`];
}

/** Back to a kept .deb file (or, without one, the version from the package sources). */
export function aptDowngradeArgv(packageName: string, version: string, debFile?: string): string[] {
  return ['apt-get', 'install', '-y', '-q', '--allow-downgrades', '--no-install-recommends', ...KEEP_CONFFILES, debFile ?? `${packageName}=${version}`];
}

/** The same install, simulated: what apt would install, upgrade and remove (read-only, works as any user). */
export function simulateArgv(argv: string[]): string[] {
  const [apt, install, ...rest] = argv;
  return [apt, '-s', install, ...rest.filter((arg) => arg !== '-y' && arg !== '-q')];
}

/** `apt-get download` keeps the installed version's .deb for a rollback (run in the directory it goes to). */
export function aptDownloadArgv(packageName: string, version: string): string[] {
  return ['apt-get', 'download', '-q', `${packageName}=${version}`];
}

/**
 * Runs a command that takes apt's lock. The one place to wait for a busy package manager
 * (another apt, unattended-upgrades) before the upgrade or rollback changes packages.
 */
export function runApt(exec: Executor, argv: string[], options: CommandOptions = {}) {
  return exec.run(argv, {
    timeoutMs: APT_INSTALL_TIMEOUT_MS,
    hint: 'Check the output above: a held or broken package (`apt-get -f install`), a full disk, an unreachable mirror, or another package manager holding the lock.',
    ...options,
  });
}

export interface AptPolicy {
  installed?: string;
  candidate?: string;
  /** Every version apt knows, newest first, with where it comes from ("/var/lib/dpkg/status" is the installed one only). */
  versions: Array<{ version: string; sources: string[] }>;
}

/** Parses `apt-cache policy PACKAGE` (LANG=C). */
export function parseAptPolicy(text: string): AptPolicy {
  const none = (value: string | undefined) => (value === undefined || value === '(none)' ? undefined : value);
  const installed = none(/^\s*Installed: (\S+)/m.exec(text)?.[1]);
  const candidate = none(/^\s*Candidate: (\S+)/m.exec(text)?.[1]);
  const versions: AptPolicy['versions'] = [];
  const table = text.split(/^\s*Version table:\s*$/m)[1] ?? '';
  for (const line of table.split('\n')) {
    const version = /^\s{1,8}(?:\*\*\* )?(\S+) (-?\d+)\s*$/.exec(line);
    if (version && !/^\d+$/.test(version[1])) {
      versions.push({ version: version[1], sources: [] });
      continue;
    }
    const source = /^\s+-?\d+ (.+?)\s*$/.exec(line);
    if (source && versions.length > 0) versions[versions.length - 1].sources.push(source[1]);
  }
  return { installed, candidate, versions };
}

/** Whether apt can fetch `version` from a package source (not only knows it as the installed one). */
export function downloadable(policy: AptPolicy, version: string): boolean {
  const entry = policy.versions.find((v) => v.version === version);
  return !!entry && entry.sources.some((source) => source !== '/var/lib/dpkg/status');
}

export interface SimulatedChange {
  action: 'install' | 'upgrade' | 'downgrade' | 'remove';
  name: string;
  from?: string;
  to?: string;
}

/** Parses `apt-get -s install …`: "Inst pkg [old] (new …)", "Remv pkg [old]". */
export function parseSimulation(text: string): SimulatedChange[] {
  const changes: SimulatedChange[] = [];
  for (const line of text.split('\n')) {
    let m = /^Inst (\S+) (?:\[(\S+)\] )?\((\S+)/.exec(line);
    if (m) {
      changes.push({ action: m[2] === undefined ? 'install' : 'upgrade', name: m[1], ...(m[2] ? { from: m[2] } : {}), to: m[3] });
      continue;
    }
    m = /^Remv (\S+)(?: \[(\S+)\])?/.exec(line);
    if (m) changes.push({ action: 'remove', name: m[1], ...(m[2] ? { from: m[2] } : {}) });
  }
  return changes;
}

/** One line per change, for the plan and the log. */
export function describeChange(change: SimulatedChange): string {
  switch (change.action) {
    case 'install':
      return `install ${change.name} ${change.to}`;
    case 'remove':
      return `REMOVE ${change.name}${change.from ? ` ${change.from}` : ''}`;
    default:
      return `${change.name} ${change.from} → ${change.to}`;
  }
}
