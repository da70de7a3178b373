import { readFileSync } from 'node:fs';
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
