import type { Action, PackageRepository, PackagesAction, Step } from '../src/engine/types.js';
import type { Target } from '../src/host/target.js';

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
    return [
      { kind: 'packages', manager: 'dnf', names: ['ca-certificates', 'curl', 'gnupg2', 'openssl', 'policycoreutils-python-utils', 'dnf-plugins-core', ...epelReleasePackage(target)] },
    ];
  },
};

/** EPEL's release package where the distribution's own repositories carry it (RHEL itself installs it from a URL). */
function epelReleasePackage(target: Target): string[] {
  if (target.distro === 'rhel') return [];
  // Oracle Linux names its EPEL build differently.
  return [target.distro === 'ol' ? `oracle-epel-release-el${target.major}` : 'epel-release'];
}

/** CRB/PowerTools and EPEL, which certbot, coturn, jemalloc and Synapse's build dependencies come from on the RHEL family. */
export function epelRepository(target: Target): PackageRepository {
  return { id: 'epel', title: 'CRB and EPEL', setup: epelActions(target) };
}

/** Packages that come from the distribution on Debian and Ubuntu, and from EPEL (with CRB) on the RHEL family. */
export function packagesFromEpel(target: Target, names: string[]): PackagesAction {
  if (target.family === 'debian') return { kind: 'packages', manager: 'apt', names };
  return { kind: 'packages', manager: 'dnf', names, repositories: [epelRepository(target)] };
}

function epelActions(target: Target): Action[] {
  if (target.distro === 'rhel') {
    const repo = `codeready-builder-for-rhel-${target.major}-${rpmArch(target.arch)}-rpms`;
    return [
      enableRepository(repo, ['subscription-manager', 'repos', '--enable', repo]),
      {
        kind: 'command',
        description: 'Install EPEL',
        argv: ['dnf', 'install', '-y', `https://dl.fedoraproject.org/pub/epel/epel-release-latest-${target.major}.noarch.rpm`],
        unless: ['rpm', '-q', 'epel-release'],
      },
    ];
  }
  // The release package itself comes with the base packages (see epelReleasePackage).
  if (target.distro === 'ol') return [enableRepository(`ol${target.major}_codeready_builder`)];
  return [enableRepository(target.major === 8 ? 'powertools' : 'crb')];
}

function enableRepository(name: string, argv = ['dnf', 'config-manager', '--set-enabled', name]): Action {
  return {
    kind: 'command',
    description: `Enable the ${name} repository (EPEL packages depend on it)`,
    argv,
    unless: ['sh', '-c', `dnf repolist --enabled | grep -qi '^${name}\\b'`],
  };
}

function rpmArch(arch: string): string {
  return arch === 'amd64' ? 'x86_64' : arch === 'arm64' ? 'aarch64' : arch;
}
