import type { CertificatePaths, EdgeLayout, Vhost } from '../edge/edge-layout.js';
import { SYNAPSE_UPSTREAM } from '../edge/edge-layout.js';

/**
 * How the default server on 443 (and 8448) turns away names not served here: by refusing the
 * TLS handshake (nginx >= 1.19.4), or on older nginx with a throwaway certificate for no name
 * and no answer (444).
 */
export type UnknownNames = { kind: 'reject-handshake' } | { kind: 'placeholder-certificate'; certificate: CertificatePaths };

/** Mozilla's "intermediate" TLS settings (TLS 1.2 and 1.3, ECDHE with AEAD ciphers only, no session tickets). */
const TLS_SETTINGS = [
  '    ssl_protocols TLSv1.2 TLSv1.3;',
  '    ssl_ecdh_curve X25519:prime256v1:secp384r1;',
  '    ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;',
  '    ssl_prefer_server_ciphers off;',
  '    ssl_session_cache shared:matrix_setup_tls:10m;',
  '    ssl_session_timeout 1d;',
  '    ssl_session_tickets off;',
  '    server_tokens off;',
];

/** Two years, as Mozilla's configurations send it; without includeSubDomains, which would bind names this machine does not serve. */
export const HSTS_HEADER = 'add_header Strict-Transport-Security "max-age=63072000" always;';

/**
 * The HTTPS side: one server block per name served here, all with the one certificate,
 * plus port 8448 for federation when server_name is the Synapse host itself, and a default
 * server on each port that answers no other name (a scan of the bare address gets neither
 * the certificate nor Synapse).
 * Follows Synapse's reverse-proxy docs: proxy_pass without a URI (a path there rewrites the
 * request and breaks federation signatures), the client address and scheme passed on, and a
 * body limit that matches Synapse's max_upload_size (nginx's default 1 MB breaks uploads).
 * HSTS only with a certificate browsers trust (Let's Encrypt or your own): a self-signed test
 * server must stay reachable once its certificate is replaced.
 */
export function nginxHttpsVhosts(layout: EdgeLayout, unknownNames: UnknownNames = { kind: 'reject-handshake' }): string {
  const ports = layout.federation.kind === 'port-8448' ? [443, 8448] : [443];
  const blocks = ports.map((port) => defaultServer(port, unknownNames));
  blocks.push(...layout.vhosts.map((vhost) => serverBlock(layout, vhost, 443)));
  if (layout.federation.kind === 'port-8448') {
    blocks.push(serverBlock(layout, { host: layout.synapseHost, synapse: true }, 8448));
  }
  return `# Managed by matrix-setup; changes are overwritten on the next run.\n${blocks.join('\n')}`;
}

function defaultServer(port: number, unknownNames: UnknownNames): string {
  const refusal =
    unknownNames.kind === 'reject-handshake'
      ? ['    ssl_reject_handshake on;']
      : [`    ssl_certificate ${unknownNames.certificate.fullchain};`, `    ssl_certificate_key ${unknownNames.certificate.privkey};`, '    return 444;'];
  return [
    `# Any other name on ${port}: no certificate, no content.`,
    'server {',
    `    listen ${port} ssl default_server;`,
    `    listen [::]:${port} ssl default_server;`,
    '    server_name _;',
    ...refusal,
    ...TLS_SETTINGS,
    '}',
    '',
  ].join('\n');
}

function serverBlock(layout: EdgeLayout, vhost: Vhost, port: number): string {
  const lines: string[] = [
    'server {',
    `    listen ${port} ssl;`,
    `    listen [::]:${port} ssl;`,
    `    server_name ${vhost.host};`,
    '',
    `    ssl_certificate ${layout.certificate.fullchain};`,
    `    ssl_certificate_key ${layout.certificate.privkey};`,
    ...TLS_SETTINGS,
    ...(layout.hsts ? [`    ${HSTS_HEADER}`] : []),
  ];
  const hsts = layout.hsts ? [`        ${HSTS_HEADER}`] : [];
  if (vhost.synapse) lines.push('', ...synapseLocations(layout, port));
  if (vhost.wellKnownServer) lines.push('', ...wellKnown('server', vhost.wellKnownServer, hsts));
  if (vhost.wellKnownClient) lines.push('', ...wellKnown('client', vhost.wellKnownClient, hsts));
  if (vhost.elementRoot) lines.push('', ...elementLocation(vhost.elementRoot, hsts));
  else lines.push('', '    location / {', vhost.rootRedirect && port === 443 ? `        return 302 ${vhost.rootRedirect};` : '        return 404;', '    }');
  lines.push('}', '');
  return lines.join('\n');
}

function synapseLocations(layout: EdgeLayout, port: number): string[] {
  const lines: string[] = [];
  if (layout.federation.kind === 'off' && port === 443) {
    lines.push(
      '    # Federation is off: other servers get nothing here.',
      '    location ~ ^/_matrix/(federation|key)/ {',
      '        return 404;',
      '    }',
      '',
    );
  }
  lines.push(
    '    location ~ ^(/_matrix|/_synapse/client) {',
    '        # nginx matches the decoded, normalised path; Synapse routes on the path as sent. A path',
    '        # sent as /_synapse/admin/..%2F..%2F_matrix/… would match here yet reach the admin API.',
    '        if ($request_uri !~ "^/(_matrix|_synapse/client)(/|[?]|$)") {',
    '            return 404;',
    '        }',
    `        proxy_pass ${SYNAPSE_UPSTREAM};`,
    '        proxy_set_header X-Forwarded-For $remote_addr;',
    '        proxy_set_header X-Forwarded-Proto $scheme;',
    '        proxy_set_header Host $host;',
    `        client_max_body_size ${layout.maxBodySize};`,
    '        proxy_http_version 1.1;',
    '    }',
  );
  return lines;
}

/** A location with add_header of its own does not inherit the server's: HSTS is repeated there. */
function wellKnown(kind: 'server' | 'client', json: string, hsts: string[]): string[] {
  // The JSON holds only a validated host name and fixed keys: no quote or $ can appear in it.
  return [
    `    location = /.well-known/matrix/${kind} {`,
    '        default_type application/json;',
    '        add_header Access-Control-Allow-Origin * always;',
    ...hsts,
    `        return 200 '${json}';`,
    '    }',
  ];
}

/**
 * Element Web as Element's docs advise: framing only by itself, no content sniffing, and no
 * caching of the files that change with each release or config edit. `expires -1` sends
 * Cache-Control: no-cache without replacing the headers added above it (add_header would).
 */
function elementLocation(root: string, hsts: string[]): string[] {
  return [
    '    location / {',
    `        root ${root};`,
    '        index index.html;',
    ...hsts,
    '        add_header X-Frame-Options SAMEORIGIN always;',
    '        add_header X-Content-Type-Options nosniff always;',
    '        add_header X-XSS-Protection "1; mode=block" always;',
    `        add_header Content-Security-Policy "frame-ancestors 'self'" always;`,
    '',
    '        location = /index.html {',
    '            expires -1;',
    '        }',
    '        location = /version {',
    '            expires -1;',
    '        }',
    '        location ~ ^/config.*\\.json$ {',
    '            expires -1;',
    '        }',
    '        location /i18n/ {',
    '            expires -1;',
    '        }',
    '    }',
  ];
}
