// An adopt or a restore that stopped half-way is continued only by itself (`resume`): an install
// or a restore started over it is refused (exit 3) before anything is written, in the engine and
// in the commands and the wizard, which write the saved answers before the engine runs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { answersToYaml } from '../../src/answers/save.js';
import type { RunCommand } from '../../src/engine/run-command.js';
import { runInstall } from '../../src/engine/runner.js';
import { STATE_FORMAT, type RunState } from '../../src/engine/state.js';
import { refuseOverUnfinishedRun } from '../../src/engine/unfinished-graph.js';
import { DEFAULT_STATE_DIR } from '../../src/engine/state-location.js';
import { ExitCode, HostRefusedError } from '../../src/errors.js';
import { createLocalEngine } from '../../src/ui/local-engine.js';
import { fakeSteps } from '../fixtures/engine/fake-steps.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'matrix-setup.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'matrix-setup-unfinished-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

before(() => {
  if (!existsSync(BUNDLE)) {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    assert.equal(build.status, 0, 'the build failed');
  }
});

function record(command: RunCommand, status: RunState['status']): RunState {
  return {
    format: STATE_FORMAT,
    ...(command === 'install' ? {} : { command: command as Exclude<RunCommand, 'install'> }),
    target: 'debian-12',
    answersHash: '0000000000000000',
    status,
    startedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:10:00.000Z',
    logFile: '/var/log/matrix-setup/run.log',
    steps: {
      'adopt-check': { status: 'done' },
      'adopt-sqlite-port': { status: status === 'done' ? 'done' : 'running' },
    },
    pendingRestarts: [],
  };
}

/** A state directory holding a record and the answers it was started with. */
function stateDirWith(state: RunState): { dir: string; stateFile: string; answersFile: string } {
  const dir = mkdtempSync(join(scratch, 'state-'));
  const stateFile = join(dir, 'state.json');
  const answersFile = join(dir, 'answers.yaml');
  writeFileSync(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });
  writeFileSync(answersFile, answersToYaml(testAnswers({ server_name: 'adopted.example' })), { mode: 0o600 });
  return { dir, stateFile, answersFile };
}

describe('refuseOverUnfinishedRun', () => {
  const cases: Array<[string, RunState | undefined, RunCommand, boolean]> = [
    ['no record yet', undefined, 'install', false],
    ['an install over a finished adopt', record('adopt', 'done'), 'install', false],
    ['an install over an interrupted adopt', record('adopt', 'interrupted'), 'install', true],
    ['an install over an adopt killed mid-step', record('adopt', 'running'), 'install', true],
    ['a restore over a failed adopt', record('adopt', 'failed'), 'restore', true],
    ['an adopt over an interrupted adopt (started again)', record('adopt', 'interrupted'), 'adopt', false],
    ['an install over an interrupted restore', record('restore', 'interrupted'), 'install', true],
    ['an adopt over an interrupted restore', record('restore', 'failed'), 'adopt', true],
    ['an install over an interrupted install', record('install', 'interrupted'), 'install', false],
    ['an adopt over an interrupted install', record('install', 'interrupted'), 'adopt', false],
  ];
  for (const [name, previous, command, refused] of cases) {
    it(`${refused ? 'refuses' : 'allows'} ${name}`, () => {
      if (!refused) return assert.doesNotThrow(() => refuseOverUnfinishedRun(previous, command, DEFAULT_STATE_DIR));
      assert.throws(
        () => refuseOverUnfinishedRun(previous, command, DEFAULT_STATE_DIR),
        (error: unknown) => {
          assert.ok(error instanceof HostRefusedError);
          assert.equal(error.exitCode, ExitCode.hostRefused);
          assert.match(error.message, new RegExp(`^The ${previous!.command} started here did not finish \\(it stopped in adopt-sqlite-port\\)`));
          assert.equal(error.hint?.en, 'Finish it first with: matrix-setup resume (see matrix-setup status). Nothing was changed.');
          assert.match(error.text.ru, new RegExp(`^Начатый здесь ${previous!.command} не завершён \\(он остановился на шаге adopt-sqlite-port\\)`));
          return true;
        },
      );
    });
  }

  it('names --state-dir in what to run when the runs are recorded elsewhere', () => {
    assert.throws(
      () => refuseOverUnfinishedRun(record('adopt', 'interrupted'), 'install', '/srv/matrix-state'),
      (error: unknown) => {
        assert.ok(error instanceof HostRefusedError);
        assert.equal(error.hint?.en, 'Finish it first with: matrix-setup resume --state-dir /srv/matrix-state (see matrix-setup status --state-dir /srv/matrix-state). Nothing was changed.');
        assert.match(error.hint?.ru ?? '', /matrix-setup resume --state-dir \/srv\/matrix-state/);
        return true;
      },
    );
  });
});

describe('the engine over an unfinished adopt', () => {
  const runWith = (dir: string, work: string, command: RunCommand) =>
    runInstall({
      answers: testAnswers(),
      target: testTarget(),
      steps: fakeSteps(work),
      command,
      paths: { stateDir: dir, logFile: join(work, 'run.log') },
      onEvent: () => {},
      signal: new AbortController().signal,
    });

  it('refuses an install before its first step and leaves the record as it was', async () => {
    const { dir, stateFile } = stateDirWith(record('adopt', 'interrupted'));
    const work = mkdtempSync(join(scratch, 'work-'));
    const before = readFileSync(stateFile, 'utf8');
    await assert.rejects(runWith(dir, work, 'install'), HostRefusedError);
    assert.equal(readFileSync(stateFile, 'utf8'), before, 'the adopt\'s record is unchanged');
    assert.equal(existsSync(join(work, 'write-config.count')), false, 'no step ran');
    assert.equal(existsSync(join(dir, 'lock')), false, 'the lock is released');
  });

  it('lets the adopt itself continue', async () => {
    const { dir } = stateDirWith(record('adopt', 'interrupted'));
    const work = mkdtempSync(join(scratch, 'work-'));
    const outcome = await runWith(dir, work, 'adopt');
    assert.equal(outcome.status, 'done');
    assert.ok(existsSync(join(work, 'write-config.count')));
  });
});

describe('the wizard over an unfinished adopt', () => {
  it('refuses to install before it saves its answers', async () => {
    const { dir, stateFile, answersFile } = stateDirWith(record('adopt', 'interrupted'));
    const before = { state: readFileSync(stateFile, 'utf8'), answers: readFileSync(answersFile, 'utf8') };
    const engine = createLocalEngine({
      target: testTarget(),
      stateDir: dir,
      logFile: join(dir, 'run.log'),
      machinery: () => Promise.reject(new Error('the install machinery was loaded')),
      summary: () => Promise.reject(new Error('a summary was asked for')),
    });
    await assert.rejects(engine.run(testAnswers({ server_name: 'other.example' }), () => {}, new AbortController().signal), /The adopt started here did not finish/);
    assert.equal(readFileSync(answersFile, 'utf8'), before.answers, 'the adopt\'s saved answers are kept');
    assert.equal(readFileSync(stateFile, 'utf8'), before.state);
  });
});

describe('the commands over an unfinished adopt, through the bundle', () => {
  // Root only: the commands refuse anyone else first. PATH holds nothing, so no command could run
  // on this machine even if the refusal were missing (the engine's own check stops it too).
  const skip = process.getuid?.() !== 0 ? 'install and restore refuse to run as anyone but root before this check' : false;
  const runBundle = (args: string[]) =>
    spawnSync(process.execPath, [BUNDLE, ...args], { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PATH: join(scratch, 'no-commands'), NO_COLOR: '1' } });

  for (const [name, args] of [
    ['an install with other answers', (answers: string) => ['--answers', answers, '--yes']],
    ['a restore', () => ['restore', join(scratch, 'no-such-backup.tar'), '--yes']],
  ] as const) {
    it(`${name}: exit 3, naming the adopt and resume; the saved answers and the record unchanged`, { skip }, () => {
      mkdirSync(join(scratch, 'no-commands'), { recursive: true });
      const { dir, stateFile, answersFile } = stateDirWith(record('adopt', 'interrupted'));
      const other = join(scratch, 'other-answers.yaml');
      writeFileSync(other, answersToYaml(testAnswers({ server_name: 'other.example' })), { mode: 0o600 });
      const before = { state: readFileSync(stateFile, 'utf8'), answers: readFileSync(answersFile, 'utf8') };
      const log = join(scratch, `log-${name.length}`, 'run.log');
      const result = runBundle([...args(other), '--state-dir', dir, '--log-file', log]);
      assert.equal(result.status, 3, `exit ${result.status}\n${result.stdout}\n${result.stderr}`);
      assert.match(result.stderr, /The adopt started here did not finish \(it stopped in adopt-sqlite-port\)/);
      assert.match(result.stderr, /matrix-setup resume/);
      assert.equal(readFileSync(answersFile, 'utf8'), before.answers, 'the adopt\'s saved answers are kept');
      assert.equal(readFileSync(stateFile, 'utf8'), before.state);
      assert.equal(existsSync(log), false, 'no run was logged');
    });
  }
});
