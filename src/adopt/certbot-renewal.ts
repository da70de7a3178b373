/**
 * certbot's renewal configuration (/etc/letsencrypt/renewal/NAME.conf): which ACME server a
 * lineage came from, with which account, and how it renews (authenticator, webroot).
 */
export interface RenewalConfig {
  name: string;
  /** The live paths it keeps current. */
  cert?: string;
  privkey?: string;
  fullchain?: string;
  server?: string;
  account?: string;
  authenticator?: string;
  installer?: string;
  webrootPath?: string[];
  /** domain → webroot. */
  webrootMap: Record<string, string>;
  /** Hooks run after each renewal. */
  deployHook?: string;
  renewHook?: string;
}

/** Parses the ConfigObj-style file: `key = value` lines, `[section]` and `[[subsection]]` headers. */
export function parseRenewalConfig(name: string, text: string): RenewalConfig {
  const config: RenewalConfig = { name, webrootMap: {} };
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const header = /^(\[+)\s*([^\]]+?)\s*\]+$/.exec(line);
    if (header) {
      section = header[2];
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (section === '') {
      if (key === 'cert') config.cert = value;
      if (key === 'privkey') config.privkey = value;
      if (key === 'fullchain') config.fullchain = value;
    } else if (section === 'renewalparams') {
      if (key === 'server') config.server = value;
      if (key === 'account') config.account = value;
      if (key === 'authenticator') config.authenticator = value;
      if (key === 'installer' && value !== 'None') config.installer = value;
      if (key === 'webroot_path') config.webrootPath = value.split(',').map((p) => p.trim()).filter(Boolean);
      if (key === 'deploy_hook' || key === 'renew_hook') config[key === 'deploy_hook' ? 'deployHook' : 'renewHook'] = value;
    } else if (section === 'webroot_map') {
      config.webrootMap[key] = value;
    }
  }
  return config;
}

/** The lineage name of a certificate path under certbot's live directory, e.g. /etc/letsencrypt/live/NAME/fullchain.pem → NAME. */
export function lineageOfPath(path: string, configDir = '/etc/letsencrypt'): string | undefined {
  const prefix = `${configDir.replace(/\/+$/, '')}/live/`;
  if (!path.startsWith(prefix)) return undefined;
  const name = path.slice(prefix.length).split('/')[0];
  return name || undefined;
}

/**
 * The contact address of a certbot account (accounts/<server>/directory/<id>/regr.json), if
 * certbot stored it: `{"body": {"contact": ["mailto:…"]}}`.
 */
export function accountEmail(regrJson: string): string | undefined {
  try {
    const regr = JSON.parse(regrJson) as { body?: { contact?: unknown } };
    const contact = Array.isArray(regr.body?.contact) ? regr.body!.contact : [];
    const mail = contact.find((c): c is string => typeof c === 'string' && c.startsWith('mailto:'));
    return mail?.slice('mailto:'.length);
  } catch {
    return undefined;
  }
}

/** Where certbot keeps an account: accounts/<host of the ACME directory + its path>/<id>. */
export function accountDirectory(server: string, account: string, configDir = '/etc/letsencrypt'): string | undefined {
  try {
    const url = new URL(server);
    return `${configDir}/accounts/${url.host}${url.pathname}/${account}`.replace(/\/{2,}/g, '/');
  } catch {
    return undefined;
  }
}
