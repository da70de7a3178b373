import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Action, RunContext, Step, TaskAction } from '../../src/engine/types.js';
import { CommandFailedError, StepError } from '../../src/errors.js';
import { ANY_EXIT_CODE, type Executor } from '../../src/exec/executor.js';
import { synapseLayout, type SynapseLayout } from '../synapse/sources.js';
import { venvRequirement } from '../synapse/venv.js';
import { aptDowngradeArgv, aptDownloadArgv, aptUpgradeArgv, installedVersionArgv, runApt } from './package-commands.js';
import type { SynapseChange, UpgradeRecordStore } from './record.js';
import { upgradeStepText as t } from '../../src/i18n/messages/steps-upgrade.js';
import { formatBytes } from '../../src/i18n/format-bytes.js';
import { pruneOlderKeptPackages } from './prune-kept.js';

/** The installed version as the method sees it: a fully installed package, or pip's record in the venv. */
export async function installedSynapseVersion(exec: Executor, layout: SynapseLayout): Promise<string | undefined> {
  if (layout.source === 'venv') {
    const result = await exec.run([layout.python, '-c', 'import importlib.metadata as m; print(m.version("matrix-synapse"))'], { probe: true, okExitCodes: ANY_EXIT_CODE });
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }
  const status = await exec.run(['dpkg-query', '-W', '-f=${db:Status-Status}', layout.packageName!], { probe: true, okExitCodes: ANY_EXIT_CODE });
  // A package dpkg was killed in the middle of is "unpacked" or "half-configured": not installed yet.
  if (status.stdout.trim() !== 'installed') return undefined;
  return (await exec.run(installedVersionArgv(layout.packageName!), { probe: true })).stdout.trim();
}

/** Where apt keeps a downloaded package: name_version_arch.deb, the epoch's colon written %3a. */
export function archiveCacheFile(packageName: string, version: string, arch: string): string {
  return `/var/cache/apt/archives/${packageName}_${version.replace(/:/g, '%3a')}_${arch}.deb`;
}

/**
 * Keeps the installed version's .deb for a rollback: from apt's download cache, else downloaded
 * again while the sources still offer it. Without either, the rollback can only ask the sources.
 */
export function keepPackageStep(store: UpgradeRecordStore): Step {
  return {
    id: 'upgrade-keep-package',
    title: t.keepTitle,
    needs: ['upgrade-check'],
    skip: () => (store.record.synapse && store.record.synapse.method !== 'venv' ? undefined : t.nothingToKeep),
    plan(): Action[] {
      const synapse = store.record.synapse!;
      const name = synapse.packageName!;
      return [
        {
          kind: 'task',
          description: t.keepTask({ name, version: synapse.from, dir: store.dir }),
          shows: [
            { argv: ['cp', archiveCacheFile(name, synapse.from, '<arch>'), `${store.dir}/`], when: t.whenCached },
            { argv: aptDownloadArgv(name, synapse.from), when: t.whenOtherwiseIn({ dir: store.dir }) },
            { argv: ['dpkg-deb', '-f', '<file>', 'Package', 'Version'], when: t.whenMustSay({ name, version: synapse.from }) },
            { argv: ['rm', `${dirname(store.dir)}/<older upgrade>/*.deb`], when: t.whenOlderKept },
          ],
          check: async () => store.record.synapse?.keptPackage !== undefined && existsSync(store.record.synapse.keptPackage),
          run: (ctx) => keepPackage(ctx, store, synapse),
        },
      ];
    },
  };
}

async function keepPackage(ctx: RunContext, store: UpgradeRecordStore, synapse: SynapseChange): Promise<void> {
  const name = synapse.packageName!;
  const dir = store.dir;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const arch = (await ctx.exec.run(['dpkg-query', '-W', '-f=${Architecture}', name], { probe: true })).stdout.trim();
  const kept = join(dir, `${name}_${synapse.from.replace(/:/g, '%3a')}_${arch}.deb`);
  const cached = archiveCacheFile(name, synapse.from, arch);
  if (existsSync(cached) && (await isPackage(ctx.exec, cached, name, synapse.from))) {
    copyFileSync(cached, kept);
  } else {
    const download = await ctx.exec.run(aptDownloadArgv(name, synapse.from), { cwd: dir, okExitCodes: ANY_EXIT_CODE, timeoutMs: 10 * 60_000 });
    if (download.exitCode !== 0 || !existsSync(kept) || !(await isPackage(ctx.exec, kept, name, synapse.from))) {
      ctx.warn(t.notKept({ name, version: synapse.from }));
      return;
    }
  }
  store.update((record) => (record.synapse!.keptPackage = kept));
  ctx.note(t.kept({ file: kept }));
  const pruned = pruneOlderKeptPackages(dir);
  if (pruned.files.length > 0) ctx.note(t.prunedKept({ count: pruned.files.length, size: formatBytes(pruned.bytes) }));
}

async function isPackage(exec: Executor, file: string, name: string, version: string): Promise<boolean> {
  const fields = await exec.run(['dpkg-deb', '-f', file, 'Package', 'Version'], { probe: true, okExitCodes: ANY_EXIT_CODE });
  return fields.exitCode === 0 && fields.stdout.includes(`Package: ${name}`) && new RegExp(`^Version: ${escape(version)}$`, 'm').test(fields.stdout);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Synapse at one exact version through the way it was installed: the package alone (and what
 * it needs) with apt, or pip in the same virtualenv. `direction` says which way a change goes.
 */
export function synapseVersionStep(store: UpgradeRecordStore, direction: 'upgrade' | 'rollback'): Step {
  const id = direction === 'upgrade' ? 'upgrade-synapse' : 'rollback-synapse';
  return {
    id,
    title: direction === 'upgrade' ? t.synapseTitle : t.synapseBackTitle,
    needs: direction === 'upgrade' ? ['upgrade-check'] : ['rollback-check'],
    skip: () => (store.record.synapse ? undefined : t.synapseNotPart),
    plan({ answers, target }): Action[] {
      const layout = synapseLayout(answers, target);
      return [versionTask(layout, store, direction)];
    },
  };
}

function versionTask(layout: SynapseLayout, store: UpgradeRecordStore, direction: 'upgrade' | 'rollback'): TaskAction {
  const synapse = store.record.synapse!;
  const wanted = direction === 'upgrade' ? synapse.to : synapse.from;
  const current = direction === 'upgrade' ? synapse.from : synapse.to;
  const check = async (ctx: RunContext) => (await installedSynapseVersion(ctx.exec, layout)) === wanted;
  if (layout.source === 'venv') {
    const argv = [layout.python, '-m', 'pip', 'install', venvRequirement(wanted)];
    return {
      kind: 'task',
      description: (direction === 'upgrade' ? t.pipUpgrade : t.pipDowngrade)({ venv: layout.venv ?? '', from: current, to: wanted }),
      shows: [{ argv }],
      check,
      run: async (ctx) => {
        await ctx.exec.run(argv, {
          env: { PIP_DISABLE_PIP_VERSION_CHECK: '1', PIP_NO_INPUT: '1' },
          timeoutMs: 45 * 60_000,
          hint: t.pipHint,
        });
      },
    };
  }
  const name = layout.packageName!;
  const argv = direction === 'upgrade' ? aptUpgradeArgv(name, wanted) : aptDowngradeArgv(name, wanted, synapse.keptPackage);
  const change = { name, from: current, to: wanted };
  const description =
    direction === 'upgrade'
      ? synapse.packageChanges?.length
        ? t.aptUpgradeChanges({ ...change, changes: synapse.packageChanges.join(', ') })
        : t.aptUpgrade(change)
      : t.aptDowngrade(change);
  return {
    kind: 'task',
    description,
    shows: [{ argv }],
    check,
    run: async (ctx) => {
      await installWithRecovery(ctx, argv);
      const now = await installedSynapseVersion(ctx.exec, layout);
      if (now !== wanted) throw new StepError(t.aptWrongVersion({ name, now: now ?? t.notFullyInstalled, wanted }), { hint: t.aptWrongVersionHint({ name }) });
    },
  };
}

/**
 * A package command after a run that was killed while dpkg worked: apt refuses until
 * `dpkg --configure -a` finished the interrupted work, so that runs first, then the command again.
 */
async function installWithRecovery(ctx: RunContext, argv: string[]): Promise<void> {
  try {
    await runApt(ctx.exec, argv);
  } catch (error) {
    if (!(error instanceof CommandFailedError) || !(error.info.outputTail ?? []).some((line) => /dpkg was interrupted/.test(line))) throw error;
    ctx.note(t.dpkgInterrupted);
    await runApt(ctx.exec, ['dpkg', '--configure', '-a']);
    await runApt(ctx.exec, argv);
  }
}
