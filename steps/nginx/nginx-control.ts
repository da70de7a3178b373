/**
 * How matrix-setup tests, reloads and starts nginx. The system's nginx by default; tests
 * pass a private one (`nginx -p DIR -c FILE` on a high port) and run the very same code.
 */
export interface NginxControl {
  /** Checks the whole configuration without touching the running server. */
  test: string[];
  /** Read-only probe: exit 0 when nginx runs. */
  running: string[];
  reload: string[];
  start: string[];
}

export const SYSTEM_NGINX: NginxControl = {
  test: ['nginx', '-t'],
  running: ['systemctl', 'is-active', '--quiet', 'nginx'],
  reload: ['systemctl', 'reload', 'nginx'],
  start: ['systemctl', 'start', 'nginx'],
};

/** Where the fingerprint of the configuration nginx was last reloaded with is kept. */
export const NGINX_STAMP_DIR = '/var/lib/matrix-setup/nginx';
