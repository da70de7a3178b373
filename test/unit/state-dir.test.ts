// The state directory (secrets, answers, run state): created 0700 whatever the umask, checked
// on every run, refused when another user could have written into it.
import assert from 'node:assert/strict';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runInstall } from '../../src/engine/runner.js';
import { prepareStateDir } from '../../src/engine/state-dir.js';
import { ExitCode, HostRefusedError } from '../../src/errors.js';
import { fakeSteps } from '../fixtures/engine/fake-steps.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

const base = mkdtempSync(join(tmpdir(), 'matrix-setup-state-dir-'));
chmodSync(base, 0o755);
after(() => rmSync(base, { recursive: true, force: true }));
let counter = 0;
const fresh = () => join(base, `case-${++counter}`);

function mode(path: string): number {
  return statSync(path).mode & 0o7777;
}

function withUmask<T>(mask: number, body: () => T): T {
  const previous = process.umask(mask);
  try {
    return body();
  } finally {
    process.umask(previous);
  }
}

function refused(pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof HostRefusedError, `expected a HostRefusedError, got ${String(error)}`);
    assert.equal(error.exitCode, ExitCode.hostRefused);
    assert.match(error.message, pattern);
    return true;
  };
}

describe('state directory', () => {
  it('is created 0700 even under umask 000 (and its missing parent 0755)', () => {
    const parent = fresh();
    const dir = join(parent, 'matrix-setup');
    withUmask(0, () => prepareStateDir(dir));
    assert.equal(mode(dir), 0o700);
    assert.equal(mode(parent), 0o755);
  });

  it('an install run under umask 000 leaves the state directory and what is in it private', async () => {
    const work = fresh();
    mkdirSync(work, { mode: 0o755 });
    const stateDir = join(work, 'state');
    const outcome = await withUmask(0, () =>
      runInstall({
        answers: testAnswers(),
        target: testTarget(),
        steps: fakeSteps(work).slice(0, 1),
        paths: { stateDir, logFile: join(work, 'run.log') },
        onEvent: () => {},
        signal: new AbortController().signal,
      }),
    );
    assert.equal(outcome.status, 'done');
    assert.equal(mode(stateDir), 0o700);
    for (const name of ['state.json', 'secrets.yaml']) assert.equal(mode(join(stateDir, name)) & 0o077, 0, `${name} is readable by others`);
  });

  it('refuses one writable by others, before any step runs', async () => {
    const work = fresh();
    mkdirSync(work, { mode: 0o755 });
    const stateDir = join(work, 'state');
    mkdirSync(stateDir);
    chmodSync(stateDir, 0o777);
    writeFileSync(join(stateDir, 'answers.yaml'), 'planted by someone\n');
    await assert.rejects(
      runInstall({
        answers: testAnswers(),
        target: testTarget(),
        steps: fakeSteps(work),
        paths: { stateDir, logFile: join(work, 'run.log') },
        onEvent: () => {},
        signal: new AbortController().signal,
      }),
      refused(/writable by every user \(mode 0777\)/),
    );
    assert.equal(existsSync(join(work, 'etc')), false, 'a step ran');
    assert.equal(existsSync(join(stateDir, 'state.json')), false);
  });

  it('refuses one writable by its group, one owned by another user, and a symbolic link', (t) => {
    const group = fresh();
    mkdirSync(group, { mode: 0o770 });
    chmodSync(group, 0o770);
    assert.throws(() => prepareStateDir(group), refused(/writable by its group/));

    if (process.getuid?.() !== 0) return t.skip('needs root to hand a directory to another user');
    const foreign = fresh();
    mkdirSync(foreign, { mode: 0o700 });
    chownSync(foreign, 65534, 65534);
    assert.throws(() => prepareStateDir(foreign), refused(/belongs to uid 65534/));

    const target = fresh();
    mkdirSync(target, { mode: 0o700 });
    const link = fresh();
    symlinkSync(target, link);
    assert.throws(() => prepareStateDir(link), refused(/symbolic link/));
  });

  it('tightens one an earlier version created 0755', () => {
    const dir = fresh();
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    prepareStateDir(dir);
    assert.equal(mode(dir), 0o700);
  });
});
