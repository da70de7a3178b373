import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import type { Action, CommandAction, PackagesAction, RunContext, TaskAction } from '../../src/engine/types.js';
import { AnswersError, StepError } from '../../src/errors.js';
import type { Answers } from '../../src/answers/types.js';
import type { Target } from '../../src/host/target.js';
import type { SecretStore } from '../../src/secrets/secret-store.js';
import { STEPS } from '../../steps/index.js';
import { synapseAdminStep } from '../../steps/synapse-admin.js';
import { synapseInstallStep } from '../../steps/synapse-install.js';
import { synapseServiceStep } from '../../steps/synapse-service.js';
import { isMissingSuite, keyringProblem, primaryFingerprints } from '../../steps/synapse/apt-repository.js';
import { configCheckTask } from '../../steps/synapse/config-check.js';
import { conflictingInstall, otherServerProblem, serverNameIn } from '../../steps/synapse/existing-install.js';
import { likelyCauses, waitForSynapse } from '../../steps/synapse/health.js';
import { registerAdmin, registrationMac } from '../../steps/synapse/register-admin.js';
import { resolveSynapseSource, synapseLayout } from '../../steps/synapse/sources.js';
import { needsDaemonReload } from '../../steps/synapse/systemd.js';
import { FakeExecutor } from '../helpers/fake-executor.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

const MATRIX_ORG = 'AAF9AE843A7584B5A3E4CD2BCF45A512DE2DA058';
const colons = (...primaries: string[]) =>
  primaries.map((fpr) => `pub:-:4096:1:${fpr.slice(-16)}:1560440566:::-:::scESC::::::23::0:\nfpr:::::::::${fpr}:\nuid:-::::1560440566::X::Someone <a@b>::::::::::0:\nsub:-:4096:1:1111111111111111:1560440566:::::s::::::23:\nfpr:::::::::1111111111111111111111111111111111111111:`).join('\n');

function plan(targetId: string, overrides: Parameters<typeof testAnswers>[0] = {}): Action[] {
  return synapseInstallStep.plan({ answers: testAnswers(overrides), target: testTarget(targetId) });
}

function fakeContext(exec: FakeExecutor, answers: Answers = testAnswers(), target: Target = testTarget('debian-12')): RunContext & { notes: string[] } {
  const notes: string[] = [];
  return {
    answers,
    target,
    exec,
    secrets: {} as SecretStore,
    note: (m) => notes.push(m.en),
    warn: (m) => notes.push(`warn: ${m.en}`),
    emit: () => {},
    signal: new AbortController().signal,
    backupPath: (path) => `/nonexistent/backups${path}`,
    notes,
  };
}

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('Synapse sources', () => {
  it('auto picks the best source of each target', () => {
    const cases: Record<string, string> = {
      'debian-12': 'apt', 'debian-13': 'apt', 'debian-unstable': 'distro', 'ubuntu-24.04': 'apt',
      'rocky-9': 'venv', 'rocky-10': 'venv', 'almalinux-9': 'venv', 'centos-stream-9': 'venv', 'rhel-8': 'venv', 'debian-12/arm64': 'venv',
    };
    for (const [id, source] of Object.entries(cases)) assert.equal(resolveSynapseSource(testAnswers(), testTarget(id)), source, id);
  });
  it('an explicit source the target lacks is an answers error naming synapse.install and the alternatives', () => {
    const expectError = (id: string, install: 'apt' | 'distro', pattern: RegExp) =>
      assert.throws(() => resolveSynapseSource(testAnswers({ synapse: { install } }), testTarget(id)), (error: unknown) => {
        assert.ok(error instanceof AnswersError);
        assert.equal(error.issues[0].path, 'synapse.install');
        assert.match(error.issues[0].message.en, pattern);
        return true;
      });
    expectError('debian-12/arm64', 'apt', /amd64 packages only; use "venv"/);
    expectError('rocky-9', 'apt', /for Debian and Ubuntu/);
    expectError('debian-12', 'distro', /only Debian testing\/unstable/);
  });
  it('the differences between sources: package, register tool, user/group, unit', () => {
    const layout = (id: string, install: 'auto' | 'venv' = 'auto') => synapseLayout(testAnswers({ synapse: { install } }), testTarget(id));
    const apt = layout('debian-12');
    const distro = layout('debian-unstable');
    const venv = layout('rocky-9');
    assert.deepEqual([apt.packageName, apt.registerTool, apt.group, apt.unitShipped], ['matrix-synapse-py3', 'register_new_matrix_user', 'matrix-synapse', true]);
    assert.deepEqual([distro.packageName, distro.registerTool, distro.group, distro.python], ['matrix-synapse', 'synapse_register_new_matrix_user', 'nogroup', '/usr/bin/python3']);
    assert.deepEqual([venv.packageName, venv.registerTool, venv.unitShipped, venv.unitFile], [undefined, '/opt/venvs/matrix-synapse/bin/register_new_matrix_user', false, '/etc/systemd/system/matrix-synapse.service']);
    assert.equal(venv.dropIn, undefined);
    assert.deepEqual(venv.configPaths, ['/etc/matrix-synapse/homeserver.yaml', '/etc/matrix-synapse/conf.d/']);
    assert.deepEqual(apt.configPaths, ['/etc/matrix-synapse/homeserver.yaml', '/etc/matrix-synapse/conf.d/']);
  });
});

describe('synapse-install plan', () => {
  it('apt: the package from packages.matrix.org (key check, deb822 source for the codename, index), with debconf answers and the existing-install check first', () => {
    const actions = plan('ubuntu-24.04');
    const kinds = actions.map((a) => (a.kind === 'file' ? `file ${a.path}` : a.kind === 'command' ? `command ${a.argv[0]}` : a.kind));
    assert.deepEqual(kinds, ['task', 'packages', 'file /etc/systemd/system/matrix-synapse.service.d/matrix-setup.conf', 'task']);
    const packages = actions[1] as PackagesAction;
    assert.deepEqual(packages.names, ['matrix-synapse-py3', 'libpq5']);
    assert.deepEqual(packages.checks, [actions[0]], 'the transaction runs the same check before installing anything');
    assert.equal(packages.debconf, 'matrix-synapse-py3 matrix-synapse/server-name string example.org\nmatrix-synapse-py3 matrix-synapse/report-stats boolean false\n');
    const [repository] = packages.repositories!;
    assert.equal(repository.id, 'packages.matrix.org');
    const setup = repository.setup.map((a) => (a.kind === 'file' ? `file ${a.path}` : a.kind));
    assert.deepEqual(setup, ['task', 'file /etc/apt/sources.list.d/matrix-org.sources', 'task']);
    const source = repository.setup[1] as { content: string };
    assert.match(source.content, /^Suites: noble$/m);
    assert.match(source.content, /^Signed-By: \/usr\/share\/keyrings\/matrix-org-archive-keyring\.gpg$/m);
    const keyring = repository.setup[0] as TaskAction;
    const curl = keyring.shows.find((s) => s.argv[0] === 'curl')!.argv;
    assert.deepEqual(curl.slice(0, 4), ['curl', '-fsSL', '--proto', '=https']);
    assert.ok(keyring.description.en.includes(MATRIX_ORG));
  });
  it("distro: Debian's package with psycopg2, preseeded under its own name, no extra repository", () => {
    const actions = plan('debian-unstable');
    assert.ok(!actions.some((a) => a.kind === 'file' && a.path.startsWith('/etc/apt/')));
    const packages = actions.find((a) => a.kind === 'packages') as PackagesAction;
    assert.match(packages.debconf!, /^matrix-synapse matrix-synapse\/server-name string example\.org$/m);
    assert.deepEqual(packages.names, ['matrix-synapse', 'python3-psycopg2']);
    assert.equal(packages.repositories, undefined);
  });
  it('venv: build dependencies and Python per family, every command guarded, a pinned version', () => {
    const names = (id: string) => (plan(id, { synapse: { install: 'venv' } }).find((a) => a.kind === 'packages') as PackagesAction).names;
    assert.ok(names('debian-12').includes('python3-venv') && names('debian-12').includes('libpq-dev'));
    assert.ok(names('rhel-8').includes('python3.12') && names('rhel-8').includes('python3.12-devel'));
    assert.ok(names('rocky-10').includes('python3-devel') && !names('rocky-10').includes('python3.12'));
    const actions = plan('rocky-9', { synapse: { install: 'venv', version: '1.160.0' } });
    const commands = actions.filter((a): a is CommandAction => a.kind === 'command');
    for (const command of commands) assert.ok(command.unless || command.creates, `${command.argv.join(' ')} has no guard`);
    const venv = commands.find((c) => c.argv.includes('venv'))!;
    assert.deepEqual(venv.argv, ['python3.12', '-m', 'venv', '/opt/venvs/matrix-synapse']);
    const pip = commands.find((c) => c.argv.some((a) => a.startsWith('matrix-synapse[postgres]')))!;
    assert.equal(pip.argv.at(-1), 'matrix-synapse[postgres]==1.160.0');
    assert.equal(pip.unless!.at(-1), '1.160.0', 'the version is an argument of the probe, not part of its code');
    const useradd = commands.find((c) => c.argv[0] === 'useradd')!;
    assert.deepEqual(useradd.unless, ['id', '-u', 'matrix-synapse']);
    const unit = actions.find((a) => a.kind === 'file' && a.path === '/etc/systemd/system/matrix-synapse.service') as { content: string; notify: string[] };
    assert.match(unit.content, /^Type=notify$/m);
    assert.match(unit.content, /^ExecStart=\/opt\/venvs\/matrix-synapse\/bin\/python -m synapse\.app\.homeserver --config-path=\/etc\/matrix-synapse\/homeserver\.yaml --config-path=\/etc\/matrix-synapse\/conf\.d\/$/m);
    assert.match(unit.content, /^User=matrix-synapse$/m);
    assert.deepEqual(unit.notify, ['matrix-synapse.service']);
  });
  it('steps are registered after the postgres steps, in graph order', () => {
    const ids = STEPS.map((s) => s.id);
    const at = (id: string) => ids.indexOf(id);
    assert.ok(at('postgres-verify') < at('synapse-install'));
    const order = ['synapse-install', 'synapse-config', 'synapse-service', 'synapse-admin'].map(at);
    assert.ok(order.every((index, i) => index >= 0 && (i === 0 || index > order[i - 1])), `order: ${order}`);
  });
});

describe('APT repository helpers', () => {
  it('accepts exactly matrix.org key and refuses anything else', () => {
    assert.deepEqual(primaryFingerprints(colons(MATRIX_ORG)), [MATRIX_ORG]);
    assert.equal(keyringProblem(colons(MATRIX_ORG)), undefined);
    assert.match(keyringProblem(colons('0123456789ABCDEF0123456789ABCDEF01234567'))?.en ?? '', /expected AAF9/);
    assert.match(keyringProblem(colons(MATRIX_ORG, '0123456789ABCDEF0123456789ABCDEF01234567'))?.en ?? '', /holds 2 keys/);
    assert.match(keyringProblem('')?.en ?? '', /no OpenPGP key/);
  });
  it('recognizes a suite packages.matrix.org does not publish', () => {
    assert.ok(isMissingSuite(["E: The repository 'https://packages.matrix.org/debian forky Release' does not have a Release file."]));
    assert.ok(!isMissingSuite(["E: The repository 'http://deb.debian.org/debian forky Release' does not have a Release file."]));
  });
  it('apt-get update failing for the suite becomes a StepError pointing at venv', async () => {
    const index = (plan('debian-13')[1] as PackagesAction).repositories![0].setup[2] as TaskAction;
    const exec = new FakeExecutor([
      [['apt-cache'], { exitCode: 100 }],
      [['apt-get', 'update'], { exitCode: 100 }],
    ]);
    // FakeExecutor's failures carry no output: give this one the real message.
    const original = exec.run.bind(exec);
    exec.run = async (argv, options) => {
      if (argv[0] === 'apt-get') {
        const { CommandFailedError } = await import('../../src/errors.js');
        throw new CommandFailedError(argv, 100, ["E: The repository 'https://packages.matrix.org/debian trixie Release' does not have a Release file."]);
      }
      return original(argv, options);
    };
    const ctx = fakeContext(exec, testAnswers(), testTarget('debian-13'));
    assert.equal(await index.check(ctx), false);
    await assert.rejects(index.run(ctx), (error: unknown) => error instanceof StepError && /does not publish Synapse for "trixie"/.test(error.message) && /synapse\.install: venv/.test(error.hint?.en ?? ''));
  });
});

describe('existing installs', () => {
  it('reads server_name from YAML (and from a file YAML cannot parse)', () => {
    assert.equal(serverNameIn('server_name: "example.org"\n'), 'example.org');
    assert.equal(serverNameIn('# server_name: x\nfoo: 1\n'), undefined);
    assert.equal(serverNameIn('server_name: other.org\nfoo: [unclosed\n'), 'other.org');
    assert.match(otherServerProblem('server_name: other.org\n', 'example.org')?.en ?? '', /never change/);
  });
  it('refuses to mix sources', () => {
    const layout = (install: 'apt' | 'distro' | 'venv', id = 'debian-unstable') => synapseLayout(testAnswers({ synapse: { install } }), testTarget(id));
    assert.match(conflictingInstall(layout('apt'), new Set(['matrix-synapse']), false)?.en ?? '', /Debian's own/);
    assert.match(conflictingInstall(layout('apt'), new Set(), true)?.en ?? '', /virtualenv installed with pip/);
    assert.equal(conflictingInstall(layout('apt'), new Set(['matrix-synapse-py3']), true), undefined);
    assert.match(conflictingInstall(layout('distro'), new Set(['matrix-synapse-py3']), false)?.en ?? '', /matrix\.org/);
    assert.match(conflictingInstall(layout('venv'), new Set(['matrix-synapse']), true)?.en ?? '', /fight/);
    assert.equal(conflictingInstall(layout('venv'), new Set(), true), undefined);
  });
  it('daemon-reload only when systemd has not loaded the unit or it changed', () => {
    assert.equal(needsDaemonReload('LoadState=loaded\nNeedDaemonReload=no\n'), false);
    assert.equal(needsDaemonReload('LoadState=loaded\nNeedDaemonReload=yes\n'), true);
    assert.equal(needsDaemonReload('LoadState=not-found\nNeedDaemonReload=no\n'), true);
  });
});

describe('synapse-service', () => {
  const layout = synapseLayout(testAnswers(), testTarget('debian-12'));
  it('plan: config check before the service, restart on change, then the readiness wait', () => {
    const actions = synapseServiceStep.plan({ answers: testAnswers(), target: testTarget('debian-12') });
    assert.deepEqual(actions.map((a) => a.kind), ['task', 'command', 'service', 'task']);
    const service = actions[2];
    assert.ok(service.kind === 'service' && service.onChange === 'restart' && service.enable && service.start);
  });
  it("the config check uses Synapse's own parser as the service user and fails with its output", async () => {
    const task = configCheckTask(layout);
    assert.deepEqual(task.shows[0].argv.slice(0, 4), ['runuser', '-u', 'matrix-synapse', '--']);
    assert.deepEqual(task.shows[0].argv.slice(-6), ['-m', 'synapse.config', '--config-path', '/etc/matrix-synapse/homeserver.yaml', '--config-path', '/etc/matrix-synapse/conf.d/']);
    const ok = fakeContext(new FakeExecutor([[['runuser'], { stdout: 'Config parses OK!' }]]));
    assert.equal(await task.check(ok), true);
    const bad = fakeContext(new FakeExecutor([[['runuser'], { exitCode: 1, stdout: 'Error in configuration at listeners.0.port:\n  expected int' }]]));
    await assert.rejects(task.check(bad), (error: unknown) => error instanceof StepError && /was not restarted/.test(error.message) && error.info.outputTail!.some((l) => /listeners\.0\.port/.test(l)));
  });
  it('waits until /health answers OK', async () => {
    let calls = 0;
    const { server, base } = await listen((_req, res) => {
      calls += 1;
      res.writeHead(calls < 3 ? 503 : 200).end(calls < 3 ? 'starting' : 'OK');
    });
    try {
      await waitForSynapse(fakeContext(new FakeExecutor([[['systemctl', 'is-active'], { stdout: 'activating' }]])), layout, { url: `${base}/health`, timeoutMs: 10_000, intervalMs: 10 });
      assert.equal(calls, 3);
    } finally {
      server.close();
    }
  });
  it('a Synapse that stops fails fast with its log tail and the likely cause', async () => {
    const exec = new FakeExecutor([
      [['systemctl', 'is-active'], { stdout: 'failed', exitCode: 3 }],
      [['tail'], { stdout: 'psycopg2.OperationalError: connection to server at "127.0.0.1", port 5432 failed: FATAL:  password authentication failed for user "synapse_user"' }],
      [['journalctl'], { stdout: 'matrix-synapse.service: Failed with result exit-code.' }],
    ]);
    const started = Date.now();
    await assert.rejects(waitForSynapse(fakeContext(exec), layout, { url: 'http://127.0.0.1:9/health', timeoutMs: 30_000, intervalMs: 10 }), (error: unknown) => {
      assert.ok(error instanceof StepError);
      assert.match(error.message, /stopped/);
      assert.match(error.hint?.en ?? '', /PostgreSQL refused the login/);
      assert.ok(error.info.outputTail!.some((line) => /password authentication failed/.test(line)));
      return true;
    });
    assert.ok(Date.now() - started < 10_000);
  });
  it('gives up at the timeout instead of hanging', async () => {
    const exec = new FakeExecutor([[['systemctl', 'is-active'], { stdout: 'activating' }]]);
    await assert.rejects(waitForSynapse(fakeContext(exec), layout, { url: 'http://127.0.0.1:9/health', timeoutMs: 300, intervalMs: 50 }), /did not answer .* within 0 s/);
  });
  it('likely causes from typical log lines', () => {
    assert.match(likelyCauses(['twisted.internet.error.CannotListenError: Couldn\'t listen on 127.0.0.1:8008: [Errno 98] Address already in use.']).map((c) => c.en).join(' '), /another program listens/);
    assert.match(likelyCauses(['Database has incorrect collation of \'en_US.UTF-8\'. Should be \'C\'']).map((c) => c.en).join(' '), /C collation/);
    assert.deepEqual(likelyCauses(['all good']), []);
  });
});

describe('synapse-admin', () => {
  it('skipped when admin.enabled is false', () => {
    assert.match(synapseAdminStep.skip!({ answers: testAnswers({ admin: { enabled: false } }), target: testTarget() })?.en ?? '', /admin\.enabled/);
    assert.equal(synapseAdminStep.skip!({ answers: testAnswers(), target: testTarget() }), undefined);
  });
  it('the plan shows the password and shared secret as tokens only', () => {
    const text = JSON.stringify(synapseAdminStep.plan({ answers: testAnswers(), target: testTarget('debian-unstable') }).map((a) => (a.kind === 'task' ? a.shows : a)));
    assert.match(text, /<<secret:admin_password>>/);
    assert.match(text, /@admin:example\.org/);
    assert.doesNotMatch(text.replace(/<<secret:[a-z_]+>>/g, ''), /secret:/);
  });
  it('the MAC is HMAC-SHA1 over nonce, user, password and "admin", NUL-separated', () => {
    // Expected value computed independently with Python's hmac module.
    assert.equal(registrationMac('shared-secret', 'abc123', 'admin', 'correct horse', true), 'd93bd5f22231d957196a9dc13fe30b209f256aa5');
  });
  it('registers through the nonce flow; an existing user is not an error', async () => {
    const seen: unknown[] = [];
    let taken = false;
    const { server, base } = await listen((req, res) => {
      if (req.method === 'GET') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ nonce: 'abc123' }));
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const parsed = JSON.parse(body);
        seen.push(parsed);
        if (parsed.mac !== 'd93bd5f22231d957196a9dc13fe30b209f256aa5') return void res.writeHead(403).end(JSON.stringify({ errcode: 'M_FORBIDDEN', error: 'HMAC incorrect' }));
        if (taken) return void res.writeHead(400).end(JSON.stringify({ errcode: 'M_USER_IN_USE', error: 'User ID already taken.' }));
        taken = true;
        res.writeHead(200).end(JSON.stringify({ user_id: '@admin:example.org' }));
      });
    });
    try {
      const options = { username: 'admin', password: 'correct horse', sharedSecret: 'shared-secret', url: `${base}/_synapse/admin/v1/register` };
      assert.equal(await registerAdmin(options), 'created');
      assert.equal(await registerAdmin(options), 'exists');
      assert.deepEqual(seen[0], { nonce: 'abc123', username: 'admin', password: 'correct horse', admin: true, mac: 'd93bd5f22231d957196a9dc13fe30b209f256aa5' });
      await assert.rejects(registerAdmin({ ...options, sharedSecret: 'wrong' }), /HMAC incorrect/);
    } finally {
      server.close();
    }
  });
});
