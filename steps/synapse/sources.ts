import type { Answers, SynapseSource } from '../../src/answers/types.js';
import { AnswersError } from '../../src/errors.js';
import type { Target } from '../../src/host/target.js';
import { synapseText as t } from '../../src/i18n/messages/steps-synapse.js';
import { listOf, type Localized } from '../../src/i18n/localized.js';

/**
 * Where each kind of Synapse install keeps its files and what its tools are called.
 * Every difference between the matrix.org package, Debian's own package and a venv
 * lives in this one table; steps read it instead of asking "which source?" themselves.
 */
export interface SynapseLayout {
  source: SynapseSource;
  /** The distro package that brings Synapse (apt, distro); undefined for a venv. */
  packageName?: string;
  /** Distro packages to install: the Synapse package and what it needs for PostgreSQL, or the venv's build dependencies. */
  packages: string[];
  /** Python that can import synapse. */
  python: string;
  /** The virtualenv holding Synapse (the matrix.org package ships one too). */
  venv?: string;
  /** The user-registration tool of this source. */
  registerTool: string;
  /** Synapse's SQLite → PostgreSQL port tool (synapse_port_db) of this source. */
  portDbTool: string;
  /** Synapse's offline schema and background-update tool (update_synapse_database) of this source. */
  updateDbTool: string;
  configDir: string;
  homeserverYaml: string;
  /** Directory of drop-ins Synapse reads after homeserver.yaml. */
  confDir: string;
  /** The drop-in matrix-setup owns (packages only); a venv gets a complete homeserver.yaml instead. */
  dropIn?: string;
  /** Where the package's debconf answers live (packages only). */
  serverNameFile?: string;
  reportStatsFile?: string;
  logConfig: string;
  signingKey: string;
  dataDir: string;
  mediaStore: string;
  logDir: string;
  logFile: string;
  user: string;
  group: string;
  /** Owner, group and mode of the files holding Synapse's secrets (the drop-in or homeserver.yaml). */
  secretFile: { owner: string; group: string; mode: number };
  unit: string;
  /** True when the package ships the unit; matrix-setup then only adds a drop-in. */
  unitShipped: boolean;
  /** The unit file (venv) or unit drop-in (packages) matrix-setup writes. */
  unitFile: string;
  /** The --config-path arguments Synapse is started with, in order. */
  configPaths: string[];
}

export const SYNAPSE_UNIT = 'matrix-synapse.service';
export const SYNAPSE_LISTEN = { host: '127.0.0.1', port: 8008 } as const;

const CONFIG_DIR = '/etc/matrix-synapse';
const DATA_DIR = '/var/lib/matrix-synapse';
const LOG_DIR = '/var/log/matrix-synapse';
const VENV = '/opt/venvs/matrix-synapse';

/** Paths both packages share (Debian's own package kept the layout of matrix.org's). */
const PACKAGED = {
  configDir: CONFIG_DIR,
  homeserverYaml: `${CONFIG_DIR}/homeserver.yaml`,
  confDir: `${CONFIG_DIR}/conf.d`,
  // Named to sort after the packages' server_name.yaml and report_stats.yaml: later files win.
  dropIn: `${CONFIG_DIR}/conf.d/zz-matrix-setup.yaml`,
  serverNameFile: `${CONFIG_DIR}/conf.d/server_name.yaml`,
  reportStatsFile: `${CONFIG_DIR}/conf.d/report_stats.yaml`,
  logConfig: `${CONFIG_DIR}/log.yaml`,
  signingKey: `${CONFIG_DIR}/homeserver.signing.key`,
  dataDir: DATA_DIR,
  mediaStore: `${DATA_DIR}/media`,
  logDir: LOG_DIR,
  logFile: `${LOG_DIR}/homeserver.log`,
  user: 'matrix-synapse',
  unit: SYNAPSE_UNIT,
  unitShipped: true,
  unitFile: `/etc/systemd/system/${SYNAPSE_UNIT}.d/matrix-setup.conf`,
  configPaths: [`${CONFIG_DIR}/homeserver.yaml`, `${CONFIG_DIR}/conf.d/`],
};

export function synapseLayout(answers: Answers, target: Target): SynapseLayout {
  const source = resolveSynapseSource(answers, target);
  switch (source) {
    case 'apt':
      return {
        ...PACKAGED,
        source,
        packageName: 'matrix-synapse-py3',
        // psycopg2 in the package's venv links against libpq, which the package only recommends.
        packages: ['matrix-synapse-py3', 'libpq5'],
        python: `${VENV}/bin/python`,
        venv: VENV,
        registerTool: 'register_new_matrix_user',
        portDbTool: `${VENV}/bin/synapse_port_db`,
        updateDbTool: `${VENV}/bin/update_synapse_database`,
        group: 'matrix-synapse',
        secretFile: { owner: 'root', group: 'matrix-synapse', mode: 0o640 },
      };
    case 'distro':
      return {
        ...PACKAGED,
        source,
        packageName: 'matrix-synapse',
        packages: ['matrix-synapse', 'python3-psycopg2'],
        python: '/usr/bin/python3',
        registerTool: 'synapse_register_new_matrix_user',
        portDbTool: '/usr/bin/synapse_port_db',
        updateDbTool: '/usr/bin/synapse_update_database',
        group: 'nogroup',
        // Its group is the shared nogroup: a group-readable file would show the secrets to other daemons.
        secretFile: { owner: 'matrix-synapse', group: 'root', mode: 0o600 },
      };
    case 'venv':
      return {
        source,
        packages: venvBuildPackages(target),
        python: `${VENV}/bin/python`,
        venv: VENV,
        registerTool: `${VENV}/bin/register_new_matrix_user`,
        portDbTool: `${VENV}/bin/synapse_port_db`,
        updateDbTool: `${VENV}/bin/update_synapse_database`,
        configDir: CONFIG_DIR,
        homeserverYaml: `${CONFIG_DIR}/homeserver.yaml`,
        // Read after homeserver.yaml as with the packages, so other drop-ins (email, TURN) work the same everywhere.
        confDir: `${CONFIG_DIR}/conf.d`,
        logConfig: `${CONFIG_DIR}/log.yaml`,
        // In the data directory: Synapse generates it as its own user, which may not write to /etc.
        signingKey: `${DATA_DIR}/homeserver.signing.key`,
        dataDir: DATA_DIR,
        mediaStore: `${DATA_DIR}/media`,
        logDir: LOG_DIR,
        logFile: `${LOG_DIR}/homeserver.log`,
        user: 'matrix-synapse',
        group: 'matrix-synapse',
        secretFile: { owner: 'root', group: 'matrix-synapse', mode: 0o640 },
        unit: SYNAPSE_UNIT,
        unitShipped: false,
        unitFile: `/etc/systemd/system/${SYNAPSE_UNIT}`,
        configPaths: [`${CONFIG_DIR}/homeserver.yaml`, `${CONFIG_DIR}/conf.d/`],
      };
  }
}

/** What builds Synapse and its dependencies from PyPI (wheels cover most, not every architecture). */
function venvBuildPackages(target: Target): string[] {
  if (target.family === 'debian') {
    return ['build-essential', 'python3-dev', 'python3-venv', 'libffi-dev', 'libssl-dev', 'libjpeg-dev', 'libxslt1-dev', 'libpq-dev', 'pkg-config'];
  }
  const python = target.venvPython;
  return [...(python === 'python3' ? [] : [python]), 'gcc', `${python}-devel`, 'libffi-devel', 'openssl-devel', 'libjpeg-turbo-devel', 'libpq-devel', 'lz4', 'pkgconf'];
}

/**
 * `synapse.install: auto` becomes the best source for the target; an explicit source the
 * target cannot use is an answers error (exit 2, nothing run) that says what works instead.
 */
export function resolveSynapseSource(answers: Answers, target: Target): SynapseSource {
  const wanted = answers.synapse.install;
  if (wanted === 'auto') {
    const best = target.synapseSources[0];
    if (!best) throw new AnswersError([{ path: 'synapse.install', message: t.noWay({ system: target.name }) }]);
    return best;
  }
  if (target.synapseSources.includes(wanted)) {
    if (wanted === 'apt' && !target.codename) {
      throw new AnswersError([{ path: 'synapse.install', message: t.aptNeedsCodename({ system: target.name }) }]);
    }
    return wanted;
  }
  throw new AnswersError([{ path: 'synapse.install', message: t.notAvailable({ source: wanted, system: target.name, arch: target.arch, why: whyNot(wanted, target) }) }]);
}

function whyNot(source: SynapseSource, target: Target): Localized {
  const instead = t.useInstead({ sources: listOf(target.synapseSources.map((s) => `"${s}"`), 'or') });
  if (source === 'apt') return (target.family !== 'debian' ? t.aptDebianOnly : t.aptAmd64Only)({ instead });
  if (source === 'distro') return t.distroUnstableOnly({ instead });
  return instead;
}
