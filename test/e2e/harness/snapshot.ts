import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Container } from './container.js';

/** What an install writes, compared byte for byte between runs. */
export const INSTALL_PATHS = [
  '/etc/matrix-synapse',
  '/etc/nginx',
  '/etc/letsencrypt',
  '/var/www',
  '/etc/postgresql',
  '/etc/matrix-setup',
  '/etc/systemd/system',
  '/etc/apt/sources.list.d',
  '/var/lib/matrix-setup',
  '/etc/turnserver.conf',
  '/etc/coturn',
];

/** Run bookkeeping that every run rewrites by design (when it ran, which log): not config. */
const RUN_RECORDS = new Set(['/var/lib/matrix-setup/state.json', '/var/lib/matrix-setup/lock']);

/** path → "file <mode> <uid>:<gid> <sha256>" | "link -> target" | "dir <mode> <uid>:<gid>", for every path under INSTALL_PATHS. */
export async function fileChecksums(container: Container, paths = INSTALL_PATHS): Promise<Map<string, string>> {
  const sums = new Map<string, string>();
  const walk = (containerPath: string, hostPath: string) => {
    if (RUN_RECORDS.has(containerPath)) return;
    let stat;
    try {
      stat = lstatSync(hostPath);
    } catch {
      return;
    }
    const owner = `${(stat.mode & 0o7777).toString(8)} ${stat.uid}:${stat.gid}`;
    if (stat.isSymbolicLink()) sums.set(containerPath, `link -> ${readlinkSync(hostPath)}`);
    else if (stat.isFile()) sums.set(containerPath, `file ${owner} ${createHash('sha256').update(readFileSync(hostPath)).digest('hex')}`);
    else if (stat.isDirectory()) {
      sums.set(containerPath, `dir ${owner}`);
      for (const name of readdirSync(hostPath).sort()) walk(`${containerPath}/${name}`, join(hostPath, name));
    }
  };
  for (const path of paths) walk(path, container.hostPath(path));
  return sums;
}

/** Paths added, removed or different between two snapshots. */
export function diffChecksums(before: Map<string, string>, after: Map<string, string>): string[] {
  const diffs: string[] = [];
  for (const [path, sum] of before) {
    if (!after.has(path)) diffs.push(`removed ${path}`);
    else if (after.get(path) !== sum) diffs.push(`changed ${path}: ${sum} -> ${after.get(path)}`);
  }
  for (const path of after.keys()) if (!before.has(path)) diffs.push(`added ${path}`);
  return diffs;
}

export const SERVICES = ['matrix-synapse', 'nginx', 'postgresql', 'postgresql@*', 'coturn'];

/** unit → when it last entered "active" (monotonic µs) and its main PID: a restart changes both. */
export async function serviceStarts(container: Container): Promise<Record<string, string>> {
  const result = await container.exec(
    ['systemctl', 'show', '--all', '-p', 'Id,ActiveEnterTimestampMonotonic,MainPID,ExecMainStartTimestampMonotonic', ...SERVICES],
    { okExitCodes: [0, 1] },
  );
  const units: Record<string, string> = {};
  for (const block of result.stdout.trim().split(/\n\n+/)) {
    const props = Object.fromEntries(block.split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2)));
    if (props.Id) units[props.Id] = `active since ${props.ActiveEnterTimestampMonotonic}, main PID ${props.MainPID}, started ${props.ExecMainStartTimestampMonotonic}`;
  }
  return units;
}
