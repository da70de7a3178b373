import { readdirSync, readFileSync } from 'node:fs';
import type { Container } from './container.js';
import type { ProcessInfo } from './process-tree.js';

/**
 * True while dpkg unpacks or configures packages for apt in this process tree: apt runs it with
 * --status-fd for that. (apt also runs dpkg for a moment to ask for the architectures, which
 * is no point to kill at.)
 */
export function dpkgInstalling(tree: ProcessInfo[]): boolean {
  return tree.some((info) => info.comm === 'dpkg' && commandLine(info.pid).includes('--status-fd'));
}

function commandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

/**
 * Unfinished updates in dpkg's journal (/var/lib/dpkg/updates): once there are some, a kill
 * leaves dpkg interrupted (`dpkg was interrupted, you must manually run 'dpkg --configure -a'`);
 * a kill before the first one leaves nothing to repair.
 */
export function dpkgJournalEntries(container: Container): number {
  try {
    return readdirSync(container.hostPath('/var/lib/dpkg/updates')).filter((name) => /^\d+$/.test(name)).length;
  } catch {
    return 0;
  }
}

/**
 * The package dpkg is unpacking when its journal's newest entry marks it reinst-required
 * ("install reinstreq half-installed" while its files go in, "install reinstreq unpacked" for a
 * moment after): killed there, dpkg leaves a package only a reinstall can finish.
 */
export function dpkgMidUnpack(container: Container): { package: string; status: string } | undefined {
  try {
    const dir = container.hostPath('/var/lib/dpkg/updates');
    const newest = readdirSync(dir).filter((name) => /^\d+$/.test(name)).sort().at(-1);
    if (!newest) return undefined;
    const entry = readFileSync(`${dir}/${newest}`, 'utf8');
    const status = /^Status: (.*)$/m.exec(entry)?.[1];
    const name = /^Package: (.*)$/m.exec(entry)?.[1];
    if (!status || !name || !/ reinstreq /.test(status)) return undefined;
    return { package: name, status };
  } catch {
    return undefined; // the entry was consolidated between listing and reading
  }
}
