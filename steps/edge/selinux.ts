import type { RunContext, TaskAction } from '../../src/engine/types.js';
import { ANY_EXIT_CODE } from '../../src/exec/executor.js';

/** `semanage port -l` lists http_port_t with its ports: "http_port_t  tcp  8448, 80, 81, 443, ...". */
export function httpPortLabelled(semanageList: string, port: number): boolean {
  return semanageList
    .split('\n')
    .filter((line) => /^http_port_t\s+tcp\s/.test(line))
    .some((line) => line.replace(/^http_port_t\s+tcp\s+/, '').split(/,\s*/).some((entry) => {
      const [low, high] = entry.trim().split('-').map(Number);
      return high === undefined ? low === port : port >= low && port <= high;
    }));
}

async function read(ctx: RunContext, argv: string[]): Promise<{ exitCode: number; stdout: string } | undefined> {
  try {
    return await ctx.exec.run(argv, { probe: true, okExitCodes: ANY_EXIT_CODE, timeoutMs: 60_000 });
  } catch {
    return undefined;
  }
}

async function enforcing(ctx: RunContext): Promise<boolean> {
  const mode = await read(ctx, ['getenforce']);
  return mode?.stdout.trim() === 'Enforcing';
}

async function pending(ctx: RunContext, extraPorts: number[]): Promise<{ boolean: boolean; ports: number[] }> {
  if (!(await enforcing(ctx))) return { boolean: false, ports: [] };
  const bool = await read(ctx, ['getsebool', 'httpd_can_network_relay']);
  const ports: number[] = [];
  if (extraPorts.length) {
    const list = (await read(ctx, ['semanage', 'port', '-l']))?.stdout ?? '';
    ports.push(...extraPorts.filter((port) => !httpPortLabelled(list, port)));
  }
  return { boolean: !/-->\s*on\s*$/.test(bool?.stdout.trim() ?? ''), ports };
}

/**
 * With SELinux enforcing, nginx may neither connect to Synapse on 127.0.0.1:8008 nor listen
 * on 8448 until the policy says so. httpd_can_network_relay lets it connect to the ports of
 * web servers (http_port_t, which has 8008) only, where httpd_can_network_connect would let a
 * compromised nginx connect anywhere. Nothing happens when SELinux is off or permissive.
 */
export function selinuxForNginxTask(extraPorts: number[]): TaskAction {
  return {
    kind: 'task',
    description: `Let nginx proxy to Synapse${extraPorts.length ? ` and listen on ${extraPorts.join(', ')}` : ''} under SELinux (only when enforcing)`,
    shows: [
      { argv: ['getenforce'], when: 'the rest only when it says Enforcing' },
      { argv: ['setsebool', '-P', 'httpd_can_network_relay', '1'], when: 'when `getsebool httpd_can_network_relay` is off' },
      ...extraPorts.map((port) => ({ argv: ['semanage', 'port', '-a', '-t', 'http_port_t', '-p', 'tcp', String(port)], when: 'when `semanage port -l` does not list it for http_port_t' })),
    ],
    async check(ctx) {
      const todo = await pending(ctx, extraPorts);
      return !todo.boolean && todo.ports.length === 0;
    },
    async run(ctx) {
      const todo = await pending(ctx, extraPorts);
      if (todo.boolean) await ctx.exec.run(['setsebool', '-P', 'httpd_can_network_relay', '1'], { timeoutMs: 5 * 60_000 });
      for (const port of todo.ports) {
        await ctx.exec.run(['semanage', 'port', '-a', '-t', 'http_port_t', '-p', 'tcp', String(port)], {
          timeoutMs: 5 * 60_000,
          hint: 'semanage comes with policycoreutils-python-utils; if the port is labelled for another type, relabel it with `semanage port -m`.',
        });
      }
    },
  };
}
