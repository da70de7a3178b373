import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { automaticUpdatesStep, dnfUpgradeType } from '../../steps/automatic-updates.js';
import { jemallocFor, synapseTuningStep } from '../../steps/synapse-tuning.js';
import { systemdTuningDropIn } from '../../steps/templates/systemd-tuning.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

describe('Synapse service tuning', () => {
  it('sets LimitNOFILE always, the cache factor and jemalloc only when given', () => {
    assert.equal(systemdTuningDropIn({ openFilesLimit: 65536 }).split('\n').filter((l) => !l.startsWith('#')).join('\n'), '[Service]\nLimitNOFILE=65536\n');
    const full = systemdTuningDropIn({ openFilesLimit: 131072, cacheFactor: 1.5, jemalloc: '/usr/lib64/libjemalloc.so.2' });
    assert.match(full, /^LimitNOFILE=131072$/m);
    assert.match(full, /^Environment=SYNAPSE_CACHE_FACTOR=1.5$/m);
    assert.match(full, /^Environment=LD_PRELOAD=\/usr\/lib64\/libjemalloc.so.2$/m);
  });

  it('preloads jemalloc for every kind of install: matrix.org package, Debian package and venv', () => {
    const cases: Array<[string, 'apt' | 'distro' | 'venv']> = [
      ['debian-12', 'apt'],
      ['debian-12', 'venv'],
      ['debian-unstable', 'distro'],
      ['ubuntu-24.04', 'apt'],
      ['rocky-9', 'venv'],
    ];
    for (const [targetId, install] of cases) {
      const target = testTarget(targetId);
      const actions = synapseTuningStep.plan({ answers: testAnswers({ synapse: { install } }), target });
      const expected = jemallocFor(target)!;
      const packages = actions[0];
      assert.ok(packages.kind === 'packages' && packages.manager === (target.family === 'debian' ? 'apt' : 'dnf'), `${targetId} ${install}`);
      assert.deepEqual(packages.names, [expected.package], `${targetId} ${install}`);
      assert.deepEqual(packages.repositories?.map((r) => r.id), target.family === 'debian' ? undefined : ['epel'], `${targetId} ${install}: EPEL's on the RHEL family`);
      const file = actions.find((a) => a.kind === 'file');
      assert.ok(file?.kind === 'file' && file.content.split('\n').includes(`Environment=LD_PRELOAD=${expected.library}`), `${targetId} ${install}`);
    }
  });

  it('finds jemalloc where each target and architecture keeps it', () => {
    const expected: Array<[string, string | undefined, string | undefined]> = [
      ['debian-12', 'libjemalloc2', '/usr/lib/x86_64-linux-gnu/libjemalloc.so.2'],
      ['debian-12/arm64', 'libjemalloc2', '/usr/lib/aarch64-linux-gnu/libjemalloc.so.2'],
      ['debian-unstable/ppc64el', 'libjemalloc2', '/usr/lib/powerpc64le-linux-gnu/libjemalloc.so.2'],
      ['debian-13/riscv64', 'libjemalloc2', '/usr/lib/riscv64-linux-gnu/libjemalloc.so.2'],
      ['ubuntu-24.04/armhf', 'libjemalloc2', '/usr/lib/arm-linux-gnueabihf/libjemalloc.so.2'],
      ['rocky-9', 'jemalloc', '/usr/lib64/libjemalloc.so.2'],
      ['almalinux-8/arm64', 'jemalloc', '/usr/lib64/libjemalloc.so.2'],
      ['debian-12/sparc64', undefined, undefined],
    ];
    for (const [id, pkg, library] of expected) {
      const found = jemallocFor(testTarget(id));
      assert.deepEqual([found?.package, found?.library], [pkg, library], id);
    }
  });

  it('leaves PYTHONMALLOC alone (cache autotuning is off) and says so', () => {
    const dropIn = systemdTuningDropIn({ openFilesLimit: 65536, jemalloc: '/usr/lib64/libjemalloc.so.2' });
    assert.ok(!dropIn.split('\n').some((l) => l.startsWith('Environment=PYTHONMALLOC')));
    assert.match(dropIn, /^# PYTHONMALLOC=malloc is left unset/m);
  });

  it('writes its own drop-in and reloads systemd', () => {
    const actions = synapseTuningStep.plan({ answers: testAnswers(), target: testTarget('debian-12') });
    const file = actions.find((a) => a.kind === 'file');
    assert.ok(file?.kind === 'file' && file.path === '/etc/systemd/system/matrix-synapse.service.d/matrix-setup-tuning.conf');
    assert.deepEqual(file.kind === 'file' && file.notify, ['matrix-synapse.service']);
    assert.equal(actions.at(-1)?.kind, 'task');
  });
});

describe('automatic updates', () => {
  it('is opt-in', () => {
    assert.equal(automaticUpdatesStep.skip?.({ answers: testAnswers(), target: testTarget() }), 'automatic_updates is false');
    assert.equal(automaticUpdatesStep.skip?.({ answers: testAnswers({ automatic_updates: true }), target: testTarget() }), undefined);
  });

  it('uses unattended-upgrades on Debian and dnf-automatic (security only) on the RHEL family', () => {
    const debian = automaticUpdatesStep.plan({ answers: testAnswers({ automatic_updates: true }), target: testTarget('debian-12') });
    assert.deepEqual(debian[0], { kind: 'packages', manager: 'apt', names: ['unattended-upgrades'] });
    assert.match(debian[1].kind === 'file' ? debian[1].content : '', /APT::Periodic::Unattended-Upgrade "1";/);
    const rocky = automaticUpdatesStep.plan({ answers: testAnswers({ automatic_updates: true }), target: testTarget('rocky-9') });
    assert.match(rocky[1].kind === 'file' ? rocky[1].content : '', /^upgrade_type = security$/m);
    assert.ok(rocky.some((a) => a.kind === 'service' && a.unit === 'dnf-automatic.timer'));
  });

  it('applies every update on CentOS Stream, which publishes no security advisories (upgrade_type = security would apply nothing)', () => {
    for (const id of ['centos-stream-9', 'centos-stream-10']) {
      const actions = automaticUpdatesStep.plan({ answers: testAnswers({ automatic_updates: true }), target: testTarget(id) });
      const conf = actions[1].kind === 'file' ? actions[1].content : '';
      assert.match(conf, /^upgrade_type = default$/m, id);
      assert.match(conf, /^# CentOS Stream publishes no security advisories/m, id);
      assert.equal(dnfUpgradeType(testTarget(id)), 'default');
    }
    for (const id of ['rhel-9', 'rocky-10', 'almalinux-8', 'ol-9']) assert.equal(dnfUpgradeType(testTarget(id)), 'security', id);
  });

  it('says so when it runs on CentOS Stream', async () => {
    const notes: string[] = [];
    const ctx = { answers: testAnswers({ automatic_updates: true }), target: testTarget('centos-stream-9'), note: (m: string) => notes.push(m), warn: (m: string) => notes.push(m) };
    await automaticUpdatesStep.verify?.(ctx as never);
    assert.match(notes.join('\n'), /CentOS Stream 9 publishes no security advisories, so dnf-automatic applies every update/);
    notes.length = 0;
    await automaticUpdatesStep.verify?.({ ...ctx, target: testTarget('rocky-9') } as never);
    assert.deepEqual(notes, []);
  });
});
