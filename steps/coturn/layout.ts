import type { Answers } from '../../src/answers/types.js';
import type { Target } from '../../src/host/target.js';

/**
 * Where the distro's coturn package keeps its files. Debian/Ubuntu: /etc/turnserver.conf,
 * user turnserver. RHEL family (EPEL): /etc/coturn/turnserver.conf, user coturn.
 */
export interface CoturnLayout {
  package: string;
  /** The coturn version the target's package has (at least): which options it knows. */
  version: string;
  configFile: string;
  user: string;
  group: string;
  unit: string;
  /** coturn's own copy of the certificate: it runs unprivileged and cannot read /etc/letsencrypt/live. */
  tlsDir: string;
  certFile: string;
  keyFile: string;
}

export const TURN_PORT = 3478;
export const TURNS_PORT = 5349;

export function coturnLayout(target: Target): CoturnLayout {
  const debian = target.family === 'debian';
  const tlsDir = '/etc/coturn/tls';
  return {
    package: 'coturn',
    version: coturnVersion(target),
    configFile: debian ? '/etc/turnserver.conf' : '/etc/coturn/turnserver.conf',
    user: debian ? 'turnserver' : 'coturn',
    group: debian ? 'turnserver' : 'coturn',
    unit: 'coturn.service',
    tlsDir,
    certFile: `${tlsDir}/fullchain.pem`,
    keyFile: `${tlsDir}/privkey.pem`,
  };
}

/**
 * coturn as each target's archive ships it. Debian 12 and 13, Ubuntu 22.04 and 24.04: the Debian
 * and Ubuntu archives (4.6.1 in bookworm and trixie, 4.5.2 in jammy, 4.6.1 in noble).
 * Debian unstable and forky: 4.18.0. EPEL 8, 9 and 10 follow upstream releases (4.7 and later).
 * Ubuntu 26.04 is not confirmed by a source: it was imported from Debian unstable after coturn
 * 4.7 reached it. Releases newer than matrix-setup knows are assumed to be current too.
 */
const COTURN_BY_TARGET: Record<string, string> = {
  'debian-12': '4.6.1',
  'debian-13': '4.6.1',
  'debian-unstable': '4.18.0',
  'ubuntu-22.04': '4.5.2',
  'ubuntu-24.04': '4.6.1',
};
const COTURN_SINCE_EPEL_AND_NEWER = '4.7.0';

export function coturnVersion(target: Target): string {
  return COTURN_BY_TARGET[target.id] ?? COTURN_SINCE_EPEL_AND_NEWER;
}

/** The certificate coturn serves TURN over TLS with: the one nginx uses for synapse_host. */
export interface CertificateSource {
  cert: string;
  key: string;
  /** Let's Encrypt: the lineage directory certbot renews (RENEWED_LINEAGE in deploy hooks). */
  lineage?: string;
}

/**
 * Where synapse_host's certificate is. A self-signed certificate gets no TLS listener:
 * clients refuse it for turns: just as browsers do for HTTPS.
 */
export function certificateSource(answers: Answers): CertificateSource | undefined {
  switch (answers.tls.mode) {
    case 'letsencrypt': {
      const lineage = `/etc/letsencrypt/live/${answers.synapse_host}`;
      return { cert: `${lineage}/fullchain.pem`, key: `${lineage}/privkey.pem`, lineage };
    }
    case 'existing':
      return { cert: answers.tls.cert_path!, key: answers.tls.key_path! };
    case 'self-signed':
      return undefined;
  }
}
