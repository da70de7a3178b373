import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { RunLock } from '../../src/engine/lock.js';

test('a lock whose owner was killed and is still a zombie is taken over', { skip: process.platform !== 'linux' && 'needs /proc' }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-lock-'));
  // `sleep 0` exits at once; the shell then execs a sleep that never reaps it: a zombie.
  const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
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
  assert.equal(readFileSync(file, 'utf8').trim(), String(process.pid));
  lock.release();
  assert.equal(existsSync(file), false);

  // A live owner still makes another run refuse.
  writeFileSync(file, `${parent.pid}\n`);
  assert.throws(() => new RunLock(file).acquire(), /in progress/);
});
