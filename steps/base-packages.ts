import type { Action, Step } from '../src/engine/types.js';
import { rhelRepositoryActions } from './rhel/repositories.js';

/**
 * The tools every later step relies on; on the RHEL family also CRB/PowerTools and EPEL,
 * which certbot, coturn and Synapse's build dependencies come from.
 * (The packages action refreshes the package index itself, only when something is missing.)
 */
export const basePackagesStep: Step = {
  id: 'base-packages',
  title: 'Base packages',
  needs: ['preflight'],
  plan({ target }): Action[] {
    if (target.family === 'debian') {
      return [{ kind: 'packages', manager: 'apt', names: ['ca-certificates', 'curl', 'gnupg', 'openssl', 'debconf-utils'] }];
    }
    return [
      { kind: 'packages', manager: 'dnf', names: ['ca-certificates', 'curl', 'gnupg2', 'openssl', 'policycoreutils-python-utils', 'dnf-plugins-core'] },
      ...rhelRepositoryActions(target),
    ];
  },
};
