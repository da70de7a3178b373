import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Answers } from '../../src/answers/types.js';
import type { TaskAction } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import type { Executor } from '../../src/exec/executor.js';
import type { Target } from '../../src/host/target.js';
import type { SynapseLayout } from './sources.js';
import { synapseText as t } from '../../src/i18n/messages/steps-synapse.js';
import { listOf, type Localized } from '../../src/i18n/localized.js';

/** Files that name the server_name of a Synapse on this machine, whichever source installed it. */
export const SERVER_NAME_FILES = ['/etc/matrix-synapse/conf.d/server_name.yaml', '/etc/matrix-synapse/homeserver.yaml'];

const PACKAGES = ['matrix-synapse-py3', 'matrix-synapse'];

/** The server_name a Synapse config file sets, if it sets one. */
export function serverNameIn(text: string): string | undefined {
  try {
    const doc = parse(text) as unknown;
    if (doc && typeof doc === 'object' && 'server_name' in doc) {
      const value = (doc as Record<string, unknown>).server_name;
      return value === null || value === undefined ? undefined : String(value);
    }
    return undefined;
  } catch {
    // A file Synapse could not read either; still look for the key so a mistake cannot hide another server.
    return /^server_name:\s*["']?([^"'\s#]+)/m.exec(text)?.[1];
  }
}

/** Why a config file must not be taken over for `serverName`, or undefined. Usable as a FileAction guard. */
export function otherServerProblem(existing: string, serverName: string): Localized | undefined {
  const found = serverNameIn(existing);
  if (found === undefined || found === serverName) return undefined;
  return t.otherServer({ found, server: serverName });
}

/** Which installed Synapse source stands in the way of installing `layout.source`. */
export function conflictingInstall(layout: SynapseLayout, installed: Set<string>, venvExists: boolean): Localized | undefined {
  const debianOwn = installed.has('matrix-synapse');
  const matrixOrg = installed.has('matrix-synapse-py3');
  switch (layout.source) {
    case 'apt':
      if (debianOwn) return t.debianOwnInstalled;
      if (venvExists && !matrixOrg) return t.venvInTheWay({ venv: layout.venv ?? '' });
      return undefined;
    case 'distro':
      return matrixOrg ? t.matrixOrgInstalled : undefined;
    case 'venv':
      if (matrixOrg || debianOwn) return t.packageInTheWay({ package: matrixOrg ? 'matrix-synapse-py3' : 'matrix-synapse' });
      return undefined;
  }
}

/**
 * Read-only: refuses before anything is installed when this machine already runs a Synapse
 * for another server_name, or one installed another way. (The database's owner is checked
 * by the postgres steps; a signing key belongs to the server whose config sits beside it.)
 */
export function existingInstallTask(answers: Answers, target: Target, layout: SynapseLayout): TaskAction {
  const probe = ['dpkg-query', '-W', '-f=${Package} ${db:Status-Status}\\n', ...PACKAGES];
  return {
    kind: 'task',
    description: (target.family === 'debian' ? t.existingTaskDebian : t.existingTask)({ server: answers.server_name, files: SERVER_NAME_FILES.join(', ') }),
    shows: target.family === 'debian' ? [{ argv: probe, when: t.whenPackages }] : [],
    async check(ctx) {
      assertNoOtherServer(SERVER_NAME_FILES, answers.server_name);
      if (target.family === 'debian') {
        const installed = await installedPackages(ctx.exec, probe);
        const conflict = conflictingInstall(layout, installed, layout.venv !== undefined && existsSync(`${layout.venv}/bin/python`));
        if (conflict) {
          throw new StepError(t.conflict({ source: layout.source, conflict }), { hint: t.conflictHint });
        }
      }
      return true;
    },
    async run() {},
  };
}

/** Read-only: stops when one of `paths` names another server_name (used again once a package wrote its debconf files). */
export function serverNameCheckTask(answers: Answers, paths: string[]): TaskAction {
  return {
    kind: 'task',
    description: t.serverNameTask({ count: paths.length, paths: listOf(paths), server: answers.server_name }),
    shows: [],
    async check() {
      assertNoOtherServer(paths, answers.server_name);
      return true;
    },
    async run() {},
  };
}

function assertNoOtherServer(paths: string[], serverName: string): void {
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    const problem = otherServerProblem(text, serverName);
    if (problem) {
      throw new StepError(t.pathProblem({ path, problem }), { hint: t.otherServerHint({ found: serverNameIn(text) ?? '' }) });
    }
  }
}

async function installedPackages(exec: Executor, probe: string[]): Promise<Set<string>> {
  const result = await exec.run(probe, { probe: true, okExitCodes: [0, 1] });
  return new Set(
    result.stdout
      .split('\n')
      .map((line) => line.trim().split(' '))
      .filter(([, status]) => status === 'installed')
      .map(([name]) => name),
  );
}
