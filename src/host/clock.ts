import type { CommandProbe } from './probe.js';

export interface ClockFacts {
  /** The time on this machine when the facts were gathered (ms since the epoch). */
  now: number;
  /** From timedatectl; undefined when it could not be asked (no systemd, no timedatectl). */
  ntpSynchronized?: boolean;
}

export async function clockFacts(probe: CommandProbe, timeoutMs = 3000): Promise<ClockFacts> {
  const output = await probe(['timedatectl', 'show', '-p', 'NTPSynchronized', '--value'], timeoutMs);
  return { now: Date.now(), ntpSynchronized: parseNtpSynchronized(output) };
}

/** `timedatectl show -p NTPSynchronized --value` prints yes or no. */
export function parseNtpSynchronized(output: string | undefined): boolean | undefined {
  const value = output?.trim().toLowerCase();
  if (value === 'yes') return true;
  if (value === 'no') return false;
  return undefined;
}
