import { engineText as t } from '../../i18n/messages/engine.js';
import { ANY_EXIT_CODE, type Executor } from '../../exec/executor.js';
import type { PackagesAction } from '../types.js';
import type { ActionHandler } from './action-env.js';

export const packagesHandler: ActionHandler<PackagesAction> = {
  async isInPlace(action, env) {
    return (await missingPackages(env.ctx.exec, action)).length === 0;
  },

  async apply(action, env) {
    const missing = await missingPackages(env.ctx.exec, action);
    if (missing.length === 0) return;
    await env.refreshPackageIndex(action.manager);
    await env.ctx.exec.run(installCommand(action.manager, missing), {
      timeoutMs: 30 * 60 * 1000,
      hint: action.manager === 'apt' ? t.aptInstallHint : t.dnfInstallHint,
    });
    env.changed(t.installedPackages({ packages: missing.join(' ') }));
  },
};

export function installCommand(manager: 'apt' | 'dnf', names: string[]): string[] {
  return manager === 'apt' ? ['apt-get', 'install', '-y', '-q', ...names] : ['dnf', 'install', '-y', ...names];
}

export function refreshCommand(manager: 'apt' | 'dnf'): string[] {
  return manager === 'apt' ? ['apt-get', 'update', '-q'] : ['dnf', 'makecache', '-y'];
}

async function missingPackages(exec: Executor, action: PackagesAction): Promise<string[]> {
  if (action.manager === 'apt') {
    const result = await exec.run(['dpkg-query', '-W', '-f=${Package} ${db:Status-Status}\\n', ...action.names], {
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
    return action.names.filter((name) => !installed.has(name.replace(/[:=].*$/, '')));
  }
  const result = await exec.run(['rpm', '-q', '--whatprovides', ...action.names], { probe: true, okExitCodes: ANY_EXIT_CODE });
  const missing = new Set(
    result.stdout
      .split('\n')
      .map((line) => /^no package provides (\S+)|^package (\S+) is not installed/.exec(line.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => m[1] ?? m[2]),
  );
  return action.names.filter((name) => missing.has(name));
}
