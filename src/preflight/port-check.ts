import type { HostFacts } from '../host/facts.js';
import type { PortHolder } from '../host/ports.js';
import type { PreflightResult } from './checks.js';

/** Programs that may hold a port because matrix-setup configures them there. */
const OURS = new Set(['nginx']);

/** A port is fine when free or held only by nginx (which matrix-setup configures). */
export function portCheck(facts: HostFacts, port: number): PreflightResult {
  const base = { id: `port-${port}`, label: `Port ${port}` };
  if (facts.ports.source === 'none') {
    return {
      ...base,
      status: 'warn',
      detail: `could not tell whether port ${port} is free (neither ss nor /proc/net/tcp could be read)`,
      fix: `Check with \`ss -ltnp 'sport = :${port}'\` that nothing but nginx listens on it.`,
    };
  }
  const listeners = facts.ports.listeners.filter((listener) => listener.port === port);
  if (listeners.length === 0) return { ...base, status: 'pass', detail: 'free' };
  const holders = uniqueByName(listeners.flatMap((listener) => listener.holders));
  const unknownOwner = listeners.some((listener) => listener.holders.length === 0);
  if (!unknownOwner && holders.every((holder) => OURS.has(holder.name))) {
    return { ...base, status: 'pass', detail: 'held by nginx, which matrix-setup configures' };
  }
  const others = holders.filter((holder) => !OURS.has(holder.name));
  if (others.length === 0) {
    return {
      ...base,
      status: 'fail',
      detail: `in use by a process matrix-setup could not identify (on ${listeners.map((l) => l.address).join(', ')})`,
      fix: `Find it with \`ss -ltnp 'sport = :${port}'\`, stop it, and run again.`,
    };
  }
  const named = others.map((holder) => `${holder.name} (PID ${holder.pid})`).join(', ');
  return { ...base, status: 'fail', detail: `in use by ${named}`, fix: fixFor(others, port) };
}

function fixFor(holders: PortHolder[], port: number): string {
  const names = holders.map((holder) => holder.name);
  if (names.includes('docker-proxy')) {
    return `A Docker container publishes port ${port}: stop it or change its port mapping, then run again.`;
  }
  const service = names.find((name) => KNOWN_SERVICES[name]);
  if (service) {
    return `Stop and disable it (\`systemctl disable --now ${KNOWN_SERVICES[service]}\`), or move it to another port, then run again.`;
  }
  return `Stop ${names.join(', ')} or move it to another port, then run again (\`ss -ltnp 'sport = :${port}'\` shows it).`;
}

/** Process names and the unit they usually run as. */
const KNOWN_SERVICES: Record<string, string> = {
  apache2: 'apache2',
  httpd: 'httpd',
  caddy: 'caddy',
  lighttpd: 'lighttpd',
  traefik: 'traefik',
  haproxy: 'haproxy',
  'openresty': 'openresty',
};

function uniqueByName(holders: PortHolder[]): PortHolder[] {
  const byName = new Map<string, PortHolder>();
  for (const holder of holders) if (!byName.has(holder.name) || holder.pid < byName.get(holder.name)!.pid) byName.set(holder.name, holder);
  return [...byName.values()];
}
