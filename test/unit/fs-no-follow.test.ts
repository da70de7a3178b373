// What a compromised service account can plant where matrix-setup writes as root: a symbolic
// link in place of a managed directory or file, a link at the name of a temp file, a hard
// link, a directory it owns on the way. Each must be refused (or made harmless) without
// touching anything outside the intended path. The links are planted by `nobody` (runuser),
// as an unprivileged account would; the tests need root for that and skip otherwise.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { ActionEnv } from '../../src/engine/actions/action-env.js';
import { applyAction, isInPlace } from '../../src/engine/actions/index.js';
import type { Action, RunContext } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/fs/atomic.js';
import { recordingActionEnv } from '../helpers/action-env.js';
import { FakeExecutor } from '../helpers/fake-executor.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

const NOBODY = 65534;
const NOGROUP = 65534;
const asRoot = process.getuid?.() === 0;
const needsRoot = asRoot ? false : 'needs root to plant files as another user';

const base = mkdtempSync(join(tmpdir(), 'matrix-setup-no-follow-'));
chmodSync(base, 0o755);
after(() => rmSync(base, { recursive: true, force: true }));

let counter = 0;
/** A fresh directory tree per test: `etc` stands in for /etc (root's), `data` for a service's own directory. */
function layout() {
  const root = join(base, `case-${++counter}`);
  const etc = join(root, 'etc');
  const data = join(root, 'data');
  mkdirSync(etc, { recursive: true, mode: 0o755 });
  mkdirSync(data, { mode: 0o755 });
  for (const dir of [root, etc, data]) chmodSync(dir, 0o755);
  writeFileSync(join(etc, 'passwd'), 'root:x:0:0::/root:/bin/sh\n', { mode: 0o644 });
  return { root, etc, data };
}

/** Runs a command as nobody, as a compromised service account would. */
function asNobody(argv: string[]): void {
  const result = spawnSync('runuser', ['-u', 'nobody', '--', ...argv], { encoding: 'utf8' });
  assert.equal(result.status, 0, `${argv.join(' ')}: ${result.stderr}`);
}

function snapshot(path: string) {
  const stat = lstatSync(path);
  return { uid: stat.uid, gid: stat.gid, mode: stat.mode & 0o7777 };
}

function environment(): { env: ActionEnv; changes: string[] } {
  const ids: Record<string, number> = { root: 0, nobody: NOBODY, nogroup: NOGROUP };
  const exec = new FakeExecutor([[['getent'], (argv) => ({ stdout: `${argv[2]}:x:${ids[argv[2]]}:${ids[argv[2]]}::/:/bin/sh` })]]);
  const ctx = { answers: testAnswers(), target: testTarget(), exec, note() {}, warn() {}, emit() {}, signal: new AbortController().signal } as unknown as RunContext;
  return recordingActionEnv(ctx, join(base, 'backups'));
}

async function ensure(action: Action, env: ActionEnv): Promise<void> {
  if (!(await isInPlace(action, env))) await applyAction(action, env);
}

function refusal(pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof StepError, `expected a StepError, got ${String(error)}`);
    assert.match(error.message, pattern);
    assert.match(error.hint ?? '', /Nothing was changed/);
    return true;
  };
}

describe('directory actions never follow a link', { skip: needsRoot }, () => {
  it('refuses a symlink planted by the service user in place of a managed directory in its own directory; /etc keeps its owner and mode', async () => {
    const { etc, data } = layout();
    chownSync(data, NOBODY, NOGROUP);
    asNobody(['ln', '-s', etc, join(data, 'media')]);
    const before = snapshot(etc);
    const { env } = environment();
    await assert.rejects(ensure({ kind: 'directory', path: join(data, 'media'), owner: 'nobody', group: 'nogroup', mode: 0o750 }, env), refusal(/media/));
    assert.deepEqual(snapshot(etc), before, 'the link target was changed');
    assert.ok(lstatSync(join(data, 'media')).isSymbolicLink(), 'the link is left for the admin to look at');
  });

  it('refuses a symlink in place of a managed directory even where only root can write, naming the link', async () => {
    const { root, etc } = layout();
    symlinkSync(etc, join(root, 'conf.d'));
    const before = snapshot(etc);
    const { env } = environment();
    await assert.rejects(ensure({ kind: 'directory', path: join(root, 'conf.d'), owner: 'nobody', group: 'nogroup', mode: 0o750 }, env), refusal(/conf\.d is a symbolic link/));
    assert.deepEqual(snapshot(etc), before);
  });

  it('refuses a path that leads through a link another user planted on the way', async () => {
    const { etc, data } = layout();
    chownSync(data, NOBODY, NOGROUP);
    asNobody(['ln', '-s', etc, join(data, 'cache')]);
    const { env } = environment();
    await assert.rejects(ensure({ kind: 'directory', path: join(data, 'cache', 'thumbs'), owner: 'root', group: 'root', mode: 0o755 }, env), StepError);
    assert.deepEqual(readdirSync(etc), ['passwd'], 'nothing was created in the link target');
  });

  it('creates a missing directory and sets owner and mode of an existing one (and a second pass is in place)', async () => {
    const { root } = layout();
    const { env, changes } = environment();
    const action: Action = { kind: 'directory', path: join(root, 'new', 'sub'), owner: 'nobody', group: 'nogroup', mode: 0o750 };
    await ensure(action, env);
    assert.deepEqual(snapshot(join(root, 'new', 'sub')), { uid: NOBODY, gid: NOGROUP, mode: 0o750 });
    assert.equal(statSync(join(root, 'new')).mode & 0o777, 0o755, 'a missing parent is created 0755');
    assert.equal(await isInPlace(action, env), true);
    chmodSync(join(root, 'new', 'sub'), 0o777);
    await ensure(action, env);
    assert.equal(snapshot(join(root, 'new', 'sub')).mode, 0o750);
    assert.deepEqual(changes, [`created ${join(root, 'new', 'sub')}/`, `set owner/mode of ${join(root, 'new', 'sub')}/`]);
  });
});

describe('file actions never follow a link', { skip: needsRoot }, () => {
  const action = (path: string): Action => ({ kind: 'file', path, content: 'ours\n', mode: 0o640, owner: 'root', group: 'nogroup' });

  it('refuses a symlink in place of a managed file; the file it points at is untouched', async () => {
    const { root, etc } = layout();
    symlinkSync(join(etc, 'passwd'), join(root, 'homeserver.yaml'));
    const before = { ...snapshot(join(etc, 'passwd')), content: readFileSync(join(etc, 'passwd'), 'utf8') };
    const { env } = environment();
    await assert.rejects(ensure(action(join(root, 'homeserver.yaml')), env), refusal(/homeserver\.yaml is a symbolic link/));
    assert.deepEqual({ ...snapshot(join(etc, 'passwd')), content: readFileSync(join(etc, 'passwd'), 'utf8') }, before);
  });

  it('refuses a file that is a hard link to another (same content: only owner and mode would change)', async () => {
    const { root, etc } = layout();
    writeFileSync(join(etc, 'shadow'), 'ours\n', { mode: 0o600 });
    linkSync(join(etc, 'shadow'), join(root, 'managed.conf'));
    const { env } = environment();
    await assert.rejects(ensure(action(join(root, 'managed.conf')), env), refusal(/hard links/));
    assert.deepEqual(snapshot(join(etc, 'shadow')), { uid: 0, gid: 0, mode: 0o600 });
  });

  it("in a directory a service account owns (Debian's /etc/matrix-synapse), writes the file but never through a link it plants", async () => {
    const { etc, data } = layout();
    chownSync(data, NOBODY, NOGROUP);
    const { env } = environment();
    await ensure(action(join(data, 'config.yaml')), env);
    assert.equal(readFileSync(join(data, 'config.yaml'), 'utf8'), 'ours\n');

    asNobody(['ln', '-s', etc, join(data, 'conf.d')]);
    await assert.rejects(ensure(action(join(data, 'conf.d', 'passwd')), env), refusal(/conf\.d is a symbolic link/));
    assert.equal(readFileSync(join(etc, 'passwd'), 'utf8'), 'root:x:0:0::/root:/bin/sh\n');
    assert.deepEqual(readdirSync(etc), ['passwd']);
  });

  it('follows a link root put on the way (like /var/run -> /run)', async () => {
    const { root } = layout();
    mkdirSync(join(root, 'run'), { mode: 0o755 });
    symlinkSync(join(root, 'run'), join(root, 'var-run'));
    const { env } = environment();
    await ensure(action(join(root, 'var-run', 'app.conf')), env);
    assert.equal(readFileSync(join(root, 'run', 'app.conf'), 'utf8'), 'ours\n');
  });

  it('writes the file with its owner and mode exactly (whatever the umask), backing the old one up outside its directory', async () => {
    const { root } = layout();
    const path = join(root, 'app.conf');
    writeFileSync(path, 'theirs\n', { mode: 0o666 });
    const { env } = environment();
    const previous = process.umask(0);
    try {
      await ensure(action(path), env);
    } finally {
      process.umask(previous);
    }
    assert.deepEqual(snapshot(path), { uid: 0, gid: NOGROUP, mode: 0o640 });
    assert.equal(readFileSync(join(base, 'backups', `${path}.20261126T000000`), 'utf8'), 'theirs\n');
    assert.equal(snapshot(join(base, 'backups', `${path}.20261126T000000`)).mode, 0o600, 'the backup is readable by root only');
    assert.deepEqual(readdirSync(root).sort(), ['app.conf', 'data', 'etc'], 'no temp file or backup beside it');
  });
});

describe('atomic writes', { skip: needsRoot }, () => {
  it('a link planted at the temp name of the old scheme (.<name>.<pid>.tmp) is never written through', () => {
    const { etc, data } = layout();
    chownSync(data, NOBODY, NOGROUP);
    const victim = join(etc, 'passwd');
    const before = readFileSync(victim, 'utf8');
    asNobody(['ln', '-s', victim, join(data, `.pg_hba.conf.${process.pid}.tmp`)]);
    writeFileAtomic(join(data, 'pg_hba.conf'), 'host all all 127.0.0.1/32 scram-sha-256\n', { mode: 0o640, uid: NOBODY, gid: NOGROUP });
    assert.equal(readFileSync(victim, 'utf8'), before, 'the write went through the planted link');
    assert.deepEqual(snapshot(victim), { uid: 0, gid: 0, mode: 0o644 });
    assert.deepEqual(snapshot(join(data, 'pg_hba.conf')), { uid: NOBODY, gid: NOGROUP, mode: 0o640 });
  });

  it('temp files get a fresh random name each time and none is left behind', () => {
    const { root } = layout();
    const path = join(root, 'state.json');
    for (let i = 0; i < 3; i++) writeFileAtomic(path, `{"n":${i}}\n`, { mode: 0o600 });
    assert.deepEqual(readdirSync(root).filter((name) => name.includes('state.json')), ['state.json']);
    assert.equal(readFileSync(path, 'utf8'), '{"n":2}\n');
  });
});
