import type { Answers } from '../../src/answers/types.js';
import type { BackupResult } from '../../src/backup/write-backup.js';
import type { EventListener } from '../../src/engine/events.js';
import { runInstall, type RunOutcome } from '../../src/engine/runner.js';
import type { Step } from '../../src/engine/types.js';
import type { Target } from '../../src/host/target.js';
import { join } from 'node:path';
import { backupArchiveStep, type BackupOptions } from './backup-archive.js';

export { DEFAULT_BACKUP_DIR, type BackupOptions } from './backup-archive.js';

/** The backup as a step graph (an upgrade can run these steps first in its own graph). */
export function backupSteps(options: BackupOptions): Step[] {
  return [backupArchiveStep(options)];
}

export interface RunBackupOptions extends Omit<BackupOptions, 'onResult'> {
  answers: Answers;
  target: Target;
  logFile: string;
  onEvent: EventListener;
  signal: AbortSignal;
}

/**
 * Runs the backup graph with the engine (its log, the run lock shared with installs and
 * restores, its own state file so the install's record stays as it is).
 */
export async function runBackup(options: RunBackupOptions): Promise<{ outcome: RunOutcome; result?: BackupResult }> {
  let result: BackupResult | undefined;
  const outcome = await runInstall({
    answers: options.answers,
    target: options.target,
    steps: backupSteps({ ...options, onResult: (r) => (result = r) }),
    command: 'backup',
    paths: { stateDir: options.stateDir, logFile: options.logFile, stateFile: join(options.stateDir, 'backup-state.json') },
    onEvent: options.onEvent,
    signal: options.signal,
  });
  return { outcome, result };
}
