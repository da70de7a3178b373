/**
 * `matrix-setup verify`: DNS, delegation, client API, federation (with key signatures),
 * reverse-proxy traps and this machine's health. Every check says what it saw and, when it
 * is not a pass, what to change. Groups run concurrently; every request has a deadline.
 */
import { clientApiChecks } from './client-api.js';
import { createContext } from './context.js';
import { delegationChecks } from './delegation.js';
import { dnsChecks } from './dns.js';
import { federationChecks } from './federation.js';
import { loadCa } from './http.js';
import { localHealthChecks } from './local-health.js';
import { proxyChecks } from './proxy-traps.js';
import type { CheckResult, VerifyOptions } from './types.js';

export type { CheckGroup, CheckResult, CheckStatus, ConnectMap, VerifyOptions, VerifyResolver } from './types.js';
export type { LocalProbes } from './local-probes.js';

const DEFAULT_TIMEOUT_MS = 10_000;

export async function runVerify(options: VerifyOptions): Promise<CheckResult[]> {
  const expectDelegation = options.expectDelegation ?? options.serverName.replace(/:\d+$/, '') !== options.synapseHost;
  const resolved: VerifyOptions = { ...options, expectDelegation };
  const context = createContext(resolved, {
    connectTo: lowerCaseKeys(options.connectTo),
    ca: loadCa(options.ca, options.caFile),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  const local = options.localHealth !== false && options.probes ? localHealthChecks(context, options.probes) : Promise.resolve([]);
  const groups = await Promise.all([dnsChecks(context), delegationChecks(context), clientApiChecks(context), federationChecks(context), proxyChecks(context), local]);
  return groups.flat();
}

export function hasFailures(results: CheckResult[]): boolean {
  return results.some((item) => item.status === 'fail');
}

function lowerCaseKeys(map: VerifyOptions['connectTo']): VerifyOptions['connectTo'] {
  if (!map) return undefined;
  return Object.fromEntries(Object.entries(map).map(([key, value]) => [key.toLowerCase(), value]));
}
