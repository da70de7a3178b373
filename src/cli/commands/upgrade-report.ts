import type { Blocker } from '../../../steps/upgrade/blockers.js';
import { describePackageChanges, type Inspection } from '../../../steps/upgrade/inspect.js';

/** `upgrade --check --json`: one object for scripts. */
export function checkJson(inspection: Inspection, blockers: Blocker[], upgrades: { synapse: boolean; element: boolean }) {
  const { synapse, element, database } = inspection;
  return {
    synapse: {
      method: synapse.method,
      ...(synapse.packageName ? { package: synapse.packageName } : {}),
      installed: synapse.installed ?? null,
      candidate: synapse.candidate ?? null,
      installed_release: synapse.installedRelease ?? null,
      candidate_release: synapse.candidateRelease ?? null,
      running: synapse.running ?? null,
      source: synapse.source,
      upgrade: upgrades.synapse,
      ...(synapse.packageChanges ? { package_changes: describePackageChanges(synapse.packageChanges) } : {}),
    },
    element: {
      enabled: element.enabled,
      installed: element.installed ?? null,
      candidate: element.candidate ?? null,
      installed_release: element.installedRelease ?? null,
      candidate_release: element.candidateRelease ?? null,
      source: element.source,
      upgrade: upgrades.element,
    },
    database: {
      postgresql: database.postgresMajor ?? null,
      schema_version: database.schemaVersion ?? null,
      schema_compat_version: database.compatVersion ?? null,
      background_updates: database.backgroundUpdates ?? null,
      ...(database.unreadable ? { unreadable: database.unreadable } : {}),
    },
    blockers: blockers.map((b) => ({ id: b.id, component: b.component, severity: b.severity, message: b.message })),
  };
}

/** `upgrade --check`: what is installed, what is available, what stands in the way. */
export function checkText(inspection: Inspection, blockers: Blocker[], upgrades: { synapse: boolean; element: boolean }): string {
  const { synapse, element, database } = inspection;
  const lines: string[] = [];
  const method = synapse.method === 'venv' ? 'virtualenv, pip' : synapse.method === 'apt' ? `matrix.org's package ${synapse.packageName}` : `Debian's package ${synapse.packageName}`;
  lines.push(`Synapse (${method})`);
  lines.push(`  installed:  ${synapse.installed ?? 'not found'}${synapse.installedRelease && synapse.installedRelease !== synapse.installed ? ` (Synapse ${synapse.installedRelease})` : ''}${synapse.running ? `, running ${synapse.running}` : ', not answering'}`);
  lines.push(`  available:  ${synapse.candidate ?? 'unknown'}   from ${synapse.source}`);
  if (upgrades.synapse && synapse.packageChanges?.length) lines.push(`  apt would change: ${describePackageChanges(synapse.packageChanges).join('; ')}`);
  if (element.enabled) {
    lines.push('Element Web');
    lines.push(`  installed:  ${element.installed ?? 'not found'}${element.installedRelease ? ` (${element.installedRelease})` : ''}`);
    lines.push(`  available:  ${element.candidate ?? 'unknown'}   from ${element.source}`);
  }
  lines.push(
    database.postgresMajor !== undefined
      ? `PostgreSQL ${database.postgresMajor}; Synapse's database schema ${database.schemaVersion ?? '?'} (a rollback can go back to code of schema ${database.compatVersion ?? '?'} or newer)`
      : `PostgreSQL: not checked (${database.unreadable ?? 'unknown'})`,
  );
  const blocks = blockers.filter((b) => b.severity === 'blocks');
  const warns = blockers.filter((b) => b.severity === 'warns');
  if (blocks.length) lines.push('', 'In the way:', ...blocks.map((b) => `  - ${b.message}`));
  if (warns.length) lines.push('', 'Warnings:', ...warns.map((b) => `  - ${b.message}`));
  lines.push('');
  const what = [
    ...(upgrades.synapse ? [`Synapse to ${synapse.candidate}`] : []),
    ...(upgrades.element ? [`Element Web to ${element.candidate}`] : []),
  ];
  if (what.length === 0) lines.push('Nothing to upgrade: everything is at the newest version available.');
  else if (blocks.length) lines.push(`An upgrade of ${what.join(' and ')} is available, but blocked (see above).`);
  else lines.push(`\`matrix-setup upgrade\` would upgrade ${what.join(' and ')} (it shows the plan and asks first).`);
  return `${lines.join('\n')}\n`;
}
