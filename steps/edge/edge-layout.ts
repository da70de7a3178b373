import type { Answers } from '../../src/answers/types.js';
import type { Target } from '../../src/host/target.js';

/**
 * The public edge of an install, derived from the answers alone: which host names this
 * machine serves over HTTPS, what each of them serves, which ports are open, and where the
 * certificate lives. nginx, the certificate, the firewall and SELinux all read this one
 * description, so they cannot disagree.
 *
 * Decisions (and why):
 * - Federation when server_name is the Synapse host: port 8448, the spec's default, which
 *   works without any .well-known lookup and is what federation testers try first.
 * - Federation when server_name differs and delegation is auto or well-known: this machine
 *   serves https://server_name/.well-known/matrix/{server,client} itself and delegates
 *   federation to synapse_host:443, so 8448 is not needed. server_name is then one of the
 *   names on the certificate.
 * - delegation: none with a different server_name: the host of server_name serves the
 *   delegation files (they are printed, with where they go); federation still arrives on
 *   synapse_host:443.
 * - One certificate for every name served (one ACME order, one renewal, one deploy hook),
 *   named after the Synapse host. The price: every name must validate at each renewal,
 *   which holds because they all point at this machine.
 */
export interface EdgeLayout {
  synapseHost: string;
  serverName: string;
  /** Every name served over HTTPS here, Synapse host first: the certificate covers exactly these. */
  names: string[];
  vhosts: Vhost[];
  federation: FederationMode;
  /** Delegation files the user must place on another host (server_name not served here). */
  externalWellKnown?: { server?: string; client: string; url: string };
  ports: number[];
  certificate: CertificatePaths;
  element?: { host: string; root: string };
  maxBodySize: string;
  /** Send Strict-Transport-Security: only with a certificate browsers trust (not self-signed). */
  hsts: boolean;
}

/** How other servers reach Synapse: port 8448 on the same name, delegated to :443, or not at all. */
export type FederationMode = { kind: 'port-8448' } | { kind: 'delegated'; target: string } | { kind: 'off' };

export interface Vhost {
  host: string;
  /** Proxy /_matrix and /_synapse/client to Synapse. */
  synapse: boolean;
  /** JSON bodies of /.well-known/matrix/server and /client served here. */
  wellKnownServer?: string;
  wellKnownClient?: string;
  /** Serve Element Web at / from this root. */
  elementRoot?: string;
  /** Where / redirects when nothing else is served there. */
  rootRedirect?: string;
}

export interface CertificatePaths {
  /** certbot's --cert-name (letsencrypt) or a directory name. */
  name: string;
  fullchain: string;
  privkey: string;
}

export const ACME_WEBROOT = '/var/www/matrix-setup-acme';
export const ELEMENT_ROOT = '/var/www/element';
export const SELF_SIGNED_DIR = '/etc/matrix-setup/tls';
export const LETSENCRYPT_DIR = '/etc/letsencrypt';
export const SYNAPSE_UPSTREAM = 'http://127.0.0.1:8008';
/** Run by certbot (through a shell) after every issuance and renewal; a constant, never built from answers. */
export const DEPLOY_HOOK = 'systemctl reload nginx';

export function edgeLayout(answers: Answers, elementRoot = ELEMENT_ROOT): EdgeLayout {
  const synapseHost = answers.synapse_host.toLowerCase();
  const serverName = answers.server_name.toLowerCase();
  const separate = serverName !== synapseHost;
  const delegateHere = separate && answers.delegation !== 'none';
  const federation: FederationMode = !answers.federation
    ? { kind: 'off' }
    : separate
      ? { kind: 'delegated', target: `${synapseHost}:443` }
      : { kind: 'port-8448' };

  const clientJson = wellKnownClientJson(synapseHost);
  const serverJson = federation.kind === 'off' ? undefined : wellKnownServerJson(`${synapseHost}:443`);
  const element = answers.element.enabled ? { host: answers.element.host.toLowerCase(), root: `${elementRoot}/current` } : undefined;

  const vhosts = new Map<string, Vhost>();
  const vhost = (host: string): Vhost => {
    let found = vhosts.get(host);
    if (!found) vhosts.set(host, (found = { host, synapse: false }));
    return found;
  };
  const synapse = vhost(synapseHost);
  synapse.synapse = true;
  // Clients that look up the Synapse host itself (a user typing matrix.example.org) find it too.
  synapse.wellKnownClient = clientJson;
  if (delegateHere) {
    const name = vhost(serverName);
    name.wellKnownServer = serverJson;
    name.wellKnownClient = clientJson;
  }
  if (element) vhost(element.host).elementRoot = element.root;
  for (const v of vhosts.values()) {
    if (!v.elementRoot && element) v.rootRedirect = `https://${element.host}/`;
  }

  const names = [...vhosts.keys()];
  const ports = [80, 443, ...(federation.kind === 'port-8448' ? [8448] : [])];
  return {
    synapseHost,
    serverName,
    names,
    vhosts: [...vhosts.values()],
    federation,
    externalWellKnown:
      separate && !delegateHere ? { server: serverJson, client: clientJson, url: `https://${serverName}/.well-known/matrix/` } : undefined,
    ports,
    certificate: certificatePaths(answers, synapseHost),
    element,
    maxBodySize: answers.synapse.max_upload_size,
    hsts: answers.tls.mode !== 'self-signed',
  };
}

function certificatePaths(answers: Answers, synapseHost: string): CertificatePaths {
  switch (answers.tls.mode) {
    case 'letsencrypt':
      return { name: synapseHost, fullchain: `${LETSENCRYPT_DIR}/live/${synapseHost}/fullchain.pem`, privkey: `${LETSENCRYPT_DIR}/live/${synapseHost}/privkey.pem` };
    case 'existing':
      return { name: synapseHost, fullchain: answers.tls.cert_path ?? '', privkey: answers.tls.key_path ?? '' };
    case 'self-signed':
      return { name: synapseHost, fullchain: `${SELF_SIGNED_DIR}/${synapseHost}/fullchain.pem`, privkey: `${SELF_SIGNED_DIR}/${synapseHost}/privkey.pem` };
  }
}

export function wellKnownServerJson(target: string): string {
  return JSON.stringify({ 'm.server': target });
}

export function wellKnownClientJson(synapseHost: string): string {
  return JSON.stringify({ 'm.homeserver': { base_url: `https://${synapseHost}` } });
}

/** Where nginx reads matrix-setup's files on each family, and how the site is switched on. */
export interface NginxPaths {
  /** The file that is written. */
  httpFile: string;
  httpsFile: string;
  /** Debian/Ubuntu: the sites-enabled link to each file. */
  httpLink?: string;
  httpsLink?: string;
}

export function nginxPaths(target: Target, root = '/etc/nginx'): NginxPaths {
  if (target.family === 'debian') {
    return {
      httpFile: `${root}/sites-available/matrix-setup-http.conf`,
      httpsFile: `${root}/sites-available/matrix-setup-https.conf`,
      httpLink: `${root}/sites-enabled/matrix-setup-http.conf`,
      httpsLink: `${root}/sites-enabled/matrix-setup-https.conf`,
    };
  }
  // conf.d/*.conf is included inside nginx.conf's http block; the stock default server there
  // listens on 80 without our names, so it only answers for host names nobody configured.
  return { httpFile: `${root}/conf.d/matrix-setup-http.conf`, httpsFile: `${root}/conf.d/matrix-setup-https.conf` };
}
