import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseOwner, RunLock } from '../../src/engine/lock.js';

test('a lock whose owner was killed and is still a zombie is taken over', { skip: process.platform !== 'linux' && 'needs /proc' }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-lock-'));
  // The child exits at once and its parent never waits for it: a zombie until the parent ends.
  // (A shell's `sleep 0 & exec sleep 30` is not enough: the shell may reap it before the exec.)
  const parent = spawn('perl', ['-MPOSIX', '-e', '$| = 1; my $pid = fork() // die; POSIX::_exit(0) if $pid == 0; print "$pid\n"; sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
  t.after(() => {
    parent.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  const zombie = Number((await new Promise<Buffer>((resolve) => parent.stdout.once('data', resolve))).toString().trim());
  for (let i = 0; i < 100 && !readFileSync(`/proc/${zombie}/stat`, 'utf8').includes(') Z'); i++) await new Promise((r) => setTimeout(r, 20));
  assert.match(readFileSync(`/proc/${zombie}/stat`, 'utf8'), /\) Z /);

  const file = join(dir, 'lock');
  writeFileSync(file, `${zombie}\n`);
  const lock = new RunLock(file);
  lock.acquire();
  assert.equal(parseOwner(readFileSync(file, 'utf8'))?.pid, process.pid);
  lock.release();
  assert.equal(existsSync(file), false);

  // A live owner still makes another run refuse.
  writeFileSync(file, `${parent.pid}\n`);
  assert.throws(() => new RunLock(file).acquire(), /in progress/);
});

const BOOT_ID = '/proc/sys/kernel/random/boot_id';
const linuxOnly = { skip: (process.platform !== 'linux' || !existsSync(BOOT_ID)) && 'needs /proc and a boot id' };

test('the lock names its owner by PID, boot and start time (the PID first, as older versions wrote it)', linuxOnly, (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-lock-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const lock = new RunLock(join(dir, 'lock'));
  lock.acquire();
  const text = readFileSync(join(dir, 'lock'), 'utf8');
  const owner = parseOwner(text)!;
  assert.equal(Number.parseInt(text, 10), process.pid);
  assert.equal(owner.boot, readFileSync(BOOT_ID, 'utf8').trim());
  const stat = readFileSync(`/proc/${process.pid}/stat`, 'utf8');
  assert.equal(owner.started, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  lock.release();
});

// After a reboot (or a power cut), the lock of a run that was running then is still in the state
// directory, and its PID may well belong to another process by now: PIDs are handed out again
// from the start. A real live process stands in for that one here, and the boot is told apart
// by its id (a real reboot cannot happen inside a unit test).
test('a lock from before a reboot, or whose PID now belongs to another process, is taken over; the live owner still blocks', linuxOnly, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-lock-'));
  const other = spawn('sleep', ['30'], { stdio: 'ignore' });
  t.after(() => {
    other.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  await new Promise((resolve) => other.once('spawn', resolve));
  const file = join(dir, 'lock');
  const boot = readFileSync(BOOT_ID, 'utf8').trim();
  const stat = readFileSync(`/proc/${other.pid}/stat`, 'utf8');
  const started = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];

  writeFileSync(file, `${other.pid} boot=00000000-0000-4000-8000-000000000000 started=${started}\n`);
  const afterReboot = new RunLock(file);
  afterReboot.acquire();
  assert.equal(parseOwner(readFileSync(file, 'utf8'))?.pid, process.pid, 'a lock from another boot is stale');
  afterReboot.release();

  writeFileSync(file, `${other.pid} boot=${boot} started=${Number(started) - 1}\n`);
  const reused = new RunLock(file);
  reused.acquire();
  assert.equal(parseOwner(readFileSync(file, 'utf8'))?.pid, process.pid, 'a PID given to another process is no owner');
  reused.release();

  writeFileSync(file, `${other.pid} boot=${boot} started=${started}\n`);
  assert.throws(() => new RunLock(file).acquire(), /in progress/, 'the very process, still running: refused');
  writeFileSync(file, `${other.pid}\n`);
  assert.throws(() => new RunLock(file).acquire(), /in progress/, 'a lock written by an older version: a live PID still blocks');
});
