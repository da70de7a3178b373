import { ANY_EXIT_CODE, type Executor } from '../exec/executor.js';
import type { RecoveryReport } from './apt-recovery.js';
import { runRepair } from './repair-command.js';

export const CHECK_DUPLICATES = ['dnf', 'check', '--duplicates'];
export const REMOVE_DUPLICATES = ['dnf', 'remove', '--duplicates', '-y'];
export const RPMDB_PROBE = ['rpm', '-q', 'rpm'];
export const REBUILD_RPMDB = ['rpm', '--rebuilddb'];

const MANUAL_REPAIR = 'Repair it by hand: `rpm --rebuilddb`, `dnf check`, `dnf remove --duplicates`; fix what they report, then continue.';

/** `dnf check --duplicates` lines: "foo-1.2-3.el9.x86_64 is a duplicate with foo-1.1-1.el9.x86_64". */
export function duplicatesIn(output: string): string[] {
  return output.split('\n').filter((line) => / is a duplicate with /.test(line)).map((line) => line.trim());
}

/** rpm's Berkeley DB (RHEL 8) left locked by a killed process: "BDB0113 Thread/process ... failed", "DB_RUNRECOVERY". */
export function rpmdbNeedsRebuild(output: string): boolean {
  return /BDB\d{4}|DB_RUNRECOVERY|Thread died in Berkeley DB|cannot open Packages (?:database|index)/i.test(output);
}

/**
 * What a killed dnf/rpm transaction can leave behind, repaired before the run's first package
 * operation: a Berkeley DB rpm database (RHEL 8) left needing recovery (`rpm --rebuilddb`), and
 * packages recorded twice, old and new version, when the kill fell between the new version's
 * install and the old one's removal (`dnf remove --duplicates` removes the older ones).
 * dnf has no journal to resume; a half-run transaction is otherwise completed by installing
 * again. Written from rpm's and dnf's documentation: no RHEL host was available to run it here.
 */
export async function recoverDnf(exec: Executor, report: RecoveryReport): Promise<void> {
  const rpmdb = await exec.run(RPMDB_PROBE, { probe: true, okExitCodes: ANY_EXIT_CODE });
  if (rpmdbNeedsRebuild(`${rpmdb.stdout}\n${rpmdb.stderr}`)) {
    report.note('The rpm database was left locked by an interrupted transaction: rebuilding it (rpm --rebuilddb).');
    await runRepair(exec, REBUILD_RPMDB, MANUAL_REPAIR);
  }
  const check = await exec.run(CHECK_DUPLICATES, { probe: true, okExitCodes: ANY_EXIT_CODE });
  const duplicates = duplicatesIn(check.stdout);
  if (duplicates.length === 0) return;
  report.note(`An interrupted dnf transaction left ${duplicates.length} package${duplicates.length === 1 ? '' : 's'} installed twice (${duplicates[0]}${duplicates.length > 1 ? ', …' : ''}): removing the older copies with dnf remove --duplicates.`);
  await runRepair(exec, REMOVE_DUPLICATES, MANUAL_REPAIR);
}
