// Who holds the package manager's locks, and waiting for them: /proc/locks read through a fake
// machine, time through a fake clock.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { EngineEvent } from '../../src/engine/events.js';
import { logEvent } from '../../src/engine/log-events.js';
import { InterruptedError } from '../../src/errors.js';
import { createPlainRenderer } from '../../src/render/plain-renderer.js';
import { describePackageManagerWait, minutesAndSeconds } from '../../src/packages/format.js';
import { aptIndexFreshFromBootstrap } from '../../src/packages/index-freshness.js';
import { PackageManagerBusyError, waitForPackageManager, type Clock } from '../../src/packages/lock-wait.js';
import { APT_LOCK_FILES, findDnfHolders, findLockHolders, parseProcLocks, programName, type LockHolder, type LockSystem } from '../../src/packages/locks.js';

const PROC_LOCKS = [
  '1: OFDLCK ADVISORY  WRITE -1 fe:00:1482782 0 EOF',
  '2: POSIX  ADVISORY  WRITE 637 fe:00:1666214 0 EOF',
  '3: POSIX  ADVISORY  WRITE 637 fe:00:1666213 0 EOF',
  '3: -> POSIX  ADVISORY  WRITE 990 fe:00:1666214 0 EOF',
  '4: FLOCK  ADVISORY  WRITE 812 fe:00:2000001 0 EOF',
  '5: POSIX  ADVISORY  WRITE 4242 08:01:1666214 0 EOF',
].join('\n');

function machine(overrides: Partial<LockSystem> = {}): LockSystem {
  const files: Record<string, { major: number; minor: number; inode: number }> = {
    '/var/lib/dpkg/lock-frontend': { major: 0xfe, minor: 0, inode: 1666214 },
    '/var/lib/dpkg/lock': { major: 0xfe, minor: 0, inode: 1666213 },
    '/var/cache/debconf/config.dat': { major: 0xfe, minor: 0, inode: 2000001 },
  };
  const commands: Record<number, string[]> = {
    637: ['/usr/bin/python3', '/usr/bin/unattended-upgrade', '--download-only'],
    812: ['/usr/bin/perl', '-w', '/usr/share/debconf/frontend', '/var/lib/dpkg/info/tzdata.postinst'],
    4242: ['apt-get', 'update'],
  };
  return {
    procLocks: () => PROC_LOCKS,
    identify: (path) => files[path],
    hasOpen: () => false,
    commandLine: (pid) => commands[pid],
    pidFile: () => undefined,
    alive: () => true,
    ...overrides,
  };
}

describe('lock holders', () => {
  it('parses /proc/locks, skipping processes that only wait for a lock', () => {
    const locks = parseProcLocks(PROC_LOCKS);
    assert.equal(locks.length, 5);
    assert.deepEqual(locks[1], { type: 'POSIX', pid: 637, major: 0xfe, minor: 0, inode: 1666214 });
    assert.ok(!locks.some((lock) => lock.pid === 990), 'the waiter holds nothing');
  });

  it("finds apt's and debconf's holders by device and inode, named by their program", () => {
    const holders = findLockHolders(APT_LOCK_FILES, machine(), 1);
    assert.deepEqual(holders, [
      { pid: 637, name: 'unattended-upgrade', lock: '/var/lib/dpkg/lock-frontend' },
      { pid: 637, name: 'unattended-upgrade', lock: '/var/lib/dpkg/lock' },
      { pid: 812, name: 'frontend', lock: '/var/cache/debconf/config.dat' },
    ]);
  });

  it('a lock on the same inode of another device counts only when the holder has the file open (overlayfs shows other devices)', () => {
    const open = findLockHolders(['/var/lib/dpkg/lock-frontend'], machine({ hasOpen: (pid) => pid === 4242 }), 1);
    assert.deepEqual(open.map((h) => h.pid), [637, 4242]);
    assert.equal(open[1].name, 'apt-get');
  });

  it('nobody holds a lock file that does not exist, nor this process itself; an unreadable /proc/locks means nobody seen', () => {
    assert.deepEqual(findLockHolders(['/var/lib/apt/lists/lock'], machine(), 1), []);
    assert.deepEqual(findLockHolders(APT_LOCK_FILES, machine(), 637).map((h) => h.pid), [812]);
    assert.deepEqual(findLockHolders(APT_LOCK_FILES, machine({ procLocks: () => { throw new Error('EACCES'); } }), 1), []);
  });

  it("dnf's PID-file locks count while their process lives", () => {
    const system = machine({ pidFile: (path) => (path.endsWith('rpmdb_lock.pid') ? 311 : undefined), commandLine: () => ['/usr/bin/python3', '/usr/bin/dnf', 'upgrade'] });
    assert.deepEqual(findDnfHolders(system, 1), [{ pid: 311, name: 'dnf', lock: '/var/lib/dnf/rpmdb_lock.pid' }]);
    assert.deepEqual(findDnfHolders({ ...system, alive: () => false }, 1), []);
  });

  it('names a program by its script when an interpreter runs one', () => {
    assert.equal(programName(['/usr/bin/python3', '/usr/bin/unattended-upgrade']), 'unattended-upgrade');
    assert.equal(programName(['perl', '-e', 'sleep 60']), 'perl');
    assert.equal(programName(['/usr/bin/apt-get', 'install', '-y', 'nodejs']), 'apt-get');
    assert.equal(programName(undefined), 'an unknown process');
  });
});

/** Time that only moves when the code under test sleeps. */
function fakeClock(start = 1_000_000): Clock & { slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

const UU: LockHolder = { pid: 637, name: 'unattended-upgrade', lock: '/var/lib/dpkg/lock-frontend' };
const APT: LockHolder = { pid: 702, name: 'apt-get', lock: '/var/lib/dpkg/lock-frontend' };

describe('waiting for the package manager', () => {
  it('returns at once, without a report, when nobody holds the locks', async () => {
    const reports: number[] = [];
    const waited = await waitForPackageManager(() => [], { limitMs: 60_000, signal: new AbortController().signal, clock: fakeClock(), report: (_, ms) => reports.push(ms) });
    assert.equal(waited, 0);
    assert.deepEqual(reports, []);
  });

  it('busy: waits, reporting at the start, when the holder changes and every 30 s, until the locks are free', async () => {
    const clock = fakeClock();
    // unattended-upgrade for 65 polls (65 s), then apt-get for 5, then free.
    let polls = 0;
    const probe = () => (polls++ < 65 ? [UU] : polls <= 70 ? [APT] : []);
    const reports: Array<[string, number]> = [];
    const waited = await waitForPackageManager(probe, {
      limitMs: 15 * 60_000,
      signal: new AbortController().signal,
      clock,
      report: (holders, ms) => reports.push([holders[0].name, ms]),
    });
    assert.equal(waited, 70_000);
    assert.deepEqual(reports, [
      ['unattended-upgrade', 0],
      ['unattended-upgrade', 30_000],
      ['unattended-upgrade', 60_000],
      ['apt-get', 65_000],
    ]);
  });

  it('gives up at the limit naming the holder, the lock and what to do', async () => {
    const clock = fakeClock();
    await assert.rejects(
      waitForPackageManager(() => [UU], { limitMs: 120_000, signal: new AbortController().signal, clock, report: () => {} }),
      (error: unknown) => {
        assert.ok(error instanceof PackageManagerBusyError);
        assert.equal(error.message, 'The package manager is still busy after 2:00: unattended-upgrade (PID 637) holds /var/lib/dpkg/lock-frontend.');
        assert.match(error.hint ?? '', /ps -o pid,etime,args -p 637/);
        assert.match(error.hint ?? '', /--package-lock-wait MINUTES/);
        assert.match(error.hint ?? '', /Never delete the lock files/);
        return true;
      },
    );
    assert.equal(clock.slept.reduce((a, b) => a + b, 0), 120_000, 'it waited the whole limit, no longer');
  });

  it('with a limit of 0 it does not wait at all', async () => {
    const clock = fakeClock();
    await assert.rejects(waitForPackageManager(() => [UU], { limitMs: 0, signal: new AbortController().signal, clock, report: () => {} }), PackageManagerBusyError);
    assert.deepEqual(clock.slept, []);
  });

  it('stops waiting when the run is interrupted', async () => {
    const controller = new AbortController();
    const clock = fakeClock();
    const sleep = clock.sleep;
    clock.sleep = async (ms, signal) => {
      controller.abort();
      await sleep(ms, signal);
    };
    await assert.rejects(waitForPackageManager(() => [UU], { limitMs: 60_000, signal: controller.signal, clock, report: () => {} }), InterruptedError);
  });

  it('says who, which lock and how long, the same way in every renderer', () => {
    assert.equal(minutesAndSeconds(65_400), '1:05');
    assert.equal(minutesAndSeconds(3_723_000), '1:02:03');
    assert.equal(
      describePackageManagerWait([UU, { ...UU, lock: '/var/lib/dpkg/lock' }], 35_000, 15 * 60_000),
      'Waiting for the package manager: unattended-upgrade (PID 637) holds /var/lib/dpkg/lock-frontend, /var/lib/dpkg/lock · waited 0:35 of 15:00',
    );
  });
});

describe('plain output and the log while waiting', () => {
  it('one line per report, the same text in the log', () => {
    let text = '';
    const render = createPlainRenderer({ write: (chunk) => (text += chunk) });
    const event: EngineEvent = { type: 'package-manager-busy', stepId: 'packages', holders: [UU], waitedMs: 30_000, limitMs: 15 * 60_000 };
    render(event);
    assert.equal(text, '    Waiting for the package manager: unattended-upgrade (PID 637) holds /var/lib/dpkg/lock-frontend · waited 0:30 of 15:00\n');
    const logged: string[] = [];
    logEvent({ write: (line: string) => logged.push(line) } as never, event);
    assert.deepEqual(logged, ['wait: Waiting for the package manager: unattended-upgrade (PID 637) holds /var/lib/dpkg/lock-frontend · waited 0:30 of 15:00']);
  });
});

describe("install.sh's index refresh counts as the run's", () => {
  it('only while recent, and only when no APT source changed since', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apt-sources-'));
    try {
      const list = join(dir, 'sources.list');
      writeFileSync(list, 'deb http://deb.debian.org/debian sid main\n');
      const old = new Date(Date.UTC(2026, 0, 1));
      utimesSync(list, old, old);
      utimesSync(dir, old, old);
      const now = Date.UTC(2026, 0, 1, 0, 5);
      const stamp = (ms: number) => String(Math.floor(ms / 1000));
      assert.equal(aptIndexFreshFromBootstrap(stamp(now - 60_000), now, [list, dir]), true);
      assert.equal(aptIndexFreshFromBootstrap(stamp(now - 11 * 60_000), now, [list, dir]), false, 'too old');
      assert.equal(aptIndexFreshFromBootstrap(undefined, now, [list, dir]), false);
      assert.equal(aptIndexFreshFromBootstrap('soon', now, [list, dir]), false);
      const added = join(dir, 'matrix-org.sources');
      writeFileSync(added, 'Types: deb\n');
      const later = new Date(now - 30_000);
      utimesSync(added, later, later);
      assert.equal(aptIndexFreshFromBootstrap(stamp(now - 60_000), now, [list, dir]), false, 'a source added after the refresh');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
