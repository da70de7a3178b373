import type { CoturnLayout } from '../coturn/layout.js';

/**
 * certbot deploy hook: after each renewal of synapse_host's lineage, copy the new certificate
 * to coturn (which cannot read /etc/letsencrypt/live) and restart it if it runs.
 */
export function coturnDeployHook(lineage: string, layout: CoturnLayout): string {
  return `#!/bin/sh
# Written by matrix-setup: give coturn the renewed certificate of ${lineage}.
set -eu
[ "\${RENEWED_LINEAGE:-}" = "${lineage}" ] || exit 0
install -m 0640 -o root -g ${layout.group} "$RENEWED_LINEAGE/fullchain.pem" ${layout.certFile}
install -m 0640 -o root -g ${layout.group} "$RENEWED_LINEAGE/privkey.pem" ${layout.keyFile}
systemctl try-restart ${layout.unit}
`;
}
