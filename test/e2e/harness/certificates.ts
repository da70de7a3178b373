import { X509Certificate } from 'node:crypto';

export function splitPem(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new X509Certificate(block));
}

/**
 * Checks that a served chain (leaf first) is valid for `hostname` now and leads, signature by
 * signature, to `rootPem`. Returns what is wrong, or an empty list.
 */
export function chainProblems(chainPem: string, rootPem: string, hostname: string, now = new Date()): string[] {
  const chain = splitPem(chainPem);
  const [root] = splitPem(rootPem);
  if (chain.length === 0) return ['no certificate in the chain'];
  if (!root) return ['no root certificate'];
  const problems: string[] = [];
  const leaf = chain[0];
  if (!leaf.checkHost(hostname)) problems.push(`the certificate is not for ${hostname} (${leaf.subjectAltName ?? leaf.subject})`);
  for (const cert of [...chain, root]) {
    if (new Date(cert.validFrom) > now || new Date(cert.validTo) < now) {
      problems.push(`${cert.subject} is not valid now (${cert.validFrom} - ${cert.validTo})`);
    }
  }
  const path = [...chain, root];
  for (let i = 0; i + 1 < path.length; i++) {
    const [child, issuer] = [path[i], path[i + 1]];
    if (i + 2 === path.length && child.fingerprint256 === issuer.fingerprint256) break; // chain already ends in the root
    if (!child.checkIssued(issuer) || !child.verify(issuer.publicKey)) {
      problems.push(`${child.subject} is not signed by ${issuer.subject}`);
    }
  }
  return problems;
}
