import type { RunContext, TaskAction } from '../../src/engine/types.js';
import { ANY_EXIT_CODE } from '../../src/exec/executor.js';
import { systemText as t } from '../../src/i18n/messages/steps-system.js';
import type { Localized } from '../../src/i18n/localized.js';

/** The firewall found on the machine: only one that is on is ever touched. */
export type ActiveFirewall = { kind: 'ufw'; status: string } | { kind: 'firewalld' } | { kind: 'none' };

/** `ufw status` says whether it is on, and lists its rules. */
export function ufwIsActive(status: string): boolean {
  return /^Status:\s*active\s*$/m.test(status);
}

/** Ports an active ufw does not allow yet (a rule `80/tcp ALLOW ...` or `80 ALLOW ...`, v4 or v6). */
export function ufwMissingPorts(status: string, ports: number[]): number[] {
  const allowed = new Set<number>();
  for (const line of status.split('\n')) {
    const match = /^(\d+)(?:\/tcp)?(?:\s+\(v6\))?\s+ALLOW(?:\s+IN)?\s/.exec(line.trim());
    if (match) allowed.add(Number(match[1]));
  }
  return ports.filter((port) => !allowed.has(port));
}

export function ufwCommands(ports: number[]): string[][] {
  return ports.map((port) => ['ufw', 'allow', `${port}/tcp`]);
}

/** firewalld knows 80 and 443 as services; other ports are opened as ports. */
const FIREWALLD_SERVICES: Record<number, string> = { 80: 'http', 443: 'https' };

export function firewalldQuery(port: number): string[] {
  const service = FIREWALLD_SERVICES[port];
  return ['firewall-cmd', '--permanent', service ? `--query-service=${service}` : `--query-port=${port}/tcp`];
}

export function firewalldCommands(ports: number[]): string[][] {
  if (ports.length === 0) return [];
  const adds = ports.map((port) => (FIREWALLD_SERVICES[port] ? `--add-service=${FIREWALLD_SERVICES[port]}` : `--add-port=${port}/tcp`));
  return [['firewall-cmd', '--permanent', ...adds], ['firewall-cmd', '--reload']];
}

async function probe(ctx: RunContext, argv: string[]): Promise<{ exitCode: number; stdout: string } | undefined> {
  try {
    return await ctx.exec.run(argv, { probe: true, okExitCodes: ANY_EXIT_CODE, timeoutMs: 30_000 });
  } catch {
    return undefined; // not installed
  }
}

export async function detectFirewall(ctx: RunContext): Promise<ActiveFirewall> {
  const ufw = await probe(ctx, ['ufw', 'status']);
  if (ufw && ufw.exitCode === 0 && ufwIsActive(ufw.stdout)) return { kind: 'ufw', status: ufw.stdout };
  const firewalld = await probe(ctx, ['firewall-cmd', '--state']);
  if (firewalld && firewalld.exitCode === 0 && firewalld.stdout.trim() === 'running') return { kind: 'firewalld' };
  return { kind: 'none' };
}

export async function missingPorts(ctx: RunContext, firewall: ActiveFirewall, ports: number[]): Promise<number[]> {
  if (firewall.kind === 'ufw') return ufwMissingPorts(firewall.status, ports);
  if (firewall.kind === 'firewalld') {
    const missing: number[] = [];
    for (const port of ports) {
      const query = await probe(ctx, firewalldQuery(port));
      if (!query || query.exitCode !== 0) missing.push(port);
    }
    return missing;
  }
  return [];
}

/**
 * Opens the ports in ufw or firewalld when one of them is on. A firewall that is off stays
 * off: turning one on could cut the SSH session this runs in.
 */
export function openPortsTask(ports: number[]): TaskAction {
  return {
    kind: 'task',
    description: t.openPortsTask({ ports: ports.join(', ') }),
    shows: [
      { argv: ['ufw', 'status'], when: t.whenUfwActive },
      { argv: ['firewall-cmd', '--state'], when: t.whenFirewalldRunning },
      ...ufwCommands(ports).map((argv) => ({ argv, when: t.whenUfwMissing })),
      ...firewalldCommands(ports).map((argv) => ({ argv, when: t.whenFirewalldMissing })),
    ],
    async check(ctx) {
      const firewall = await detectFirewall(ctx);
      return (await missingPorts(ctx, firewall, ports)).length === 0;
    },
    async run(ctx) {
      const firewall = await detectFirewall(ctx);
      const missing = await missingPorts(ctx, firewall, ports);
      const commands = firewall.kind === 'ufw' ? ufwCommands(missing) : firewall.kind === 'firewalld' ? firewalldCommands(missing) : [];
      for (const argv of commands) await ctx.exec.run(argv, { timeoutMs: 60_000 });
    },
  };
}

/** Said after every run: the machine's own firewall is only half of it. */
export function cloudFirewallNote(ports: number[], firewall: ActiveFirewall): Localized {
  const list = ports.map((port) => `${port}/tcp`).join(', ');
  const local = firewall.kind === 'none' ? t.noFirewall : t.firewallAllows({ firewall: firewall.kind, ports: list });
  return t.cloudFirewall({ local, ports: list });
}
