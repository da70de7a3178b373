// Repairing an interrupted package manager, and the guard every package command of a run goes
// through: each decision (busy, interrupted, broken, a repair that fails) with a fake machine.
// dnf's repair is checked against its documented output only: no RHEL host runs here.
import assert from 'node:assert/strict';
import type { Localized } from '../../src/i18n/localized.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CommandFailedError, StepError } from '../../src/errors.js';
import type { CommandOptions, CommandResult, Executor } from '../../src/exec/executor.js';
import { AUDIT, CHECK, CONFIGURE_PENDING, FIX_BROKEN, interruptedBecause, LIST_STATUS, pendingDpkgUpdates, recoverApt, reinstallCommand, reinstallRequired } from '../../src/packages/apt-recovery.js';
import { holdersNamedIn, saysBroken, saysInterrupted, saysLocked } from '../../src/packages/command-output.js';
import { duplicatesIn, recoverDnf, REMOVE_DUPLICATES, REBUILD_RPMDB, rpmdbNeedsRebuild } from '../../src/packages/dnf-recovery.js';
import { changesPackages, PackageManagerGuard } from '../../src/packages/guard.js';
import { PackageManagerBusyError, type Clock } from '../../src/packages/lock-wait.js';
import type { LockHolder } from '../../src/packages/locks.js';

type Reply = { exitCode?: number; stdout?: string; output?: string[] };

/** Replies to each command in turn from a script keyed by the command line; records everything. */
class ScriptedMachine implements Executor {
  readonly calls: Array<{ argv: string[]; options: CommandOptions }> = [];
  constructor(private readonly replies: Record<string, Reply[]>) {}

  async run(argv: string[], options: CommandOptions = {}): Promise<CommandResult> {
    this.calls.push({ argv, options });
    const queue = this.replies[argv.join(' ')];
    const reply = (queue && queue.length > 1 ? queue.shift() : queue?.[0]) ?? {};
    const exitCode = reply.exitCode ?? 0;
    if (!(options.okExitCodes ?? [0]).includes(exitCode)) throw new CommandFailedError(argv, exitCode, reply.output ?? []);
    return { exitCode, stdout: reply.stdout ?? (reply.output ?? []).join('\n'), stderr: '', durationMs: 0 };
  }

  commands(): string[] {
    return this.calls.map((c) => c.argv.join(' '));
  }
}

const LOCKED_OUTPUT = [
  'E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 637 (unattended-upgr)',
  'E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?',
];
const INTERRUPTED_OUTPUT = ["E: dpkg was interrupted, you must manually run 'dpkg --configure -a' to correct the problem."];
const BROKEN_OUTPUT = ['The following packages have unmet dependencies:', " certbot : Depends: python3-certbot (= 4.0.0-2) but it is not going to be installed", "E: Unmet dependencies. Try 'apt --fix-broken install' with no packages (or specify a solution)."];

describe('what apt, dpkg and debconf say', () => {
  it('recognizes a lock held by another process, and names it', () => {
    assert.ok(saysLocked(LOCKED_OUTPUT));
    assert.ok(saysLocked(['dpkg: error: dpkg frontend lock was locked by /usr/bin/perl process with pid 53']));
    assert.ok(saysLocked(['debconf: DbDriver "config": /var/cache/debconf/config.dat is locked by another process: Resource temporarily unavailable']));
    assert.ok(saysLocked(['E: Could not get lock /var/lib/apt/lists/lock. It is held by process 880 (apt-get)', 'E: Unable to lock directory /var/lib/apt/lists/']));
    assert.ok(!saysLocked(INTERRUPTED_OUTPUT));
    assert.deepEqual(holdersNamedIn(LOCKED_OUTPUT), [{ pid: 637, name: 'unattended-upgr', lock: '/var/lib/dpkg/lock-frontend' }]);
    assert.deepEqual(holdersNamedIn(['dpkg: error: dpkg frontend lock was locked by /usr/bin/perl process with pid 53']), [{ pid: 53, name: 'perl', lock: '/var/lib/dpkg/lock-frontend' }]);
  });

  it('recognizes an interrupted dpkg and broken packages', () => {
    assert.ok(saysInterrupted(INTERRUPTED_OUTPUT));
    assert.ok(saysInterrupted(['dpkg: error processing package libsimdutf35:amd64 (--configure):', ' package is in a very bad inconsistent state; it should', ' be reinstalled before attempting configuration']));
    assert.ok(!saysInterrupted(LOCKED_OUTPUT));
    assert.ok(saysBroken(BROKEN_OUTPUT));
    assert.ok(!saysBroken(LOCKED_OUTPUT));
  });

  it('dpkg counts as interrupted when its journal holds updates or its audit reports anything', () => {
    assert.equal(interruptedBecause({ journal: [], audit: '' }), undefined);
    assert.match(interruptedBecause({ journal: ['0000', '0001'], audit: '' })!.en, /holds 2 unfinished updates/);
    assert.match(interruptedBecause({ journal: ['0000', '0001'], audit: '' })!.ru, /2 незавершённых обновления/);
    assert.match(interruptedBecause({ journal: [], audit: '\nThe following packages are only half configured, probably due to problems\n' })!.en, /only half configured/);
  });

  it('only commands that change packages wait for the locks', () => {
    for (const argv of [['apt-get', 'install', '-y', 'x'], ['/usr/bin/apt-get', 'update'], ['debconf-set-selections'], ['dpkg', '--configure', '-a'], ['dnf', 'install', '-y', 'x'], ['rpm', '-Uvh', 'x.rpm'], ['rpm', '--import', 'key']]) {
      assert.ok(changesPackages(argv), argv.join(' '));
    }
    for (const argv of [['dpkg-query', '-W'], ['dpkg', '--audit'], ['dpkg', '--print-architecture'], ['rpm', '-q', 'x'], ['rpm', '-qi', 'x'], ['apt-cache', 'show', 'x'], ['systemctl', 'start', 'x']]) {
      assert.ok(!changesPackages(argv), argv.join(' '));
    }
  });
});

const notes = () => {
  const list: string[] = [];
  return { list, note: (message: Localized) => list.push(message.en) };
};

describe('repairing an interrupted dpkg', () => {
  it('consistent: one dpkg --audit and nothing else', async () => {
    const machine = new ScriptedMachine({});
    const report = notes();
    await recoverApt(machine, { ...report, journal: () => [] });
    assert.deepEqual(machine.commands(), [AUDIT.join(' ')]);
    assert.deepEqual(report.list, []);
  });

  it('interrupted: dpkg --configure -a keeping configuration files, then apt checks; said on screen', async () => {
    const machine = new ScriptedMachine({});
    const report = notes();
    await recoverApt(machine, { ...report, journal: () => ['0004'] });
    assert.deepEqual(machine.commands(), [AUDIT.join(' '), 'dpkg --force-confdef --force-confold --configure -a', LIST_STATUS.join(' '), CHECK.join(' ')]);
    assert.equal(machine.calls[1].options.probe, undefined, 'the repair is shown like any command');
    assert.match(report.list[0], /^dpkg was interrupted before it finished \(its journal \/var\/lib\/dpkg\/updates holds 1 unfinished update\): completing its work with dpkg --configure -a/);
  });

  it('broken after the repair: apt-get -f install, checked again', async () => {
    const machine = new ScriptedMachine({ [CHECK.join(' ')]: [{ exitCode: 100, output: ['E: Unmet dependencies. Try using -f.'] }, { exitCode: 0 }] });
    const report = notes();
    await recoverApt(machine, { ...report, journal: () => ['0004'] });
    assert.deepEqual(machine.commands(), [AUDIT.join(' '), CONFIGURE_PENDING.join(' '), LIST_STATUS.join(' '), CHECK.join(' '), FIX_BROKEN.join(' '), CHECK.join(' ')]);
    assert.deepEqual(FIX_BROKEN, ['apt-get', '-f', 'install', '-y', '-q', '-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold']);
    assert.match(report.list[1], /apt reports broken packages \(Unmet dependencies\. Try using -f\.\): repairing them with apt-get -f install/);
  });

  // What `dpkg-query -W -f '${db:Status-Abbrev}\t${binary:Package}\n'` printed in a Debian
  // unstable container after apt-get was SIGKILLed while dpkg unpacked libsimdutf35 (nodejs's
  // dependency): a trigger pending and the package unpacked but still marked reinst-required.
  const KILLED_MID_UNPACK = 'ii \tlibc6:amd64\nit \tlibc-bin\niUR\tlibsimdutf35:amd64\nii \tsystemd\n';
  const VERY_BAD_STATE = ['dpkg: error processing package libsimdutf35:amd64 (--configure):', ' package is in a very bad inconsistent state; it should', ' be reinstalled before attempting configuration', 'Errors were encountered while processing:', ' libsimdutf35:amd64'];

  it('finds what a kill mid-unpack left: reinst-required or half-installed, not unpacked or pending triggers', () => {
    assert.deepEqual(reinstallRequired(KILLED_MID_UNPACK), ['libsimdutf35:amd64']);
    assert.deepEqual(reinstallRequired('iHR\tlibicu78:amd64\niU \tnodejs\niF \tpostgresql-18\nrc \told\n'), ['libicu78:amd64']);
    assert.deepEqual(reinstallRequired('ii \tnginx\n'), []);
    assert.deepEqual(reinstallRequired(''), []);
  });

  it('killed mid-unpack: --configure -a fails on the reinst-required package; it is reinstalled, keeping configuration files, and configured again', async () => {
    const machine = new ScriptedMachine({
      [CONFIGURE_PENDING.join(' ')]: [{ exitCode: 1, output: VERY_BAD_STATE }, { exitCode: 0 }],
      [LIST_STATUS.join(' ')]: [{ stdout: KILLED_MID_UNPACK }],
    });
    const report = notes();
    await recoverApt(machine, { ...report, journal: () => ['0000', '0001', '0002'] });
    const reinstall = 'apt-get install --reinstall -y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold libsimdutf35:amd64';
    assert.deepEqual(reinstallCommand(['libsimdutf35:amd64']).join(' '), reinstall);
    assert.deepEqual(machine.commands(), [AUDIT.join(' '), CONFIGURE_PENDING.join(' '), LIST_STATUS.join(' '), reinstall, CONFIGURE_PENDING.join(' '), CHECK.join(' ')]);
    assert.equal(machine.calls[3].options.probe, undefined, 'the reinstall is shown like any command');
    assert.match(report.list[1], /^dpkg was killed while unpacking libsimdutf35:amd64, which only a reinstall can finish: reinstalling it with apt-get install --reinstall/);
  });

  it('killed mid-unpack, half-installed: --configure -a passes it by, and it is reinstalled all the same', async () => {
    const machine = new ScriptedMachine({ [LIST_STATUS.join(' ')]: [{ stdout: 'iHR\tlibicu78:amd64\niHR\tlibnode137:amd64\n' }] });
    const report = notes();
    await recoverApt(machine, { ...report, journal: () => ['0000'] });
    assert.deepEqual(machine.commands(), [AUDIT.join(' '), CONFIGURE_PENDING.join(' '), LIST_STATUS.join(' '), reinstallCommand(['libicu78:amd64', 'libnode137:amd64']).join(' '), CHECK.join(' ')]);
    assert.match(report.list[1], /unpacking libicu78:amd64, libnode137:amd64, which only a reinstall can finish: reinstalling them/);
  });

  it('a reinstall that fails stops with its output and the commands to run by hand, naming the reinstall', async () => {
    const reinstall = reinstallCommand(['libsimdutf35:amd64']).join(' ');
    const machine = new ScriptedMachine({
      [CONFIGURE_PENDING.join(' ')]: [{ exitCode: 1, output: VERY_BAD_STATE }],
      [LIST_STATUS.join(' ')]: [{ stdout: KILLED_MID_UNPACK }],
      [reinstall]: [{ exitCode: 100, output: ['E: Failed to fetch http://deb.debian.org/debian/pool/main/s/simdutf/libsimdutf35_9.3.0_amd64.deb  404  Not Found'] }],
    });
    await assert.rejects(recoverApt(machine, { note() {}, journal: () => ['0000'] }), (error: unknown) => {
      assert.ok(error instanceof StepError && !(error instanceof CommandFailedError));
      assert.match(error.message, /`apt-get install --reinstall .* libsimdutf35:amd64` exited with 100/);
      assert.match(error.hint?.en ?? '', /in a very bad inconsistent state" needs `apt-get install --reinstall PACKAGE`/);
      return true;
    });
    assert.equal(machine.commands().at(-1), reinstall, 'nothing runs after the failed reinstall');
  });

  it('after a failed package command, apt is checked even when dpkg looks consistent', async () => {
    const machine = new ScriptedMachine({});
    await recoverApt(machine, { note() {}, journal: () => [], afterFailure: true });
    assert.deepEqual(machine.commands(), [AUDIT.join(' '), CHECK.join(' ')]);
  });

  it('a failing repair stops with its output and the commands to run by hand', async () => {
    const machine = new ScriptedMachine({ [CONFIGURE_PENDING.join(' ')]: [{ exitCode: 1, output: ['dpkg: error processing package postgresql-18 (--configure):', ' installed postgresql-18 package post-installation script subprocess returned error exit status 1'] }] });
    await assert.rejects(recoverApt(machine, { note() {}, journal: () => ['0000'] }), (error: unknown) => {
      assert.ok(error instanceof StepError && !(error instanceof CommandFailedError));
      assert.match(error.message, /Repairing the interrupted package manager failed: `dpkg --force-confdef --force-confold --configure -a` exited with 1/);
      assert.deepEqual(error.info.outputTail?.[0], 'dpkg: error processing package postgresql-18 (--configure):');
      assert.match(error.hint?.en ?? '', /`dpkg --configure -a`; .* then `apt-get -f install`/);
      return true;
    });
  });

  it('still broken after apt-get -f install: stops with apt check output', async () => {
    const machine = new ScriptedMachine({ [CHECK.join(' ')]: [{ exitCode: 100, output: ['E: Unmet dependencies.'] }] });
    await assert.rejects(recoverApt(machine, { note() {}, journal: () => ['0000'] }), (error: unknown) => {
      assert.ok(error instanceof StepError);
      assert.match(error.message, /still reports broken packages after `apt-get -f install`/);
      assert.deepEqual(error.info.outputTail, ['E: Unmet dependencies.']);
      return true;
    });
  });

  it('rpm and dnf after a killed transaction: a rebuilt Berkeley DB, duplicates removed (from their documentation)', async () => {
    assert.ok(rpmdbNeedsRebuild('error: rpmdb: BDB0113 Thread/process 2134/140 failed: BDB1507 Thread died in Berkeley DB library'));
    assert.ok(!rpmdbNeedsRebuild('rpm-4.16.1.3-29.el9.x86_64'));
    assert.deepEqual(duplicatesIn('nginx-1:1.20.1-16.el9.x86_64 is a duplicate with nginx-1:1.20.1-14.el9.x86_64\n'), ['nginx-1:1.20.1-16.el9.x86_64 is a duplicate with nginx-1:1.20.1-14.el9.x86_64']);
    const machine = new ScriptedMachine({
      'rpm -q rpm': [{ exitCode: 1, stdout: 'error: rpmdb: BDB0113 Thread/process 2134/140 failed' }],
      'dnf check --duplicates': [{ exitCode: 1, stdout: 'nginx-1:1.20.1-16.el9.x86_64 is a duplicate with nginx-1:1.20.1-14.el9.x86_64\n' }],
    });
    const report = notes();
    await recoverDnf(machine, report);
    assert.deepEqual(machine.commands().filter((c) => c === REBUILD_RPMDB.join(' ') || c === REMOVE_DUPLICATES.join(' ')), ['rpm --rebuilddb', 'dnf remove --duplicates -y']);
    assert.equal(report.list.length, 2);
  });
});

function fakeClock(): Clock {
  let now = 0;
  return { now: () => now, sleep: async (ms) => void (now += ms) };
}

interface GuardEvents {
  waits: Array<{ holders: LockHolder[]; waitedMs: number }>;
  notes: Array<{ message: string; level: string }>;
}

function guard(machine: Executor, options: { holders?: () => LockHolder[]; limitMs?: number; journal?: () => string[] } = {}) {
  const events: GuardEvents = { waits: [], notes: [] };
  const exec = new PackageManagerGuard(machine, {
    family: 'debian',
    limitMs: options.limitMs ?? 15 * 60_000,
    signal: new AbortController().signal,
    waiting: (holders, waitedMs) => events.waits.push({ holders, waitedMs }),
    note: (message, level) => events.notes.push({ message: message.en, level }),
    holders: options.holders ?? (() => []),
    recover: (inner, report) => recoverApt(inner, { ...report, journal: options.journal ?? (() => []) }),
    clock: fakeClock(),
  });
  return { exec, events };
}

const INSTALL = ['apt-get', 'install', '-y', '-q', 'nginx'];
const UU: LockHolder = { pid: 637, name: 'unattended-upgrade', lock: '/var/lib/dpkg/lock-frontend' };

describe('the package manager guard', () => {
  it('lets probes and other commands through untouched', async () => {
    const machine = new ScriptedMachine({});
    const { exec } = guard(machine, { holders: () => [UU] });
    await exec.run(['systemctl', 'start', 'nginx']);
    await exec.run(['apt-get', 'check'], { probe: true });
    assert.deepEqual(machine.commands(), ['systemctl start nginx', 'apt-get check']);
  });

  it('busy: waits for the holder, says so, then audits dpkg once per run and runs the command', async () => {
    const machine = new ScriptedMachine({});
    let polls = 0;
    const { exec, events } = guard(machine, { holders: () => (polls++ < 45 ? [UU] : []) });
    await exec.run(INSTALL);
    await exec.run(['apt-get', 'install', '-y', '-q', 'certbot']);
    assert.deepEqual(events.waits.map((w) => w.waitedMs), [0, 30_000]);
    assert.deepEqual(events.waits[0].holders, [UU]);
    assert.deepEqual(events.notes, [{ message: 'The package manager is free again (waited 0:45); continuing.', level: 'info' }]);
    assert.deepEqual(machine.commands(), [AUDIT.join(' '), INSTALL.join(' '), 'apt-get install -y -q certbot']);
  });

  it('busy past the limit: fails naming the holder, runs nothing', async () => {
    const machine = new ScriptedMachine({});
    const { exec } = guard(machine, { holders: () => [UU], limitMs: 60_000 });
    await assert.rejects(exec.run(INSTALL), (error: unknown) => error instanceof PackageManagerBusyError && /unattended-upgrade \(PID 637\)/.test(error.message));
    assert.deepEqual(machine.commands(), []);
  });

  it('interrupted: repairs dpkg before the first package command, shown as a warning', async () => {
    const machine = new ScriptedMachine({});
    const { exec, events } = guard(machine, { journal: () => ['0000'] });
    await exec.run(INSTALL);
    assert.deepEqual(machine.commands(), [AUDIT.join(' '), CONFIGURE_PENDING.join(' '), LIST_STATUS.join(' '), CHECK.join(' '), INSTALL.join(' ')]);
    assert.equal(events.notes[0].level, 'warn');
    assert.match(events.notes[0].message, /dpkg was interrupted/);
  });

  it('a lock taken between the check and the command: waits with apt\'s own account of the holder, then runs it again', async () => {
    const machine = new ScriptedMachine({ [INSTALL.join(' ')]: [{ exitCode: 100, output: LOCKED_OUTPUT }, { exitCode: 100, output: LOCKED_OUTPUT }, { exitCode: 0 }] });
    const { exec, events } = guard(machine);
    await exec.run(INSTALL);
    assert.deepEqual(machine.commands().filter((c) => c === INSTALL.join(' ')).length, 3);
    assert.deepEqual(events.waits.map((w) => w.holders), [[{ pid: 637, name: 'unattended-upgr', lock: '/var/lib/dpkg/lock-frontend' }], [{ pid: 637, name: 'unattended-upgr', lock: '/var/lib/dpkg/lock-frontend' }]]);
  });

  it('a lock that never comes free, seen only in apt\'s output: gives up at the limit', async () => {
    const machine = new ScriptedMachine({ [INSTALL.join(' ')]: [{ exitCode: 100, output: LOCKED_OUTPUT }] });
    const { exec } = guard(machine, { limitMs: 10_000 });
    await assert.rejects(exec.run(INSTALL), PackageManagerBusyError);
  });

  it('interrupted or broken after this run\'s own check (another process killed mid-dpkg): one repair with apt\'s check, then once more', async () => {
    const machine = new ScriptedMachine({ [INSTALL.join(' ')]: [{ exitCode: 100, output: INTERRUPTED_OUTPUT }, { exitCode: 0 }] });
    const { exec } = guard(machine);
    await exec.run(INSTALL);
    assert.deepEqual(machine.commands(), [AUDIT.join(' '), INSTALL.join(' '), AUDIT.join(' '), CHECK.join(' '), INSTALL.join(' ')]);

    const broken = new ScriptedMachine({ [INSTALL.join(' ')]: [{ exitCode: 100, output: BROKEN_OUTPUT }], [CHECK.join(' ')]: [{ exitCode: 100, output: ['E: Unmet dependencies.'] }, { exitCode: 0 }] });
    const second = guard(broken);
    await assert.rejects(second.exec.run(INSTALL), (error: unknown) => error instanceof CommandFailedError && saysBroken(error.info.outputTail ?? []));
    assert.deepEqual(broken.commands(), [AUDIT.join(' '), INSTALL.join(' '), AUDIT.join(' '), CHECK.join(' '), FIX_BROKEN.join(' '), CHECK.join(' '), INSTALL.join(' ')], 'repaired once, then the real failure is shown');
  });

  it('a repair that fails stops the run with its output (no retry loop)', async () => {
    const machine = new ScriptedMachine({ [CONFIGURE_PENDING.join(' ')]: [{ exitCode: 1, output: ['dpkg: error processing package x'] }] });
    const { exec } = guard(machine, { journal: () => ['0000'] });
    await assert.rejects(exec.run(INSTALL), (error: unknown) => error instanceof StepError && /Repairing the interrupted package manager failed/.test(error.message));
    assert.ok(!machine.commands().includes(INSTALL.join(' ')), 'nothing is installed on a broken dpkg');
  });
});

describe("dpkg's journal", () => {
  it('counts numbered entries only: a leftover tmp.i is what dpkg itself ignores', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dpkg-updates-'));
    try {
      writeFileSync(join(dir, 'tmp.i'), '');
      assert.deepEqual(pendingDpkgUpdates(dir), []);
      writeFileSync(join(dir, '0000'), '');
      assert.deepEqual(pendingDpkgUpdates(dir), ['0000']);
      assert.deepEqual(pendingDpkgUpdates(join(dir, 'missing')), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
