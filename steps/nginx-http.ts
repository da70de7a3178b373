import type { Answers } from '../src/answers/types.js';
import type { Action, Step } from '../src/engine/types.js';
import type { Target } from '../src/host/target.js';
import { ACME_WEBROOT, edgeLayout, nginxPaths } from './edge/edge-layout.js';
import { applyNginxConfigTask, type NginxConfigChange } from './nginx/apply-nginx-config.js';
import { NGINX_STAMP_DIR } from './nginx/nginx-control.js';
import { nginxHttpVhost } from './templates/nginx-http-vhost.js';
import { edgeText as t } from '../src/i18n/messages/steps-edge.js';

/**
 * Port 80 for every name served here: ACME challenges from the webroot, everything else
 * redirected to HTTPS. Written before the certificate exists (certbot needs it); the HTTPS
 * side follows in nginx-https once there is a certificate to point at.
 */
export const nginxHttpStep: Step = {
  id: 'nginx-http',
  title: t.httpTitle,
  needs: ['nginx-install', 'firewall'],
  plan({ answers, target }): Action[] {
    const layout = edgeLayout(answers);
    return [applyNginxConfigTask(t.httpTask({ names: layout.names.join(', ') }), nginxHttpChange(answers, target))];
  },
};

/** The files of this step; the nginx directory and stamp directory move for tests. */
export function nginxHttpChange(answers: Answers, target: Target, nginxRoot = '/etc/nginx', stampDir = NGINX_STAMP_DIR): NginxConfigChange {
  const paths = nginxPaths(target, nginxRoot);
  return {
    files: [{ path: paths.httpFile, content: nginxHttpVhost(edgeLayout(answers), ACME_WEBROOT) }],
    links: paths.httpLink ? [{ path: paths.httpLink, target: paths.httpFile }] : [],
    stampFile: `${stampDir}/http.sha256`,
  };
}
