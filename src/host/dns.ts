import { Resolver } from 'node:dns/promises';
import { canonicalAddress } from './addresses.js';
import { withTimeout } from './timeout.js';
import { verbatim, type Localized } from '../i18n/index.js';
import { preflightText as t } from '../i18n/messages/preflight.js';

export interface DnsAnswer {
  name: string;
  ipv4: string[];
  ipv6: string[];
  /** Set when a lookup failed for another reason than "no such record" (timeout, SERVFAIL). */
  error?: string;
  /** Set when the lookup gave up: after this many seconds. */
  timeoutSeconds?: number;
}

/** Why a lookup failed, for a person: the resolver's error codes, or the time it waited. */
export function lookupErrorText(answer: DnsAnswer): Localized | undefined {
  if (answer.timeoutSeconds !== undefined) return t.dnsNoAnswerWithin({ seconds: answer.timeoutSeconds });
  return answer.error === undefined ? undefined : verbatim(answer.error);
}

/** The part of node's Resolver used here, so tests can pass a fake. */
export interface AddressResolver {
  resolve4(name: string): Promise<string[]>;
  resolve6(name: string): Promise<string[]>;
  cancel?(): void;
}

const NO_RECORD = new Set(['ENODATA', 'ENOTFOUND', 'NXDOMAIN']);

/**
 * A and AAAA records of a name from the system's DNS servers (not /etc/hosts: what
 * other machines will see). Gives up after `timeoutMs`; never throws.
 */
export async function lookupAddresses(
  name: string,
  options: { timeoutMs?: number; resolver?: AddressResolver } = {},
): Promise<DnsAnswer> {
  const timeoutMs = options.timeoutMs ?? 4000;
  const resolver = options.resolver ?? new Resolver({ timeout: Math.max(500, Math.floor(timeoutMs / 2)), tries: 2 });
  const errors: string[] = [];
  const query = async (lookup: (host: string) => Promise<string[]>): Promise<string[]> => {
    try {
      return (await lookup(name)).map(canonicalAddress);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      if (!NO_RECORD.has(code)) errors.push(code);
      return [];
    }
  };
  const timedOut = Symbol('timeout');
  const result = await withTimeout<[string[], string[]] | typeof timedOut>(
    Promise.all([query((host) => resolver.resolve4(host)), query((host) => resolver.resolve6(host))]),
    timeoutMs,
    timedOut,
  );
  if (result === timedOut) {
    resolver.cancel?.();
    const seconds = Math.round(timeoutMs / 1000);
    return { name, ipv4: [], ipv6: [], error: `no answer within ${seconds} s`, timeoutSeconds: seconds };
  }
  const [ipv4, ipv6] = result;
  const answer: DnsAnswer = { name, ipv4, ipv6 };
  if (errors.length) answer.error = [...new Set(errors)].join(', ');
  return answer;
}
