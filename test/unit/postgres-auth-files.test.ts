// The pg_hba.conf rewrite happens as root in a directory the postgres account owns. A
// compromised postgres account plants links where the old code wrote (the backup name
// pg_hba.conf.matrix-setup-<time>.bak and the temp name .pg_hba.conf.<pid>.tmp) or in place of
// pg_hba.conf itself; none of them may make root write or read anything but pg_hba.conf.
// psql is replaced by a fake that answers SHOW hba_file; the files are real. Needs root.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { RunContext, TaskAction } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import type { CommandOptions, CommandResult, Executor } from '../../src/exec/executor.js';
import { postgresAuthStep } from '../../steps/postgres-auth.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

const POSTGRES = 65534; // nobody stands in for the postgres account
const needsRoot = process.getuid?.() === 0 ? false : 'needs root to plant files as another user';
const base = mkdtempSync(join(tmpdir(), 'matrix-setup-pg-hba-'));
chmodSync(base, 0o755);
after(() => rmSync(base, { recursive: true, force: true }));

const RHEL_DEFAULT = `local   all             all                                     peer
host    all             all             127.0.0.1/32            ident
host    all             all             ::1/128                 ident
`;

class FakePsql implements Executor {
  constructor(private readonly hbaFile: string) {}
  async run(_argv: string[], options: CommandOptions = {}): Promise<CommandResult> {
    const stdout = options.stdin === 'SHOW hba_file;\n' ? `${this.hbaFile}\n` : '';
    return { exitCode: 0, stdout, stderr: '', durationMs: 0 };
  }
}

function setup(name: string) {
  const root = join(base, name);
  const pgdata = join(root, 'pgdata');
  const etc = join(root, 'etc');
  const state = join(root, 'state');
  mkdirSync(pgdata, { recursive: true });
  mkdirSync(etc, { mode: 0o755 });
  mkdirSync(state, { mode: 0o700 });
  chmodSync(root, 0o755);
  chmodSync(etc, 0o755);
  const hba = join(pgdata, 'pg_hba.conf');
  writeFileSync(hba, RHEL_DEFAULT);
  chmodSync(hba, 0o640);
  chownSync(hba, POSTGRES, POSTGRES);
  chmodSync(pgdata, 0o700);
  chownSync(pgdata, POSTGRES, POSTGRES);
  const victim = join(etc, 'sudoers');
  writeFileSync(victim, 'root ALL=(ALL:ALL) ALL\n', { mode: 0o440 });
  const notes: string[] = [];
  const ctx = {
    answers: testAnswers(),
    target: testTarget('rocky-9'),
    exec: new FakePsql(hba),
    note: (message: string) => notes.push(message),
    warn: (message: string) => notes.push(message),
    emit() {},
    signal: new AbortController().signal,
    backupPath: (path: string) => join(state, 'backups', `${path}.20261126T000000`),
  } as unknown as RunContext;
  return { pgdata, hba, victim, state, ctx, notes };
}

/** Links to the victim at every name the old code could have used in the next two minutes. */
function plantLinks(pgdata: string, victim: string): string[] {
  const names = [`.pg_hba.conf.${process.pid}.tmp`];
  for (let s = 0; s < 120; s++) {
    const stamp = new Date(Date.now() + s * 1000).toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
    names.push(`pg_hba.conf.matrix-setup-${stamp}.bak`);
  }
  const script = names.map((name) => `ln -s '${victim}' '${join(pgdata, name)}'`).join(' && ');
  const result = spawnSync('runuser', ['-u', 'nobody', '--', 'sh', '-c', script], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return names;
}

function task(): TaskAction {
  const [action] = postgresAuthStep.plan({ answers: testAnswers(), target: testTarget('rocky-9') });
  assert.equal(action.kind, 'task');
  return action as TaskAction;
}

describe('postgres-auth: the pg_hba.conf rewrite in the postgres account\'s directory', { skip: needsRoot }, () => {
  it('writes neither through a link planted at the old backup or temp names; the backup goes under the state directory', async () => {
    const { pgdata, hba, victim, state, ctx, notes } = setup('planted-names');
    const planted = plantLinks(pgdata, victim);
    await task().run(ctx);

    assert.equal(readFileSync(victim, 'utf8'), 'root ALL=(ALL:ALL) ALL\n', 'the link target was written');
    assert.equal(lstatSync(victim).mode & 0o7777, 0o440);
    assert.match(readFileSync(hba, 'utf8'), /^host\s+all\s+all\s+127\.0\.0\.1\/32\s+scram-sha-256$/m);
    const stat = lstatSync(hba);
    assert.deepEqual([stat.uid, stat.gid, stat.mode & 0o7777], [POSTGRES, POSTGRES, 0o640], 'owner and mode are kept');

    const backup = join(state, 'backups', `${hba}.20261126T000000`);
    assert.equal(readFileSync(backup, 'utf8'), RHEL_DEFAULT);
    assert.deepEqual([lstatSync(backup).uid, lstatSync(backup).mode & 0o7777], [0, 0o600]);
    assert.ok(notes.some((note) => note.includes(backup)), 'the note names the backup');
    assert.deepEqual(readdirSync(pgdata).sort(), ['pg_hba.conf', ...planted].sort(), 'nothing new beside pg_hba.conf');
    for (const name of planted) assert.equal(readlinkSync(join(pgdata, name)), victim, `${name} was replaced`);
  });

  it('refuses a pg_hba.conf that is a link, reading and writing nothing', async () => {
    const { pgdata, hba, victim, ctx } = setup('linked-file');
    writeFileSync(victim, RHEL_DEFAULT, { mode: 0o600 });
    rmSync(hba);
    const result = spawnSync('runuser', ['-u', 'nobody', '--', 'ln', '-s', victim, hba], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    await assert.rejects(task().check(ctx), (error: unknown) => error instanceof StepError && /symbolic link/.test(error.message));
    assert.equal(readFileSync(victim, 'utf8'), RHEL_DEFAULT);
    assert.deepEqual(readdirSync(pgdata), ['pg_hba.conf']);
  });
});
