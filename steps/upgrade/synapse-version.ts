import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Action, RunContext, Step, TaskAction } from '../../src/engine/types.js';
import { CommandFailedError, StepError } from '../../src/errors.js';
import { ANY_EXIT_CODE, type Executor } from '../../src/exec/executor.js';
import { synapseLayout, type SynapseLayout } from '../synapse/sources.js';
import { venvRequirement } from '../synapse/venv.js';
import { aptDowngradeArgv, aptDownloadArgv, aptUpgradeArgv, installedVersionArgv, runApt } from './package-commands.js';
import type { SynapseChange, UpgradeRecordStore } from './record.js';

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
    title: 'Keep the installed Synapse package for a rollback',
    needs: ['upgrade-check'],
    skip: () => (store.record.synapse && store.record.synapse.method !== 'venv' ? undefined : 'nothing to keep: Synapse is not upgraded through a package'),
    plan(): Action[] {
      const synapse = store.record.synapse!;
      const name = synapse.packageName!;
      return [
        {
          kind: 'task',
          description: `Keep ${name} ${synapse.from}'s .deb in ${store.dir}/ (from /var/cache/apt/archives, else downloaded again)`,
          shows: [
            { argv: ['cp', archiveCacheFile(name, synapse.from, '<arch>'), `${store.dir}/`], when: 'if apt still has it in its cache' },
            { argv: aptDownloadArgv(name, synapse.from), when: `otherwise, in ${store.dir}` },
            { argv: ['dpkg-deb', '-f', '<file>', 'Package', 'Version'], when: `must say ${name} ${synapse.from}` },
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
      ctx.warn(`${name} ${synapse.from} is neither in apt's cache nor offered by the package sources: a rollback will have to find it in the sources again.`);
      return;
    }
  }
  store.update((record) => (record.synapse!.keptPackage = kept));
  ctx.note(`Kept ${kept} for a rollback.`);
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
    title: direction === 'upgrade' ? 'Upgrade Synapse' : 'Put the previous Synapse back',
    needs: direction === 'upgrade' ? ['upgrade-check'] : ['rollback-check'],
    skip: () => (store.record.synapse ? undefined : 'Synapse is not part of this upgrade'),
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
      description: `${direction === 'upgrade' ? 'Upgrade' : 'Downgrade'} matrix-synapse in ${layout.venv} from ${current} to ${wanted} with pip (the same virtualenv)`,
      shows: [{ argv }],
      check,
      run: async (ctx) => {
        await ctx.exec.run(argv, {
          env: { PIP_DISABLE_PIP_VERSION_CHECK: '1', PIP_NO_INPUT: '1' },
          timeoutMs: 45 * 60_000,
          hint: 'pip needs the package index (PyPI) or its cache; check the output above.',
        });
      },
    };
  }
  const name = layout.packageName!;
  const argv = direction === 'upgrade' ? aptUpgradeArgv(name, wanted) : aptDowngradeArgv(name, wanted, synapse.keptPackage);
  const changes = direction === 'upgrade' && synapse.packageChanges?.length ? `; apt changes: ${synapse.packageChanges.join(', ')}` : '';
  return {
    kind: 'task',
    description: `${direction === 'upgrade' ? 'Upgrade' : 'Downgrade'} ${name} from ${current} to ${wanted}, and only what it needs${changes}`,
    shows: [{ argv }],
    check,
    run: async (ctx) => {
      await installWithRecovery(ctx, argv);
      const now = await installedSynapseVersion(ctx.exec, layout);
      if (now !== wanted) throw new StepError(`apt finished, but ${name} is ${now ?? 'not fully installed'} instead of ${wanted}.`, { hint: `See \`apt-cache policy ${name}\` and \`dpkg -s ${name}\`.` });
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
    ctx.note('dpkg was interrupted by an earlier run: finishing its work with `dpkg --configure -a` first.');
    await runApt(ctx.exec, ['dpkg', '--configure', '-a']);
    await runApt(ctx.exec, argv);
  }
}
