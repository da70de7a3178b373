import type { Action, Step } from '../src/engine/types.js';
import { autoUpgradesConf, dnfAutomaticConf } from './templates/automatic-updates.js';

/**
 * The distro's automatic security updates, opt-in: unattended-upgrades (its default origins
 * are the security archive only) or dnf-automatic with upgrade_type = security.
 * Synapse from matrix.org or PyPI is not among them: its upgrades stay deliberate.
 */
export const automaticUpdatesStep: Step = {
  id: 'automatic-updates',
  title: 'Automatic security updates',
  needs: ['base-packages'],
  skip({ answers }) {
    return answers.automatic_updates ? undefined : 'automatic_updates is false';
  },
  plan({ target }): Action[] {
    if (target.family === 'debian') {
      return [
        { kind: 'packages', manager: 'apt', names: ['unattended-upgrades'] },
        { kind: 'file', path: '/etc/apt/apt.conf.d/20auto-upgrades', content: autoUpgradesConf(), mode: 0o644, owner: 'root', group: 'root' },
        { kind: 'service', unit: 'apt-daily-upgrade.timer', enable: true, start: true, onChange: 'restart' },
      ];
    }
    return [
      { kind: 'packages', manager: 'dnf', names: ['dnf-automatic'] },
      { kind: 'file', path: '/etc/dnf/automatic.conf', content: dnfAutomaticConf(), mode: 0o644, owner: 'root', group: 'root' },
      { kind: 'service', unit: 'dnf-automatic.timer', enable: true, start: true, onChange: 'restart' },
    ];
  },
};
