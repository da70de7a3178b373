import { isIP } from 'node:net';
import type { Answers } from '../answers/types.js';
import type { HostFacts } from '../host/facts.js';
import type { PreflightResult } from './checks.js';

/**
 * Does `name` point at this machine? Only ever a warning: behind NAT (cloud VMs with a
 * separate public address) the machine cannot see its own public address, and DNS may
 * still be propagating. The fix gives the exact record to add.
 */
export function dnsCheck(facts: HostFacts, answers: Answers, name: string): PreflightResult {
  const base = { id: `dns:${name}`, label: `DNS ${name}` };
  if (isIP(name)) return { ...base, status: 'pass', detail: 'an IP address, no DNS record needed' };

  const ours = new Set(facts.addresses.map((address) => address.address));
  const publicV4 = facts.addresses.find((address) => address.family === 4 && address.public)?.address;
  const publicV6 = facts.addresses.find((address) => address.family === 6 && address.public)?.address;
  const records = [`${name}. A ${publicV4 ?? "<this machine's public IPv4>"}`];
  if (publicV6) records.push(`${name}. AAAA ${publicV6}`);
  const wanted = records.map((record) => `\`${record}\``).join(' and ');
  const elsewhere = websiteElsewhereHint(answers, name);

  const answer = facts.dns[name];
  if (!answer) return { ...base, status: 'warn', detail: 'not looked up', fix: `Make sure DNS has ${wanted}.` };
  const resolved = [...answer.ipv4, ...answer.ipv6];
  if (resolved.length === 0) {
    if (answer.error) {
      return { ...base, status: 'warn', detail: `the lookup failed (${answer.error})`, fix: `Check this machine's DNS resolver; the name needs ${wanted}.` };
    }
    return { ...base, status: 'warn', detail: 'has no A or AAAA record', fix: `Add the DNS record ${wanted}${elsewhere}.` };
  }

  const shown = resolved.join(', ');
  const foreign = resolved.filter((address) => !ours.has(address));
  if (foreign.length === 0) return { ...base, status: 'pass', detail: `${shown} (this machine)` };

  if (foreign.length < resolved.length) {
    // Partly here: typically a right A record next to a stale AAAA one.
    const staleV6 = answer.ipv6.filter((address) => !ours.has(address));
    const staleV4 = answer.ipv4.filter((address) => !ours.has(address));
    const parts: string[] = [];
    if (staleV4.length) parts.push(`A ${staleV4.join(', ')}`);
    if (staleV6.length) parts.push(`AAAA ${staleV6.join(', ')}`);
    return {
      ...base,
      status: 'warn',
      detail: `points here, but also to ${parts.join(' and ')}, which is not this machine: some clients (and Let's Encrypt, which prefers IPv6) would reach the wrong server`,
      fix: `Remove or correct those records; the name needs only ${wanted}.`,
    };
  }

  const hasPublic = Boolean(publicV4 || publicV6);
  if (!hasPublic) {
    return {
      ...base,
      status: 'warn',
      detail: `points to ${shown}; this machine has only private addresses (${[...ours].join(', ') || 'none'}), so it could not confirm that is its public address`,
      fix: `Fine if ${shown} forwards ports 80, 443 and 8448 to this machine (NAT); otherwise the name needs ${wanted}${elsewhere}.`,
    };
  }
  return {
    ...base,
    status: 'warn',
    detail: `points to ${shown}, not to this machine (${[publicV4, publicV6].filter(Boolean).join(', ')})`,
    fix: `Change the DNS record to ${wanted}${elsewhere}.`,
  };
}

/** server_name may be a website hosted elsewhere: then delegation via .well-known is served there instead. */
function websiteElsewhereHint(answers: Answers, name: string): string {
  const serverName = answers.server_name.toLowerCase();
  if (name !== serverName || serverName === answers.synapse_host.toLowerCase() || answers.delegation === 'none') return '';
  return (
    `, or, if ${name} is a website hosted elsewhere, serve /.well-known/matrix/server and /.well-known/matrix/client ` +
    `there pointing at ${answers.synapse_host}`
  );
}
