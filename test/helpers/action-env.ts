import { join } from 'node:path';
import type { ActionEnv } from '../../src/engine/actions/action-env.js';
import { applyAction, isInPlace } from '../../src/engine/actions/index.js';
import type { RunContext } from '../../src/engine/types.js';

/** An ActionEnv that resolves nothing, restarts nothing and records the changes; backups go under `backupDir`. */
export function recordingActionEnv(ctx: RunContext, backupDir: string, backupSuffix = '20261126T000000'): { env: ActionEnv; changes: string[] } {
  const changes: string[] = [];
  const env: ActionEnv = {
    ctx,
    resolveSecrets: (text) => text,
    markRestart() {},
    pendingRestarts: () => [],
    clearRestart() {},
    refreshPackageIndex: async () => {},
    changed: (summary) => changes.push(summary),
    backupPath: (path) => join(backupDir, `${path}.${backupSuffix}`),
    isInPlace: (action) => isInPlace(action, env),
    async ensure(action) {
      if (!(await isInPlace(action, env))) await applyAction(action, env);
    },
  };
  return { env, changes };
}
