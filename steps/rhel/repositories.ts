import type { Action, RunContext, TaskAction } from '../../src/engine/types.js';
import { CommandFailedError, StepError } from '../../src/errors.js';
import { readOsRelease } from '../../src/host/os-release.js';
import type { Target } from '../../src/host/target.js';
import { rpmArch } from '../../src/host/targets.js';

/**
 * CodeReady Builder (CRB, PowerTools) and EPEL on the RHEL family: certbot, coturn, jemalloc
 * and Synapse's build dependencies come from EPEL, which needs CRB. Rebuilds (Rocky, Alma,
 * Stream) have fixed repository ids; RHEL and Oracle Linux are found by what the machine has:
 * - RHEL gets packages either from a subscription (redhat.repo, managed by subscription-manager)
 *   or, on pay-as-you-go cloud images, from the cloud's RHUI repositories, where CRB is
 *   codeready-builder-for-rhel-N-rhui-rpms (AWS) or codeready-builder-for-rhel-N-ARCH-rhui-rpms
 *   (Azure) and subscription-manager fails because the machine is not registered.
 * - Oracle Linux names its repositories olN_codeready_builder and olN_developer_EPEL, with an
 *   update number in some releases (ol10_u0_developer_EPEL), and installing
 *   oracle-epel-release-elN does not always leave that repository enabled.
 */
export function rhelRepositoryActions(target: Target): Action[] {
  if (target.distro === 'rhel') {
    return [
      rhelCodeReadyBuilderTask(target),
      {
        kind: 'command',
        description: 'Install EPEL',
        argv: ['dnf', 'install', '-y', `https://dl.fedoraproject.org/pub/epel/epel-release-latest-${target.major}.noarch.rpm`],
        unless: ['rpm', '-q', 'epel-release'],
      },
    ];
  }
  if (target.distro === 'ol') {
    return [
      oracleRepositoryTask(target, 'codeready_builder', "Oracle Linux's CodeReady Builder repository (EPEL packages depend on it)"),
      { kind: 'packages', manager: 'dnf', names: [`oracle-epel-release-el${target.major}`] },
      oracleRepositoryTask(target, 'developer_EPEL', "Oracle Linux's EPEL repository"),
    ];
  }
  return [enableRepository(target.major === 8 ? 'powertools' : 'crb'), { kind: 'packages', manager: 'dnf', names: ['epel-release'] }];
}

export interface Repository {
  id: string;
  enabled: boolean;
}

/** Repositories in `dnf repolist --all` output (dnf 4 and 5): the id first, the status last. */
export function parseRepolist(output: string): Repository[] {
  const repositories: Repository[] = [];
  for (const line of output.split('\n')) {
    const words = line.trim().split(/\s+/);
    const status = words.at(-1)?.toLowerCase();
    if (words.length < 2 || (status !== 'enabled' && status !== 'disabled') || words[0] === 'repo') continue;
    repositories.push({ id: words[0], enabled: status === 'enabled' });
  }
  return repositories;
}

/** What makes CodeReady Builder available on a RHEL machine. */
export type CodeReadyBuilderPlan =
  | { action: 'none'; id: string }
  | { action: 'enable'; id: string }
  | { action: 'subscription'; id: string }
  | { action: 'missing-rhui' };

/** Binary-package CRB repositories: not the debug or source ones. */
function isCodeReadyBuilder(id: string): boolean {
  return /codeready-builder/i.test(id) && !/-(debug|source)-/i.test(id);
}

/**
 * CRB is already enabled under any id (registered, RHUI or UBI); else the machine's RHUI one is
 * enabled (an EUS one only when the machine's other RHUI repositories are EUS); else, on a
 * registered machine, subscription-manager enables the id for this major and architecture.
 */
export function planCodeReadyBuilder(repositories: Repository[], target: Pick<Target, 'major' | 'arch'>): CodeReadyBuilderPlan {
  const enabled = repositories.find((r) => r.enabled && isCodeReadyBuilder(r.id));
  if (enabled) return { action: 'none', id: enabled.id };
  const rhui = repositories.some((r) => /rhui/i.test(r.id));
  if (rhui) {
    const eus = repositories.some((r) => r.enabled && /rhui/i.test(r.id) && /-eus-/i.test(r.id));
    const candidates = repositories.filter((r) => isCodeReadyBuilder(r.id) && /rhui/i.test(r.id) && /-eus-/i.test(r.id) === eus);
    return candidates.length > 0 ? { action: 'enable', id: candidates[0].id } : { action: 'missing-rhui' };
  }
  return { action: 'subscription', id: subscriptionCodeReadyBuilder(target) };
}

export function subscriptionCodeReadyBuilder(target: Pick<Target, 'major' | 'arch'>): string {
  return `codeready-builder-for-rhel-${target.major}-${rpmArch(target.arch)}-rpms`;
}

/**
 * The Oracle Linux repository of a kind for this major: olN_KIND or olN_uM_KIND. Already
 * enabled: nothing to do; else the one for the machine's update release, or the newest.
 */
export function planOracleRepository(repositories: Repository[], major: number, kind: string, minor?: number): { action: 'none' | 'enable'; id: string } | undefined {
  const pattern = new RegExp(`^ol${major}(?:_u(\\d+))?_${kind}$`, 'i');
  const matching = repositories.filter((r) => pattern.test(r.id));
  const enabled = matching.find((r) => r.enabled);
  if (enabled) return { action: 'none', id: enabled.id };
  const update = (id: string) => Number(pattern.exec(id)?.[1] ?? -1);
  const forThisRelease = matching.find((r) => minor !== undefined && update(r.id) === minor);
  const newest = [...matching].sort((a, b) => update(b.id) - update(a.id))[0];
  const chosen = forThisRelease ?? newest;
  return chosen ? { action: 'enable', id: chosen.id } : undefined;
}

const REPOLIST = ['dnf', 'repolist', '--all'];

async function repositories(ctx: RunContext): Promise<Repository[]> {
  const result = await ctx.exec.run(REPOLIST, { probe: true, timeoutMs: 5 * 60 * 1000 });
  return parseRepolist(result.stdout);
}

function rhelCodeReadyBuilderTask(target: Target): TaskAction {
  const registered = subscriptionCodeReadyBuilder(target);
  const rhui = `codeready-builder-for-rhel-${target.major}-rhui-rpms`;
  return {
    kind: 'task',
    description: `Enable a CodeReady Builder repository (EPEL packages depend on it): one already there under any id, the cloud's (RHUI) on a pay-as-you-go image, else ${registered} through the subscription`,
    shows: [
      { argv: REPOLIST, when: 'read-only: which CodeReady Builder repositories exist and which are enabled' },
      { argv: ['dnf', 'config-manager', '--set-enabled', `<RHUI CodeReady Builder id, e.g. ${rhui}>`], when: 'when the machine gets its packages from RHUI' },
      { argv: ['subscription-manager', 'repos', '--enable', registered], when: 'otherwise (a registered machine)' },
    ],
    async check(ctx) {
      return planCodeReadyBuilder(await repositories(ctx), ctx.target).action === 'none';
    },
    async run(ctx) {
      const plan = planCodeReadyBuilder(await repositories(ctx), ctx.target);
      if (plan.action === 'none') return;
      if (plan.action === 'missing-rhui') {
        throw new StepError('This machine gets its packages from RHUI (a cloud image), but none of its repositories is CodeReady Builder.', {
          hint: `List them with \`dnf repolist --all\`; ask your cloud provider which RHUI repository carries CodeReady Builder for RHEL ${ctx.target.major}, enable it with \`dnf config-manager --set-enabled ID\`, then resume.`,
        });
      }
      if (plan.action === 'enable') {
        await ctx.exec.run(['dnf', 'config-manager', '--set-enabled', plan.id]);
        return;
      }
      try {
        await ctx.exec.run(['subscription-manager', 'repos', '--enable', plan.id], { timeoutMs: 5 * 60 * 1000 });
      } catch (error) {
        if (!(error instanceof CommandFailedError)) throw error;
        throw new StepError(`subscription-manager could not enable ${plan.id}.`, {
          hint:
            'This machine has no RHUI repositories, so its packages come from a Red Hat subscription: register it (`subscription-manager register`), ' +
            'or enable a CodeReady Builder repository you have yourself (`dnf config-manager --set-enabled ID`), then resume.',
          argv: error.info.argv,
          exitCode: error.info.exitCode,
          outputTail: error.info.outputTail,
        });
      }
    },
  };
}

function oracleRepositoryTask(target: Target, kind: string, what: string): TaskAction {
  const example = `ol${target.major}_${kind}`;
  return {
    kind: 'task',
    description: `Enable ${what}, found by its id (${example}, or with the update release: ol${target.major}_uN_${kind})`,
    shows: [
      { argv: REPOLIST, when: 'read-only: the repository ids this machine has' },
      { argv: ['dnf', 'config-manager', '--set-enabled', `<${example} or ol${target.major}_uN_${kind}>`], when: 'when it is not enabled' },
    ],
    async check(ctx) {
      return planOracleRepository(await repositories(ctx), ctx.target.major, kind)?.action === 'none';
    },
    async run(ctx) {
      const minor = Number((await readOsRelease())?.VERSION_ID?.split('.')[1]);
      const plan = planOracleRepository(await repositories(ctx), ctx.target.major, kind, Number.isFinite(minor) ? minor : undefined);
      if (!plan) {
        throw new StepError(`No repository named ${example} (or ol${target.major}_uN_${kind}) is configured on this machine.`, {
          hint: `Check the files in /etc/yum.repos.d/ (oraclelinux-release-el${target.major} and oracle-epel-release-el${target.major} provide them) and \`dnf repolist --all\`, then resume.`,
        });
      }
      if (plan.action === 'enable') await ctx.exec.run(['dnf', 'config-manager', '--set-enabled', plan.id]);
    },
  };
}

/** A rebuild's repository with a fixed id (crb, powertools). */
function enableRepository(name: string): Action {
  return {
    kind: 'command',
    description: `Enable the ${name} repository (EPEL packages depend on it)`,
    argv: ['dnf', 'config-manager', '--set-enabled', name],
    unless: ['sh', '-c', `dnf repolist --enabled | grep -qi '^${name}\\b'`],
  };
}
