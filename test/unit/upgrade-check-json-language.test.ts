// `upgrade --check --json` in English and Russian: the same document (versions, ids, severities,
// keys in the same order) but for its human-readable fields (where a version comes from, each
// blocker's message), read through the package as in upgrade-inspect.test.ts with a fake machine.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findBlockers, synapseUpgradeAvailable, elementUpgradeAvailable } from '../../steps/upgrade/blockers.js';
import { inspectUpgrade } from '../../steps/upgrade/inspect.js';
import { checkJson } from '../../src/cli/commands/upgrade-report.js';
import { FakeExecutor } from '../helpers/fake-executor.js';
import { testAnswers, testTarget } from '../helpers/answers.js';
import { assertTranslated, compareLanguages } from '../helpers/json-parity.js';

const HUMAN_FIELDS: ReadonlySet<string> = new Set(['source', 'message', 'unreadable']);

test('upgrade --check --json: the same document in both languages but for sources and blocker messages', async () => {
  const exec = new FakeExecutor([
    [['dpkg-query', '-W', '-f=${Status}'], { stdout: 'hold ok installed' }],
    [['dpkg-query', '-W', '-f=${Version}'], { stdout: '1.160.0-1' }],
    [
      ['apt-cache', 'policy'],
      { stdout: 'matrix-synapse:\n  Installed: 1.160.0-1\n  Candidate: 1.161.0-1\n  Version table:\n     1.161.0-1 500\n        500 http://deb.debian.org/debian sid/main amd64 Packages\n *** 1.160.0-1 100\n        100 /var/lib/dpkg/status\n' },
    ],
    [['apt-get', '-s', 'install'], { stdout: 'Remv something-else [1.0]\nInst matrix-synapse [1.160.0-1] (1.161.0-1 Debian:unstable [amd64])\n' }],
  ]);
  const answers = testAnswers({ synapse: { install: 'distro' }, element: { enabled: false } });
  const target = testTarget('debian-unstable');
  const inspection = await inspectUpgrade({ exec, answers, target, fetchJson: async () => ({ server_version: '1.160.0' }) }, {});
  const blockers = findBlockers(inspection, { answers, target });
  assert.ok(blockers.some((b) => b.severity === 'blocks'), 'a held package blocks');
  const upgrades = { synapse: synapseUpgradeAvailable(inspection), element: elementUpgradeAvailable(inspection) };
  const en = JSON.parse(JSON.stringify(checkJson(inspection, blockers, upgrades, 'en')));
  const ru = JSON.parse(JSON.stringify(checkJson(inspection, blockers, upgrades, 'ru')));
  const differences = compareLanguages(en, ru, HUMAN_FIELDS);
  assertTranslated(differences, blockers.length, 'upgrade --check');
  assert.ok(differences.some((d) => d.path === '$.blockers[0].message'));
  assert.deepEqual(
    ru.blockers.map((b: { id: string }) => b.id),
    blockers.map((b) => b.id),
  );
});
