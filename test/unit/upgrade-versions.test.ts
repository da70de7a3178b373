import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { downloadable, parseAptPolicy, parseSimulation, simulateArgv, aptUpgradeArgv, aptDowngradeArgv } from '../../steps/upgrade/package-commands.js';
import { floorsFor, beyondKnownNotes } from '../../steps/upgrade/requirements.js';
import { compareDebianVersions, comparePythonVersions, releaseOf, upstreamOfPackage } from '../../steps/upgrade/versions.js';
import { parsePipIndex } from '../../steps/upgrade/inspect.js';

describe('package versions', () => {
  it('orders versions as dpkg does', () => {
    const ordered = ['1.159.0-1', '1.160.0~rc1-1', '1.160.0-1', '1.160.0-1+e2e1', '1.160.0-1+e2e2', '1.160.0-2', '1.160.1-1', '1:0.1-1'];
    for (let i = 0; i + 1 < ordered.length; i++) {
      assert.ok(compareDebianVersions(ordered[i], ordered[i + 1]) < 0, `${ordered[i]} < ${ordered[i + 1]}`);
      assert.ok(compareDebianVersions(ordered[i + 1], ordered[i]) > 0, `${ordered[i + 1]} > ${ordered[i]}`);
    }
    assert.equal(compareDebianVersions('1.160.0+bookworm1', '1.160.0+bookworm1'), 0);
    assert.ok(compareDebianVersions('1.161.0+bookworm1', '1.160.0+bookworm1') > 0);
    assert.ok(compareDebianVersions('1.10.0-1', '1.9.0-1') > 0, 'numbers, not strings');
  });

  it('names the Synapse release a package carries', () => {
    assert.equal(upstreamOfPackage('1.160.0-1'), '1.160.0');
    assert.equal(upstreamOfPackage('1.160.0-1+e2e1'), '1.160.0');
    assert.equal(upstreamOfPackage('1.160.0+bookworm1'), '1.160.0');
    assert.equal(upstreamOfPackage('1.161.0~rc1+bookworm1'), '1.161.0rc1');
    assert.equal(upstreamOfPackage('2:1.160.0-3'), '1.160.0');
  });

  it('orders Python releases, pre-releases first', () => {
    assert.ok(comparePythonVersions('1.161.0rc1', '1.161.0') < 0);
    assert.ok(comparePythonVersions('1.161.0', '1.160.9') > 0);
    assert.ok(comparePythonVersions('3.9', '3.10') < 0);
    assert.equal(comparePythonVersions('1.160', '1.160.0'), 0);
    assert.equal(releaseOf('1.160.0 (b=matrix-org-hotfixes,abc)'), '1.160.0');
  });
});

describe('what a release needs', () => {
  it('has PostgreSQL and Python floors from the upgrade notes', () => {
    assert.deepEqual(floorsFor('1.160.0'), { python: '3.10', postgres: 14 });
    assert.deepEqual(floorsFor('1.142.3'), { python: '3.10', postgres: 13 });
    assert.deepEqual(floorsFor('1.130.0'), { python: '3.9', postgres: 13 });
    assert.equal(floorsFor('1.100.0'), undefined);
    assert.equal(beyondKnownNotes('1.157.0'), false);
    assert.equal(beyondKnownNotes('1.200.0'), true);
  });
});

describe('apt output', () => {
  const policy = [
    'matrix-synapse:',
    '  Installed: 1.160.0-1',
    '  Candidate: 1.160.0-1+e2e1',
    '  Version table:',
    '     1.160.0-1+e2e1 500',
    '        500 file:/srv/e2e-apt ./ Packages',
    ' *** 1.160.0-1 500',
    '        500 http://deb.debian.org/debian sid/main amd64 Packages',
    '        100 /var/lib/dpkg/status',
    '     1.150.0-2 100',
    '        100 /var/lib/dpkg/status',
    '',
  ].join('\n');

  it('reads apt-cache policy', () => {
    const parsed = parseAptPolicy(policy);
    assert.equal(parsed.installed, '1.160.0-1');
    assert.equal(parsed.candidate, '1.160.0-1+e2e1');
    assert.deepEqual(parsed.versions.map((v) => v.version), ['1.160.0-1+e2e1', '1.160.0-1', '1.150.0-2']);
    assert.deepEqual(parsed.versions[1].sources, ['http://deb.debian.org/debian sid/main amd64 Packages', '/var/lib/dpkg/status']);
    assert.equal(downloadable(parsed, '1.160.0-1'), true);
    assert.equal(downloadable(parsed, '1.150.0-2'), false, 'only dpkg knows it');
    assert.deepEqual(parseAptPolicy('matrix-synapse:\n  Installed: (none)\n  Candidate: (none)\n  Version table:\n'), { installed: undefined, candidate: undefined, versions: [] });
  });

  it('reads a simulated install', () => {
    const text = [
      'NOTE: This is only a simulation!',
      'Inst python3-twisted [24.11.0-1] (25.5.0-1 Debian:unstable [all])',
      'Inst python3-new (1.0-1 Debian:unstable [all])',
      'Remv old-thing [2.0-1]',
      'Inst matrix-synapse [1.160.0-1] (1.161.0-1 Debian:unstable [amd64])',
      'Conf matrix-synapse (1.161.0-1 Debian:unstable [amd64])',
    ].join('\n');
    assert.deepEqual(parseSimulation(text), [
      { action: 'upgrade', name: 'python3-twisted', from: '24.11.0-1', to: '25.5.0-1' },
      { action: 'install', name: 'python3-new', to: '1.0-1' },
      { action: 'remove', name: 'old-thing', from: '2.0-1' },
      { action: 'upgrade', name: 'matrix-synapse', from: '1.160.0-1', to: '1.161.0-1' },
    ]);
  });

  it('installs one package at an exact version, never a whole-system upgrade, keeping conffiles', () => {
    const argv = aptUpgradeArgv('matrix-synapse', '1.161.0-1');
    assert.deepEqual(argv.slice(0, 5), ['apt-get', 'install', '-y', '-q', '--only-upgrade']);
    assert.equal(argv.at(-1), 'matrix-synapse=1.161.0-1');
    assert.ok(argv.includes('Dpkg::Options::=--force-confold'));
    assert.ok(!argv.some((a) => /upgrade$|dist-upgrade/.test(a) && a !== '--only-upgrade'));
    assert.deepEqual(simulateArgv(argv).slice(0, 3), ['apt-get', '-s', 'install']);
    assert.ok(!simulateArgv(argv).includes('-y'));
    assert.equal(aptDowngradeArgv('matrix-synapse', '1.160.0-1', '/var/lib/matrix-setup/upgrades/x/m.deb').at(-1), '/var/lib/matrix-setup/upgrades/x/m.deb');
    assert.ok(aptDowngradeArgv('matrix-synapse', '1.160.0-1').includes('--allow-downgrades'));
  });

  it('reads pip index versions', () => {
    assert.equal(parsePipIndex('matrix-synapse (1.161.0)\nAvailable versions: 1.161.0, 1.160.0\n'), '1.161.0');
    assert.equal(parsePipIndex('ERROR: No matching distribution found for matrix-synapse\n'), undefined);
  });
});

describe("Synapse's start error", () => {
  it('is the last traceback in the journal, cut to its end', async () => {
    const { lastTraceback } = await import('../../steps/upgrade/synapse-restart.js');
    const journal = [
      'Starting matrix-synapse.service - Synapse Matrix homeserver...',
      'Traceback (most recent call last):',
      '  File "<frozen runpy>", line 198, in _run_module_as_main',
      'OldError: first',
      'matrix-synapse.service: Control process exited, code=exited, status=1/FAILURE',
      'Traceback (most recent call last):',
      '  File "<frozen runpy>", line 198, in _run_module_as_main',
      '  File "/usr/lib/python3/dist-packages/synapse/app/homeserver.py", line 1, in <module>',
      '    raise RuntimeError("broken on purpose")',
      'RuntimeError: broken on purpose',
      'matrix-synapse.service: Failed with result \'exit-code\'.',
    ].join('\n');
    const block = lastTraceback(journal);
    assert.equal(block[0], 'Traceback (most recent call last):');
    assert.equal(block.at(-1), 'RuntimeError: broken on purpose');
    assert.equal(block.length, 5);
    assert.deepEqual(lastTraceback('no python here'), []);
    const long = ['Traceback (most recent call last):', ...Array.from({ length: 30 }, (_, i) => `  frame ${i}`), 'ValueError: deep'].join('\n');
    assert.equal(lastTraceback(long).length, 14);
    assert.equal(lastTraceback(long).at(-1), 'ValueError: deep');
  });
});
