import { isIP } from 'node:net';
import type { Answers } from '../answers/types.js';
import type { HostFacts } from '../host/facts.js';
import { lookupErrorText } from '../host/dns.js';
import type { PreflightResult } from './checks.js';
import type { Localized } from '../i18n/localized.js';
import { preflightText as t } from '../i18n/messages/preflight.js';
import { fromLanguages } from '../i18n/localized.js';

/**
 * Does `name` point at this machine? Only ever a warning: behind NAT (cloud VMs with a
 * separate public address) the machine cannot see its own public address, and DNS may
 * still be propagating. The fix gives the exact record to add.
 */
export function dnsCheck(facts: HostFacts, answers: Answers, name: string): PreflightResult {
  const base = { id: `dns:${name}`, label: t.dnsLabel({ name }) };
  if (isIP(name)) return { ...base, status: 'pass', detail: t.dnsIpAddress };

  const ours = new Set(facts.addresses.map((address) => address.address));
  const publicV4 = facts.addresses.find((address) => address.family === 4 && address.public)?.address;
  const publicV6 = facts.addresses.find((address) => address.family === 6 && address.public)?.address;
  const recordA = fromLanguages((lang) => `\`${name}. A ${publicV4 ?? t.thisPublicIpv4[lang]}\``);
  const records = publicV6 ? t.recordsAnd({ first: recordA, second: `\`${name}. AAAA ${publicV6}\`` }) : recordA;
  const elsewhere = websiteElsewhereHint(answers, name);

  const answer = facts.dns[name];
  if (!answer) return { ...base, status: 'warn', detail: t.dnsNotLookedUp, fix: t.dnsNotLookedUpFix({ records }) };
  const resolved = [...answer.ipv4, ...answer.ipv6];
  if (resolved.length === 0) {
    const lookupError = lookupErrorText(answer);
    if (lookupError) return { ...base, status: 'warn', detail: t.dnsLookupFailed({ error: lookupError }), fix: t.dnsLookupFailedFix({ records }) };
    return { ...base, status: 'warn', detail: t.dnsNoRecord, fix: t.dnsAddRecord({ records, elsewhere }) };
  }

  const addresses = resolved.join(', ');
  const foreign = resolved.filter((address) => !ours.has(address));
  if (foreign.length === 0) return { ...base, status: 'pass', detail: t.dnsHere({ addresses }) };

  if (foreign.length < resolved.length) {
    // Partly here: typically a right A record next to a stale AAAA one.
    const staleV6 = answer.ipv6.filter((address) => !ours.has(address));
    const staleV4 = answer.ipv4.filter((address) => !ours.has(address));
    const parts: string[] = [];
    if (staleV4.length) parts.push(`A ${staleV4.join(', ')}`);
    if (staleV6.length) parts.push(`AAAA ${staleV6.join(', ')}`);
    const stale = parts.length === 2 ? t.recordsAnd({ first: parts[0]!, second: parts[1]! }) : parts[0]!;
    return { ...base, status: 'warn', detail: t.dnsPartlyHere({ records: stale }), fix: t.dnsPartlyHereFix({ records }) };
  }

  const hasPublic = Boolean(publicV4 || publicV6);
  if (!hasPublic) {
    return {
      ...base,
      status: 'warn',
      detail: t.dnsPrivateOnly({ addresses, own: [...ours].join(', ') || t.none }),
      fix: t.dnsPrivateOnlyFix({ addresses, records, elsewhere }),
    };
  }
  return {
    ...base,
    status: 'warn',
    detail: t.dnsElsewhere({ addresses, own: [publicV4, publicV6].filter(Boolean).join(', ') }),
    fix: t.dnsChangeRecord({ records, elsewhere }),
  };
}

/** server_name may be a website hosted elsewhere: then delegation via .well-known is served there instead. */
function websiteElsewhereHint(answers: Answers, name: string): Localized | string {
  const serverName = answers.server_name.toLowerCase();
  if (name !== serverName || serverName === answers.synapse_host.toLowerCase() || answers.delegation === 'none') return '';
  return t.websiteElsewhere({ name, host: answers.synapse_host });
}
