import type { Blocker } from '../../../steps/upgrade/blockers.js';
import { describePackageChanges, type Inspection } from '../../../steps/upgrade/inspect.js';
import type { Lang } from '../../i18n/language.js';
import { listOf, type Localized } from '../../i18n/localized.js';
import { day2Text as t } from '../../i18n/messages/day2.js';

/** `upgrade --check --json`: one object for scripts. */
export function checkJson(inspection: Inspection, blockers: Blocker[], upgrades: { synapse: boolean; element: boolean }, lang: Lang) {
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
      source: synapse.source[lang],
      upgrade: upgrades.synapse,
      ...(synapse.packageChanges ? { package_changes: describePackageChanges(synapse.packageChanges) } : {}),
    },
    element: {
      enabled: element.enabled,
      installed: element.installed ?? null,
      candidate: element.candidate ?? null,
      installed_release: element.installedRelease ?? null,
      candidate_release: element.candidateRelease ?? null,
      source: element.source[lang],
      upgrade: upgrades.element,
    },
    database: {
      postgresql: database.postgresMajor ?? null,
      schema_version: database.schemaVersion ?? null,
      schema_compat_version: database.compatVersion ?? null,
      background_updates: database.backgroundUpdates ?? null,
      ...(database.unreadable ? { unreadable: database.unreadable[lang] } : {}),
    },
    blockers: blockers.map((b) => ({ id: b.id, component: b.component, severity: b.severity, message: b.message[lang] })),
  };
}

/** `upgrade --check`: what is installed, what is available, what stands in the way. */
export function checkText(inspection: Inspection, blockers: Blocker[], upgrades: { synapse: boolean; element: boolean }, lang: Lang): string {
  const { synapse, element, database } = inspection;
  const l = (text: Localized) => text[lang];
  const lines: string[] = [];
  const method = synapse.method === 'venv' ? t.methodVenv : (synapse.method === 'apt' ? t.methodApt : t.methodDistro)({ package: synapse.packageName ?? '' });
  lines.push(`Synapse (${l(method)})`);
  const release = synapse.installedRelease && synapse.installedRelease !== synapse.installed ? ` (Synapse ${synapse.installedRelease})` : '';
  const running = synapse.running ? l(t.runningVersion({ version: synapse.running })) : l(t.notAnswering);
  lines.push(`${l(t.installedLine({ version: synapse.installed ?? t.notFound }))}${release}${running}`);
  lines.push(l(t.availableLine({ version: synapse.candidate ?? t.unknown, source: synapse.source })));
  if (upgrades.synapse && synapse.packageChanges?.length) lines.push(l(t.aptWouldChange({ changes: describePackageChanges(synapse.packageChanges).join('; ') })));
  if (element.enabled) {
    lines.push('Element Web');
    lines.push(`${l(t.installedLine({ version: element.installed ?? t.notFound }))}${element.installedRelease ? ` (${element.installedRelease})` : ''}`);
    lines.push(l(t.availableLine({ version: element.candidate ?? t.unknown, source: element.source })));
  }
  lines.push(
    l(
      database.postgresMajor !== undefined
        ? t.postgresLine({ major: database.postgresMajor, schema: database.schemaVersion ?? '?', compat: database.compatVersion ?? '?' })
        : t.postgresNotChecked({ reason: database.unreadable ?? t.unknown }),
    ),
  );
  const blocks = blockers.filter((b) => b.severity === 'blocks');
  const warns = blockers.filter((b) => b.severity === 'warns');
  if (blocks.length) lines.push('', l(t.inTheWay), ...blocks.map((b) => `  - ${l(b.message)}`));
  if (warns.length) lines.push('', l(t.warnings), ...warns.map((b) => `  - ${l(b.message)}`));
  lines.push('');
  const what = [
    ...(upgrades.synapse ? [t.synapseTo({ version: synapse.candidate ?? '' })] : []),
    ...(upgrades.element ? [t.elementTo({ version: element.candidate ?? '' })] : []),
  ];
  if (what.length === 0) lines.push(l(t.nothingToUpgrade));
  else if (blocks.length) lines.push(l(t.upgradeBlockedAvailable({ what: listOf(what) })));
  else lines.push(l(t.upgradeAvailable({ what: listOf(what) })));
  return `${lines.join('\n')}\n`;
}
