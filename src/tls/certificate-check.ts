import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Localized } from '../i18n/localized.js';
import { edgeText as t } from '../i18n/messages/steps-edge.js';

/** Certificates this close to expiry get a warning: renewal should have happened by now. */
export const EXPIRY_WARNING_DAYS = 14;

export interface CertificateFacts {
  subject: string;
  issuer: string;
  /** DNS names of the certificate (subjectAltName), lower case. */
  names: string[];
  validFrom: Date;
  validTo: Date;
}

export interface CertificateReport {
  facts?: CertificateFacts;
  /** What makes the certificate unusable for these names; empty when it is fine. */
  problems: Localized[];
  /** Worth saying, not a reason to stop (expires soon). */
  warnings: Localized[];
}

/** The first certificate of a PEM chain (the leaf, as nginx expects fullchain files to start). */
export function leafCertificate(pem: string): X509Certificate {
  const match = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem);
  if (!match) throw new Error('no PEM certificate found');
  return new X509Certificate(match[0]);
}

export function certificateFacts(cert: X509Certificate): CertificateFacts {
  const names = (cert.subjectAltName ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.startsWith('DNS:'))
    .map((entry) => entry.slice(4).toLowerCase());
  return { subject: cert.subject, issuer: cert.issuer, names, validFrom: new Date(cert.validFrom), validTo: new Date(cert.validTo) };
}

/** Names the certificate does not cover (wildcards count, as TLS clients count them). */
export function uncoveredNames(cert: X509Certificate, names: string[]): string[] {
  return names.filter((name) => cert.checkHost(name, { subject: 'never' }) === undefined);
}

/** True when the private key belongs to the certificate (their public keys are the same). */
export function keyMatches(cert: X509Certificate, keyPem: string): boolean {
  const fromKey = createPublicKey(createPrivateKey(keyPem)).export({ type: 'spki', format: 'der' });
  const fromCert = cert.publicKey.export({ type: 'spki', format: 'der' });
  return Buffer.compare(fromKey, fromCert) === 0;
}

export interface CheckInput {
  certPem: string;
  /** Checked against the certificate when given. */
  keyPem?: string;
  names: string[];
  now?: Date;
  /** How the files are called in messages. */
  certLabel?: Localized | string;
  keyLabel?: Localized | string;
}

/** Everything that makes a certificate (and key) unfit to serve these names. */
export function checkCertificate(input: CheckInput): CertificateReport {
  const now = input.now ?? new Date();
  const certName = input.certLabel ?? t.theCertificate;
  let cert: X509Certificate;
  try {
    cert = leafCertificate(input.certPem);
  } catch (error) {
    return { problems: [t.notPem({ cert: certName, error: (error as Error).message })], warnings: [] };
  }
  const facts = certificateFacts(cert);
  const problems: Localized[] = [];
  const warnings: Localized[] = [];
  if (input.keyPem !== undefined) {
    const key = input.keyLabel ?? t.theKey;
    try {
      if (!keyMatches(cert, input.keyPem)) problems.push(t.keyMismatch({ key, cert: certName }));
    } catch (error) {
      problems.push(t.keyUnreadable({ key, error: (error as Error).message }));
    }
  }
  const missing = uncoveredNames(cert, input.names);
  if (missing.length) {
    problems.push(t.notCovered({ cert: certName, missing: missing.join(', '), covered: facts.names.join(', ') || facts.subject || t.noNames }));
  }
  if (facts.validTo.getTime() <= now.getTime()) problems.push(t.expiredOn({ cert: certName, date: facts.validTo.toISOString() }));
  else if (facts.validFrom.getTime() > now.getTime()) problems.push(t.notYetValid({ cert: certName, date: facts.validFrom.toISOString() }));
  else {
    const days = Math.floor((facts.validTo.getTime() - now.getTime()) / 86_400_000);
    if (days < EXPIRY_WARNING_DAYS) warnings.push(t.expiresIn({ cert: certName, count: days, date: facts.validTo.toISOString() }));
  }
  return { facts, problems, warnings };
}

/** checkCertificate on files; a missing or unreadable file is a problem, not an exception. */
export function checkCertificateFiles(certPath: string, keyPath: string | undefined, names: string[], now?: Date): CertificateReport {
  let certPem: string;
  let keyPem: string | undefined;
  try {
    certPem = readFileSync(certPath, 'utf8');
  } catch (error) {
    return { problems: [t.cannotRead({ path: certPath, error: (error as NodeJS.ErrnoException).code ?? (error as Error).message })], warnings: [] };
  }
  if (keyPath !== undefined) {
    try {
      keyPem = readFileSync(keyPath, 'utf8');
    } catch (error) {
      return { problems: [t.cannotRead({ path: keyPath, error: (error as NodeJS.ErrnoException).code ?? (error as Error).message })], warnings: [] };
    }
  }
  return checkCertificate({ certPem, keyPem, names, now, certLabel: certPath, keyLabel: keyPath });
}
