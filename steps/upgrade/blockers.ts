import type { Answers } from '../../src/answers/types.js';
import type { Target } from '../../src/host/target.js';
import { elementIsNewer, type Inspection } from './inspect.js';
import { beyondKnownNotes, floorsFor, KNOWN_THROUGH } from './requirements.js';
import { compareDebianVersions, comparePythonVersions } from './versions.js';
import { checkText as t } from '../../src/i18n/messages/upgrade-check.js';
import type { Localized } from '../../src/i18n/localized.js';

/** What stands in the way of an upgrade: `blocks` stops it, `warns` is shown and asked about. */
export interface Blocker {
  id: string;
  component: 'synapse' | 'element' | 'machine';
  severity: 'blocks' | 'warns';
  message: Localized;
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
    add({ id: 'synapse.not-installed', component: 'synapse', severity: 'blocks', message: t.notInstalled({ method: describeMethod(inspection) }) });
  }
  const upgrade = synapseUpgradeAvailable(inspection);
  if (synapse.installed && synapse.candidate && !upgrade && synapse.candidate !== synapse.installed) {
    add({
      id: 'synapse.downgrade',
      component: 'synapse',
      severity: context.to ? 'blocks' : 'warns',
      message: t.downgrade({ candidate: synapse.candidate, installed: synapse.installed }),
    });
  }
  if (synapse.held) {
    add({
      id: 'synapse.held',
      component: 'synapse',
      severity: 'blocks',
      message: t.held({ package: synapse.packageName ?? '' }),
    });
  }
  if (synapse.method === 'venv' && context.answers.synapse.version !== 'latest' && !context.to) {
    add({
      id: 'synapse.pinned',
      component: 'synapse',
      severity: 'warns',
      message: t.pinned({ version: context.answers.synapse.version }),
    });
  }
  if (upgrade && synapse.candidateRelease) {
    const floors = floorsFor(synapse.candidateRelease);
    if (floors && synapse.method === 'venv' && synapse.python && comparePythonVersions(synapse.python, floors.python) < 0) {
      add({
        id: 'synapse.python',
        component: 'synapse',
        severity: 'blocks',
        message: t.needsPython({ release: synapse.candidateRelease, python: floors.python, current: synapse.python }),
      });
    }
    if (floors && database.postgresMajor !== undefined && database.postgresMajor < floors.postgres) {
      add({
        id: 'synapse.postgresql',
        component: 'synapse',
        severity: 'blocks',
        message: t.needsPostgres({ release: synapse.candidateRelease, postgres: floors.postgres, current: database.postgresMajor }),
      });
    }
    if (database.postgresMajor === undefined && database.unreadable) {
      add({ id: 'synapse.postgresql-unknown', component: 'synapse', severity: 'warns', message: t.postgresUnchecked({ reason: database.unreadable }) });
    }
    if (database.backgroundUpdates) {
      add({
        id: 'synapse.background-updates',
        component: 'synapse',
        severity: 'warns',
        message: t.backgroundUpdates({ count: database.backgroundUpdates }),
      });
    }
    if (beyondKnownNotes(synapse.candidateRelease)) {
      add({
        id: 'synapse.upgrade-notes',
        component: 'synapse',
        severity: 'warns',
        message: t.unknownNotes({ known: KNOWN_THROUGH, release: synapse.candidateRelease, url: UPGRADE_NOTES_URL }),
      });
    }
    const removed = (synapse.packageChanges ?? []).filter((c) => c.action === 'remove');
    if (removed.length > 0) {
      add({
        id: 'synapse.removes-packages',
        component: 'synapse',
        severity: 'blocks',
        message: t.removesPackages({ package: synapse.packageName ?? '', version: synapse.candidate ?? '', removed: removed.map((c) => c.name).join(', ') }),
      });
    }
    if (context.target.id === 'debian-unstable' && synapse.method !== 'venv') {
      const others = (synapse.packageChanges ?? []).filter((c) => c.name !== synapse.packageName);
      add({
        id: 'machine.testing-churn',
        component: 'machine',
        severity: 'warns',
        message: others.length ? t.testingChurnOthers({ count: others.length, packages: others.map((c) => c.name).join(', ') }) : t.testingChurn,
      });
    }
    if (synapse.method !== 'venv' && synapse.policy && synapse.installed && !keptPackageFindable(synapse.policy, synapse.installed)) {
      add({
        id: 'synapse.rollback-package',
        component: 'synapse',
        severity: 'warns',
        message: t.rollbackPackage({ package: synapse.packageName ?? '', version: synapse.installed }),
      });
    }
  }
  if (element.enabled && element.candidateRelease && element.candidateRelease !== element.installedRelease && !elementIsNewer(element.installed, element.candidate)) {
    add({
      id: 'element.older',
      component: 'element',
      severity: 'warns',
      message: t.elementOlder({ candidate: element.candidate ?? '', installed: element.installed ?? '' }),
    });
  }
  return blockers;
}

function keptPackageFindable(policy: NonNullable<Inspection['synapse']['policy']>, installed: string): boolean {
  const entry = policy.versions.find((v) => v.version === installed);
  return !!entry && entry.sources.some((s) => s !== '/var/lib/dpkg/status');
}

function describeMethod(inspection: Inspection): Localized {
  const { method, packageName } = inspection.synapse;
  return method === 'venv' ? t.methodVenv : t.methodPackage({ package: packageName ?? '' });
}

export function blocking(blockers: Blocker[]): Blocker[] {
  return blockers.filter((b) => b.severity === 'blocks');
}
