import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOsRelease } from '../../src/host/os-release.js';
import {
  SUPPORTED_TARGET_IDS,
  describeSupported,
  detectTarget,
  isRefused,
  normalizeArch,
  rpmArch,
  targetById,
} from '../../src/host/targets.js';
import type { RefusedTarget, Target } from '../../src/host/target.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'os-release');

function detect(fixture: string, arch = 'amd64'): Target | RefusedTarget {
  return detectTarget(parseOsRelease(readFileSync(join(FIXTURES, fixture), 'utf8')), arch);
}

function supported(fixture: string, arch = 'amd64'): Target {
  const target = detect(fixture, arch);
  if (isRefused(target)) assert.fail(`${fixture} was refused: ${target.reason.en}`);
  return target;
}

function refusal(fixture: string): RefusedTarget {
  const target = detect(fixture);
  if (!isRefused(target)) assert.fail(`${fixture} was accepted as ${target.id}`);
  assert.ok(target.suggestion.en.length > 0, `${fixture}: a refusal says what to use instead`);
  return target;
}

interface Expected {
  id: string;
  codename?: string;
  warns?: RegExp;
  derivative?: string;
}

const SUPPORTED: Record<string, Expected> = {
  'debian-12': { id: 'debian-12', codename: 'bookworm' },
  'debian-13': { id: 'debian-13', codename: 'trixie' },
  'debian-testing': { id: 'debian-unstable', codename: 'sid', warns: /changes every day/ },
  'debian-unstable': { id: 'debian-unstable', codename: 'sid', warns: /changes every day/ },
  'debian-testing-pinned': { id: 'debian-unstable', codename: 'forky', warns: /no "forky" suite/ },
  'ubuntu-22.04': { id: 'ubuntu-22.04', codename: 'jammy', warns: /dropping Ubuntu 22\.04/ },
  'ubuntu-24.04': { id: 'ubuntu-24.04', codename: 'noble' },
  'ubuntu-26.04': { id: 'ubuntu-26.04', codename: 'resolute' },
  'ubuntu-26.10': { id: 'ubuntu-26.10', codename: 'snapshot', warns: /not been tested.*may not have a "snapshot" suite/ },
  'centos-stream-9': { id: 'centos-stream-9' },
  'centos-stream-10': { id: 'centos-stream-10' },
  'rhel-8': { id: 'rhel-8' },
  'rhel-9': { id: 'rhel-9' },
  'rhel-10': { id: 'rhel-10' },
  'rocky-8': { id: 'rocky-8' },
  'rocky-9': { id: 'rocky-9' },
  'rocky-10': { id: 'rocky-10' },
  'almalinux-8': { id: 'almalinux-8' },
  'almalinux-9': { id: 'almalinux-9' },
  'almalinux-10': { id: 'almalinux-10' },
  'ol-8': { id: 'ol-8' },
  'ol-9': { id: 'ol-9' },
  'ol-10': { id: 'ol-10' },
  'raspbian-12': { id: 'debian-12', codename: 'bookworm', derivative: 'Raspbian GNU/Linux 12 (bookworm)', warns: /handled as Debian 12/ },
  'lmde-6': { id: 'debian-12', codename: 'bookworm', derivative: 'LMDE 6 (faye)' },
  'linuxmint-22': { id: 'ubuntu-24.04', codename: 'noble', derivative: 'Linux Mint 22' },
  'pop-22.04': { id: 'ubuntu-22.04', codename: 'jammy', derivative: 'Pop!_OS 22.04 LTS', warns: /dropping Ubuntu 22\.04/ },
};

const REFUSED: Record<string, RegExp> = {
  'debian-11': /Debian 11 \(bullseye\) has reached its end of life/,
  'debian-10': /Debian 10 \(buster\) reached its end of life/,
  'ubuntu-20.04': /Ubuntu 20\.04 \(focal\) is out of standard support/,
  'ubuntu-18.04': /Ubuntu 18\.04 is out of support/,
  'ubuntu-23.10': /interim release/,
  'centos-7': /CentOS Linux 7 reached its end of life/,
  'centos-linux-8': /CentOS Linux 8 reached its end of life on 2021-12-31/,
  'centos-stream-8': /CentOS Stream 8 reached its end of life on 2024-05-31/,
  'rhel-7': /Red Hat Enterprise Linux 7 is too old/,
  'fedora-41': /Fedora is not supported/,
  'amazon-linux-2023': /Amazon Linux is not supported/,
  'kali-rolling': /Kali GNU\/Linux Rolling is based on Debian, but its packages come from "kali-rolling"/,
  'devuan-5': /packages come from "daedalus"/,
  'linuxmint-20': /Linux Mint 20\.3 is based on Ubuntu 20\.04/,
  arch: /Arch Linux is not a distribution matrix-setup supports/,
  'opensuse-leap-15.6': /openSUSE Leap 15\.6 is not a distribution/,
  'alpine-3.20': /Alpine Linux v3\.20 is not a distribution/,
  'eurolinux-9': /EuroLinux 9\.2 \(Prague\) is too old a minor release: python3\.12 and the postgresql:16 module stream, .* arrived in EL 9\.4/,
};

test('every os-release fixture has an expectation', () => {
  const fixtures = readdirSync(FIXTURES).sort();
  const covered = [...Object.keys(SUPPORTED), ...Object.keys(REFUSED)].sort();
  assert.deepEqual(fixtures, covered);
});

for (const [fixture, expected] of Object.entries(SUPPORTED)) {
  test(`os-release ${fixture} -> ${expected.id}`, () => {
    const target = supported(fixture);
    assert.equal(target.id, expected.id);
    assert.equal(target.arch, 'amd64');
    if (expected.codename) assert.equal(target.codename, expected.codename);
    assert.equal(target.derivative, expected.derivative);
    if (expected.warns) {
      assert.ok(target.warnings.some((w) => expected.warns!.test(w.en)), `warnings: ${JSON.stringify(target.warnings)}`);
    } else if (!expected.derivative) {
      assert.deepEqual(target.warnings, []);
    }
    // The same target can be planned for by id on any machine (derivatives plan as their parent).
    const byId = targetById(target.id, 'amd64');
    assert.ok(!isRefused(byId));
    assert.equal(byId.id, target.id);
    assert.deepEqual(byId.synapseSources, target.synapseSources);
  });
}

for (const [fixture, reason] of Object.entries(REFUSED)) {
  test(`os-release ${fixture} is refused`, () => {
    const target = refusal(fixture);
    assert.match(target.reason.en, reason);
  });
}

test('unknown distros are told which systems are supported', () => {
  const target = refusal('arch');
  assert.ok(target.suggestion.en.includes(describeSupported().en));
  assert.match(describeSupported().en, /Debian 12, 13 and testing\/unstable/);
  assert.match(describeSupported().en, /Ubuntu 22\.04, 24\.04, 26\.04 LTS/);
  assert.match(describeSupported().en, /Oracle Linux 8, 9 and 10/);
});

test('families, distros and package facts', () => {
  const debian = supported('debian-12');
  assert.equal(debian.family, 'debian');
  assert.equal(debian.distro, 'debian');
  assert.equal(debian.major, 12);
  assert.equal(debian.python, '3.11');
  assert.equal(debian.postgresVersion, 15);
  assert.equal(debian.venvPython, 'python3');
  assert.equal(debian.postgresModuleStream, undefined);

  assert.equal(supported('debian-testing').major, 0);
  assert.equal(supported('ubuntu-24.04').distro, 'ubuntu');
  assert.equal(supported('ubuntu-24.04').postgresVersion, 16);
  assert.equal(supported('ubuntu-22.04').python, '3.10');

  for (const fixture of ['rhel-8', 'rocky-9', 'almalinux-9', 'ol-8', 'centos-stream-9']) {
    const el = supported(fixture);
    assert.equal(el.family, 'rhel', fixture);
    assert.equal(el.venvPython, 'python3.12', fixture);
    assert.equal(el.postgresModuleStream, '16', fixture);
    assert.equal(el.postgresVersion, 16, fixture);
    assert.equal(el.codename, undefined, fixture);
  }
  for (const fixture of ['rhel-10', 'rocky-10', 'centos-stream-10', 'ol-10']) {
    const el = supported(fixture);
    assert.equal(el.venvPython, 'python3', fixture);
    assert.equal(el.python, '3.12', fixture);
    assert.equal(el.postgresModuleStream, undefined, fixture);
  }
  assert.equal(supported('centos-stream-9').distro, 'centos');
  assert.equal(supported('ol-9').distro, 'ol');
  assert.equal(supported('rhel-9').distro, 'rhel');
  const rebuild = detectTarget({ ...parseOsRelease(readFileSync(join(FIXTURES, 'eurolinux-9'), 'utf8')), VERSION_ID: '9.4' }, 'amd64');
  assert.ok(!isRefused(rebuild) && rebuild.id === 'rocky-9' && rebuild.distro === 'rocky', 'a RHEL rebuild at 9.4 is handled like Rocky Linux 9');
  assert.ok(rebuild.warnings.some((w) => /handled as Rocky Linux 9/.test(w.en)));
});

function withVersion(fixture: string, versionId: string, arch = 'amd64'): Target | RefusedTarget {
  return detectTarget({ ...parseOsRelease(readFileSync(join(FIXTURES, fixture), 'utf8')), VERSION_ID: versionId }, arch);
}

test('RHEL family: minor releases before python3.12 and postgresql:16 (8.10, 9.4) are refused with the reason', () => {
  for (const [fixture, version] of [['rhel-9', '9.2'], ['rocky-9', '9.3'], ['almalinux-8', '8.9'], ['ol-8', '8.8'], ['rhel-8', '8.6']] as const) {
    const target = withVersion(fixture, version);
    assert.ok(isRefused(target), `${fixture} ${version} was accepted`);
    assert.match(target.reason.en, new RegExp(`${version.replace('.', '\\.')} is too old a minor release: python3\\.12 and the postgresql:16 module stream`));
    assert.match(target.suggestion.en, /dnf upgrade --refresh/);
  }
  const eus = withVersion('rhel-9', '9.2');
  assert.ok(isRefused(eus) && /subscription-manager release --unset/.test(eus.suggestion.en), 'RHEL says how to leave an EUS pin');
  const rocky = withVersion('rocky-9', '9.3');
  assert.ok(isRefused(rocky) && !/subscription-manager/.test(rocky.suggestion.en), 'rebuilds have no subscription-manager');
  for (const [fixture, version] of [['rhel-9', '9.4'], ['rhel-9', '9.6'], ['rocky-8', '8.10'], ['ol-10', '10.0'], ['rhel-10', '10.1'], ['centos-stream-9', '9']] as const) {
    const target = withVersion(fixture, version);
    assert.ok(!isRefused(target), `${fixture} ${version} refused: ${isRefused(target) ? target.reason.en : ''}`);
  }
  // A plan for a target id assumes the current minor release.
  assert.ok(!isRefused(targetById('rhel-9')));
});

test('RHEL family on ppc64le and s390x is refused: Synapse has no wheels there', () => {
  for (const fixture of ['rhel-9', 'rocky-9', 'almalinux-10', 'ol-8', 'centos-stream-10']) {
    for (const arch of ['ppc64el', 's390x']) {
      const target = detect(fixture, arch);
      assert.ok(isRefused(target), `${fixture} on ${arch} was accepted`);
      assert.match(target.reason.en, /wheels\) for x86_64 and aarch64 only; on (ppc64le|s390x) pip would have to compile its Rust parts/);
      assert.match(target.suggestion.en, /x86_64 or aarch64 server/);
    }
    assert.ok(!isRefused(detect(fixture, 'arm64')), `${fixture} on arm64`);
  }
  assert.ok(isRefused(targetById('rhel-9/ppc64el')), '--target with an architecture is refused the same way');
  assert.match((targetById('rocky-9/ppc64le') as RefusedTarget).name, /Rocky Linux 9 \(ppc64le\)/);
  assert.ok(!isRefused(targetById('debian-12/ppc64el')), 'Debian is not concerned');
});

test('RPM architecture names', () => {
  assert.deepEqual(['amd64', 'arm64', 'ppc64el', 's390x'].map(rpmArch), ['x86_64', 'aarch64', 'ppc64le', 's390x']);
  // --target accepts the RPM names too.
  assert.deepEqual(['x86_64', 'aarch64', 'ppc64le'].map(normalizeArch), ['amd64', 'arm64', 'ppc64el']);
  const rocky = targetById('rocky-9/aarch64');
  assert.ok(!isRefused(rocky) && rocky.arch === 'arm64');
});

test('Synapse sources depend on the release and the architecture', () => {
  assert.deepEqual(supported('debian-12').synapseSources, ['apt', 'venv']);
  assert.deepEqual(supported('debian-13').synapseSources, ['apt', 'venv']);
  assert.deepEqual(supported('ubuntu-24.04').synapseSources, ['apt', 'venv']);
  assert.deepEqual(supported('ubuntu-22.04').synapseSources, ['apt', 'venv']);
  assert.deepEqual(supported('debian-unstable').synapseSources, ['distro', 'apt', 'venv']);
  assert.deepEqual(supported('debian-12', 'arm64').synapseSources, ['venv']);
  assert.deepEqual(supported('ubuntu-26.04', 'arm64').synapseSources, ['venv']);
  assert.deepEqual(supported('debian-unstable', 'arm64').synapseSources, ['distro', 'venv']);
  assert.deepEqual(supported('rocky-9').synapseSources, ['venv']);
  assert.deepEqual(supported('rhel-10', 'arm64').synapseSources, ['venv']);
  assert.equal(supported('rocky-9', 'arm64').arch, 'arm64');
});

test('32-bit architectures are warned about', () => {
  const pi = supported('raspbian-12', 'armhf');
  assert.equal(pi.arch, 'armhf');
  assert.deepEqual(pi.synapseSources, ['venv']);
  assert.ok(pi.warnings.some((w) => /32-bit/.test(w.en)));
  assert.ok(!supported('debian-12', 'arm64').warnings.some((w) => /32-bit/.test(w.en)));
});

test('targetById accepts exactly the supported ids, plus newer Ubuntu releases', () => {
  assert.equal(SUPPORTED_TARGET_IDS.length, 20);
  for (const id of SUPPORTED_TARGET_IDS) {
    const target = targetById(id);
    assert.ok(!isRefused(target), `${id}: ${isRefused(target) ? target.reason.en : ''}`);
    assert.equal(target.id, id);
    assert.equal(target.arch, 'amd64');
    assert.ok(target.synapseSources.length > 0);
  }
  const arm = targetById('debian-12', 'arm64');
  assert.ok(!isRefused(arm) && arm.arch === 'arm64' && arm.synapseSources.join() === 'venv');

  const newer = targetById('ubuntu-28.04');
  assert.ok(!isRefused(newer));
  assert.equal(newer.id, 'ubuntu-28.04');
  assert.match(newer.warnings[0].en, /not been tested/);

  for (const [id, reason] of [
    ['debian-11', /end of life/],
    ['ubuntu-20.04', /out of standard support/],
    ['ubuntu-24.10', /interim release/],
    ['centos-7', /end of life/],
    ['centos-8', /CentOS Linux 8/],
    ['centos-stream-8', /CentOS Stream 8/],
    ['rocky-7', /too old/],
    ['windows-11', /not a target matrix-setup knows/],
  ] as const) {
    const target = targetById(id);
    assert.ok(isRefused(target), id);
    assert.match(target.reason.en, reason, id);
  }
  const unknown = targetById('windows-11');
  assert.ok(isRefused(unknown) && unknown.suggestion.en.includes('debian-12'));
  assert.equal(unknown.unknown, true);
  const old = targetById('debian-11');
  assert.ok(isRefused(old) && old.unknown === undefined);
});

test('targetById takes an architecture after a slash', () => {
  const arm = targetById('debian-12/arm64');
  assert.ok(!isRefused(arm));
  assert.equal(arm.id, 'debian-12');
  assert.equal(arm.arch, 'arm64');
  assert.deepEqual(arm.synapseSources, ['venv']);
  const x64 = targetById('rocky-9/x64', 'arm64');
  assert.ok(!isRefused(x64) && x64.arch === 'amd64');
});

test('normalizeArch maps Node architectures to dpkg names', () => {
  assert.equal(normalizeArch('x64'), 'amd64');
  assert.equal(normalizeArch('arm64'), 'arm64');
  assert.equal(normalizeArch('arm'), 'armhf');
  assert.equal(normalizeArch('ia32'), 'i386');
  assert.equal(normalizeArch('s390x'), 's390x');
});

test('os-release without an ID is refused, not guessed', () => {
  const target = detectTarget({}, 'amd64');
  assert.ok(isRefused(target));
  assert.match(target.reason.en, /This operating system is not a distribution/);
});
