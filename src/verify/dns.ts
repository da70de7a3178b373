/**
 * DNS: A/AAAA of server_name, the Synapse host (and Element's host), and whether they
 * point at this machine. Not pointing here is a warning, never a failure by itself: behind
 * NAT the machine cannot see its public address, and server_name may be a website hosted
 * elsewhere that delegates. No record at all for a name that must reach us is a failure.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { machineAddresses } from '../host/addresses.js';
import { lookupAddresses, lookupErrorText } from '../host/dns.js';
import { withTimeout } from '../host/timeout.js';
import { resultsFor, type VerifyContext } from './context.js';
import type { CheckResult } from './types.js';
import { verbatim } from '../i18n/index.js';
import { checkText as t } from '../i18n/messages/verify-checks.js';

const result = resultsFor('dns');

export async function dnsChecks(context: VerifyContext): Promise<CheckResult[]> {
  const { serverName, synapseHost, elementHost } = context.options;
  const names: Array<{ id: string; name: string; mustResolve: boolean }> = [];
  const serverHost = serverName.replace(/:\d+$/, '');
  names.push({ id: 'server-name', name: serverHost, mustResolve: serverHost === synapseHost || Boolean(context.options.expectDelegation) });
  if (synapseHost !== serverHost) names.push({ id: 'synapse-host', name: synapseHost, mustResolve: true });
  if (elementHost && elementHost !== synapseHost && elementHost !== serverHost) names.push({ id: 'element-host', name: elementHost, mustResolve: true });
  const ours = context.options.machineAddresses ?? (context.options.localHealth === false ? undefined : machineAddresses().map((a) => a.address));
  return Promise.all(names.map((entry) => checkName(context, entry.id, entry.name, entry.mustResolve, ours)));
}

async function checkName(context: VerifyContext, id: string, name: string, mustResolve: boolean, ours: string[] | undefined): Promise<CheckResult> {
  const label = t.dnsLabel({ name });
  if (isIP(name.replace(/^\[|\]$/g, ''))) return result(id, label, 'pass', t.ipAddress);
  const answer = await lookupAddresses(name, { timeoutMs: context.http.timeoutMs, resolver: context.resolver });
  const resolved = [...answer.ipv4, ...answer.ipv6];
  if (resolved.length === 0) {
    const lookupError = lookupErrorText(answer);
    const why = lookupError ? t.lookupFailed({ error: lookupError }) : t.noRecord;
    const fix = t.addRecord({ name });
    const local = context.options.resolver ? [] : await localLookup(name, context.http.timeoutMs);
    if (local.length) {
      // Only /etc/hosts (or a local-only resolver) knows it: this machine gets through, nobody else does.
      return result(id, label, 'warn', t.onlyHostsFile({ why, addresses: local.join(', ') }), fix);
    }
    return result(id, label, mustResolve ? 'fail' : 'warn', why, fix);
  }
  const shown = [answer.ipv4.length ? `A ${answer.ipv4.join(', ')}` : '', answer.ipv6.length ? `AAAA ${answer.ipv6.join(', ')}` : ''].filter(Boolean).join('; ');
  if (!ours) return result(id, label, 'pass', verbatim(shown));
  const mine = new Set(ours);
  const foreign = resolved.filter((address) => !mine.has(address));
  if (foreign.length === 0) return result(id, label, 'pass', t.thisMachine({ records: shown }));
  if (foreign.length < resolved.length) {
    return result(id, label, 'warn', t.partlyElsewhere({ records: shown, foreign: foreign.join(', ') }), t.partlyElsewhereFix({ foreign: foreign.join(', ') }));
  }
  if (!mustResolve) return result(id, label, 'pass', t.delegatesElsewhere({ records: shown }));
  return result(id, label, 'warn', t.notThisMachine({ records: shown, ours: ours.length ? ours.join(', ') : t.none }), t.notThisMachineFix({ name }));
}

/** The system's own name lookup (getaddrinfo: /etc/hosts, then the resolvers). */
async function localLookup(name: string, timeoutMs: number): Promise<string[]> {
  const found = await withTimeout(lookup(name, { all: true }), timeoutMs, []);
  return found.map((entry) => entry.address);
}
