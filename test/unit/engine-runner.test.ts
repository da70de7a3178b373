import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { EngineEvent } from '../../src/engine/events.js';
import { runInstall, statePaths } from '../../src/engine/runner.js';
import { readState } from '../../src/engine/state.js';
import { LockedError } from '../../src/errors.js';
import { parse } from 'yaml';
import { testAnswers, testTarget } from '../helpers/answers.js';
import { fakeSteps } from '../fixtures/engine/fake-steps.js';

const scratch: string[] = [];
after(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDirs() {
  const root = mkdtempSync(join(tmpdir(), 'matrix-setup-engine-'));
  scratch.push(root);
  return { stateDir: join(root, 'state'), work: root, logFile: join(root, 'log', 'run.log') };
}

async function run(dirs: ReturnType<typeof tempDirs>, upload = '50M') {
  const events: EngineEvent[] = [];
  const outcome = await runInstall({
    answers: testAnswers({ synapse: { max_upload_size: upload } }),
    target: testTarget(),
    steps: fakeSteps(dirs.work),
    paths: { stateDir: dirs.stateDir, logFile: dirs.logFile },
    onEvent: (event) => events.push(event),
    signal: new AbortController().signal,
  });
  return { outcome, events };
}

const started = (events: EngineEvent[]) =>
  events.filter((e): e is Extract<EngineEvent, { type: 'step-started' }> => e.type === 'step-started');

describe('runner', () => {
  it('applies every step once and a second run changes nothing', async () => {
    const dirs = tempDirs();
    const first = await run(dirs);
    assert.equal(first.outcome.status, 'done');
    assert.deepEqual(first.outcome.changedSteps, ['write-config', 'slow-step', 'last-step']);
    assert.equal(statSync(join(dirs.work, 'etc', 'server.yaml')).mode & 0o777, 0o600);

    const second = await run(dirs);
    assert.equal(second.outcome.status, 'done');
    assert.deepEqual(second.outcome.changedSteps, []);
    assert.ok(started(second.events).every((e) => e.recheck), 'finished steps are only re-checked');
    assert.equal(readFileSync(join(dirs.work, 'write-config.count'), 'utf8'), 'applied\n');
  });

  it('says whether it continued a run that had not finished', async () => {
    const dirs = tempDirs();
    assert.equal((await run(dirs)).outcome.resumed, false);
    const stateFile = statePaths(dirs.stateDir).state;
    writeFileSync(stateFile, JSON.stringify({ ...JSON.parse(readFileSync(stateFile, 'utf8')), status: 'interrupted' }));
    assert.equal((await run(dirs)).outcome.resumed, true);
    assert.equal((await run(dirs)).outcome.resumed, false, 'a finished install run again is no resume');
  });

  it('re-runs exactly the steps whose inputs changed', async () => {
    const dirs = tempDirs();
    await run(dirs, '50M');
    const changed = await run(dirs, '100M');
    assert.deepEqual(
      started(changed.events).map((e) => [e.stepId, e.recheck]),
      [
        ['write-config', true],
        ['slow-step', false],
        ['last-step', true],
      ],
    );
    assert.deepEqual(changed.outcome.changedSteps, ['slow-step']);
    assert.ok(existsSync(join(dirs.work, 'slow-100M.done')));
  });

  it('keeps generated secrets out of the log, the state and the events but writes them into files', async () => {
    const dirs = tempDirs();
    const { events } = await run(dirs);
    const secrets = parse(readFileSync(join(dirs.stateDir, 'secrets.yaml'), 'utf8')) as Record<string, string>;
    const secret = secrets.macaroon_secret_key;
    assert.ok(secret && secret.length >= 32);
    assert.equal(statSync(join(dirs.stateDir, 'secrets.yaml')).mode & 0o777, 0o600);
    assert.ok(readFileSync(join(dirs.work, 'etc', 'server.yaml'), 'utf8').includes(secret));
    const log = readFileSync(dirs.logFile, 'utf8');
    assert.ok(log.includes('secret is ***'), 'the command output is logged, redacted');
    assert.ok(!log.includes(secret));
    assert.ok(!readFileSync(join(dirs.stateDir, 'state.json'), 'utf8').includes(secret));
    assert.ok(!JSON.stringify(events).includes(secret));
    // The same secret is reused by a later run.
    await run(dirs);
    assert.equal((parse(readFileSync(join(dirs.stateDir, 'secrets.yaml'), 'utf8')) as Record<string, string>).macaroon_secret_key, secret);
  });

  it('refuses to run while another live run holds the lock', async () => {
    const dirs = tempDirs();
    const holder = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      await run(dirs); // creates the state dir
      writeFileSync(join(dirs.stateDir, 'lock'), `${holder.pid}\n`);
      await assert.rejects(run(dirs), (error: unknown) => error instanceof LockedError && /PID \d+/.test(error.message));
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const dirs = tempDirs();
    await run(dirs);
    const gone = spawn('true');
    await new Promise((resolve) => gone.on('exit', resolve));
    writeFileSync(join(dirs.stateDir, 'lock'), `${gone.pid}\n`);
    const { outcome } = await run(dirs);
    assert.equal(outcome.status, 'done');
    assert.ok(!existsSync(join(dirs.stateDir, 'lock')), 'the lock is released after the run');
  });
});

describe('a run killed with SIGKILL in the middle of a step', () => {
  const script = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'fixtures', 'engine', 'fake-install.ts');

  function startFakeInstall(dirs: ReturnType<typeof tempDirs>, slowSeconds: number) {
    return spawn(process.execPath, ['--import', 'tsx', script, dirs.stateDir, dirs.work, dirs.logFile, '50M', String(slowSeconds)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
  }

  async function waitFor(predicate: () => boolean, what: string, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('resumes at the interrupted step without re-applying finished ones', async () => {
    const dirs = tempDirs();
    const child = startFakeInstall(dirs, 30);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await waitFor(() => existsSync(join(dirs.work, 'slow.count')), 'the slow step to start');
    assert.equal(readState(join(dirs.stateDir, 'state.json'))?.steps['slow-step']?.status, 'running');
    process.kill(-child.pid!, 'SIGKILL'); // the whole process group, as a power cut would
    assert.equal(await exited, 'SIGKILL');
    assert.ok(existsSync(join(dirs.stateDir, 'lock')), 'the killed run left its lock behind');

    const resume = startFakeInstall(dirs, 0);
    const output: string[] = [];
    resume.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const code = await new Promise<number | null>((resolve) => resume.on('exit', resolve));
    assert.equal(code, 0);
    const events = output.join('').trim().split('\n').map((line) => JSON.parse(line) as EngineEvent);
    assert.deepEqual(
      started(events).map((e) => [e.stepId, e.recheck]),
      [
        ['write-config', true],
        ['slow-step', false],
        ['last-step', false],
      ],
    );
    assert.equal(readFileSync(join(dirs.work, 'write-config.count'), 'utf8'), 'applied\n', 'the finished step was not applied again');
    assert.equal(readFileSync(join(dirs.work, 'slow.count'), 'utf8'), 'started\nstarted\n');
    const state = readState(join(dirs.stateDir, 'state.json'))!;
    assert.equal(state.status, 'done');
    assert.deepEqual(Object.values(state.steps).map((s) => s.status), ['done', 'done', 'done']);
  });

  it('records a SIGTERM as interrupted, exits 130, and resumes', async () => {
    const dirs = tempDirs();
    const child = startFakeInstall(dirs, 30);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await waitFor(() => existsSync(join(dirs.work, 'slow.count')), 'the slow step to start');
    child.kill('SIGTERM');
    assert.equal(await exited, 130);
    const state = readState(join(dirs.stateDir, 'state.json'))!;
    assert.equal(state.status, 'interrupted');
    assert.equal(state.steps['slow-step'].status, 'interrupted');
    assert.ok(!existsSync(join(dirs.stateDir, 'lock')));
    const resume = startFakeInstall(dirs, 0);
    assert.equal(await new Promise<number | null>((resolve) => resume.on('exit', resolve)), 0);
  });
});
