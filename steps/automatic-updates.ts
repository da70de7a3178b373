import type { Action, Step } from '../src/engine/types.js';
import type { Target } from '../src/host/target.js';
import { autoUpgradesConf, dnfAutomaticConf, type DnfUpgradeType } from './templates/automatic-updates.js';

/** CentOS Stream has no security advisories (updateinfo): only "every update" applies anything there. */
export function dnfUpgradeType(target: Target): DnfUpgradeType {
  return target.distro === 'centos' ? 'default' : 'security';
}

/**
 * The distro's automatic updates, opt-in: unattended-upgrades (its default origins are the
 * security archive only) or dnf-automatic with upgrade_type = security, except on CentOS
 * Stream, whose repositories carry no security advisories: there every update is applied.
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
      { kind: 'file', path: '/etc/dnf/automatic.conf', content: dnfAutomaticConf(dnfUpgradeType(target)), mode: 0o644, owner: 'root', group: 'root' },
      { kind: 'service', unit: 'dnf-automatic.timer', enable: true, start: true, onChange: 'restart' },
    ];
  },
  async verify(ctx) {
    if (ctx.target.family === 'rhel' && dnfUpgradeType(ctx.target) === 'default') {
      ctx.note(`${ctx.target.name} publishes no security advisories, so dnf-automatic applies every update, not only security fixes.`);
    }
  },
};
