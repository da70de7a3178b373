import type { EdgeLayout, Vhost } from '../edge/edge-layout.js';
import { SYNAPSE_UPSTREAM } from '../edge/edge-layout.js';

/**
 * The HTTPS side: one server block per name served here, all with the one certificate,
 * plus port 8448 for federation when server_name is the Synapse host itself.
 * Follows Synapse's reverse-proxy docs: proxy_pass without a URI (a path there rewrites the
 * request and breaks federation signatures), the client address and scheme passed on, and a
 * body limit that matches Synapse's max_upload_size (nginx's default 1 MB breaks uploads).
 */
export function nginxHttpsVhosts(layout: EdgeLayout): string {
  const blocks = layout.vhosts.map((vhost) => serverBlock(layout, vhost, 443));
  if (layout.federation.kind === 'port-8448') {
    blocks.push(serverBlock(layout, { host: layout.synapseHost, synapse: true }, 8448));
  }
  return `# Managed by matrix-setup; changes are overwritten on the next run.\n${blocks.join('\n')}`;
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
    '    ssl_protocols TLSv1.2 TLSv1.3;',
    '    ssl_session_cache shared:matrix_setup_tls:10m;',
    '    ssl_session_timeout 1d;',
  ];
  if (vhost.synapse) lines.push('', ...synapseLocations(layout, port));
  if (vhost.wellKnownServer) lines.push('', ...wellKnown('server', vhost.wellKnownServer));
  if (vhost.wellKnownClient) lines.push('', ...wellKnown('client', vhost.wellKnownClient));
  if (vhost.elementRoot) lines.push('', ...elementLocation(vhost.elementRoot));
  else if (port === 443) {
    lines.push('', '    location / {', vhost.rootRedirect ? `        return 302 ${vhost.rootRedirect};` : '        return 404;', '    }');
  }
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

function wellKnown(kind: 'server' | 'client', json: string): string[] {
  // The JSON holds only a validated host name and fixed keys: no quote or $ can appear in it.
  return [
    `    location = /.well-known/matrix/${kind} {`,
    '        default_type application/json;',
    '        add_header Access-Control-Allow-Origin * always;',
    `        return 200 '${json}';`,
    '    }',
  ];
}

/**
 * Element Web as Element's docs advise: framing only by itself, no content sniffing, and no
 * caching of the files that change with each release or config edit. `expires -1` sends
 * Cache-Control: no-cache without replacing the headers added above it (add_header would).
 */
function elementLocation(root: string): string[] {
  return [
    '    location / {',
    `        root ${root};`,
    '        index index.html;',
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
