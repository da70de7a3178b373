import type { EdgeLayout } from '../edge/edge-layout.js';

/**
 * Port 80 for every name served here: the ACME HTTP-01 challenge from a plain directory
 * (certbot --webroot writes into it), everything else redirected to HTTPS. No
 * default_server: the distro's own default server keeps answering for unknown names.
 */
export function nginxHttpVhost(layout: EdgeLayout, webroot: string): string {
  return `# Managed by matrix-setup; changes are overwritten on the next run.
server {
    listen 80;
    listen [::]:80;
    server_name ${layout.names.join(' ')};
    server_tokens off;

    location ^~ /.well-known/acme-challenge/ {
        root ${webroot};
        default_type text/plain;
    }

    location / {
        return 301 https://$host$request_uri;
    }
}
`;
}
