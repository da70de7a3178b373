import type { HostFacts } from '../host/facts.js';
import type { PortHolder } from '../host/ports.js';
import type { PreflightResult } from './checks.js';
import type { Localized } from '../i18n/localized.js';
import { preflightText as t } from '../i18n/messages/preflight.js';

/** Programs that may hold a port because matrix-setup configures them there. */
const OURS = new Set(['nginx']);

/** A port is fine when free or held only by nginx (which matrix-setup configures). */
export function portCheck(facts: HostFacts, port: number): PreflightResult {
  const base = { id: `port-${port}`, label: t.portLabel({ port }) };
  if (facts.ports.source === 'none') return { ...base, status: 'warn', detail: t.portUnknown({ port }), fix: t.portUnknownFix({ port }) };
  const listeners = facts.ports.listeners.filter((listener) => listener.port === port);
  if (listeners.length === 0) return { ...base, status: 'pass', detail: t.free };
  const holders = uniqueByName(listeners.flatMap((listener) => listener.holders));
  const unknownOwner = listeners.some((listener) => listener.holders.length === 0);
  if (!unknownOwner && holders.every((holder) => OURS.has(holder.name))) {
    return { ...base, status: 'pass', detail: t.heldByNginx };
  }
  const others = holders.filter((holder) => !OURS.has(holder.name));
  if (others.length === 0) {
    return {
      ...base,
      status: 'fail',
      detail: t.heldByUnknown({ addresses: listeners.map((l) => l.address).join(', ') }),
      fix: t.heldByUnknownFix({ port }),
    };
  }
  const named = others.map((holder) => `${holder.name} (PID ${holder.pid})`).join(', ');
  return { ...base, status: 'fail', detail: t.heldBy({ holders: named }), fix: fixFor(others, port) };
}

function fixFor(holders: PortHolder[], port: number): Localized {
  const names = holders.map((holder) => holder.name);
  if (names.includes('docker-proxy')) return t.dockerFix({ port });
  const service = names.find((name) => KNOWN_SERVICES[name]);
  if (service) return t.serviceFix({ unit: KNOWN_SERVICES[service]! });
  return t.programFix({ names: names.join(', '), port });
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
