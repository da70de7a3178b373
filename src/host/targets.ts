import type { SynapseSource } from '../answers/types.js';
import type { OsRelease } from './os-release.js';
import type { Family, RefusedTarget, Target } from './target.js';

/**
 * Supported install targets and how a host's /etc/os-release maps onto one.
 * Versions of Python and PostgreSQL are those the distributions ship (checked against their
 * package archives and Synapse's installation docs); Synapse needs Python >= 3.10 and PostgreSQL >= 14.
 *
 * Derivatives (ID_LIKE) are mapped only where their packages are the parent's:
 * - a Debian derivative whose VERSION_CODENAME (or DEBIAN_CODENAME) is a supported
 *   Debian codename (Raspbian bookworm -> debian-12); others (Kali, Devuan) are refused;
 * - an Ubuntu derivative through UBUNTU_CODENAME (Linux Mint, Pop!_OS);
 * - a RHEL rebuild (ID_LIKE has rhel, centos or fedora) with major 8, 9 or 10 is handled
 *   like Rocky Linux of that major: CRB/PowerTools and epel-release from the distro's own
 *   repositories, as rebuilds lay them out. Not like RHEL itself, whose repositories need
 *   subscription-manager, which only RHEL has.
 */

interface Release {
  id: string;
  family: Family;
  distro: Target['distro'];
  name: string;
  major: number;
  codename?: string;
  python: string;
  venvPython: string;
  postgresVersion: number;
  postgresModuleStream?: string;
  warnings: string[];
}

/** Codenames packages.matrix.org builds Synapse for. */
const MATRIX_ORG_APT_CODENAMES = new Set(['bookworm', 'trixie', 'sid', 'jammy', 'noble', 'resolute']);

const DEBIAN_CODENAMES: Record<string, number> = {
  jessie: 8, stretch: 9, buster: 10, bullseye: 11, bookworm: 12, trixie: 13, forky: 14, duke: 15,
};

const UBUNTU_CODENAMES: Record<string, string> = {
  xenial: '16.04', bionic: '18.04', focal: '20.04', jammy: '22.04', noble: '24.04', resolute: '26.04',
};

const UBUNTU_LTS: Record<string, Omit<Release, 'id' | 'family' | 'distro' | 'name' | 'major' | 'venvPython'>> = {
  '22.04': {
    codename: 'jammy',
    python: '3.10',
    postgresVersion: 14,
    warnings: [
      'Synapse is dropping Ubuntu 22.04 (Python 3.10) from November 2026: packages.matrix.org will stop ' +
        'publishing jammy packages and newer Synapse releases will not install here. Plan an upgrade to Ubuntu 24.04.',
    ],
  },
  '24.04': { codename: 'noble', python: '3.12', postgresVersion: 16, warnings: [] },
  // Python and PostgreSQL of 26.04 are not confirmed by a source yet (expected 3.14 and 18).
  '26.04': { codename: 'resolute', python: '3.14', postgresVersion: 18, warnings: [] },
};
const NEWEST_UBUNTU_LTS = '26.04';

const RHEL_DISTRO_NAMES = {
  rhel: 'Red Hat Enterprise Linux',
  rocky: 'Rocky Linux',
  almalinux: 'AlmaLinux',
  ol: 'Oracle Linux',
} as const;
type RhelDistro = keyof typeof RHEL_DISTRO_NAMES;
const RHEL_MAJORS = [8, 9, 10];

/** The ids `plan --target` accepts. */
export const SUPPORTED_TARGET_IDS: string[] = [
  'debian-12',
  'debian-13',
  'debian-unstable',
  'ubuntu-22.04',
  'ubuntu-24.04',
  'ubuntu-26.04',
  'centos-stream-9',
  'centos-stream-10',
  ...(['rhel', 'rocky', 'almalinux', 'ol'] as const).flatMap((distro) => RHEL_MAJORS.map((major) => `${distro}-${major}`)),
];

/** Human list of what is supported, for refusal messages. */
export function describeSupported(): string {
  return [
    'Debian 12, 13 and testing/unstable',
    `Ubuntu ${Object.keys(UBUNTU_LTS).join(', ')} LTS`,
    'CentOS Stream 9 and 10',
    'RHEL, Rocky Linux, AlmaLinux and Oracle Linux 8, 9 and 10',
  ].join('; ');
}

export function isRefused(target: Target | RefusedTarget): target is RefusedTarget {
  return 'refused' in target && target.refused === true;
}

/** Node's process.arch (or an RPM architecture name given to `--target`) as a dpkg architecture name. */
export function normalizeArch(nodeArch: string): string {
  const dpkg: Record<string, string> = {
    x86_64: 'amd64',
    aarch64: 'arm64',
    ppc64le: 'ppc64el',
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'armhf',
    ia32: 'i386',
    ppc64: 'ppc64el',
    s390x: 's390x',
    riscv64: 'riscv64',
    loong64: 'loong64',
  };
  return dpkg[nodeArch] ?? nodeArch;
}

/** The target this host is, from its os-release and (dpkg-style) architecture. */
export function detectTarget(osRelease: OsRelease, arch: string): Target | RefusedTarget {
  const id = (osRelease.ID ?? '').toLowerCase();
  switch (id) {
    case 'debian':
      return detectDebian(osRelease, arch);
    case 'ubuntu': {
      const version = osRelease.VERSION_ID ?? UBUNTU_CODENAMES[osRelease.UBUNTU_CODENAME ?? osRelease.VERSION_CODENAME ?? ''];
      if (!version) return refused(prettyName(osRelease), 'Its Ubuntu version could not be read from /etc/os-release.', supportedSuggestion());
      return ubuntuRelease(version, arch, osRelease.VERSION_CODENAME ?? osRelease.UBUNTU_CODENAME);
    }
    case 'centos':
      return centosRelease(majorOf(osRelease.VERSION_ID), /stream/i.test(osRelease.NAME ?? osRelease.PRETTY_NAME ?? ''), arch);
    case 'rhel':
    case 'rocky':
    case 'almalinux':
    case 'ol':
      return rhelRelease(id, majorOf(osRelease.VERSION_ID), arch, minorOf(osRelease.VERSION_ID));
    case 'fedora':
      return refused(
        prettyName(osRelease),
        'Fedora is not supported: its releases change faster than the package versions matrix-setup relies on.',
        `Use a RHEL-family release instead (${describeSupported()}).`,
      );
    case 'amzn':
      return refused(
        prettyName(osRelease),
        'Amazon Linux is not supported: its packages do not follow a RHEL release.',
        `Use one of: ${describeSupported()}.`,
      );
    default:
      return detectDerivative(osRelease, arch);
  }
}

/**
 * The target for a `--target` id (any machine can plan for any target). The id may carry
 * an architecture, `debian-12/arm64`, which wins over `arch`.
 */
export function targetById(id: string, arch = 'amd64'): Target | RefusedTarget {
  const [rawKey, rawArch] = id.trim().toLowerCase().split('/', 2);
  if (rawArch) arch = normalizeArch(rawArch);
  const key = rawKey;
  let match: RegExpExecArray | null;
  if (key === 'debian-unstable' || key === 'debian-sid' || key === 'debian-testing') return debianUnstable('sid', arch);
  if ((match = /^debian-(\d+)$/.exec(key))) return debianRelease(Number(match[1]), arch);
  if ((match = /^ubuntu-(\d{2}\.\d{2})$/.exec(key))) return ubuntuRelease(match[1], arch);
  if ((match = /^centos-stream-(\d+)$/.exec(key))) return centosRelease(Number(match[1]), true, arch);
  if ((match = /^centos-(\d+)$/.exec(key))) return centosRelease(Number(match[1]), false, arch);
  if ((match = /^(rhel|rocky|almalinux|ol)-(\d+)$/.exec(key))) return rhelRelease(match[1] as RhelDistro, Number(match[2]), arch);
  return {
    ...refused(
      id,
      `"${id}" is not a target matrix-setup knows.`,
      `Use one of: ${SUPPORTED_TARGET_IDS.join(', ')} (or ubuntu-<version> for a newer Ubuntu release; append /arm64 for another architecture).`,
    ),
    unknown: true,
  };
}

// --- Debian ---------------------------------------------------------------------------------

function detectDebian(osRelease: OsRelease, arch: string): Target | RefusedTarget {
  if (osRelease.VERSION_ID) return debianRelease(majorOf(osRelease.VERSION_ID), arch);
  // Testing and unstable carry no VERSION_ID, and share one os-release ("forky/sid").
  const codename = (osRelease.VERSION_CODENAME ?? '').toLowerCase();
  const sid = codename === 'sid' || !codename || /\bsid\b/i.test(osRelease.PRETTY_NAME ?? '');
  return debianUnstable(sid ? 'sid' : codename, arch);
}

function debianRelease(major: number, arch: string): Target | RefusedTarget {
  const codename = Object.keys(DEBIAN_CODENAMES).find((name) => DEBIAN_CODENAMES[name] === major);
  const name = `Debian ${major}${codename ? ` (${codename})` : ''}`;
  if (!Number.isFinite(major)) return refused('Debian', 'Its Debian version could not be read from /etc/os-release.', supportedSuggestion());
  if (major <= 11) {
    const why =
      major === 11
        ? 'Debian 11 (bullseye) has reached its end of life (LTS ended 2026-08-31), and its Python 3.9 and PostgreSQL 13 are older than current Synapse needs (3.10 and 14).'
        : `${name} reached its end of life years ago; its Python and PostgreSQL are far older than Synapse needs.`;
    return refused(name, why, 'Upgrade to Debian 12 (bookworm) or 13 (trixie), or start from a fresh Debian 13 server.');
  }
  if (major === 12) {
    return build({ id: 'debian-12', family: 'debian', distro: 'debian', name, major, codename: 'bookworm', python: '3.11', venvPython: 'python3', postgresVersion: 15, warnings: [] }, arch);
  }
  if (major === 13) {
    return build({ id: 'debian-13', family: 'debian', distro: 'debian', name, major, codename: 'trixie', python: '3.13', venvPython: 'python3', postgresVersion: 17, warnings: [] }, arch);
  }
  // A Debian stable newer than this release of matrix-setup knows: versions assumed like testing's.
  return build(
    {
      id: `debian-${major}`,
      family: 'debian',
      distro: 'debian',
      name,
      major,
      codename,
      python: '3.14',
      venvPython: 'python3',
      postgresVersion: 18,
      warnings: [untestedWarning(name, codename)],
    },
    arch,
  );
}

function debianUnstable(codename: string, arch: string): Target {
  const warnings = ['Debian testing/unstable changes every day: an upgrade can break Synapse between runs.'];
  if (!MATRIX_ORG_APT_CODENAMES.has(codename)) {
    warnings.push(`packages.matrix.org has no "${codename}" suite; use Debian's own matrix-synapse package (the default) or a venv.`);
  }
  return build(
    {
      id: 'debian-unstable',
      family: 'debian',
      distro: 'debian',
      name: codename === 'sid' ? 'Debian testing/unstable (sid)' : `Debian testing (${codename})`,
      major: 0,
      codename,
      python: '3.14',
      venvPython: 'python3',
      postgresVersion: 18,
      warnings,
    },
    arch,
  );
}

// --- Ubuntu ---------------------------------------------------------------------------------

function ubuntuRelease(version: string, arch: string, codenameHint?: string): Target | RefusedTarget {
  const name = `Ubuntu ${version}`;
  const ordinal = ubuntuOrdinal(version);
  if (ordinal === undefined) return refused(name, `"${version}" is not an Ubuntu version.`, supportedSuggestion());
  const lts = UBUNTU_LTS[version];
  if (lts) {
    return build(
      {
        id: `ubuntu-${version}`,
        family: 'debian',
        distro: 'ubuntu',
        name: `Ubuntu ${version} LTS (${lts.codename})`,
        major: Math.trunc(Number(version)),
        venvPython: 'python3',
        ...lts,
        warnings: [...lts.warnings],
      },
      arch,
    );
  }
  if (ordinal < ubuntuOrdinal('22.04')!) {
    const why =
      version === '20.04'
        ? 'Ubuntu 20.04 (focal) is out of standard support since May 2025, and its Python 3.8 and PostgreSQL 12 are older than current Synapse needs (3.10 and 14).'
        : `${name} is out of support, and its Python and PostgreSQL are older than Synapse needs.`;
    return refused(name, why, 'Upgrade to Ubuntu 24.04 LTS (do-release-upgrade), or start from a fresh Ubuntu 24.04 server.');
  }
  if (ordinal < ubuntuOrdinal(NEWEST_UBUNTU_LTS)!) {
    return refused(
      name,
      `${name} is an interim release whose support has ended.`,
      `Upgrade to Ubuntu ${NEWEST_UBUNTU_LTS} LTS, or use Ubuntu 24.04 LTS.`,
    );
  }
  // Newer than the newest LTS we know: probably fine, but nobody has tried it.
  const codename = codenameHint?.toLowerCase();
  return build(
    {
      id: `ubuntu-${version}`,
      family: 'debian',
      distro: 'ubuntu',
      name: `${name}${codename ? ` (${codename})` : ''}`,
      major: Math.trunc(Number(version)),
      codename,
      python: UBUNTU_LTS[NEWEST_UBUNTU_LTS].python,
      venvPython: 'python3',
      postgresVersion: UBUNTU_LTS[NEWEST_UBUNTU_LTS].postgresVersion,
      warnings: [untestedWarning(name, codename)],
    },
    arch,
  );
}

function ubuntuOrdinal(version: string): number | undefined {
  const match = /^(\d{2})\.(\d{2})$/.exec(version);
  return match ? Number(match[1]) * 100 + Number(match[2]) : undefined;
}

// --- RHEL family ----------------------------------------------------------------------------

function centosRelease(major: number, stream: boolean, arch: string): Target | RefusedTarget {
  if (major === 7) {
    return refused('CentOS Linux 7', 'CentOS Linux 7 reached its end of life on 2024-06-30.', rhelSuggestion());
  }
  if (major === 8) {
    return stream
      ? refused('CentOS Stream 8', 'CentOS Stream 8 reached its end of life on 2024-05-31.', rhelSuggestion())
      : refused('CentOS Linux 8', 'CentOS Linux 8 reached its end of life on 2021-12-31.', rhelSuggestion());
  }
  if ((major === 9 || major === 10) && stream) {
    const unsupported = rhelArchRefusal(`CentOS Stream ${major}`, arch);
    if (unsupported) return unsupported;
    return build({ ...rhelVersions(major), id: `centos-stream-${major}`, family: 'rhel', distro: 'centos', name: `CentOS Stream ${major}`, major, warnings: [] }, arch);
  }
  const name = stream ? `CentOS Stream ${Number.isFinite(major) ? major : ''}`.trim() : `CentOS Linux ${Number.isFinite(major) ? major : ''}`.trim();
  const why = Number.isFinite(major) && major < 7 ? `${name} reached its end of life years ago.` : `${name} is not a release matrix-setup knows.`;
  return refused(name, why, rhelSuggestion());
}

/**
 * `minor` is the VERSION_ID's minor release when known (a machine's os-release); plans for a
 * `--target` assume the current minor release.
 */
function rhelRelease(distro: RhelDistro, major: number, arch: string, minor?: number): Target | RefusedTarget {
  const name = `${RHEL_DISTRO_NAMES[distro]} ${Number.isFinite(major) ? major : ''}`.trim();
  if (RHEL_MAJORS.includes(major)) {
    const unsupported = rhelArchRefusal(name, arch) ?? rhelMinorRefusal(`${name}.${minor}`, major, minor, distro === 'rhel');
    if (unsupported) return unsupported;
    return build({ ...rhelVersions(major), id: `${distro}-${major}`, family: 'rhel', distro, name, major, warnings: [] }, arch);
  }
  if (Number.isFinite(major) && major < 8) {
    return refused(
      name,
      `${name} is too old: its Python and PostgreSQL are below what Synapse needs (3.10 and 14), and its maintenance has ended.`,
      `Use ${RHEL_DISTRO_NAMES[distro]} 9 or 10.`,
    );
  }
  return refused(name, `${name} is not a release matrix-setup knows yet.`, `Use ${RHEL_DISTRO_NAMES[distro]} 9 or 10.`);
}

/**
 * Synapse publishes ready-built wheels for x86_64 and aarch64 only (its release workflow builds
 * on those two runners). Elsewhere pip compiles its Rust parts (rust-version 1.82 in its
 * Cargo.toml), which takes more toolchain, memory and time than a VPS install should.
 */
const SYNAPSE_WHEEL_ARCHES = ['amd64', 'arm64'];

function rhelArchRefusal(name: string, arch: string): RefusedTarget | undefined {
  if (SYNAPSE_WHEEL_ARCHES.includes(arch)) return undefined;
  return refused(
    `${name} (${rpmArch(arch)})`,
    `Synapse publishes ready-built packages (wheels) for x86_64 and aarch64 only; on ${rpmArch(arch)} pip would have to compile its Rust parts from source (Rust 1.82 or later, a long and memory-hungry build), which matrix-setup does not set up.`,
    `Use an x86_64 or aarch64 server for ${name}.`,
  );
}

/**
 * The first minor release of each major with python3.12 and the postgresql:16 module stream in
 * AppStream (RHEL 8.10 and 9.4; every EL10 release has both). An older minor is an install
 * not updated since, or one pinned to Extended Update Support (EUS), which never gets them.
 */
const RHEL_FIRST_USABLE_MINOR: Record<number, number> = { 8: 10, 9: 4 };

function rhelMinorRefusal(name: string, major: number, minor: number | undefined, rhel: boolean): RefusedTarget | undefined {
  const needed = RHEL_FIRST_USABLE_MINOR[major];
  if (needed === undefined || minor === undefined || minor >= needed) return undefined;
  const unpin = rhel ? '; a system pinned to an EUS release needs `subscription-manager release --unset` first' : '';
  return refused(
    name,
    `${name} is too old a minor release: python3.12 and the postgresql:16 module stream, which Synapse and its database are installed from, arrived in EL ${major}.${needed}.`,
    `Update to the latest ${major}.x release (\`dnf upgrade --refresh\`, then reboot)${unpin}, and run matrix-setup again.`,
  );
}

/** The RPM name of a dpkg architecture: x86_64, aarch64, ppc64le, s390x. */
export function rpmArch(arch: string): string {
  const rpm: Record<string, string> = { amd64: 'x86_64', arm64: 'aarch64', ppc64el: 'ppc64le', i386: 'i686', armhf: 'armv7hl' };
  return rpm[arch] ?? arch;
}

function rhelVersions(major: number): Pick<Release, 'python' | 'venvPython' | 'postgresVersion' | 'postgresModuleStream'> {
  // 8 and 9 ship an old platform python and an old default PostgreSQL stream;
  // python3.12 and the postgresql:16 module stream are in AppStream.
  if (major === 8) return { python: '3.6', venvPython: 'python3.12', postgresVersion: 16, postgresModuleStream: '16' };
  if (major === 9) return { python: '3.9', venvPython: 'python3.12', postgresVersion: 16, postgresModuleStream: '16' };
  return { python: '3.12', venvPython: 'python3', postgresVersion: 16 };
}

function rhelSuggestion(): string {
  return 'Use Rocky Linux, AlmaLinux or RHEL 9 or 10, or CentOS Stream 9 or 10.';
}

// --- Derivatives ----------------------------------------------------------------------------

function detectDerivative(osRelease: OsRelease, arch: string): Target | RefusedTarget {
  const pretty = prettyName(osRelease);
  const like = (osRelease.ID_LIKE ?? '').toLowerCase().split(/\s+/).filter(Boolean);

  if (like.includes('ubuntu') && osRelease.UBUNTU_CODENAME) {
    const codename = osRelease.UBUNTU_CODENAME.toLowerCase();
    const version = UBUNTU_CODENAMES[codename];
    if (!version) {
      return refused(pretty, `${pretty} is based on Ubuntu "${codename}", which is not a release matrix-setup supports.`, supportedSuggestion());
    }
    return asDerivative(ubuntuRelease(version, arch, codename), pretty, codename);
  }
  if (like.includes('debian') || like.includes('ubuntu')) {
    const codename = (osRelease.DEBIAN_CODENAME ?? osRelease.VERSION_CODENAME ?? '').toLowerCase();
    if (codename === 'sid') return asDerivative(debianUnstable('sid', arch), pretty, codename);
    const major = DEBIAN_CODENAMES[codename];
    if (major === 12 || major === 13 || (major !== undefined && major <= 11)) {
      return asDerivative(debianRelease(major, arch), pretty, codename);
    }
    return refused(
      pretty,
      `${pretty} is based on Debian, but its packages come from "${codename || 'an unnamed suite'}", not from a Debian release matrix-setup supports, so Debian's packages cannot be relied on.`,
      supportedSuggestion(),
    );
  }
  if (like.some((word) => word === 'rhel' || word === 'centos' || word === 'fedora')) {
    const major = majorOf(osRelease.VERSION_ID);
    if (RHEL_MAJORS.includes(major)) {
      const tooOld = rhelMinorRefusal(pretty, major, minorOf(osRelease.VERSION_ID), false);
      return tooOld ?? asDerivative(rhelRelease('rocky', major, arch), pretty, `EL${major}`);
    }
    if (Number.isFinite(major) && major < 8) {
      return refused(pretty, `${pretty} is based on an Enterprise Linux release older than 8, which Synapse no longer runs on.`, rhelSuggestion());
    }
    return refused(pretty, `${pretty} does not match a RHEL release (8, 9 or 10) matrix-setup supports.`, supportedSuggestion());
  }
  return refused(pretty, `${pretty} is not a distribution matrix-setup supports.`, supportedSuggestion());
}

function asDerivative(target: Target | RefusedTarget, pretty: string, base: string): Target | RefusedTarget {
  if (isRefused(target)) {
    return { ...target, name: pretty, reason: `${pretty} is based on ${target.name}: ${target.reason}` };
  }
  return {
    ...target,
    derivative: pretty,
    warnings: [
      `${pretty} is handled as ${target.name} (its packages come from ${base}); derivatives are not tested.`,
      ...target.warnings,
    ],
  };
}

// --- Shared ---------------------------------------------------------------------------------

function build(release: Release, arch: string): Target {
  const warnings = [...release.warnings];
  if (arch === 'i386' || arch === 'armhf' || arch === 'armel') {
    warnings.push(
      `${arch} is a 32-bit architecture: Synapse publishes no ready-built packages for it, so its Rust parts are compiled during the install (slow, needs memory). A 64-bit system is strongly recommended.`,
    );
  }
  const target: Target = {
    id: release.id,
    family: release.family,
    distro: release.distro,
    name: release.name,
    major: release.major,
    arch,
    python: release.python,
    venvPython: release.venvPython,
    postgresVersion: release.postgresVersion,
    synapseSources: synapseSources(release, arch),
    warnings,
  };
  if (release.codename) target.codename = release.codename;
  if (release.postgresModuleStream) target.postgresModuleStream = release.postgresModuleStream;
  return target;
}

function synapseSources(release: Release, arch: string): SynapseSource[] {
  if (release.family === 'rhel') return ['venv'];
  // packages.matrix.org builds for amd64 only; Debian's own package exists in unstable only.
  const apt: SynapseSource[] = arch === 'amd64' ? ['apt'] : [];
  if (release.id === 'debian-unstable') return ['distro', ...apt, 'venv'];
  return [...apt, 'venv'];
}

function untestedWarning(name: string, codename: string | undefined): string {
  const apt =
    codename && MATRIX_ORG_APT_CODENAMES.has(codename)
      ? ''
      : `, and packages.matrix.org may not have a "${codename ?? 'unknown'}" suite yet (the venv install does not need it)`;
  return `${name} has not been tested with matrix-setup${apt}.`;
}

function refused(name: string, reason: string, suggestion: string): RefusedTarget {
  return { refused: true, name, reason, suggestion };
}

function supportedSuggestion(): string {
  return `Use one of the supported systems: ${describeSupported()}.`;
}

function prettyName(osRelease: OsRelease): string {
  return (
    osRelease.PRETTY_NAME ||
    [osRelease.NAME ?? osRelease.ID, osRelease.VERSION ?? osRelease.VERSION_ID].filter(Boolean).join(' ') ||
    'This operating system'
  );
}

/** The minor of a VERSION_ID such as "9.4"; undefined when it has none (CentOS Stream: "9"). */
function minorOf(versionId: string | undefined): number | undefined {
  const match = /^\s*\d+\.(\d+)/.exec(versionId ?? '');
  return match ? Number(match[1]) : undefined;
}

function majorOf(versionId: string | undefined): number {
  const match = /^\s*(\d+)/.exec(versionId ?? '');
  return match ? Number(match[1]) : Number.NaN;
}
