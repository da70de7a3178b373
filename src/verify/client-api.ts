/** Client API over the public URL, and the certificate clients see there. */
import { blockedResult, endpointBlocker } from './blocking.js';
import { describeStatus, resultsFor, type VerifyContext } from './context.js';
import { excerpt, isObject, jsonBody, request, type CertificateInfo } from './http.js';
import type { CheckResult } from './types.js';

const result = resultsFor('client-api');
const DAY_MS = 24 * 60 * 60 * 1000;
/** certbot renews 30 days before expiry; fewer days left than this means renewal is not working. */
const RENEWAL_OVERDUE_DAYS = 20;
const URGENT_DAYS = 7;

export async function clientApiChecks(context: VerifyContext): Promise<CheckResult[]> {
  return Promise.all([versions(context), certificate(context)]);
}

async function versions(context: VerifyContext): Promise<CheckResult> {
  const { synapseHost } = context.options;
  const url = `https://${synapseHost}/_matrix/client/versions`;
  const label = 'Client API /_matrix/client/versions';
  const fix = `Check that nginx proxies https://${synapseHost}/_matrix to Synapse (127.0.0.1:8008) and that Synapse runs: systemctl status matrix-synapse.`;
  const blocker = await endpointBlocker(context, 'client-api.tls', synapseHost);
  if (blocker) return blockedResult('client-api', 'versions', label, blocker);
  try {
    const response = await request(context.http, { url });
    const body = jsonBody(response);
    if (response.status === 200 && isObject(body) && Array.isArray(body.versions)) {
      const list = body.versions.filter((v): v is string => typeof v === 'string');
      return result('versions', label, 'pass', `${url}: ${list.length} spec versions, newest ${list[list.length - 1] ?? 'none'}`);
    }
    const detail = response.status === 502 || response.status === 504 ? ' (nginx cannot reach Synapse)' : '';
    return result('versions', label, 'fail', `${url}: ${describeStatus(response)}${detail}: ${excerpt(response.body)}`, fix);
  } catch (error) {
    return result('versions', label, 'fail', `${url}: ${(error as Error).message}`, fix);
  }
}

async function certificate(context: VerifyContext): Promise<CheckResult> {
  const { synapseHost } = context.options;
  const label = `TLS certificate of ${synapseHost}`;
  const probe = await context.certificate(synapseHost, 443);
  if (!probe.info) {
    return result('tls', label, 'fail', `${synapseHost}:443: ${probe.error?.message ?? 'no answer'}`, `Make sure nginx listens on 443 for ${synapseHost} and the firewall allows it.`);
  }
  return certificateResult(context, probe.info, synapseHost, 'tls', label);
}

/** A chain that ends at a CA this machine does not trust: a private CA, or a test one. */
function untrustedChain(problem: string | undefined): boolean {
  return /SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE/.test(problem ?? '');
}

export function certificateResult(
  context: VerifyContext,
  info: CertificateInfo,
  name: string,
  id: string,
  label: string,
  make = result,
): CheckResult {
  const days = info.validTo ? Math.floor((info.validTo.getTime() - context.now()) / DAY_MS) : undefined;
  const who = [info.subject ? `CN=${info.subject}` : '', info.issuer ? `issued by ${info.issuer}` : '', days !== undefined ? `expires in ${days} days` : '']
    .filter(Boolean)
    .join(', ');
  if (!info.valid) {
    return make(
      id,
      label,
      'fail',
      `${info.problem}${who ? ` (${who})` : ''}`,
      context.options.tlsMode === 'self-signed'
        ? 'A self-signed certificate is refused by other servers and most clients: use tls.mode letsencrypt (or an existing certificate from a public CA).'
        : `Serve a certificate for ${name} with its full chain (Let's Encrypt: fullchain.pem), then reload nginx.${
            untrustedChain(info.problem) ? ' If it comes from a private CA on purpose, check with that CA trusted: matrix-setup verify --ca FILE.' : ''
          }`,
    );
  }
  if (days !== undefined && days < URGENT_DAYS) {
    return make(id, label, 'fail', `valid, but ${who}`, 'Renew now: certbot renew --force-renewal, then systemctl reload nginx; then find out why automatic renewal did not run (journalctl -u certbot).');
  }
  if (days !== undefined && days < RENEWAL_OVERDUE_DAYS) {
    return make(id, label, 'warn', `valid, but ${who}: automatic renewal should have happened by now`, 'Run certbot renew and check journalctl -u certbot for why the timer did not renew it.');
  }
  return make(id, label, 'pass', `valid for ${name}, ${who}`);
}
