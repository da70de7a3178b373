// A homeserver set up the way a blog guide does it, by hand (not by matrix-setup): Debian's
// matrix-synapse on SQLite with an edited homeserver.yaml, the registration shared secret in
// conf.d, a hand-written nginx vhost, and a certbot certificate (webroot, from Pebble).
import { randomBytes } from 'node:crypto';
import { aptInstall } from './apt.js';
import { SERVER_NAME } from './answers.js';
import type { Container } from './container.js';
import type { Pebble } from './pebble.js';

export const SQLITE_DB = '/var/lib/matrix-synapse/homeserver.db';
export const HAND_VHOST = `/etc/nginx/sites-available/${SERVER_NAME}`;
export const HAND_VHOST_LINK = `/etc/nginx/sites-enabled/${SERVER_NAME}`;
/** A value a guide would pick and the answers' default would not: it must survive adopting. */
export const HAND_UPLOAD_SIZE = '20M';

export interface HandMadeServer {
  registrationSecret: string;
  macaroonSecret: string;
}

const HOMESERVER_YAML = (macaroon: string, form: string) => `# Edited by hand following a blog guide.
pid_file: "/var/run/matrix-synapse.pid"
listeners:
  - port: 8008
    tls: false
    type: http
    x_forwarded: true
    bind_addresses: ['127.0.0.1']
    resources:
      - names: [client, federation]
        compress: false
database:
  name: sqlite3
  args:
    database: ${SQLITE_DB}
log_config: "/etc/matrix-synapse/log.yaml"
media_store_path: /var/lib/matrix-synapse/media
signing_key_path: "/etc/matrix-synapse/homeserver.signing.key"
public_baseurl: https://${SERVER_NAME}
trusted_key_servers:
  - server_name: "matrix.org"
suppress_key_server_warning: true
max_upload_size: ${HAND_UPLOAD_SIZE}
enable_registration: false
macaroon_secret_key: "${macaroon}"
form_secret: "${form}"
`;

const HTTP_VHOST = `server {
    listen 80;
    server_name ${SERVER_NAME};
    root /var/www/html;
    location /.well-known/acme-challenge/ { }
    location / { return 301 https://$host$request_uri; }
}
`;

const HTTPS_VHOST = `
server {
    listen 443 ssl;
    listen 8448 ssl default_server;
    server_name ${SERVER_NAME};
    ssl_certificate /etc/letsencrypt/live/${SERVER_NAME}/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/${SERVER_NAME}/privkey.pem;

    location ~ ^(/_matrix|/_synapse/client) {
        proxy_pass http://localhost:8008;
        proxy_set_header X-Forwarded-For $remote_addr;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_set_header Host $host;
        client_max_body_size ${HAND_UPLOAD_SIZE};
        proxy_http_version 1.1;
    }
}
`;

/** Installs and configures everything as the guide says; Synapse answers on :8008 and through nginx when it returns. */
export async function setUpByHand(container: Container, pebble: Pebble): Promise<HandMadeServer> {
  await container.exec(['debconf-set-selections'], {
    stdin: `matrix-synapse matrix-synapse/server-name string ${SERVER_NAME}\nmatrix-synapse matrix-synapse/report-stats boolean false\n`,
  });
  await aptInstall(container, ['matrix-synapse', 'nginx', 'certbot', 'python3-matrix-nio', 'curl']);
  const secret = () => randomBytes(24).toString('hex');
  const server = { registrationSecret: secret(), macaroonSecret: secret() };
  container.writeFile('/etc/matrix-synapse/homeserver.yaml', HOMESERVER_YAML(server.macaroonSecret, secret()));
  container.writeFile('/etc/matrix-synapse/conf.d/registration.yaml', `registration_shared_secret: "${server.registrationSecret}"\n`, 0o640);
  await container.exec(['chgrp', 'matrix-synapse', '/etc/matrix-synapse/conf.d/registration.yaml'], { okExitCodes: [0, 1] });
  await container.exec(['chown', 'matrix-synapse', '/etc/matrix-synapse/conf.d/registration.yaml']);
  await container.exec(['systemctl', 'reset-failed', 'matrix-synapse'], { okExitCodes: [0, 1] });
  await container.exec(['systemctl', 'restart', 'matrix-synapse']);
  await waitForSynapse(container);

  container.writeFile(HAND_VHOST, HTTP_VHOST);
  await container.exec(['ln', '-sf', HAND_VHOST, HAND_VHOST_LINK]);
  await container.exec(['systemctl', 'reload', 'nginx']);
  await container.exec(
    ['certbot', 'certonly', '--webroot', '-w', '/var/www/html', '-d', SERVER_NAME, '--server', pebble.directoryUrl, '-m', `admin@${SERVER_NAME}`, '--agree-tos', '--no-eff-email', '--non-interactive'],
    { env: { REQUESTS_CA_BUNDLE: pebble.listenerCaPath }, timeoutMs: 180_000 },
  );
  container.writeFile(HAND_VHOST, HTTP_VHOST + HTTPS_VHOST);
  await container.exec(['nginx', '-t']);
  await container.exec(['systemctl', 'reload', 'nginx']);
  return server;
}

export async function waitForSynapse(container: Container, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = await container.exec(['curl', '-fsS', 'http://127.0.0.1:8008/health'], { okExitCodes: Array.from({ length: 256 }, (_, i) => i) });
    if (health.exitCode === 0 && health.stdout.trim() === 'OK') return;
    if (Date.now() > deadline) {
      const journal = await container.exec(['journalctl', '-u', 'matrix-synapse', '-n', '40', '--no-pager'], { okExitCodes: [0, 1] });
      throw new Error(`Synapse did not answer on :8008 in ${timeoutMs / 1000} s:\n${journal.stdout}`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Users the guide's way: Debian's register tool with the shared secret from conf.d. */
export async function registerUser(container: Container, user: string, password: string): Promise<void> {
  await container.exec([
    'synapse_register_new_matrix_user', '-c', '/etc/matrix-synapse/conf.d/registration.yaml',
    '-u', user, '-p', password, '--no-admin', 'http://127.0.0.1:8008',
  ]);
}
