import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { automaticUpdatesStep } from '../../steps/automatic-updates.js';
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

  it('preloads jemalloc for a venv only (the matrix.org package does it itself)', () => {
    const venv = synapseTuningStep.plan({ answers: testAnswers({ synapse: { install: 'venv' } }), target: testTarget('debian-12') });
    assert.deepEqual(venv[0], { kind: 'packages', manager: 'apt', names: ['libjemalloc2'] });
    const file = venv.find((a) => a.kind === 'file');
    assert.match(file?.kind === 'file' ? file.content : '', /LD_PRELOAD=\/usr\/lib\/x86_64-linux-gnu\/libjemalloc.so.2/);
    const apt = synapseTuningStep.plan({ answers: testAnswers(), target: testTarget('debian-12') });
    assert.ok(!apt.some((a) => a.kind === 'packages'));
    assert.equal(jemallocFor(testTarget('rocky-9'))?.package, 'jemalloc');
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
});
