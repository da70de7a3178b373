// Plan-level only: dnf, subscription-manager, RHUI and Oracle's repositories cannot run on this
// machine. The repository listings below are dnf's output format; the executor is a fake.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunContext, TaskAction } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import { epelRepository } from '../../steps/base-packages.js';
import { parseRepolist, planCodeReadyBuilder, planOracleRepository, subscriptionCodeReadyBuilder } from '../../steps/rhel/repositories.js';
import { FakeExecutor } from '../helpers/fake-executor.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

const AWS_RHUI = `repo id                                              repo name                                                                     status
codeready-builder-for-rhel-9-rhui-debug-rpms         Red Hat CodeReady Linux Builder for RHEL 9 x86_64 (Debug RPMs) from RHUI     disabled
codeready-builder-for-rhel-9-rhui-rpms               Red Hat CodeReady Linux Builder for RHEL 9 x86_64 (RPMs) from RHUI           disabled
codeready-builder-for-rhel-9-rhui-source-rpms        Red Hat CodeReady Linux Builder for RHEL 9 x86_64 (Source RPMs) from RHUI    disabled
rhel-9-appstream-rhui-rpms                           Red Hat Enterprise Linux 9 for x86_64 - AppStream from RHUI (RPMs)           enabled
rhel-9-baseos-rhui-rpms                              Red Hat Enterprise Linux 9 for x86_64 - BaseOS from RHUI (RPMs)              enabled
rhui-client-config-server-9                          Red Hat Update Infrastructure 4 Client Configuration Server 9                enabled
`;

const AZURE_RHUI_EUS = `Updating Subscription Management repositories.
Unable to read consumer identity
repo id                                                     repo name                                             status
codeready-builder-for-rhel-9-x86_64-eus-rhui-rpms           CodeReady Builder for RHEL 9 x86_64 EUS (RPMs)        disabled
codeready-builder-for-rhel-9-x86_64-rhui-rpms               CodeReady Builder for RHEL 9 x86_64 (RPMs)            disabled
rhel-9-for-x86_64-appstream-eus-rhui-rpms                   RHEL 9 AppStream EUS from RHUI (RPMs)                 enabled
rhel-9-for-x86_64-baseos-eus-rhui-rpms                      RHEL 9 BaseOS EUS from RHUI (RPMs)                    enabled
`;

const REGISTERED = `repo id                                         repo name                                                    status
codeready-builder-for-rhel-9-x86_64-rpms        Red Hat CodeReady Linux Builder for RHEL 9 x86_64 (RPMs)      disabled
rhel-9-for-x86_64-appstream-rpms                Red Hat Enterprise Linux 9 for x86_64 - AppStream (RPMs)      enabled
rhel-9-for-x86_64-baseos-rpms                   Red Hat Enterprise Linux 9 for x86_64 - BaseOS (RPMs)         enabled
`;

const OL10 = `repo id                       repo name                                                        status
ol10_UEKR8                    Oracle Linux 10 UEK Release 8 (x86_64)                           enabled
ol10_appstream                Oracle Linux 10 Application Stream Packages (x86_64)             enabled
ol10_baseos_latest            Oracle Linux 10 BaseOS Latest (x86_64)                           enabled
ol10_codeready_builder        Oracle Linux 10 CodeReady Builder (x86_64) - (Unsupported)       disabled
ol10_u0_developer_EPEL        Oracle Linux 10.0 EPEL Packages for Development (x86_64)         disabled
ol10_u1_developer_EPEL        Oracle Linux 10.1 EPEL Packages for Development (x86_64)         disabled
`;

function context(exec: FakeExecutor, targetId: string): RunContext {
  return { answers: testAnswers(), target: testTarget(targetId), exec, note() {}, warn() {}, emit() {}, signal: new AbortController().signal } as unknown as RunContext;
}

function task(targetId: string, description: RegExp): TaskAction {
  const found = epelRepository(testTarget(targetId)).setup.find((a) => a.kind === 'task' && description.test(a.description));
  assert.ok(found?.kind === 'task', `${targetId}: no task ${description}`);
  return found;
}

describe('dnf repolist output', () => {
  it('reads ids and status, skipping the header and subscription-manager chatter', () => {
    assert.deepEqual(parseRepolist(AZURE_RHUI_EUS).map((r) => `${r.id}:${r.enabled}`), [
      'codeready-builder-for-rhel-9-x86_64-eus-rhui-rpms:false',
      'codeready-builder-for-rhel-9-x86_64-rhui-rpms:false',
      'rhel-9-for-x86_64-appstream-eus-rhui-rpms:true',
      'rhel-9-for-x86_64-baseos-eus-rhui-rpms:true',
    ]);
  });
});

describe('RHEL: CodeReady Builder', () => {
  const rhel9 = { major: 9, arch: 'amd64' };

  it('builds the subscription id from the RPM architecture name', () => {
    assert.equal(subscriptionCodeReadyBuilder({ major: 9, arch: 'amd64' }), 'codeready-builder-for-rhel-9-x86_64-rpms');
    assert.equal(subscriptionCodeReadyBuilder({ major: 10, arch: 'arm64' }), 'codeready-builder-for-rhel-10-aarch64-rpms');
    assert.equal(subscriptionCodeReadyBuilder({ major: 8, arch: 'ppc64el' }), 'codeready-builder-for-rhel-8-ppc64le-rpms', 'not ppc64el');
  });

  it('leaves a CRB that is already enabled alone, under any id', () => {
    for (const id of ['codeready-builder-for-rhel-9-rhui-rpms', 'codeready-builder-for-rhel-9-x86_64-rhui-rpms', 'codeready-builder-for-rhel-9-x86_64-rpms', 'ubi-9-codeready-builder-rpms']) {
      assert.deepEqual(planCodeReadyBuilder([{ id, enabled: true }, { id: 'rhel-9-baseos-rhui-rpms', enabled: true }], rhel9), { action: 'none', id });
    }
  });

  it("enables the cloud's RHUI repository (not debug or source) on pay-as-you-go images, never subscription-manager", () => {
    assert.deepEqual(planCodeReadyBuilder(parseRepolist(AWS_RHUI), rhel9), { action: 'enable', id: 'codeready-builder-for-rhel-9-rhui-rpms' });
    assert.deepEqual(planCodeReadyBuilder(parseRepolist(AZURE_RHUI_EUS), rhel9), { action: 'enable', id: 'codeready-builder-for-rhel-9-x86_64-eus-rhui-rpms' }, 'EUS like the rest');
    const nonEus = AZURE_RHUI_EUS.replace(/-eus-rhui-rpms(\s+RHEL 9 \w+ EUS)/g, '-rhui-rpms$1');
    assert.deepEqual(planCodeReadyBuilder(parseRepolist(nonEus), rhel9), { action: 'enable', id: 'codeready-builder-for-rhel-9-x86_64-rhui-rpms' });
    assert.deepEqual(planCodeReadyBuilder([{ id: 'rhel-9-baseos-rhui-rpms', enabled: true }], rhel9), { action: 'missing-rhui' });
  });

  it('uses subscription-manager on a registered machine', () => {
    assert.deepEqual(planCodeReadyBuilder(parseRepolist(REGISTERED), rhel9), { action: 'subscription', id: 'codeready-builder-for-rhel-9-x86_64-rpms' });
    assert.deepEqual(planCodeReadyBuilder([], { major: 8, arch: 'arm64' }), { action: 'subscription', id: 'codeready-builder-for-rhel-8-aarch64-rpms' });
  });

  it('runs dnf config-manager for RHUI, and the next run only re-checks', async () => {
    let listing = AWS_RHUI;
    const exec = new FakeExecutor([
      [['dnf', 'repolist'], () => ({ stdout: listing })],
      [['dnf', 'config-manager'], (argv) => ((listing = listing.replace(new RegExp(`^(${argv[3]} .*)disabled$`, 'm'), '$1enabled')), {})],
    ]);
    const crb = task('rhel-9', /CodeReady Builder/);
    const ctx = context(exec, 'rhel-9');
    assert.equal(await crb.check(ctx), false);
    await crb.run(ctx);
    assert.deepEqual(exec.changes(), [['dnf', 'config-manager', '--set-enabled', 'codeready-builder-for-rhel-9-rhui-rpms']]);
    assert.equal(await crb.check(ctx), true);
  });

  it('explains an unregistered machine without RHUI instead of failing on every run with a bare exit status', async () => {
    const exec = new FakeExecutor([
      [['dnf', 'repolist'], { stdout: 'repo id  repo name  status\n' }],
      [['subscription-manager'], { exitCode: 1 }],
    ]);
    const error = await task('rhel-9', /CodeReady Builder/).run(context(exec, 'rhel-9')).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof StepError);
    assert.match(error.message, /subscription-manager could not enable codeready-builder-for-rhel-9-x86_64-rpms/);
    assert.match(error.hint ?? '', /subscription-manager register/);
  });
});

describe('Oracle Linux: repositories found by their actual id', () => {
  it('enables EPEL under its update-release id after oracle-epel-release is installed', () => {
    const repos = parseRepolist(OL10);
    assert.deepEqual(planOracleRepository(repos, 10, 'developer_EPEL', 1), { action: 'enable', id: 'ol10_u1_developer_EPEL' }, "the machine's update release");
    assert.deepEqual(planOracleRepository(repos, 10, 'developer_EPEL', 0), { action: 'enable', id: 'ol10_u0_developer_EPEL' });
    assert.deepEqual(planOracleRepository(repos, 10, 'developer_EPEL'), { action: 'enable', id: 'ol10_u1_developer_EPEL' }, 'else the newest');
    assert.deepEqual(planOracleRepository(repos, 10, 'codeready_builder'), { action: 'enable', id: 'ol10_codeready_builder' });
  });

  it('leaves an enabled one alone and finds nothing for another major', () => {
    const ol9 = [{ id: 'ol9_developer_EPEL', enabled: true }, { id: 'ol9_codeready_builder', enabled: false }];
    assert.deepEqual(planOracleRepository(ol9, 9, 'developer_EPEL'), { action: 'none', id: 'ol9_developer_EPEL' });
    assert.equal(planOracleRepository(ol9, 10, 'developer_EPEL'), undefined);
    assert.equal(planOracleRepository([{ id: 'ol10_developer_EPEL_debug', enabled: false }], 10, 'developer_EPEL'), undefined);
  });

  it('plans CRB, then oracle-epel-release, then enabling EPEL explicitly', () => {
    const actions = epelRepository(testTarget('ol-10')).setup;
    assert.deepEqual(
      actions.map((a) => (a.kind === 'packages' ? a.names.join(' ') : a.kind === 'task' ? a.description.split(',')[0] : a.kind)),
      ["Enable Oracle Linux's CodeReady Builder repository (EPEL packages depend on it)", 'oracle-epel-release-el10', "Enable Oracle Linux's EPEL repository"],
    );
  });

  it('fails with what to check when no such repository is configured', async () => {
    const exec = new FakeExecutor([[['dnf', 'repolist'], { stdout: 'repo id  repo name  status\nol10_baseos_latest  BaseOS  enabled\n' }]]);
    const epel = task('ol-10', /EPEL repository/);
    await assert.rejects(epel.run(context(exec, 'ol-10')), (e: unknown) => e instanceof StepError && /No repository named ol10_developer_EPEL/.test(e.message) && /oracle-epel-release-el10/.test(e.hint ?? ''));
  });
});

describe('Rocky, AlmaLinux and CentOS Stream keep their fixed ids', () => {
  it('crb on 9 and 10, powertools on 8, then epel-release', () => {
    for (const [id, repo] of [['rocky-9', 'crb'], ['almalinux-8', 'powertools'], ['centos-stream-10', 'crb']] as const) {
      const actions = epelRepository(testTarget(id)).setup;
      assert.ok(actions.some((a) => a.kind === 'command' && a.argv.join(' ') === `dnf config-manager --set-enabled ${repo}`), id);
      assert.ok(actions.some((a) => a.kind === 'packages' && a.names.includes('epel-release')), id);
    }
  });
});
