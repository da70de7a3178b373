// Reading versions and blockers through each install method, with a fake machine. The venv
// path asks PyPI through pip, which this test machine cannot reach: it is covered here only.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findBlockers, synapseUpgradeAvailable, elementUpgradeAvailable } from '../../steps/upgrade/blockers.js';
import { inspectUpgrade, type InspectEnv } from '../../steps/upgrade/inspect.js';
import { needsDatabaseRestore } from '../../src/cli/commands/rollback.js';
import { parseCliArgs } from '../../src/cli/args.js';
import { FakeExecutor } from '../helpers/fake-executor.js';
import { testAnswers, testTarget } from '../helpers/answers.js';
import type { UpgradeRecord } from '../../steps/upgrade/record.js';

const POLICY = (installed: string, candidate: string, extra = '') =>
  `matrix-synapse:\n  Installed: ${installed}\n  Candidate: ${candidate}\n  Version table:\n     ${candidate} 500\n        500 http://deb.debian.org/debian sid/main amd64 Packages\n *** ${installed} 100\n        100 /var/lib/dpkg/status\n${extra}`;

function env(exec: FakeExecutor, overrides: Partial<InspectEnv> = {}): InspectEnv {
  return {
    exec,
    answers: testAnswers({ synapse: { install: 'distro' }, element: { enabled: false } }),
    target: testTarget('debian-unstable'),
    fetchJson: async () => ({ server_version: '1.160.0' }),
    ...overrides,
  };
}

describe('upgrade --check through the package', () => {
  it('finds a newer package and what apt would change with it', async () => {
    const exec = new FakeExecutor([
      [['dpkg-query', '-W', '-f=${Status}'], { stdout: 'install ok installed' }],
      [['dpkg-query', '-W', '-f=${Version}'], { stdout: '1.160.0-1' }],
      [['apt-cache', 'policy'], { stdout: POLICY('1.160.0-1', '1.161.0-1') }],
      [['apt-get', '-s', 'install'], { stdout: 'Inst python3-twisted [24.0-1] (25.0-1 Debian:unstable [all])\nInst matrix-synapse [1.160.0-1] (1.161.0-1 Debian:unstable [amd64])\n' }],
      [['/usr/bin/python3', '-c'], { stdout: '94' }],
    ]);
    const e = env(exec);
    const inspection = await inspectUpgrade(e, {});
    assert.equal(inspection.synapse.installed, '1.160.0-1');
    assert.equal(inspection.synapse.candidate, '1.161.0-1');
    assert.equal(inspection.synapse.candidateRelease, '1.161.0');
    assert.equal(inspection.synapse.running, '1.160.0');
    assert.equal(inspection.synapse.schemaVersion, 94);
    assert.equal(synapseUpgradeAvailable(inspection), true);
    const blockers = findBlockers(inspection, { answers: e.answers, target: e.target });
    const churn = blockers.find((b) => b.id === 'machine.testing-churn');
    assert.ok(churn && churn.severity === 'warns' && /python3-twisted/.test(churn.message), JSON.stringify(blockers));
    assert.ok(blockers.some((b) => b.id === 'synapse.upgrade-notes'), 'releases past the known notes are flagged');
    assert.ok(blockers.some((b) => b.id === 'synapse.postgresql-unknown'), 'PostgreSQL unchecked without the password');
    assert.ok(!blockers.some((b) => b.severity === 'blocks'), JSON.stringify(blockers));
    assert.ok(exec.calls.every((c) => c.options.probe), 'the check only probes');
  });

  it('blocks a held package, a removal, an unknown --to, and an old PostgreSQL', async () => {
    const exec = new FakeExecutor([
      [['dpkg-query', '-W', '-f=${Status}'], { stdout: 'hold ok installed' }],
      [['dpkg-query', '-W', '-f=${Version}'], { stdout: '1.160.0-1' }],
      [['apt-cache', 'policy'], { stdout: POLICY('1.160.0-1', '1.161.0-1') }],
      [['apt-get', '-s', 'install'], { stdout: 'Remv something-else [1.0]\nInst matrix-synapse [1.160.0-1] (1.161.0-1 Debian:unstable [amd64])\n' }],
    ]);
    const e = env(exec);
    const inspection = await inspectUpgrade(e, {});
    inspection.database.postgresMajor = 13;
    const ids = findBlockers(inspection, { answers: e.answers, target: e.target }).filter((b) => b.severity === 'blocks').map((b) => b.id);
    assert.deepEqual(ids.sort(), ['synapse.held', 'synapse.postgresql', 'synapse.removes-packages']);

    const unknown = await inspectUpgrade(e, { to: '1.170.0' });
    assert.equal(unknown.synapse.candidate, undefined);
    assert.ok(findBlockers(unknown, { answers: e.answers, target: e.target, to: '1.170.0' }).some((b) => b.id === 'synapse.candidate' && b.severity === 'blocks'));
    const byRelease = await inspectUpgrade(e, { to: '1.161.0' });
    assert.equal(byRelease.synapse.candidate, '1.161.0-1', '--to may name the release instead of the package version');
  });

  it('says nothing is newer when the candidate is the installed version', async () => {
    const exec = new FakeExecutor([
      [['dpkg-query', '-W', '-f=${Status}'], { stdout: 'install ok installed' }],
      [['dpkg-query', '-W', '-f=${Version}'], { stdout: '1.160.0-1' }],
      [['apt-cache', 'policy'], { stdout: POLICY('1.160.0-1', '1.160.0-1') }],
    ]);
    const inspection = await inspectUpgrade(env(exec), {});
    assert.equal(synapseUpgradeAvailable(inspection), false);
    assert.equal(elementUpgradeAvailable(inspection), false);
    assert.ok(!exec.calls.some((c) => c.argv.includes('-s')), 'no simulation without a newer version');
  });
});

describe('upgrade --check in a venv (the package index is PyPI: stubbed, PyPI is unreachable here)', () => {
  const venvEnv = (exec: FakeExecutor, version = 'latest') =>
    env(exec, { answers: testAnswers({ synapse: { install: 'venv', version }, element: { enabled: false } }), target: testTarget('rocky-9') });

  it('asks pip for the newest release and checks the venv Python against its floor', async () => {
    const exec = new FakeExecutor([
      [['/opt/venvs/matrix-synapse/bin/python', '-c', 'import importlib.metadata as m; print(m.version("matrix-synapse"))'], { stdout: '1.141.0' }],
      [['/opt/venvs/matrix-synapse/bin/python', '-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { stdout: '3.9' }],
      [['/opt/venvs/matrix-synapse/bin/python', '-m', 'pip', 'index'], { stdout: 'matrix-synapse (1.150.0)\nAvailable versions: 1.150.0\n' }],
    ]);
    const e = venvEnv(exec);
    const inspection = await inspectUpgrade(e, {});
    assert.equal(inspection.synapse.candidate, '1.150.0');
    const python = findBlockers(inspection, { answers: e.answers, target: e.target }).find((b) => b.id === 'synapse.python');
    assert.ok(python && python.severity === 'blocks' && /Python 3\.10/.test(python.message));
  });

  it('reports an unreachable index instead of guessing, and keeps a pinned version', async () => {
    const exec = new FakeExecutor([
      [['/opt/venvs/matrix-synapse/bin/python', '-c', 'import importlib.metadata as m; print(m.version("matrix-synapse"))'], { stdout: '1.150.0' }],
      [['/opt/venvs/matrix-synapse/bin/python', '-m', 'pip', 'index'], { exitCode: 1, stdout: 'ERROR: Could not find a version that satisfies the requirement matrix-synapse' }],
    ]);
    const e = venvEnv(exec);
    const inspection = await inspectUpgrade(e, {});
    assert.equal(inspection.synapse.candidate, undefined);
    assert.ok(findBlockers(inspection, { answers: e.answers, target: e.target }).some((b) => b.id === 'synapse.candidate' && /could not be asked/.test(b.message)));

    const pinned = venvEnv(exec, '1.150.0');
    const kept = await inspectUpgrade(pinned, {});
    assert.equal(kept.synapse.candidate, '1.150.0');
    assert.ok(findBlockers(kept, { answers: pinned.answers, target: pinned.target }).some((b) => b.id === 'synapse.pinned'));
    const moved = await inspectUpgrade(pinned, { to: '1.155.0' });
    assert.equal(moved.answersAfter.synapse.version, '1.155.0', '--to moves the pin in the saved answers');
  });
});

describe('rollback', () => {
  const record = (fromSchemaVersion?: number) =>
    ({ synapse: { method: 'distro', from: '1', to: '2', fromRelease: '1', toRelease: '2', ...(fromSchemaVersion !== undefined ? { fromSchemaVersion } : {}) } }) as unknown as UpgradeRecord;
  it("restores the database only when its schema_compat_version is past the old code's schema", () => {
    assert.equal(needsDatabaseRestore(record(94), 84), false);
    assert.equal(needsDatabaseRestore(record(94), 94), false);
    assert.equal(needsDatabaseRestore(record(94), 95), true);
    assert.equal(needsDatabaseRestore(record(undefined), 95), false);
  });
});

describe('upgrade options', () => {
  it('accepts the documented forms and refuses mixtures', () => {
    assert.equal(parseCliArgs(['upgrade', '--check', '--json']).json, true);
    assert.equal(parseCliArgs(['upgrade', '--to', '1.161.0', '--yes', '--no-backup']).to, '1.161.0');
    assert.equal(parseCliArgs(['upgrade', '--rollback', '--yes']).rollback, true);
    assert.throws(() => parseCliArgs(['upgrade', '--rollback', '--to', '1.0.0']), /does not apply to `upgrade --rollback`/);
    assert.throws(() => parseCliArgs(['upgrade', '--json']), /--json applies to `upgrade --check`/);
    assert.throws(() => parseCliArgs(['upgrade', '--element-tarball', '/root/e.tar.gz']), /go together/);
    assert.throws(() => parseCliArgs(['upgrade', '--element-tarball', '/root/e.tar.gz', '--element-sha256', 'abc']), /64 hexadecimal/);
    assert.throws(() => parseCliArgs(['install', '--to', '1']), /does not apply/);
  });
});

describe('background updates', () => {
  it('still running before an upgrade are a warning', async () => {
    const exec = new FakeExecutor([
      [['dpkg-query', '-W', '-f=${Status}'], { stdout: 'install ok installed' }],
      [['dpkg-query', '-W', '-f=${Version}'], { stdout: '1.160.0-1' }],
      [['apt-cache', 'policy'], { stdout: POLICY('1.160.0-1', '1.161.0-1') }],
    ]);
    const e = env(exec);
    const inspection = await inspectUpgrade(e, {});
    inspection.database.backgroundUpdates = 3;
    const warning = findBlockers(inspection, { answers: e.answers, target: e.target }).find((b) => b.id === 'synapse.background-updates');
    assert.ok(warning && warning.severity === 'warns' && /3 background updates/.test(warning.message));
  });
});
