import type { Answers } from '../../src/answers/types.js';
import type { RunContext, TaskAction } from '../../src/engine/types.js';
import { ANY_EXIT_CODE } from '../../src/exec/executor.js';
import { detectFirewall } from '../edge/firewall.js';
import { certificateSource, TURNS_PORT, TURN_PORT } from './layout.js';
import { turnText as t } from '../../src/i18n/messages/steps-turn.js';

export interface PortRule {
  /** A port or an inclusive range. */
  from: number;
  to: number;
  protocol: 'tcp' | 'udp';
}

/** What TURN needs from the internet: 3478 and (with a certificate) 5349 over TCP and UDP, and the UDP relay range. */
export function turnPorts(answers: Answers): PortRule[] {
  const listeners = [TURN_PORT, ...(certificateSource(answers) ? [TURNS_PORT] : [])];
  return [
    ...listeners.flatMap((port) => (['tcp', 'udp'] as const).map((protocol) => ({ from: port, to: port, protocol }))),
    { from: answers.turn.min_port, to: answers.turn.max_port, protocol: 'udp' },
  ];
}

/** ufw writes ranges as 49152:65535/udp, firewalld as 49152-65535/udp. */
export function ufwSpec(rule: PortRule): string {
  return `${rule.from === rule.to ? rule.from : `${rule.from}:${rule.to}`}/${rule.protocol}`;
}

export function firewalldSpec(rule: PortRule): string {
  return `${rule.from === rule.to ? rule.from : `${rule.from}-${rule.to}`}/${rule.protocol}`;
}

/** The specs `ufw status` lists as allowed (IPv4 and "(v6)" lines alike). */
export function ufwAllowed(status: string): Set<string> {
  const allowed = new Set<string>();
  for (const line of status.split('\n')) {
    const match = /^(\S+)(?:\s+\(v6\))?\s+ALLOW(?:\s+IN)?\s/.exec(line.trim() + ' ');
    if (match) allowed.add(match[1]);
  }
  return allowed;
}

type Firewall = 'ufw' | 'firewalld' | 'none';

/** The edge steps' detection: a firewall that is not installed counts as none, as one that is off. */
async function activeFirewall(ctx: RunContext): Promise<{ kind: Firewall; ufwStatus?: string }> {
  const firewall = await detectFirewall(ctx);
  return firewall.kind === 'ufw' ? { kind: 'ufw', ufwStatus: firewall.status } : { kind: firewall.kind };
}

async function missingRules(ctx: RunContext, rules: PortRule[]): Promise<{ kind: Firewall; missing: PortRule[] }> {
  const firewall = await activeFirewall(ctx);
  if (firewall.kind === 'ufw') {
    const allowed = ufwAllowed(firewall.ufwStatus!);
    return { kind: 'ufw', missing: rules.filter((rule) => !allowed.has(ufwSpec(rule))) };
  }
  if (firewall.kind === 'firewalld') {
    const missing: PortRule[] = [];
    for (const rule of rules) {
      const spec = firewalldSpec(rule);
      const runtime = await ctx.exec.run(['firewall-cmd', `--query-port=${spec}`], { probe: true, okExitCodes: ANY_EXIT_CODE });
      const permanent = await ctx.exec.run(['firewall-cmd', '--permanent', `--query-port=${spec}`], { probe: true, okExitCodes: ANY_EXIT_CODE });
      if (runtime.exitCode !== 0 || permanent.exitCode !== 0) missing.push(rule);
    }
    return { kind: 'firewalld', missing };
  }
  return { kind: 'none', missing: [] };
}

export function turnFirewallTask(answers: Answers): TaskAction {
  const rules = turnPorts(answers);
  return {
    kind: 'task',
    description: t.firewallTask({ rules: rules.map(firewalldSpec).join(', ') }),
    shows: [
      { argv: ['ufw', 'status'], when: t.readOnly },
      ...rules.map((rule) => ({ argv: ['ufw', 'allow', ufwSpec(rule)], when: t.whenUfwRuleMissing })),
      { argv: ['firewall-cmd', '--state'], when: t.readOnly },
      ...rules.map((rule) => ({ argv: ['firewall-cmd', '--permanent', `--add-port=${firewalldSpec(rule)}`], when: t.whenFirewalldPortClosed })),
      { argv: ['firewall-cmd', '--reload'], when: t.whenFirewalldAdded },
    ],
    async check(ctx) {
      return (await missingRules(ctx, rules)).missing.length === 0;
    },
    async run(ctx) {
      const { kind, missing } = await missingRules(ctx, rules);
      if (kind === 'ufw') {
        for (const rule of missing) await ctx.exec.run(['ufw', 'allow', ufwSpec(rule)]);
      } else if (kind === 'firewalld') {
        for (const rule of missing) await ctx.exec.run(['firewall-cmd', '--permanent', `--add-port=${firewalldSpec(rule)}`]);
        await ctx.exec.run(['firewall-cmd', '--reload']);
      }
      if (missing.length) ctx.note(t.opened({ rules: missing.map(firewalldSpec).join(', '), firewall: kind }));
      ctx.note(t.cloudFirewalls);
    },
  };
}
