import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Answers } from '../../src/answers/types.js';
import type { RunContext, TaskAction } from '../../src/engine/types.js';
import { ExitCode, HostRefusedError } from '../../src/errors.js';
import type { HostFacts } from '../../src/host/facts.js';
import type { Target } from '../../src/host/target.js';
import { targetById } from '../../src/host/targets.js';
import { createPreflightStep, preflightStep } from '../../steps/preflight.js';
import { STEPS } from '../../steps/index.js';

const GiB = 1024 ** 3;
const target = targetById('debian-12') as Target;

const answers = {
  version: 1,
  server_name: 'example.org',
  synapse_host: 'matrix.example.org',
  federation: true,
  delegation: 'auto',
  element: { enabled: false, host: 'element.example.org', version: '1.11.90' },
  database: { mode: 'local', port: 5432 },
} as unknown as Answers;

function facts(overrides: Partial<HostFacts> = {}): HostFacts {
  return {
    isRoot: true,
    hasSystemd: true,
    osRelease: { ID: 'debian', VERSION_ID: '12', VERSION_CODENAME: 'bookworm' },
    arch: 'amd64',
    memoryBytes: 4 * GiB,
    disk: { path: '/var', freeBytes: 40 * GiB, totalBytes: 80 * GiB },
    ports: { source: 'ss', listeners: [] },
    addresses: [{ address: '203.0.113.7', family: 4, interface: 'eth0', public: true }],
    dns: {
      'example.org': { name: 'example.org', ipv4: ['203.0.113.7'], ipv6: [] },
      'matrix.example.org': { name: 'matrix.example.org', ipv4: [], ipv6: [] },
    },
    clock: { now: Date.UTC(2026, 10, 26), ntpSynchronized: true },
    ...overrides,
  };
}

function fakeContext() {
  const notes: string[] = [];
  const warnings: string[] = [];
  const ctx = {
    answers,
    target,
    exec: { run: async () => assert.fail('preflight runs no commands through a fake gatherer') },
    secrets: {},
    note: (message: string) => notes.push(message),
    warn: (message: string) => warnings.push(message),
    emit: () => {},
    signal: new AbortController().signal,
  } as unknown as RunContext;
  return { ctx, notes, warnings };
}

function onlyTask(step = preflightStep): TaskAction {
  const actions = step.plan({ answers, target });
  assert.equal(actions.length, 1);
  const [action] = actions;
  assert.equal(action.kind, 'task');
  return action as TaskAction;
}

test('preflight comes first in the step list and needs nothing', () => {
  assert.equal(STEPS[0].id, 'preflight');
  assert.deepEqual(preflightStep.needs, []);
  assert.ok(STEPS.some((step) => step.needs.includes('preflight')));
});

test('the plan is one task that shows the read-only commands it runs, and is pure', () => {
  const task = onlyTask();
  assert.match(task.description, /ports 80, 443, 8448, 127\.0\.0\.1:8008, 127\.0\.0\.1:5432, DNS of example\.org, matrix\.example\.org, clock/);
  assert.deepEqual(task.shows.map((shown) => shown.argv[0]), ['ss', 'timedatectl']);
  assert.equal(JSON.stringify(preflightStep.plan({ answers, target })), JSON.stringify(preflightStep.plan({ answers, target })));
});

test('passing checks: check() is true (nothing to change), warnings and passes are reported', async () => {
  const step = createPreflightStep(async () => facts());
  const { ctx, notes, warnings } = fakeContext();
  assert.equal(await onlyTask(step).check(ctx), true);
  assert.ok(notes.some((line) => line.startsWith('ok   Root:')));
  assert.ok(notes.some((line) => line.startsWith('ok   Port 443: free')));
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^warn DNS matrix\.example\.org: has no A or AAAA record -> Add the DNS record `matrix\.example\.org\. A 203\.0\.113\.7`/);
});

test('a failed check stops the run with a HostRefusedError (exit 3) naming every problem', async () => {
  const step = createPreflightStep(async () =>
    facts({
      isRoot: false,
      ports: { source: 'ss', listeners: [{ port: 80, address: '0.0.0.0', holders: [{ name: 'apache2', pid: 900 }] }] },
    }),
  );
  const { ctx, warnings } = fakeContext();
  const task = onlyTask(step);
  await assert.rejects(task.check(ctx), (error: unknown) => {
    assert.ok(error instanceof HostRefusedError);
    assert.equal(error.exitCode, ExitCode.hostRefused);
    assert.match(error.message, /not ready \(2 problems\)/);
    assert.match(error.message, /Port 80: in use by apache2 \(PID 900\)/);
    assert.match(error.hint ?? '', /systemctl disable --now apache2/);
    return true;
  });
  assert.ok(warnings.some((line) => line.startsWith('FAIL Root:')));
  await assert.rejects(task.run(ctx), HostRefusedError);
});

test('the real gatherer finishes quickly on this machine', async () => {
  const { ctx, notes, warnings } = fakeContext();
  const probeCalls: string[][] = [];
  (ctx as { exec: unknown }).exec = {
    run: async (argv: string[]) => {
      probeCalls.push(argv);
      throw new Error('not available in this test');
    },
  };
  // Use names under .invalid so no real DNS record can exist; each lookup is bounded.
  (ctx as { answers: Answers }).answers = { ...answers, server_name: 'a.invalid', synapse_host: 'b.invalid' };
  const started = Date.now();
  try {
    await onlyTask().check(ctx);
  } catch (error) {
    assert.ok(error instanceof HostRefusedError, String(error));
  }
  assert.ok(Date.now() - started < 15_000);
  assert.deepEqual(probeCalls.map((argv) => argv[0]).sort(), ['ss', 'timedatectl']);
  assert.equal(notes.length + warnings.length, 14, 'one line per check, the package manager included');
});
