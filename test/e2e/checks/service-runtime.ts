// Checks on services as they really run: the allocator Synapse loaded (its /proc/PID/maps) and
// what coturn said about its configuration when it started (its journal). The runner decides
// where commands run (host or container).
import type { CommandRunner } from './turn.js';

/**
 * Lines where coturn rejected or discouraged an option: an unknown one ("Bad configuration
 * format: no-tlsv1" since coturn 4.7) or a deprecated one ("no-cli option is deprecated").
 */
export function coturnComplaints(log: string): string[] {
  return log.split('\n').filter((line) => /Bad configuration format|\bdeprecated\b/i.test(line));
}

/** Paths of the jemalloc libraries mapped into a process, from its /proc/PID/maps. */
export function mappedJemalloc(maps: string): string[] {
  const paths = maps
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[5] ?? '')
    .filter((path) => /\/libjemalloc[^/]*\.so[^/]*$/.test(path));
  return [...new Set(paths)];
}

/** The main PID of a systemd unit; fails when the unit has none (not running). */
export async function mainPid(run: CommandRunner, unit: string): Promise<number> {
  const result = await run(['systemctl', 'show', unit, '-p', 'MainPID', '--value']);
  const pid = Number(result.stdout.trim());
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`${unit} has no main process (MainPID=${result.stdout.trim()})`);
  return pid;
}

/** Which jemalloc the running service has mapped (empty: it runs on glibc's malloc), and its environment's LD_PRELOAD. */
export async function serviceJemalloc(run: CommandRunner, unit: string): Promise<{ pid: number; mapped: string[]; preload?: string }> {
  const pid = await mainPid(run, unit);
  const maps = await run(['cat', `/proc/${pid}/maps`]);
  if (maps.exitCode !== 0) throw new Error(`cannot read /proc/${pid}/maps: ${maps.stderr ?? ''}`);
  const environ = await run(['cat', `/proc/${pid}/environ`]);
  const preload = environ.stdout.split('\0').find((entry) => entry.startsWith('LD_PRELOAD='));
  return { pid, mapped: mappedJemalloc(maps.stdout), preload: preload?.slice('LD_PRELOAD='.length) };
}

/** coturn's log since boot from the journal, and the lines where it complained about an option. */
export async function coturnJournal(run: CommandRunner, unit = 'coturn'): Promise<{ log: string; complaints: string[] }> {
  const result = await run(['journalctl', '-u', unit, '-b', '--no-pager', '-o', 'cat']);
  if (result.exitCode !== 0) throw new Error(`journalctl -u ${unit} failed: ${result.stderr ?? result.stdout}`);
  return { log: result.stdout, complaints: coturnComplaints(result.stdout) };
}

/**
 * The same journal read for a coturn started with an option it no longer knows (no-tlsv1 since
 * 4.7): the complaint must show up, or an empty list above would prove nothing. It runs for 3 s
 * as a transient unit on a loopback port of its own, next to the real coturn.
 */
export async function coturnComplaintsFor(run: CommandRunner, option: string): Promise<string[]> {
  const unit = 'matrix-setup-e2e-coturn-probe';
  const config = ['listening-ip=127.0.0.1', 'listening-port=34790', 'no-tls', 'use-auth-secret', 'static-auth-secret=probe', 'realm=probe.test', option, 'syslog', 'no-stdout-log', ''].join('\n');
  const file = `/run/${unit}.conf`;
  const written = await run(['sh', '-c', `printf '%s' "$1" > ${file}`, 'sh', config]);
  if (written.exitCode !== 0) throw new Error(`cannot write ${file}: ${written.stderr ?? ''}`);
  // Stopped by RuntimeMaxSec, so systemd-run reports a failure: only the journal matters.
  await run(['sh', '-c', `systemd-run --unit=${unit} --collect --wait -p RuntimeMaxSec=3 turnserver -c ${file} --pidfile /run/${unit}.pid || true`]);
  return (await coturnJournal(run, unit)).complaints;
}
