// The run's package transactions: every step's distribution packages in one install after
// preflight, those from repositories the run adds in one more; each step still checks its own.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { EngineEvent } from '../../src/engine/events.js';
import { checkStepOrder } from '../../src/engine/graph.js';
import { PACKAGES_STEP, REPOSITORY_PACKAGES_STEP, withPackageTransactions } from '../../src/engine/package-transaction.js';
import { runInstall } from '../../src/engine/runner.js';
import type { PackagesAction, Step, TaskAction } from '../../src/engine/types.js';
import { KEEP_CONFIG_FILES } from '../../src/packages/apt-recovery.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import { renderPlanText } from '../../src/plan/render-plan.js';
import { STEPS } from '../../steps/index.js';
import { testAnswers, testTarget } from '../helpers/answers.js';
import { FakeExecutor } from '../helpers/fake-executor.js';

const scratch: string[] = [];
after(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function transaction(stepId: string, answers = testAnswers(), targetId = 'debian-12'): PackagesAction | undefined {
  const step = STEPS.find((s) => s.id === stepId)!;
  const input = { answers, target: testTarget(targetId) };
  if (step.skip?.(input)) return undefined;
  return step.plan(input)[0] as PackagesAction;
}

describe('package transactions in the registry', () => {
  it('come right after preflight, and the graph is valid', () => {
    assert.deepEqual(STEPS.slice(0, 4).map((s) => s.id), ['preflight', PACKAGES_STEP, REPOSITORY_PACKAGES_STEP, 'base-packages']);
    assert.doesNotThrow(() => checkStepOrder(STEPS));
  });

  it("Debian's own Synapse: everything in one transaction, none from an added repository", () => {
    const answers = testAnswers({ synapse: { install: 'distro' } });
    const first = transaction(PACKAGES_STEP, answers, 'debian-unstable')!;
    assert.deepEqual(first.names, ['ca-certificates', 'curl', 'gnupg', 'openssl', 'debconf-utils', 'postgresql', 'matrix-synapse', 'python3-psycopg2', 'libjemalloc2', 'nginx', 'certbot']);
    assert.deepEqual(first.from!.map((f) => f.step), ['base-packages', 'postgres-server', 'synapse-install', 'synapse-tuning', 'nginx-install', 'tls-certificate']);
    assert.match(first.debconf!, /^matrix-synapse matrix-synapse\/server-name string example\.org$/m);
    assert.match(first.checks![0].description, /holds no Synapse of another server/);
    assert.equal(transaction(REPOSITORY_PACKAGES_STEP, answers, 'debian-unstable'), undefined, 'skipped');
  });

  it("matrix.org's package goes into the second transaction, after its repository", () => {
    const first = transaction(PACKAGES_STEP)!;
    assert.ok(!first.names.includes('matrix-synapse-py3'));
    assert.equal(first.debconf, undefined);
    const second = transaction(REPOSITORY_PACKAGES_STEP)!;
    assert.deepEqual(second.names, ['matrix-synapse-py3', 'libpq5']);
    assert.deepEqual(second.repositories!.map((r) => r.id), ['packages.matrix.org']);
    assert.match(second.debconf!, /^matrix-synapse-py3 matrix-synapse\/server-name/m);
  });

  it('a step switched off by the answers adds nothing; switched on, its packages join the transaction', () => {
    assert.ok(!transaction(PACKAGES_STEP)!.names.includes('coturn'));
    assert.ok(!transaction(PACKAGES_STEP)!.names.includes('unattended-upgrades'));
    const on = transaction(PACKAGES_STEP, testAnswers({ turn: { enabled: true }, automatic_updates: true }))!;
    assert.ok(on.names.includes('coturn') && on.names.includes('unattended-upgrades'));
    const external = transaction(PACKAGES_STEP, testAnswers({ database: { mode: 'external', host: 'db.example.org', admin_user: 'postgres', admin_password: { file: '/root/pw' }, password: { file: '/root/db' } } }))!;
    assert.ok(!external.names.includes('postgresql') && external.names.includes('postgresql-client'));
  });

  it('RHEL family: EPEL and the module stream are set up once, before one install of what they provide', () => {
    const first = transaction(PACKAGES_STEP, testAnswers({ turn: { enabled: true } }), 'rocky-9')!;
    assert.ok(first.names.includes('nginx') && !first.names.includes('certbot'));
    const second = transaction(REPOSITORY_PACKAGES_STEP, testAnswers({ turn: { enabled: true } }), 'rocky-9')!;
    assert.deepEqual(second.repositories!.map((r) => r.id), ['postgresql:16', 'epel']);
    const epel = second.repositories![1].setup;
    assert.ok(epel.some((a) => a.kind === 'command' && a.argv.join(' ') === 'dnf config-manager --set-enabled crb'));
    assert.ok(epel.some((a) => a.kind === 'packages' && a.names.includes('epel-release')));
    assert.ok(['postgresql-server', 'certbot', 'coturn', 'jemalloc'].every((name) => second.names.includes(name)));
    assert.equal(second.checks!.length, 2, 'the older-PostgreSQL and existing-Synapse checks, once each');
  });

  it('plan shows the steps plus the combined transactions; a step names the transaction that installs its packages', () => {
    const target = testTarget('debian-12');
    const plan = buildPlan(STEPS, { answers: testAnswers(), target });
    const withoutTransactions = buildPlan(STEPS.filter((s) => s.id !== PACKAGES_STEP && s.id !== REPOSITORY_PACKAGES_STEP), { answers: testAnswers(), target });
    assert.deepEqual(plan.map((p) => p.id).filter((id) => id !== PACKAGES_STEP && id !== REPOSITORY_PACKAGES_STEP), withoutTransactions.map((p) => p.id));
    const text = renderPlanText(plan, { target });
    assert.match(text, /^ {2}packages \(apt\): postgresql \(installed by step packages; checked here, installed here only if missing\)$/m);
    assert.match(text, /^ {2}packages \(apt\): matrix-synapse-py3 libpq5 from packages\.matrix\.org \(installed by step repository-packages; checked here, installed here only if missing\)$/m);
    assert.match(text, /^ {4}for postgres-server: postgresql$/m);
  });
});

describe('running the transactions', () => {
  /** Two component steps that each want packages, one of them from a repository the run adds. */
  function components(events: string[]): Step[] {
    const guardTask: TaskAction = { kind: 'task', description: 'check first', shows: [], check: async () => (events.push('check'), true), run: async () => {} };
    return [
      { id: 'preflight', title: 'Preflight', needs: [], plan: () => [] },
      { id: 'web', title: 'Web', needs: ['preflight'], plan: () => [{ kind: 'packages', manager: 'apt', names: ['nginx', 'certbot'] }] },
      { id: 'off', title: 'Switched off', needs: ['preflight'], skip: () => 'not wanted', plan: () => [{ kind: 'packages', manager: 'apt', names: ['coturn'] }] },
      {
        id: 'server',
        title: 'Server',
        needs: ['preflight'],
        plan: () => [
          {
            kind: 'packages',
            manager: 'apt',
            names: ['synapse', 'nginx'],
            checks: [guardTask],
            debconf: 'synapse synapse/server-name string example.org\nother other/q boolean true\n',
            repositories: [{ id: 'repo', title: 'a repository', setup: [{ kind: 'command', description: 'add the repository', argv: ['add-repo'], unless: ['repo-present'] }] }],
          },
        ],
      },
    ];
  }

  it('installs everything in two commands, debconf answers and checks first; the steps then only check; a second run changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-tx-'));
    scratch.push(dir);
    const installed = new Set<string>();
    const order: string[] = [];
    let repository = false;
    const machine = new FakeExecutor([
      [['dpkg-query'], (argv) => ({ exitCode: 1, stdout: argv.slice(3).map((n) => `${n} ${installed.has(n) ? 'installed' : 'not-installed'}`).join('\n') })],
      [['apt-get', 'install'], (argv) => (argv.slice(4 + KEEP_CONFIG_FILES.length).forEach((n) => installed.add(n)), order.push(argv.join(' ')), {})],
      [['debconf-set-selections'], () => (order.push('debconf'), {})],
      [['add-repo'], () => ((repository = true), order.push('add-repo'), {})],
      [['repo-present'], () => ({ exitCode: repository ? 0 : 1 })],
      [['apt-get', 'update'], () => (order.push('update'), {})],
    ]);
    const steps = withPackageTransactions(components(order));
    const run = async () => {
      const events: EngineEvent[] = [];
      const outcome = await runInstall({
        answers: testAnswers(),
        target: testTarget(),
        steps,
        paths: { stateDir: join(dir, 'state'), logFile: join(dir, 'run.log') },
        onEvent: (event) => events.push(event),
        signal: new AbortController().signal,
        executor: () => machine,
        packageManager: { holders: () => [], recover: async () => {} },
      });
      return { outcome, events };
    };
    const first = await run();
    assert.equal(first.outcome.status, 'done');
    const keep = KEEP_CONFIG_FILES.join(' ');
    assert.deepEqual(order, [
      'update',
      `apt-get install -y -q ${keep} nginx certbot`,
      'check',
      'add-repo',
      'debconf',
      `apt-get install -y -q ${keep} synapse`,
    ]);
    const debconf = machine.calls.find((c) => c.argv[0] === 'debconf-set-selections')!;
    assert.equal(debconf.options.stdin, 'synapse synapse/server-name string example.org\n', 'only the answers of packages being installed');
    assert.deepEqual(first.outcome.changedSteps, [PACKAGES_STEP, REPOSITORY_PACKAGES_STEP]);

    order.length = 0;
    const queriesBefore = machine.calls.filter((c) => c.argv[0] === 'dpkg-query').length;
    const second = await run();
    const queries = machine.calls.filter((c) => c.argv[0] === 'dpkg-query').slice(queriesBefore);
    assert.deepEqual(queries.map((c) => c.argv.slice(3)), [['nginx', 'certbot'], ['synapse']], 'each package asked about once per run; the steps are answered from it');
    assert.equal(second.outcome.status, 'done');
    assert.deepEqual(order, [], 'nothing is installed or added again');
    assert.deepEqual(second.outcome.changedSteps, []);
    assert.ok(machine.calls.slice(-3).some((c) => c.argv[0] === 'repo-present'), 'the repository is still checked');
  });
});

describe('a run that meets a busy package manager', () => {
  it('waits in the step that needs it, reporting the holder as an engine event, then installs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-tx-busy-'));
    scratch.push(dir);
    const machine = new FakeExecutor([[['dpkg-query'], { exitCode: 1, stdout: '' }]]);
    let polls = 0;
    let now = 0;
    const events: EngineEvent[] = [];
    const outcome = await runInstall({
      answers: testAnswers(),
      target: testTarget(),
      steps: withPackageTransactions([
        { id: 'preflight', title: 'Preflight', needs: [], plan: () => [] },
        { id: 'web', title: 'Web', needs: ['preflight'], plan: () => [{ kind: 'packages', manager: 'apt', names: ['nginx'] }] },
      ]),
      paths: { stateDir: join(dir, 'state'), logFile: join(dir, 'run.log') },
      onEvent: (event) => events.push(event),
      signal: new AbortController().signal,
      executor: () => machine,
      packageLockWaitMs: 5 * 60_000,
      packageManager: {
        holders: () => (polls++ < 3 ? [{ pid: 637, name: 'unattended-upgrade', lock: '/var/lib/dpkg/lock-frontend' }] : []),
        recover: async () => {},
        clock: { now: () => now, sleep: async (ms) => void (now += ms) },
      },
    });
    assert.equal(outcome.status, 'done');
    const busy = events.filter((e) => e.type === 'package-manager-busy');
    assert.deepEqual(busy.map((e) => [e.stepId, e.waitedMs, e.limitMs]), [[PACKAGES_STEP, 0, 5 * 60_000]]);
    const free = events.find((e) => e.type === 'note' && e.message.startsWith('The package manager is free again'));
    assert.ok(free && free.type === 'note' && free.stepId === PACKAGES_STEP);
    assert.ok(machine.changes().some((argv) => argv[0] === 'apt-get' && argv[1] === 'install'));
  });
});
