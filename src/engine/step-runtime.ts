import { join } from 'node:path';
import type { Logger } from '../log/logger.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { expandMachineAddresses } from '../host/machine-address-token.js';
import { replaceSecretTokens } from '../secrets/tokens.js';
import type { Executor } from '../exec/executor.js';
import type { ActionEnv } from './actions/action-env.js';
import { applyAction, isInPlace } from './actions/index.js';
import { refreshCommand } from './actions/packages.js';
import type { EngineEvent } from './events.js';
import type { RunState } from './state.js';
import type { PlanInput, RunContext } from './types.js';

/** What every step of one run shares: the machine, the secrets, the state and the event stream. */
export interface RunShared extends PlanInput {
  exec: Executor;
  secrets: SecretStore;
  logger: Logger;
  signal: AbortSignal;
  state: RunState;
  saveState(): void;
  emit(event: EngineEvent): void;
  stateDir: string;
  /** One stamp per run for the backups it makes. */
  backupStamp: string;
  /** Package managers whose index this run already refreshed. */
  refreshed: Set<string>;
}

/** The RunContext a step sees and the ActionEnv its actions get; `changed` records that the step changed something. */
export function stepRuntime(shared: RunShared, stepId: string, onChange: () => void): { ctx: RunContext; env: ActionEnv } {
  const { exec, secrets, logger, state, emit } = shared;
  const backupPath = (path: string) => join(shared.stateDir, 'backups', `${path}.${shared.backupStamp}`);
  const ctx: RunContext = {
    answers: shared.answers,
    target: shared.target,
    exec,
    secrets,
    signal: shared.signal,
    emit,
    note: (message) => emit({ type: 'note', stepId, level: 'info', message: logger.redact(message) }),
    warn: (message) => emit({ type: 'note', stepId, level: 'warn', message: logger.redact(message) }),
    backupPath,
  };
  const env: ActionEnv = {
    ctx,
    resolveSecrets: (text) => replaceSecretTokens(expandMachineAddresses(text), (name) => secrets.get(name)),
    markRestart(units) {
      state.pendingRestarts = [...new Set([...state.pendingRestarts, ...units])];
      shared.saveState();
    },
    pendingRestarts: () => state.pendingRestarts,
    clearRestart(unit) {
      state.pendingRestarts = state.pendingRestarts.filter((u) => u !== unit);
      shared.saveState();
    },
    async refreshPackageIndex(manager) {
      if (shared.refreshed.has(manager)) return;
      await exec.run(refreshCommand(manager), { timeoutMs: 15 * 60 * 1000 });
      shared.refreshed.add(manager);
    },
    backupPath,
    changed(summary) {
      onChange();
      emit({ type: 'change', stepId, summary: logger.redact(summary) });
    },
    isInPlace: (action) => isInPlace(action, env),
    async ensure(action) {
      if (!(await isInPlace(action, env))) await applyAction(action, env);
    },
  };
  return { ctx, env };
}
