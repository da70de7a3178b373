// Golden plans of `matrix-setup upgrade` and `upgrade --rollback` for one recorded upgrade per
// install method: Debian's package (debian-unstable), matrix.org's package (debian-12), a venv
// (rocky-9). `npm run snapshots:update` rewrites them; review the diff like code.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { answersToYaml } from '../../src/answers/save.js';
import type { SynapseSource } from '../../src/answers/types.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import { renderPlanText } from '../../src/plan/render-plan.js';
import { rollbackSteps, upgradeSteps } from '../../steps/upgrade/index.js';
import { UPGRADE_RECORD_FORMAT, UpgradeRecordStore, type UpgradeRecord } from '../../steps/upgrade/record.js';
import { testAnswers, testTarget } from '../helpers/answers.js';
import { matchSnapshot } from '../helpers/snapshots.js';

const SNAPSHOTS = join(import.meta.dirname, '..', '..', 'snapshots', 'upgrade');

const CASES: Array<{ target: string; install: SynapseSource; from: string; to: string; packageName?: string }> = [
  { target: 'debian-unstable', install: 'distro', from: '1.160.0-1', to: '1.161.0-1', packageName: 'matrix-synapse' },
  { target: 'debian-12', install: 'apt', from: '1.160.0+bookworm1', to: '1.161.0+bookworm1', packageName: 'matrix-synapse-py3' },
  { target: 'rocky-9', install: 'venv', from: '1.160.0', to: '1.161.0' },
];

describe('upgrade plan snapshots', () => {
  for (const c of CASES) {
    it(`${c.install} on ${c.target}: upgrade and rollback`, () => {
      const before = testAnswers({ synapse: { install: c.install }, element: { enabled: true, host: 'element.example.org', version: 'latest', tarball: '/root/element-v1.11.90.tar.gz', sha256: 'a'.repeat(64) } });
      const after = testAnswers({ synapse: { install: c.install }, element: { enabled: true, host: 'element.example.org', version: 'latest', tarball: '/root/element-v1.11.100.tar.gz', sha256: 'b'.repeat(64) } });
      const target = testTarget(c.target);
      const record: UpgradeRecord = {
        format: UPGRADE_RECORD_FORMAT,
        id: '20260101T120000',
        createdAt: '2026-01-01T12:00:00.000Z',
        status: 'running',
        synapse: {
          method: c.install,
          ...(c.packageName ? { packageName: c.packageName, keptPackage: `/var/lib/matrix-setup/upgrades/20260101T120000/${c.packageName}_${c.from}_amd64.deb` } : {}),
          from: c.from,
          to: c.to,
          fromRelease: '1.160.0',
          toRelease: '1.161.0',
          fromSchemaVersion: 94,
          ...(c.packageName ? { packageChanges: [`${c.packageName} ${c.from} → ${c.to}`] } : {}),
        },
        element: { from: 'element-v1.11.90', fromVersion: '1.11.90', to: 'element-v1.11.100', toVersion: '1.11.100' },
        backup: { take: true, directory: '/var/backups/matrix-setup', archive: '/var/backups/matrix-setup/example.org-20260101T115900.tar' },
        answersBefore: answersToYaml(before),
        answersAfter: answersToYaml(after),
        rollback: { startedAt: '2026-01-02T12:00:00.000Z', restoreDatabase: true, databaseCompatVersion: 95 },
      };
      const store = new UpgradeRecordStore('/var/lib/matrix-setup', record);
      const upgrade = buildPlan(upgradeSteps(store, after), { answers: after, target });
      matchSnapshot(join(SNAPSHOTS, c.target, 'upgrade.txt'), renderPlanText(upgrade, { target }));
      const rollback = buildPlan(rollbackSteps(store, before), { answers: before, target });
      matchSnapshot(join(SNAPSHOTS, c.target, 'rollback.txt'), renderPlanText(rollback, { target }));
      // Never a whole-system upgrade: every apt-get in the plans names the one package or file.
      for (const step of [...upgrade, ...rollback]) {
        for (const action of step.actions) {
          const argvs = action.kind === 'task' ? action.commands.map((command) => command.argv) : action.kind === 'command' ? [action.argv] : [];
          for (const argv of argvs.filter((a) => a[0] === 'apt-get')) {
            assert.ok(!argv.includes('upgrade') && !argv.includes('dist-upgrade') && !argv.includes('full-upgrade'), argv.join(' '));
          }
        }
      }
    });
  }
});
