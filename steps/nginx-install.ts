import type { Action, Step } from '../src/engine/types.js';
import { ACME_WEBROOT } from './edge/edge-layout.js';
import { systemText as t } from '../src/i18n/messages/steps-system.js';

/** nginx from the distribution, running, plus the directory certbot answers ACME challenges from. */
export const nginxInstallStep: Step = {
  id: 'nginx-install',
  title: t.nginxInstallTitle,
  needs: ['base-packages'],
  plan({ target }): Action[] {
    return [
      { kind: 'packages', manager: target.family === 'debian' ? 'apt' : 'dnf', names: ['nginx'] },
      { kind: 'directory', path: ACME_WEBROOT, mode: 0o755, owner: 'root', group: 'root' },
      { kind: 'service', unit: 'nginx', enable: true, start: true, onChange: 'reload' },
    ];
  },
};
