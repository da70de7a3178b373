/**
 * Checks that cannot run because an earlier one failed. Every request to a host goes through
 * its TLS endpoint: when that endpoint cannot be reached or its certificate is not accepted,
 * the check that looked at the certificate fails with the fix, and every check that needed the
 * endpoint is skipped, pointing at that check, instead of failing with a fix of its own that
 * would send the user after the wrong problem.
 */
import type { VerifyContext } from './context.js';
import type { CheckGroup, CheckResult } from './types.js';

export interface Blocker {
  /** The failed check to look at. */
  id: string;
  reason: string;
}

/** The check that reports the certificate of name:443: the Synapse host's, or server_name's when delegated to another host. */
export function certificateCheckFor(context: VerifyContext, name: string): string {
  return name.toLowerCase() === context.options.synapseHost.toLowerCase() ? 'client-api.tls' : 'delegation.tls';
}

/** Why requests to name:port cannot be made, naming the check that says so; undefined when they can. */
export async function endpointBlocker(
  context: VerifyContext,
  checkId: string,
  name: string,
  port = 443,
  address?: { host: string; port: number },
): Promise<Blocker | undefined> {
  const probe = await context.certificate(name, port, address);
  if (probe.error) return { id: checkId, reason: `${name}:${port} cannot be reached (${probe.error.message})` };
  if (probe.info && !probe.info.valid) return { id: checkId, reason: `the certificate of ${name} is not accepted (${probe.info.problem ?? 'invalid'})` };
  return undefined;
}

export function blockedResult(group: CheckGroup, id: string, label: string, blocker: Blocker): CheckResult {
  return { id: `${group}.${id}`, group, label, status: 'skip', evidence: `skipped: ${blocker.reason}; see ${blocker.id}`, blockedBy: blocker.id };
}
