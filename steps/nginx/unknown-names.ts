import type { Action } from '../../src/engine/types.js';
import type { Target } from '../../src/host/target.js';
import { SELF_SIGNED_DIR, type CertificatePaths } from '../edge/edge-layout.js';
import type { UnknownNames } from '../templates/nginx-https-vhosts.js';

/** For nginx without ssl_reject_handshake: a certificate for no real name, only for the default server. */
export const PLACEHOLDER_CERTIFICATE: CertificatePaths = {
  name: 'default-server',
  fullchain: `${SELF_SIGNED_DIR}/default-server/fullchain.pem`,
  privkey: `${SELF_SIGNED_DIR}/default-server/privkey.pem`,
};

/**
 * ssl_reject_handshake came with nginx 1.19.4. Ubuntu 22.04 ships 1.18 and the RHEL 8
 * family's default module stream 1.14; every other supported target has a newer nginx.
 */
export function nginxRejectsHandshake(target: Target): boolean {
  if (target.distro === 'ubuntu' && target.major <= 22) return false;
  if (target.family === 'rhel' && target.major === 8) return false;
  return true;
}

export function unknownNamesFor(target: Target): UnknownNames {
  return nginxRejectsHandshake(target) ? { kind: 'reject-handshake' } : { kind: 'placeholder-certificate', certificate: PLACEHOLDER_CERTIFICATE };
}

/** The placeholder certificate, made once, where nginx cannot refuse the handshake itself. */
export function placeholderCertificateActions(target: Target): Action[] {
  if (nginxRejectsHandshake(target)) return [];
  const dir = `${SELF_SIGNED_DIR}/default-server`;
  return [
    { kind: 'directory', path: SELF_SIGNED_DIR, mode: 0o700, owner: 'root', group: 'root' },
    { kind: 'directory', path: dir, mode: 0o700, owner: 'root', group: 'root' },
    {
      kind: 'command',
      description: 'Make a certificate for no real name, for the default server of this nginx (it cannot refuse a TLS handshake)',
      argv: [
        'openssl', 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-sha256', '-days', '3650',
        '-subj', '/CN=invalid', '-keyout', PLACEHOLDER_CERTIFICATE.privkey, '-out', PLACEHOLDER_CERTIFICATE.fullchain,
      ],
      creates: PLACEHOLDER_CERTIFICATE.fullchain,
    },
  ];
}
