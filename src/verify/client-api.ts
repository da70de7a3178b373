/** Client API over the public URL, and the certificate clients see there. */
import { blockedResult, endpointBlocker } from './blocking.js';
import { describeStatus, resultsFor, type VerifyContext } from './context.js';
import { excerpt, failureText, isObject, jsonBody, request, type CertificateInfo } from './http.js';
import type { CheckResult } from './types.js';
import { fromLanguages, joinLocalized, verbatim, type Localized } from '../i18n/index.js';
import { checkText as t } from '../i18n/messages/verify-checks.js';

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
  const label = t.versionsLabel;
  const fix = t.versionsFix({ host: synapseHost });
  const blocker = await endpointBlocker(context, 'client-api.tls', synapseHost);
  if (blocker) return blockedResult('client-api', 'versions', label, blocker);
  try {
    const response = await request(context.http, { url });
    const body = jsonBody(response);
    if (response.status === 200 && isObject(body) && Array.isArray(body.versions)) {
      const list = body.versions.filter((v): v is string => typeof v === 'string');
      return result('versions', label, 'pass', t.specVersions({ url, count: list.length, newest: list[list.length - 1] ?? t.none }));
    }
    const badGateway = response.status === 502 || response.status === 504;
    const evidence = badGateway
      ? t.versionsBadGateway({ url, status: describeStatus(response), excerpt: excerpt(response.body) })
      : verbatim(`${url}: ${describeStatus(response)}: ${excerpt(response.body)}`);
    return result('versions', label, 'fail', evidence, fix);
  } catch (error) {
    return result('versions', label, 'fail', joinLocalized([url, failureText(error)], ': '), fix);
  }
}

async function certificate(context: VerifyContext): Promise<CheckResult> {
  const { synapseHost } = context.options;
  const label = t.tlsLabel({ host: synapseHost });
  const probe = await context.certificate(synapseHost, 443);
  if (!probe.info) {
    return result('tls', label, 'fail', joinLocalized([`${synapseHost}:443`, probe.error ? failureText(probe.error) : t.noAnswer], ': '), t.clientTlsFix({ host: synapseHost }));
  }
  return certificateResult(context, probe.info, synapseHost, 'tls', label);
}

/** A chain that ends at a CA this machine does not trust: a private CA, or a test one. */
function untrustedChain(code: string | undefined): boolean {
  return /SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE/.test(code ?? '');
}

export function certificateResult(
  context: VerifyContext,
  info: CertificateInfo,
  name: string,
  id: string,
  label: Localized,
  make = result,
): CheckResult {
  const days = info.validTo ? Math.floor((info.validTo.getTime() - context.now()) / DAY_MS) : undefined;
  const parts: Localized[] = [];
  if (info.subject) parts.push(verbatim(`CN=${info.subject}`));
  if (info.issuer) parts.push(t.issuedBy({ issuer: info.issuer }));
  if (days !== undefined) parts.push(t.expiresInDays({ count: days }));
  const who = joinLocalized(parts, ', ');
  if (!info.valid) {
    const problem = info.problem ?? t.invalid;
    return make(
      id,
      label,
      'fail',
      parts.length ? fromLanguages((lang) => `${problem[lang]} (${who[lang]})`) : problem,
      context.options.tlsMode === 'self-signed' ? t.selfSignedFix : untrustedChain(info.problemCode) ? t.privateCaFix({ name }) : t.fullChainFix({ name }),
    );
  }
  if (days !== undefined && days < URGENT_DAYS) {
    return make(id, label, 'fail', t.validBut({ who }), t.renewNowFix);
  }
  if (days !== undefined && days < RENEWAL_OVERDUE_DAYS) {
    return make(id, label, 'warn', t.renewalOverdue({ who }), t.renewalOverdueFix);
  }
  return make(id, label, 'pass', t.validFor({ name, who }));
}
