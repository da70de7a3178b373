import { existsSync } from 'node:fs';
import { statePaths } from '../../engine/runner.js';
import { readState } from '../../engine/state.js';
import { unfinishedUpgradeRuns } from '../../../steps/upgrade/record.js';
import { restoreRecordPath } from '../../../steps/restore/prepare.js';
import type { CliArgs } from '../args.js';
import { DEFAULT_STATE_DIR } from '../paths.js';

/**
 * `matrix-setup resume`: continues the last run that did not finish, whichever command it
 * belongs to (an install, an adopt, a restore, an upgrade, a rollback), from its own record.
 */
export async function resumeCommand(args: CliArgs): Promise<number> {
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  const install = readState(statePaths(stateDir).state);
  const unfinished = [...(install && install.status !== 'done' ? [install] : []), ...unfinishedUpgradeRuns(stateDir)].sort((a, b) =>
    b.updatedAt.localeCompare(a.updatedAt),
  );
  const last = unfinished[0];
  if (last?.command === 'upgrade' || last?.command === 'rollback') {
    return (await import('./upgrade.js')).resumeUpgradeCommand(args, last.command);
  }
  if (last?.command === 'adopt') return (await import('./adopt.js')).resumeAdoptCommand(args);
  // A restore killed before its first step was recorded has its record but no state yet.
  if (last?.command === 'restore' || (!install && existsSync(restoreRecordPath(stateDir)))) {
    return (await import('./restore.js')).resumeRestoreCommand(args);
  }
  return (await import('./install.js')).resumeCommand(args);
}
