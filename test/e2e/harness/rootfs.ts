import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureHostTools } from './host-tools.js';
import { acquireLock } from './lock.js';
import { run } from './process.js';

/** Everything cached between runs lives here, outside the work tree. */
export const CACHE_DIR = process.env.MATRIX_SETUP_E2E_CACHE || '/var/cache/matrix-setup-e2e';

/** Bump to rebuild every cached root filesystem (e.g. after changing how they are made). */
export const ROOTFS_HARNESS_VERSION = 1;

const BASE_PACKAGES = ['systemd', 'systemd-sysv', 'dbus', 'ca-certificates', 'apt-utils', 'locales', 'iproute2', 'procps', 'less'];

export interface RootfsSpec {
  /** Debian suite given to debootstrap. */
  suite: string;
  /** Packages added to the minbase variant (debootstrap resolves their dependencies). */
  include: string[];
  tarball: string;
}

export const ROOTFS = {
  /** A fresh Debian unstable VPS: the only suite that ships matrix-synapse. */
  sid: { suite: 'sid', include: BASE_PACKAGES, tarball: 'sid-rootfs.tar' },
  /** Debian 12 with its own nodejs (18.x): the bundle's runtime floor. */
  'bookworm-node': { suite: 'bookworm', include: [...BASE_PACKAGES, 'nodejs'], tarball: 'bookworm-node-rootfs.tar' },
} satisfies Record<string, RootfsSpec>;

export type RootfsName = keyof typeof ROOTFS;

/** Names the test domain uses; all resolve to loopback inside the container. */
export const TEST_HOSTNAMES = ['matrix.test', 'element.matrix.test', 'example.test', 'matrix.example.test', 'element.example.test'];

/** The Debian mirror this host's own apt uses (deb822 .sources or one-line .list files). */
export function hostDebianMirror(): string {
  if (process.env.MATRIX_SETUP_E2E_MIRROR) return process.env.MATRIX_SETUP_E2E_MIRROR;
  const files: string[] = [];
  const dir = '/etc/apt/sources.list.d';
  try {
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.sources') || name.endsWith('.list')) files.push(join(dir, name));
    }
  } catch {
    // no sources.list.d
  }
  files.push('/etc/apt/sources.list');
  for (const file of files) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const candidates = [
      ...[...text.matchAll(/^URIs:\s*(\S+)/gm)].map((m) => m[1]),
      ...[...text.matchAll(/^deb\s+(?:\[[^\]]*\]\s+)?(\S+)/gm)].map((m) => m[1]),
    ];
    const mirror = candidates.find((uri) => /\/debian\/?$/.test(uri));
    if (mirror) return mirror.replace(/\/$/, '');
  }
  return 'http://deb.debian.org/debian';
}

function stampFor(spec: RootfsSpec, mirror: string): string {
  return JSON.stringify({ version: ROOTFS_HARNESS_VERSION, suite: spec.suite, include: spec.include, mirror });
}

export function tarballPath(name: RootfsName): string {
  return join(CACHE_DIR, ROOTFS[name].tarball);
}

function cachedTarballCurrent(name: RootfsName, mirror: string): boolean {
  const tarball = tarballPath(name);
  try {
    return existsSync(tarball) && readFileSync(`${tarball}.stamp`, 'utf8') === stampFor(ROOTFS[name], mirror);
  } catch {
    return false;
  }
}

/**
 * The cached tarball of a root filesystem, built with debootstrap when it is missing or was
 * made by another version of this harness. Returns its path and whether it was built now.
 */
export async function ensureRootfsTarball(name: RootfsName): Promise<{ path: string; built: boolean }> {
  const spec: RootfsSpec = ROOTFS[name];
  const mirror = hostDebianMirror();
  const tarball = tarballPath(name);
  if (cachedTarballCurrent(name, mirror)) return { path: tarball, built: false };

  mkdirSync(CACHE_DIR, { recursive: true });
  const lock = await acquireLock(join(CACHE_DIR, `build-${name}.lock`), { waitMs: 30 * 60_000, what: `building ${name}` });
  let work: string | undefined;
  try {
    if (cachedTarballCurrent(name, mirror)) return { path: tarball, built: false };
    await ensureHostTools();
    for (const old of readdirSync(CACHE_DIR)) {
      if (old.startsWith(`build-${name}-`)) rmSync(join(CACHE_DIR, old), { recursive: true, force: true });
    }
    work = mkdtempSync(join(CACHE_DIR, `build-${name}-`));
    const root = join(work, 'root');
    console.log(`[e2e] building the ${name} root filesystem (debootstrap ${spec.suite} from ${mirror})`);
    await run(
      ['debootstrap', '--variant=minbase', `--include=${spec.include.join(',')}`, spec.suite, root, mirror],
      { timeoutMs: 30 * 60_000 },
    );
    await run(['chroot', root, 'apt-get', 'clean'], { timeoutMs: 60_000 });
    const partial = join(work, 'rootfs.tar');
    await run(['tar', '--numeric-owner', '--xattrs', '--acls', '-cpf', partial, '-C', root, '.'], { timeoutMs: 10 * 60_000 });
    renameSync(partial, tarball);
    writeFileSync(`${tarball}.stamp`, stampFor(spec, mirror));
    return { path: tarball, built: true };
  } finally {
    if (work) rmSync(work, { recursive: true, force: true });
    lock.release();
  }
}

/** Unpacks a cached root filesystem into `root` (an empty directory). */
export async function restoreRootfs(name: RootfsName, root: string): Promise<void> {
  const { path } = await ensureRootfsTarball(name);
  mkdirSync(root, { recursive: true });
  await run(['tar', '--numeric-owner', '--xattrs', '--acls', '-xpf', path, '-C', root], { timeoutMs: 10 * 60_000 });
  applyTestConfig(root);
}

/**
 * Test-environment settings only (the product never relies on them): the unstable mirror's
 * Release file can be older than its Valid-Until, and the test domain resolves to loopback.
 */
export function applyTestConfig(root: string): void {
  writeFileSync(join(root, 'etc/apt/apt.conf.d/99matrix-setup-e2e'), 'Acquire::Check-Valid-Until "false";\n');
  writeFileSync(
    join(root, 'etc/hosts'),
    [`127.0.0.1\tlocalhost ${TEST_HOSTNAMES.join(' ')}`, '::1\tlocalhost ip6-localhost ip6-loopback', ''].join('\n'),
  );
}
