// install.sh's own logic, without letting it touch this machine: its functions are sourced
// (MATRIX_SETUP_INSTALL_SH_NO_MAIN=1) and called with fake node binaries. The whole script
// runs for real in the end-to-end suite, on a fresh Debian container.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const SCRIPT = join(import.meta.dirname, '..', '..', 'install.sh');
const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-install-sh-'));
chmodSync(dir, 0o755);
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;
after(() => rmSync(dir, { recursive: true, force: true }));

function fakeNode(version: string): string {
  const path = join(dir, `node-${version}`);
  writeFileSync(path, `#!/bin/sh\necho ${version}\n`);
  chmodSync(path, 0o755);
  return path;
}

function bash(snippet: string, script = SCRIPT) {
  return spawnSync('bash', ['-c', `source "${script}"; ${snippet}`], {
    encoding: 'utf8',
    env: { ...process.env, MATRIX_SETUP_INSTALL_SH_NO_MAIN: '1' },
  });
}

/** A directory of its own under the test directory. */
function scratch(name: string): string {
  const path = join(dir, name);
  mkdirSync(path, { mode: 0o755 });
  chmodSync(path, 0o755);
  return path;
}

/** Every path under root (root included), with lstat. */
function walk(root: string): Array<{ path: string; uid: number; gid: number; mode: number; link: boolean }> {
  const stat = lstatSync(root);
  const entry = { path: root, uid: stat.uid, gid: stat.gid, mode: stat.mode & 0o7777, link: stat.isSymbolicLink() };
  if (!stat.isDirectory()) return [entry];
  return [entry, ...readdirSync(root).flatMap((name) => walk(join(root, name)))];
}

/**
 * A tarball shaped like nodejs.org's node-vX-linux-x64.tar.xz: one top directory, bin/node,
 * a symlink, files owned by uid/gid 1001 (as the official builds are) and group-writable.
 */
let synthetic: string | undefined;
function syntheticNodeTarball(): string {
  if (synthetic) return synthetic;
  const source = scratch('synthetic-node-src');
  const top = join(source, 'node-v0.0.0-linux-x64');
  mkdirSync(join(top, 'bin'), { recursive: true });
  mkdirSync(join(top, 'lib', 'node_modules'), { recursive: true });
  writeFileSync(join(top, 'bin', 'node'), '#!/bin/sh\necho v22.22.0\n');
  chmodSync(join(top, 'bin', 'node'), 0o775);
  writeFileSync(join(top, 'lib', 'node_modules', 'module.js'), '// writable by group and others in the archive\n');
  chmodSync(join(top, 'lib', 'node_modules', 'module.js'), 0o666);
  chmodSync(join(top, 'lib'), 0o777);
  const tarball = join(dir, 'node-v0.0.0-linux-x64.tar.xz');
  const tar = spawnSync('tar', ['-cJf', tarball, '--owner=1001', '--group=1001', '-C', source, 'node-v0.0.0-linux-x64'], { encoding: 'utf8' });
  assert.equal(tar.status, 0, tar.stderr);
  return (synthetic = tarball);
}

describe('install.sh', () => {
  it('is valid bash', () => {
    const result = spawnSync('bash', ['-n', SCRIPT], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  it('accepts a Node.js from 18.19 on and refuses older ones', () => {
    for (const [version, ok] of [
      ['v18.18.2', false],
      ['v18.19.0', true],
      ['v18.20.4', true],
      ['v12.22.9', false],
      ['v20.19.2', true],
      ['v24.1.0', true],
      ['garbage', false],
    ] as const) {
      const result = bash(`node_is_new_enough "${fakeNode(version)}"`);
      assert.equal(result.status === 0, ok, `${version}: ${result.stderr}`);
    }
  });

  it('uses a bundle given by path and refuses an unreadable one with exit 2', () => {
    const bundle = join(dir, 'bundle.mjs');
    writeFileSync(bundle, '');
    assert.equal(bash(`MATRIX_SETUP_BUNDLE="${bundle}" get_bundle`).stdout.trim(), bundle);
    const missing = bash(`MATRIX_SETUP_BUNDLE="${join(dir, 'nope.mjs')}" get_bundle`);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /not readable/);
  });

  it('pins the fallback Node.js SHA-256 for each architecture it downloads', () => {
    const text = readFileSync(SCRIPT, 'utf8');
    assert.doesNotMatch(text, /SHASUMS256\.txt"/, 'no checksum list fetched from the same host as the tarball');
    for (const arch of ['x64', 'arm64']) {
      const result = bash(`node_tarball_sha256 ${arch}`);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout.trim(), /^[0-9a-f]{64}$/, arch);
    }
    assert.notEqual(bash('node_tarball_sha256 ppc64le').status, 0);
  });

  it('refuses a downloaded Node.js tarball whose SHA-256 is not the pinned one, before unpacking it', () => {
    const target = scratch('mismatch-install');
    const tarball = syntheticNodeTarball();
    // curl is replaced by a copy of the synthetic tarball: nothing leaves this machine.
    const result = bash(`INSTALL_DIR="${target}"; uname() { echo x86_64; }; curl() { while [[ $1 != -o ]]; do shift; done; cp "${tarball}" "$2"; }; install_release_node`);
    assert.equal(result.status, 3, result.stderr);
    assert.match(result.stderr, /checksum mismatch/);
    assert.deepEqual(readdirSync(target), [], 'nothing was unpacked');
  });

  it('unpacks the fallback Node.js owned by root, without the archive\'s uid 1001 or its group/other write bits', (t) => {
    if (!asRoot) return t.skip('needs root: only root keeps an archive\'s owners');
    const tarball = syntheticNodeTarball();
    const target = join(scratch('unpack'), 'node');
    const result = bash(`unpack_node_tarball "${tarball}" "${target}"`);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(existsSync(join(target, 'bin', 'node')), 'bin/node is in place');
    for (const entry of walk(target)) {
      assert.deepEqual([entry.uid, entry.gid], [0, 0], `${entry.path} belongs to ${entry.uid}:${entry.gid}`);
      if (!entry.link) assert.equal(entry.mode & 0o022, 0, `${entry.path} is writable by group or others (${entry.mode.toString(8)})`);
    }
    assert.equal(statSync(join(target, 'bin', 'node')).mode & 0o111, 0o111, 'node stays executable');
    // Unpacking again (an upgrade) replaces the tree.
    const again = bash(`unpack_node_tarball "${tarball}" "${target}"`);
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(readdirSync(join(target, '..')), ['node'], 'no staging directory left behind');
  });

  it('under `curl | bash` ignores a matrix-setup.mjs planted in the current directory', () => {
    const shared = scratch('shared-tmp');
    chmodSync(shared, 0o1777);
    const planted = join(shared, 'matrix-setup.mjs');
    writeFileSync(planted, 'console.log("planted")\n');
    // The script arrives on standard input, as it does under `curl -fsSL … | sudo bash`; the
    // registry download is replaced by a failing curl so nothing leaves this machine.
    const script = `${readFileSync(SCRIPT, 'utf8')}\ncurl() { echo "curl $*" >&2; return 22; }\nget_bundle\n`;
    const result = spawnSync('bash', ['-s'], { cwd: shared, input: script, encoding: 'utf8', env: { ...process.env, MATRIX_SETUP_INSTALL_SH_NO_MAIN: '1' } });
    assert.doesNotMatch(result.stdout, /matrix-setup\.mjs/, `the planted bundle was picked: ${result.stdout}`);
    assert.match(result.stderr, /curl .*registry\.npmjs\.org/, 'it goes to the registry instead');
  });

  it('uses the bundle beside install.sh when both are on disk and only root could have put them there', (t) => {
    if (!asRoot) return t.skip('needs root to hand files to another user');
    const mine = scratch('beside');
    writeFileSync(join(mine, 'install.sh'), readFileSync(SCRIPT));
    writeFileSync(join(mine, 'matrix-setup.mjs'), '');
    const found = bash('get_bundle', join(mine, 'install.sh'));
    assert.equal(found.status, 0, found.stderr);
    assert.equal(found.stdout.trim(), join(mine, 'matrix-setup.mjs'));

    // The same layout where another user owns the bundle: it is not used.
    chownSync(join(mine, 'matrix-setup.mjs'), NOBODY, NOBODY);
    const foreign = bash('curl() { echo "curl $*" >&2; return 22; }; get_bundle', join(mine, 'install.sh'));
    assert.doesNotMatch(foreign.stdout, /matrix-setup\.mjs/);
    assert.match(foreign.stderr, /not using .*matrix-setup\.mjs/);
  });

  it('refuses to run as another user than root, before changing anything', (t) => {
    if (process.getuid?.() !== 0) return t.skip('needs root to switch to an unprivileged user');
    const result = spawnSync('runuser', ['-u', 'nobody', '--', 'bash', SCRIPT, '--version'], { encoding: 'utf8' });
    assert.equal(result.status, 3);
    assert.match(result.stderr, /run this as root/);
  });
});
