import type { Action, PackageRepository, PackagesAction, Step } from '../src/engine/types.js';
import type { Target } from '../src/host/target.js';
import { rhelRepositoryActions } from './rhel/repositories.js';

/**
 * The tools every later step relies on. (They are installed with every other step's
 * packages in the run's package transaction; this step checks they are there.)
 */
export const basePackagesStep: Step = {
  id: 'base-packages',
  title: 'Base packages',
  needs: ['preflight'],
  plan({ target }): Action[] {
    if (target.family === 'debian') {
      return [{ kind: 'packages', manager: 'apt', names: ['ca-certificates', 'curl', 'gnupg', 'openssl', 'debconf-utils'] }];
    }
    return [{ kind: 'packages', manager: 'dnf', names: ['ca-certificates', 'curl', 'gnupg2', 'openssl', 'policycoreutils-python-utils', 'dnf-plugins-core'] }];
  },
};

/**
 * CRB/PowerTools and EPEL (steps/rhel/repositories.ts), which certbot, coturn, jemalloc and
 * Synapse's build dependencies come from on the RHEL family: set up by the second package
 * transaction, before it installs them.
 */
export function epelRepository(target: Target): PackageRepository {
  return { id: 'epel', title: 'CRB and EPEL', setup: rhelRepositoryActions(target) };
}

/** Packages that come from the distribution on Debian and Ubuntu, and from EPEL (with CRB) on the RHEL family. */
export function packagesFromEpel(target: Target, names: string[]): PackagesAction {
  if (target.family === 'debian') return { kind: 'packages', manager: 'apt', names };
  return { kind: 'packages', manager: 'dnf', names, repositories: [epelRepository(target)] };
}
