import type { Answers } from '../../src/answers/types.js';
import type { Action, TaskAction } from '../../src/engine/types.js';
import type { Target } from '../../src/host/target.js';
import { packagesFromEpel } from '../base-packages.js';
import type { SynapseLayout } from './sources.js';

/**
 * Exit 0 when the venv holds matrix-synapse (at the wanted version, unless 'latest') and
 * psycopg2. The version comes in as an argument, never as part of the code.
 */
const INSTALLED_PROBE =
  'import importlib.metadata as m, sys; v = m.version("matrix-synapse"); m.version("psycopg2"); sys.exit(sys.argv[1] not in ("latest", v))';

export function venvRequirement(version: string): string {
  return version === 'latest' ? 'matrix-synapse[postgres]' : `matrix-synapse[postgres]==${version}`;
}

/**
 * Synapse from PyPI: a system user, its directories, a venv on a Python >= 3.10 and
 * `pip install matrix-synapse[postgres]` at the version from the answers.
 */
export function venvInstallActions(answers: Answers, target: Target, layout: SynapseLayout, existingInstall?: TaskAction): Action[] {
  const venv = layout.venv!;
  const pip = [`${venv}/bin/python`, '-m', 'pip'];
  const installed = [`${venv}/bin/python`, '-c', INSTALLED_PROBE, answers.synapse.version];
  const pipEnv = { PIP_DISABLE_PIP_VERSION_CHECK: '1', PIP_NO_INPUT: '1' };
  return [
    // On the RHEL family some -devel packages are in CRB.
    { ...packagesFromEpel(target, layout.packages), ...(existingInstall ? { checks: [existingInstall] } : {}) },
    {
      kind: 'command',
      description: `Create the system user ${layout.user} that runs Synapse`,
      argv: ['useradd', '--system', '--user-group', '--home-dir', layout.dataDir, '--no-create-home', '--shell', '/usr/sbin/nologin', layout.user],
      unless: ['id', '-u', layout.user],
    },
    { kind: 'directory', path: layout.configDir, owner: 'root', group: layout.group, mode: 0o750 },
    { kind: 'directory', path: layout.confDir, owner: 'root', group: layout.group, mode: 0o750 },
    { kind: 'directory', path: layout.dataDir, owner: layout.user, group: layout.group, mode: 0o750 },
    // Not the media store: it would be managed inside the data directory, which the service user
    // can write (and so swap for a link); Synapse creates it itself on start.
    { kind: 'directory', path: layout.logDir, owner: layout.user, group: layout.group, mode: 0o750 },
    {
      kind: 'command',
      description: `Create a Python virtualenv for Synapse in ${venv} with ${target.venvPython}`,
      argv: [target.venvPython, '-m', 'venv', venv],
      creates: `${venv}/bin/python`,
    },
    {
      kind: 'command',
      description: 'Update pip in the virtualenv (old pips cannot install current wheels)',
      argv: [...pip, 'install', '--upgrade', 'pip', 'setuptools', 'wheel'],
      env: pipEnv,
      unless: installed,
      timeoutMs: 10 * 60 * 1000,
    },
    {
      kind: 'command',
      description: `Install ${venvRequirement(answers.synapse.version)} from PyPI`,
      argv: [...pip, 'install', venvRequirement(answers.synapse.version)],
      env: pipEnv,
      unless: installed,
      // Where no wheel fits, pip compiles (Rust and C): slow on small machines.
      timeoutMs: 45 * 60 * 1000,
    },
  ];
}
