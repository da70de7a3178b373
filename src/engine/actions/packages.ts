import { ANY_EXIT_CODE, type Executor } from '../../exec/executor.js';
import { KEEP_CONFIG_FILES } from '../../packages/apt-recovery.js';
import type { PackagesAction } from '../types.js';
import type { ActionEnv, ActionHandler } from './action-env.js';

/**
 * In place when every repository the packages come from is set up as planned and every
 * package is installed. Otherwise: the checks that must pass first, the repositories, one
 * index refresh per run, the debconf answers of the packages about to be installed, then one
 * install command for everything missing. Waiting for another package manager and repairing
 * an interrupted one happen around each command (src/packages/guard.ts).
 */
export const packagesHandler: ActionHandler<PackagesAction> = {
  async isInPlace(action, env) {
    for (const repository of action.repositories ?? []) {
      for (const setup of repository.setup) if (!(await env.isInPlace(setup))) return false;
    }
    return (await missingPackages(env.ctx.exec, action)).length === 0;
  },

  async apply(action, env) {
    for (const check of action.checks ?? []) await env.ensure(check);
    for (const repository of action.repositories ?? []) {
      for (const setup of repository.setup) await env.ensure(setup);
    }
    const missing = await missingPackages(env.ctx.exec, action);
    if (missing.length === 0) return;
    await env.refreshPackageIndex(action.manager);
    const answers = debconfFor(action.debconf, missing);
    if (answers) await env.ctx.exec.run(DEBCONF_SET_SELECTIONS, { stdin: answers });
    forgetPackageStatus(env.ctx.exec);
    await env.ctx.exec.run(installCommand(action.manager, missing), {
      timeoutMs: 30 * 60 * 1000,
      hint:
        action.manager === 'apt'
          ? 'Check the output above: a held or broken package (`apt-get -f install`), a full disk, or an unreachable mirror.'
          : 'Check the output above: a disabled repository (EPEL/CRB), a full disk, or an unreachable mirror.',
    });
    env.changed(`installed ${missing.join(' ')}`);
  },
};

export const DEBCONF_SET_SELECTIONS = ['debconf-set-selections'];

/** The debconf lines whose owner (first field) is among the packages about to be installed. */
export function debconfFor(debconf: string | undefined, installing: string[]): string | undefined {
  if (!debconf) return undefined;
  const names = new Set(installing.map(bareName));
  const lines = debconf.split('\n').filter((line) => line.trim() !== '' && names.has(line.trim().split(/\s+/)[0]));
  return lines.length > 0 ? `${lines.join('\n')}\n` : undefined;
}

export function installCommand(manager: 'apt' | 'dnf', names: string[]): string[] {
  return manager === 'apt' ? ['apt-get', 'install', '-y', '-q', ...KEEP_CONFIG_FILES, ...names] : ['dnf', 'install', '-y', ...names];
}

export function refreshCommand(manager: 'apt' | 'dnf'): string[] {
  return manager === 'apt' ? ['apt-get', 'update', '-q'] : ['dnf', 'makecache', '-y'];
}

/** "nginx" for "nginx=1.24*" or "nginx:amd64". */
function bareName(name: string): string {
  return name.replace(/[:=].*$/, '');
}

/**
 * What a run's queries found installed, by the run's executor: the package transaction asks
 * about every planned package at once, and the steps after it about their own, so one query
 * answers them all. Forgotten before anything is installed.
 */
const knownStatus = new WeakMap<Executor, Map<string, boolean>>();

function forgetPackageStatus(exec: Executor): void {
  knownStatus.delete(exec);
}

/** The planned packages that are not installed (those not asked about yet in this run, in one query). */
export async function missingPackages(exec: Executor, action: Pick<PackagesAction, 'manager' | 'names'>): Promise<string[]> {
  const known = knownStatus.get(exec) ?? new Map<string, boolean>();
  knownStatus.set(exec, known);
  const key = (name: string) => `${action.manager}:${name}`;
  const unknown = action.names.filter((name) => !known.has(key(name)));
  if (unknown.length > 0) {
    const installed = await queryInstalled(exec, action.manager, unknown);
    for (const name of unknown) known.set(key(name), installed.has(name));
  }
  return action.names.filter((name) => !known.get(key(name)));
}

async function queryInstalled(exec: Executor, manager: 'apt' | 'dnf', names: string[]): Promise<Set<string>> {
  if (manager === 'apt') {
    const result = await exec.run(['dpkg-query', '-W', '-f=${Package} ${db:Status-Status}\\n', ...names.map(bareName)], {
      probe: true,
      okExitCodes: [0, 1],
    });
    const installed = new Set(
      result.stdout
        .split('\n')
        .map((line) => line.trim().split(' '))
        .filter(([, status]) => status === 'installed')
        .map(([name]) => name),
    );
    return new Set(names.filter((name) => installed.has(bareName(name))));
  }
  const result = await exec.run(['rpm', '-q', '--whatprovides', ...names], { probe: true, okExitCodes: ANY_EXIT_CODE });
  const missing = new Set(
    result.stdout
      .split('\n')
      .map((line) => /^no package provides (\S+)|^package (\S+) is not installed/.exec(line.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => m[1] ?? m[2]),
  );
  return new Set(names.filter((name) => !missing.has(name)));
}
