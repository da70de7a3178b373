// install.sh around its Node.js install: waiting while another process holds the package
// manager's locks (a real fcntl lock on a scratch file, held by perl, read back from the real
// /proc/locks), repairing an interrupted dpkg, retrying apt-get after a lock error, and never
// falling back to downloading Node.js because the package manager was busy. apt-get and dpkg are
// stubs on PATH: nothing touches this machine's packages. The real thing runs in the e2e suite.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { holdLock, releaseLocks } from '../helpers/fcntl-lock.js';

const SCRIPT = join(import.meta.dirname, '..', '..', 'install.sh');
const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-install-sh-pm-'));
after(() => {
  releaseLocks();
  rmSync(dir, { recursive: true, force: true });
});

/** Scripts named like the real tools, first on PATH; each logs its arguments to calls.log. */
function stubs(name: string, scripts: Record<string, string>): { path: string; calls: () => string[] } {
  const bin = join(dir, name);
  mkdirSync(bin, { recursive: true });
  const log = join(bin, 'calls.log');
  writeFileSync(log, '');
  for (const [tool, body] of Object.entries(scripts)) {
    writeFileSync(join(bin, tool), `#!/bin/bash\necho "${tool} $*" >>"${log}"\n${body}\n`);
    chmodSync(join(bin, tool), 0o755);
  }
  return { path: `${bin}:${process.env.PATH}`, calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

/** A stand-in for /var/lib/dpkg/updates holding `entries` (none: a consistent dpkg). */
function dpkgJournal(name: string, ...entries: string[]): string {
  const updates = join(dir, name);
  mkdirSync(updates, { recursive: true });
  for (const entry of entries) writeFileSync(join(updates, entry), '');
  return updates;
}

/** How install.sh lists dpkg's package states, as the stub logs it. */
const LIST_STATUS = 'dpkg-query -W -f ${db:Status-Abbrev}\\t${binary:Package}\\n';

function bash(snippet: string, path = process.env.PATH ?? '/usr/bin:/bin') {
  return spawnSync('bash', ['-c', `source "${SCRIPT}"; ${snippet}`], {
    encoding: 'utf8',
    env: { ...process.env, PATH: path, MATRIX_SETUP_INSTALL_SH_NO_MAIN: '1' },
    timeout: 60_000,
  });
}

describe('install.sh and a busy or interrupted package manager', () => {
  it('reads --package-lock-wait from the arguments it passes on, and refuses nonsense with exit 2', () => {
    assert.equal(bash('read_lock_wait --answers a.yaml --package-lock-wait 30 --yes; echo $LOCK_WAIT_SECONDS').stdout.trim(), '1800');
    assert.equal(bash('read_lock_wait --package-lock-wait=0.5; echo $LOCK_WAIT_SECONDS').stdout.trim(), '30');
    assert.equal(bash('read_lock_wait; echo $LOCK_WAIT_SECONDS').stdout.trim(), '900');
    const bad = bash('read_lock_wait --package-lock-wait soon');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--package-lock-wait soon: give the minutes/);
  });

  it('finds the process holding an fcntl lock, by PID and name, from /proc/locks', async () => {
    const lock = join(dir, 'lock-frontend');
    const holder = await holdLock(lock, 30);
    const result = bash(`lock_holders "${lock}" "${join(dir, 'missing')}"`);
    assert.equal(result.stdout.trim(), `${holder.pid} perl ${lock}`);
    holder.kill('SIGKILL');
  });

  it('busy: waits, saying who holds which lock, and goes on once it is free', async () => {
    const lock = join(dir, 'lock-busy');
    const holder = await holdLock(lock, 3);
    const result = bash(`APT_LOCK_FILES=("${lock}"); read_lock_wait; wait_for_package_manager debian; echo done`);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, new RegExp(`^matrix-setup: waiting for the package manager: perl \\(PID ${holder.pid}\\) holds ${lock} · waited 0:0\\d of 15:00$`, 'm'));
    assert.match(result.stderr, /the package manager is free again \(waited 0:0[2-5]\); continuing/);
    assert.equal(result.stdout.trim(), 'done');
  });

  it('busy past the limit: stops with exit 1 naming the holder and what to do', async () => {
    const lock = join(dir, 'lock-stuck');
    const holder = await holdLock(lock, 30);
    const result = bash(`APT_LOCK_FILES=("${lock}"); LOCK_WAIT_SECONDS=2; wait_for_package_manager debian; echo not-reached`);
    assert.equal(result.status, 1);
    assert.match(result.stderr, new RegExp(`still busy after 0:0[23]: perl \\(PID ${holder.pid}\\) holds ${lock}`));
    assert.match(result.stderr, /--package-lock-wait MINUTES waits longer/);
    assert.doesNotMatch(result.stdout, /not-reached/);
    holder.kill('SIGKILL');
  });

  it('interrupted: dpkg --configure -a keeping configuration files, then apt-get -f install when apt still reports broken packages', () => {
    const updates = dpkgJournal('updates-interrupted', '0003');
    const tools = stubs('interrupted', { dpkg: 'exit 0', 'dpkg-query': 'printf "ii \\tnodejs\\n"', 'apt-get': '[[ $1 == check ]] && exit 100; exit 0' });
    const result = bash(`DPKG_UPDATES_DIR="${updates}"; recover_dpkg`, tools.path);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(tools.calls(), [
      'dpkg --audit',
      'dpkg --force-confdef --force-confold --configure -a',
      LIST_STATUS,
      'apt-get check -q',
      'apt-get -f install -y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold',
    ]);
    assert.match(result.stderr, /dpkg was interrupted before it finished: completing its work \(dpkg --configure -a\)/);
    assert.match(result.stderr, /apt reports broken packages: repairing them \(apt-get -f install\)/);
  });

  it('killed mid-unpack: --configure -a fails on the reinst-required package; it is reinstalled keeping configuration files, then configured again', () => {
    const updates = dpkgJournal('updates-mid-unpack', '0002');
    const attempts = join(dir, 'configure-attempts');
    writeFileSync(attempts, '0');
    // As dpkg and dpkg-query answered in a Debian unstable container after a SIGKILL while dpkg unpacked libsimdutf35.
    const tools = stubs('mid-unpack', {
      dpkg: `[[ $1 == --audit ]] && exit 0; n=$(cat "${attempts}"); echo $((n + 1)) >"${attempts}"; if ((n == 0)); then printf 'dpkg: error processing package libsimdutf35:amd64 (--configure):\\n package is in a very bad inconsistent state; it should\\n be reinstalled before attempting configuration\\n' >&2; exit 1; fi`,
      'dpkg-query': 'printf "ii \\tlibc6:amd64\\nit \\tlibc-bin\\niUR\\tlibsimdutf35:amd64\\niHR\\tlibicu78:amd64\\n"',
      'apt-get': 'exit 0',
    });
    const result = bash(`DPKG_UPDATES_DIR="${updates}"; recover_dpkg`, tools.path);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(tools.calls(), [
      'dpkg --audit',
      'dpkg --force-confdef --force-confold --configure -a',
      LIST_STATUS,
      'apt-get install --reinstall -y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold libsimdutf35:amd64 libicu78:amd64',
      'dpkg --force-confdef --force-confold --configure -a',
      'apt-get check -q',
    ]);
    assert.match(result.stderr, /very bad inconsistent state/, "dpkg's own output is shown");
    assert.match(result.stderr, /dpkg was killed while unpacking libsimdutf35:amd64 libicu78:amd64, which only a reinstall can finish: reinstalling \(apt-get install --reinstall\)/);
  });

  it('a reinstall that fails stops with exit 1 and says how to repair by hand', () => {
    const updates = dpkgJournal('updates-reinstall-fails', '0000');
    const tools = stubs('reinstall-fails', {
      dpkg: '[[ $1 == --audit ]] && exit 0; exit 1',
      'dpkg-query': 'printf "iUR\\tlibsimdutf35:amd64\\n"',
      'apt-get': '[[ $2 == --reinstall ]] && { echo "E: Failed to fetch libsimdutf35  404  Not Found" >&2; exit 100; }; exit 0',
    });
    const result = bash(`DPKG_UPDATES_DIR="${updates}"; recover_dpkg; echo not-reached`, tools.path);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /reinstalling libsimdutf35:amd64 failed \(its output is above\)\. Repair it by hand: dpkg --configure -a; a package it calls "in a very bad inconsistent state" needs apt-get install --reinstall PACKAGE; then apt-get -f install/);
    assert.equal(tools.calls().at(-1), 'apt-get install --reinstall -y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold libsimdutf35:amd64');
    assert.doesNotMatch(result.stdout, /not-reached/);
  });

  it('consistent dpkg: nothing is repaired', () => {
    const updates = dpkgJournal('updates-empty');
    const tools = stubs('consistent', { dpkg: 'exit 0', 'apt-get': 'exit 0' });
    const result = bash(`DPKG_UPDATES_DIR="${updates}"; recover_dpkg`, tools.path);
    assert.equal(result.status, 0);
    assert.deepEqual(tools.calls(), ['dpkg --audit']);
  });

  it('a failing repair stops with exit 1 and the commands to run by hand', () => {
    const updates = dpkgJournal('updates-failing', '0000');
    const tools = stubs('failing', { dpkg: '[[ $1 == --audit ]] && exit 0; echo "dpkg: error processing package nodejs" >&2; exit 1', 'dpkg-query': 'printf "iF \\tnodejs\\n"', 'apt-get': 'exit 0' });
    const result = bash(`DPKG_UPDATES_DIR="${updates}"; recover_dpkg; echo not-reached`, tools.path);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /dpkg: error processing package nodejs/);
    assert.match(result.stderr, /Repair it by hand: dpkg --configure -a; .*then apt-get -f install/);
    assert.ok(!tools.calls().some((c) => c.startsWith('apt-get')), 'nothing to reinstall: nothing installed after the failed repair');
    assert.doesNotMatch(result.stdout, /not-reached/);
  });

  it('apt-get meeting a lock taken in between: waits and runs it again', () => {
    const count = join(dir, 'apt-count');
    writeFileSync(count, '0');
    const tools = stubs('retry', {
      'apt-get': `n=$(cat "${count}"); echo $((n + 1)) >"${count}"; if ((n < 1)); then echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (unattended-upgr)" >&2; exit 100; fi; echo installed`,
    });
    const result = bash(`APT_LOCK_FILES=(); read_lock_wait; apt_get install -y nodejs`, tools.path);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(tools.calls(), ['apt-get install -y nodejs', 'apt-get install -y nodejs']);
    assert.match(result.stderr, /It is held by process 4242/);
  });

  it('never falls back to downloading Node.js because the package manager stayed busy: it stops instead', () => {
    const tools = stubs('stuck', {
      'apt-get': 'echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (unattended-upgr)" >&2; exit 100',
      dpkg: 'exit 0',
      curl: 'exit 0',
    });
    const updates = dpkgJournal('updates-stuck');
    const result = bash(
      `APT_LOCK_FILES=(); DPKG_UPDATES_DIR="${updates}"; LOCK_WAIT_SECONDS=2; distro_family() { echo debian; }; install_distro_node || echo fell-back`,
      tools.path,
    );
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /the package manager is still busy after 0:0[2-4]/);
    assert.doesNotMatch(result.stdout, /fell-back/);
    assert.ok(!tools.calls().some((call) => call.startsWith('curl')), 'nothing was downloaded');
  });

  it('a real apt failure (not a lock) still falls back as before', () => {
    const tools = stubs('no-package', { 'apt-get': '[[ $1 == update ]] && exit 0; echo "E: Unable to locate package nodejs" >&2; exit 100', dpkg: 'exit 0' });
    const updates = dpkgJournal('updates-none');
    const result = bash(`APT_LOCK_FILES=(); DPKG_UPDATES_DIR="${updates}"; read_lock_wait; distro_family() { echo debian; }; install_distro_node || echo fell-back`, tools.path);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /fell-back/);
  });
});
