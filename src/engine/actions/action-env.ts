import type { Action, RunContext } from '../types.js';

/** What action handlers need from the runner beyond the step's RunContext. */
export interface ActionEnv {
  ctx: RunContext;
  /** Swap tokens for their values (only ever for writing or feeding a command): secrets, and lines naming this machine's addresses. */
  resolveSecrets(text: string): string;
  /** Record units to restart because a file they read changed; persisted before the file is written. */
  markRestart(units: string[]): void;
  pendingRestarts(): readonly string[];
  clearRestart(unit: string): void;
  /** Refresh the package index once per run, right before the first install. */
  refreshPackageIndex(manager: 'apt' | 'dnf'): Promise<void>;
  /** Where to keep the previous version of a file before replacing it (never beside it: nginx and Synapse read whole directories). */
  backupPath(path: string): string;
  /** Report one change to the machine (shown by renderers, kept in the log). */
  changed(summary: string): void;
  /** Whether another action is in place, and putting it in place (actions made of actions: a package's repository). */
  isInPlace(action: Action): Promise<boolean>;
  ensure(action: Action): Promise<void>;
}

/** Check whether an action is already in place (read-only), and put it in place. */
export interface ActionHandler<A> {
  isInPlace(action: A, env: ActionEnv): Promise<boolean>;
  apply(action: A, env: ActionEnv): Promise<void>;
}
