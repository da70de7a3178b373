import type { Answers } from '../../src/answers/types.js';
import type { Target } from '../../src/host/target.js';
import { elementIsNewer, type Inspection } from './inspect.js';
import { beyondKnownNotes, floorsFor, KNOWN_THROUGH } from './requirements.js';
import { compareDebianVersions, comparePythonVersions } from './versions.js';

/** What stands in the way of an upgrade: `blocks` stops it, `warns` is shown and asked about. */
export interface Blocker {
  id: string;
  component: 'synapse' | 'element' | 'machine';
  severity: 'blocks' | 'warns';
  message: string;
}

export const UPGRADE_NOTES_URL = 'https://element-hq.github.io/synapse/latest/upgrade.html';

/** Whether Synapse has a newer version to go to (an older --to is a rollback's job). */
export function synapseUpgradeAvailable(inspection: Inspection): boolean {
  const { installed, candidate, method } = inspection.synapse;
  if (!installed || !candidate || installed === candidate) return false;
  return (method === 'venv' ? comparePythonVersions(candidate, installed) : compareDebianVersions(candidate, installed)) > 0;
}

export function elementUpgradeAvailable(inspection: Inspection): boolean {
  const { enabled, installedRelease, candidateRelease, installed, candidate } = inspection.element;
  return enabled && candidateRelease !== installedRelease && elementIsNewer(installed, candidate);
}

export function findBlockers(inspection: Inspection, context: { answers: Answers; target: Target; to?: string }): Blocker[] {
  const blockers: Blocker[] = [];
  const add = (blocker: Blocker) => blockers.push(blocker);
  const { synapse, element, database } = inspection;

  for (const note of synapse.notes) add({ id: 'synapse.candidate', component: 'synapse', severity: context.to ? 'blocks' : 'warns', message: note });
  if (!synapse.installed) {
    add({ id: 'synapse.not-installed', component: 'synapse', severity: 'blocks', message: `Synapse is not installed the way the answers say (${describeMethod(inspection)}).` });
  }
  const upgrade = synapseUpgradeAvailable(inspection);
  if (synapse.installed && synapse.candidate && !upgrade && synapse.candidate !== synapse.installed) {
    add({
      id: 'synapse.downgrade',
      component: 'synapse',
      severity: context.to ? 'blocks' : 'warns',
      message: `${synapse.candidate} is older than the installed ${synapse.installed}: an upgrade never downgrades (\`matrix-setup upgrade --rollback\` undoes the last upgrade).`,
    });
  }
  if (synapse.held) {
    add({
      id: 'synapse.held',
      component: 'synapse',
      severity: 'blocks',
      message: `${synapse.packageName} is on hold (apt-mark hold): someone chose to keep this version. Run \`apt-mark unhold ${synapse.packageName}\` first if the upgrade is wanted.`,
    });
  }
  if (synapse.method === 'venv' && context.answers.synapse.version !== 'latest' && !context.to) {
    add({
      id: 'synapse.pinned',
      component: 'synapse',
      severity: 'warns',
      message: `synapse.version is pinned to ${context.answers.synapse.version} in the answers, so that is the version kept; \`matrix-setup upgrade --to VERSION\` moves the pin.`,
    });
  }
  if (upgrade && synapse.candidateRelease) {
    const floors = floorsFor(synapse.candidateRelease);
    if (floors && synapse.method === 'venv' && synapse.python && comparePythonVersions(synapse.python, floors.python) < 0) {
      add({
        id: 'synapse.python',
        component: 'synapse',
        severity: 'blocks',
        message: `Synapse ${synapse.candidateRelease} needs Python ${floors.python} or newer; the virtualenv runs Python ${synapse.python}. Recreate it on a newer Python first.`,
      });
    }
    if (floors && database.postgresMajor !== undefined && database.postgresMajor < floors.postgres) {
      add({
        id: 'synapse.postgresql',
        component: 'synapse',
        severity: 'blocks',
        message: `Synapse ${synapse.candidateRelease} needs PostgreSQL ${floors.postgres} or newer; the database runs PostgreSQL ${database.postgresMajor}. Upgrade PostgreSQL first (dump, new cluster, restore).`,
      });
    }
    if (database.postgresMajor === undefined && database.unreadable) {
      add({ id: 'synapse.postgresql-unknown', component: 'synapse', severity: 'warns', message: `PostgreSQL's version was not checked: ${database.unreadable}.` });
    }
    if (database.backgroundUpdates) {
      add({
        id: 'synapse.background-updates',
        component: 'synapse',
        severity: 'warns',
        message: `Synapse is still running ${database.backgroundUpdates} background update${database.backgroundUpdates === 1 ? '' : 's'} of its database; Synapse advises waiting until they are done before the next upgrade (GET /_synapse/admin/v1/background_updates/status).`,
      });
    }
    if (beyondKnownNotes(synapse.candidateRelease)) {
      add({
        id: 'synapse.upgrade-notes',
        component: 'synapse',
        severity: 'warns',
        message: `This matrix-setup knows Synapse's upgrade notes up to ${KNOWN_THROUGH}; read those of every release up to ${synapse.candidateRelease} (${UPGRADE_NOTES_URL}).`,
      });
    }
    const removed = (synapse.packageChanges ?? []).filter((c) => c.action === 'remove');
    if (removed.length > 0) {
      add({
        id: 'synapse.removes-packages',
        component: 'synapse',
        severity: 'blocks',
        message: `Installing ${synapse.packageName} ${synapse.candidate} would remove ${removed.map((c) => c.name).join(', ')}; matrix-setup does not remove packages. Resolve it with apt yourself.`,
      });
    }
    if (context.target.id === 'debian-unstable' && synapse.method !== 'venv') {
      const others = (synapse.packageChanges ?? []).filter((c) => c.name !== synapse.packageName);
      add({
        id: 'machine.testing-churn',
        component: 'machine',
        severity: 'warns',
        message:
          `Debian testing/unstable changes every day: ${others.length ? `this upgrade also changes ${others.length} other package${others.length === 1 ? '' : 's'} (${others.map((c) => c.name).join(', ')})` : 'other packages may move under Synapse between runs'}; ` +
          'only Synapse and what it needs are installed, never a whole-system upgrade.',
      });
    }
    if (synapse.method !== 'venv' && synapse.policy && synapse.installed && !keptPackageFindable(synapse.policy, synapse.installed)) {
      add({
        id: 'synapse.rollback-package',
        component: 'synapse',
        severity: 'warns',
        message: `${synapse.packageName} ${synapse.installed} is no longer offered by the package sources; a rollback needs its .deb in /var/cache/apt/archives (the upgrade keeps a copy if it is there).`,
      });
    }
  }
  if (element.enabled && element.candidateRelease && element.candidateRelease !== element.installedRelease && !elementIsNewer(element.installed, element.candidate)) {
    add({
      id: 'element.older',
      component: 'element',
      severity: 'warns',
      message: `The configured Element Web ${element.candidate} is older than the installed ${element.installed}; an upgrade never goes back (\`matrix-setup upgrade --rollback\` does).`,
    });
  }
  return blockers;
}

function keptPackageFindable(policy: NonNullable<Inspection['synapse']['policy']>, installed: string): boolean {
  const entry = policy.versions.find((v) => v.version === installed);
  return !!entry && entry.sources.some((s) => s !== '/var/lib/dpkg/status');
}

function describeMethod(inspection: Inspection): string {
  const { method, packageName } = inspection.synapse;
  return method === 'venv' ? 'a virtualenv in /opt/venvs/matrix-synapse' : `the package ${packageName}`;
}

export function blocking(blockers: Blocker[]): Blocker[] {
  return blockers.filter((b) => b.severity === 'blocks');
}
