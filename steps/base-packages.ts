import type { Action, Step } from '../src/engine/types.js';
import type { Target } from '../src/host/target.js';

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
      ...epelActions(target),
    ];
  },
};

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
  if (target.distro === 'ol') {
    // Oracle Linux names its builder repository and its EPEL build differently.
    return [enableRepository(`ol${target.major}_codeready_builder`), { kind: 'packages', manager: 'dnf', names: [`oracle-epel-release-el${target.major}`] }];
  }
  return [enableRepository(target.major === 8 ? 'powertools' : 'crb'), { kind: 'packages', manager: 'dnf', names: ['epel-release'] }];
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
