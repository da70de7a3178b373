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
