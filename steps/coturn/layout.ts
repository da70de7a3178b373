import type { Answers } from '../../src/answers/types.js';
import type { Target } from '../../src/host/target.js';

/**
 * Where the distro's coturn package keeps its files. Debian/Ubuntu: /etc/turnserver.conf,
 * user turnserver. RHEL family (EPEL): /etc/coturn/turnserver.conf, user coturn.
 */
export interface CoturnLayout {
  package: string;
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
    configFile: debian ? '/etc/turnserver.conf' : '/etc/coturn/turnserver.conf',
    user: debian ? 'turnserver' : 'coturn',
    group: debian ? 'turnserver' : 'coturn',
    unit: 'coturn.service',
    tlsDir,
    certFile: `${tlsDir}/fullchain.pem`,
    keyFile: `${tlsDir}/privkey.pem`,
  };
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
