import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { ActionEnv } from '../../src/engine/actions/action-env.js';
import { applyAction, isInPlace } from '../../src/engine/actions/index.js';
import type { Action, RunContext } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import { KEEP_CONFIG_FILES } from '../../src/packages/apt-recovery.js';
import { FakeExecutor } from '../helpers/fake-executor.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-actions-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const me = userInfo().username;
const group = me === 'root' ? 'root' : me;

function environment(exec = new FakeExecutor([[['getent'], (argv) => ({ stdout: `${argv[2]}:x:${process.getuid!()}:${process.getgid!()}::/:/bin/sh` })]])) {
  const changes: string[] = [];
  const restarts: string[] = [];
  const refreshed: string[] = [];
  const ctx = { answers: testAnswers(), target: testTarget(), exec, note() {}, warn() {}, emit() {}, signal: new AbortController().signal } as unknown as RunContext;
  const env: ActionEnv = {
    ctx,
    resolveSecrets: (text) => text.replace('<<secret:form_secret>>', 'VALUE'),
    markRestart: (units) => restarts.push(...units),
    pendingRestarts: () => restarts,
    clearRestart: (unit) => restarts.splice(restarts.indexOf(unit), 1),
    refreshPackageIndex: async (manager) => void refreshed.push(manager),
    changed: (summary) => changes.push(summary),
    backupPath: (path) => join(dir, 'backups', `${path}.20261126T000000`),
    isInPlace: (action) => isInPlace(action, env),
    ensure: (action) => ensure(action, env),
  };
  return { env, exec, changes, restarts, refreshed };
}

async function ensure(action: Action, env: ActionEnv) {
  if (!(await isInPlace(action, env))) await applyAction(action, env);
}

describe('file action', () => {
  it('writes secrets resolved, marks units for restart, and is then in place', async () => {
    const { env, restarts } = environment();
    const action: Action = { kind: 'file', path: join(dir, 'a.yaml'), content: 'secret: <<secret:form_secret>>\n', mode: 0o640, owner: me, group, notify: ['matrix-synapse'] };
    assert.equal(await isInPlace(action, env), false);
    await applyAction(action, env);
    assert.equal(readFileSync(action.path, 'utf8'), 'secret: VALUE\n');
    assert.deepEqual(restarts, ['matrix-synapse']);
    assert.equal(await isInPlace(action, env), true);
  });

  it('backs up a different existing file before replacing it, outside the directory it is in', async () => {
    const { env } = environment();
    const path = join(dir, 'b.conf');
    writeFileSync(path, 'the user wrote this\n');
    await ensure({ kind: 'file', path, content: 'ours\n', mode: 0o644, owner: me, group }, env);
    assert.equal(readFileSync(join(dir, 'backups', `${path}.20261126T000000`), 'utf8'), 'the user wrote this\n');
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('b.conf')), ['b.conf'], 'nothing new beside the file');
    assert.equal(readFileSync(path, 'utf8'), 'ours\n');
  });

  it('refuses to replace a file its guard rejects, and leaves it alone', async () => {
    const { env } = environment();
    const path = join(dir, 'c.yaml');
    writeFileSync(path, 'server_name: other.org\n');
    const action: Action = {
      kind: 'file', path, content: 'server_name: example.org\n', mode: 0o644, owner: me, group,
      guard: (existing) => (existing.includes('other.org') ? 'it belongs to other.org' : undefined),
    };
    await assert.rejects(ensure(action, env), (error: unknown) => error instanceof StepError && /other\.org/.test(error.message));
    assert.equal(readFileSync(path, 'utf8'), 'server_name: other.org\n');
  });
});

describe('command action', () => {
  it('runs only when its guard says so', async () => {
    const exec = new FakeExecutor([[['test', '-e'], { exitCode: 0 }]]);
    const { env } = environment(exec);
    await ensure({ kind: 'command', description: 'x', argv: ['do-it'], unless: ['test', '-e', '/done'] }, env);
    assert.deepEqual(exec.changes(), []);
    await ensure({ kind: 'command', description: 'y', argv: ['do-it'], creates: join(dir, 'missing') }, env);
    assert.deepEqual(exec.changes(), [['do-it']]);
  });
});

describe('packages action', () => {
  it('installs only the missing apt packages, refreshing the index first', async () => {
    const exec = new FakeExecutor([[['dpkg-query'], { exitCode: 1, stdout: 'curl installed\nnginx not-installed\n' }]]);
    const { env, changes, refreshed } = environment(exec);
    await ensure({ kind: 'packages', manager: 'apt', names: ['curl', 'nginx', 'openssl'] }, env);
    assert.deepEqual(refreshed, ['apt']);
    assert.deepEqual(exec.changes(), [['apt-get', 'install', '-y', '-q', ...KEEP_CONFIG_FILES, 'nginx', 'openssl']]);
    assert.deepEqual(changes, ['installed nginx openssl']);
  });

  it('reads rpm -q for dnf packages', async () => {
    const exec = new FakeExecutor([[['rpm'], { exitCode: 1, stdout: 'nginx-1.26.1-1.el9.x86_64\nno package provides certbot\n' }]]);
    const { env } = environment(exec);
    await ensure({ kind: 'packages', manager: 'dnf', names: ['nginx', 'certbot'] }, env);
    assert.deepEqual(exec.changes(), [['dnf', 'install', '-y', 'certbot']]);
  });
});

describe('service action', () => {
  it('enables and starts a stopped unit, and restarts a running one only when its config changed', async () => {
    const stopped = new FakeExecutor([[['systemctl', 'show'], { stdout: 'ActiveState=inactive\nUnitFileState=disabled\n' }]]);
    const first = environment(stopped);
    await ensure({ kind: 'service', unit: 'nginx', enable: true, start: true, onChange: 'reload' }, first.env);
    assert.deepEqual(stopped.changes(), [['systemctl', 'enable', 'nginx'], ['systemctl', 'start', 'nginx']]);

    const running = new FakeExecutor([[['systemctl', 'show'], { stdout: 'ActiveState=active\nUnitFileState=enabled\n' }]]);
    const second = environment(running);
    const action: Action = { kind: 'service', unit: 'nginx', enable: true, start: true, onChange: 'reload' };
    await ensure(action, second.env);
    assert.deepEqual(running.changes(), []);
    second.restarts.push('nginx');
    await ensure(action, second.env);
    assert.deepEqual(running.changes(), [['systemctl', 'reload', 'nginx']]);
    assert.deepEqual(second.restarts, []);
  });
});

describe('service action diagnosis', () => {
  it('replaces systemctl\'s terse failure with the unit\'s own diagnosis', async () => {
    const exec = new FakeExecutor([
      [['systemctl', 'show'], { stdout: 'UnitFileState=enabled\nActiveState=failed\n' }],
      [['systemctl', 'start'], { exitCode: 1 }],
    ]);
    const { env } = environment(exec);
    await assert.rejects(
      ensure({ kind: 'service', unit: 'matrix-synapse', enable: true, start: true, onChange: 'restart', diagnose: async () => new StepError('Synapse failed: database login refused') }, env),
      /database login refused/,
    );
  });
});

describe('service state', () => {
  it('one systemctl show per check; static and alias units count as enabled, generated ones do not', async () => {
    for (const [state, enabled] of [['static', true], ['alias', true], ['enabled-runtime', true], ['generated', false], ['masked', false], ['', false]] as const) {
      const exec = new FakeExecutor([[['systemctl', 'show'], { stdout: `UnitFileState=${state}\nActiveState=active\n` }]]);
      const { env } = environment(exec);
      assert.equal(await isInPlace({ kind: 'service', unit: 'x', enable: true, start: true, onChange: 'reload' }, env), enabled, state);
      assert.deepEqual(exec.calls.map((c) => c.argv), [['systemctl', 'show', '--property=UnitFileState', '--property=ActiveState', 'x']]);
    }
  });
});
