import { validateAnswersDocument } from '../../answers/validate.js';
import type { RunOutcome } from '../../engine/runner.js';
import { ExitCode, HostRefusedError } from '../../errors.js';
import { buildPlan } from '../../plan/build-plan.js';
import { renderPlanText } from '../../plan/render-plan.js';
import { formatFailure } from '../../render/failure-summary.js';
import { rollbackSteps } from '../../../steps/upgrade/index.js';
import { inspectDatabase } from '../../../steps/upgrade/inspect.js';
import { readUpgradeRecord, UpgradeRecordStore, type UpgradeRecord } from '../../../steps/upgrade/record.js';
import type { CliArgs } from '../args.js';
import { localTarget } from '../resolve-target.js';
import { confirmed, inspectEnv, out, refuseUnfinished, runGraph } from './upgrade-run.js';

/** `matrix-setup upgrade --rollback`: undo the last upgrade, saying first what is undone and what cannot be. */
export async function rollbackCommand(args: CliArgs, stateDir: string): Promise<number> {
  refuseUnfinished(stateDir, 'rollback');
  const record = readUpgradeRecord(stateDir);
  if (!record) {
    out('There is no upgrade to undo: matrix-setup has not upgraded anything here.\n');
    return ExitCode.ok;
  }
  if (record.status === 'rolled-back') {
    out(`The last upgrade (${record.id}) was already rolled back${record.rollback?.finishedAt ? ` at ${record.rollback.finishedAt}` : ''}. Nothing to undo.\n`);
    return ExitCode.ok;
  }
  const target = await localTarget();
  const before = validateAnswersDocument(record.answersBefore, 'the answers saved before the upgrade');
  const store = new UpgradeRecordStore(stateDir, record);
  const resuming = record.rollback !== undefined && !record.rollback.finishedAt;
  if (!record.rollback) {
    const database = record.synapse ? await inspectDatabase(inspectEnv(before, target, stateDir)) : {};
    const restoreDatabase = needsDatabaseRestore(record, database.compatVersion);
    if (record.synapse && database.compatVersion === undefined) {
      throw new HostRefusedError(`The database's schema version could not be read (${database.unreadable ?? 'no schema_compat_version row'}), so it is unknown whether the previous Synapse can run on it.`, 'Check that PostgreSQL runs, then try again. Nothing was changed.');
    }
    if (restoreDatabase && !record.backup.archive) {
      throw new HostRefusedError(
        `The database was migrated past what Synapse ${record.synapse!.fromRelease} accepts (schema_compat_version ${database.compatVersion} > its schema ${record.synapse!.fromSchemaVersion}), and the upgrade took no backup to go back to.`,
        `Nothing was changed: Synapse ${record.synapse!.toRelease} stays${record.status === 'done' ? '' : ' (fix what fails, then `matrix-setup resume`)'}. To go back anyway, restore a backup of your own from before the upgrade.`,
      );
    }
    record.rollback = { startedAt: new Date().toISOString(), restoreDatabase, ...(database.compatVersion !== undefined ? { databaseCompatVersion: database.compatVersion } : {}) };
  }
  const steps = rollbackSteps(store, before);
  out(rollbackSummary(record));
  out(renderPlanText(buildPlan(steps, { answers: before, target }), { target }));
  if (!(await confirmed(args, record.rollback.restoreDatabase ? 'Restore the database and lose what happened since the upgrade?' : 'Roll back now?'))) return ExitCode.ok;
  store.save();
  const outcome = await runGraph(args, stateDir, 'rollback', before, target, steps, !resuming);
  return reportRollback(outcome, store);
}

/** Synapse refuses a database whose schema_compat_version is newer than the SCHEMA_VERSION of its code. */
export function needsDatabaseRestore(record: UpgradeRecord, compatVersion: number | undefined): boolean {
  const schema = record.synapse?.fromSchemaVersion;
  return schema !== undefined && compatVersion !== undefined && compatVersion > schema;
}

function rollbackSummary(record: UpgradeRecord): string {
  const lines = [`Undoing the upgrade of ${record.createdAt}:`];
  const undone: string[] = [];
  const kept: string[] = [];
  if (record.synapse) {
    undone.push(`Synapse ${record.synapse.to} → ${record.synapse.from}${record.synapse.keptPackage ? ` (from the kept ${record.synapse.keptPackage})` : ''}`);
    const others = (record.synapse.packageChanges ?? []).filter((line) => !line.startsWith(`${record.synapse!.packageName} `));
    if (others.length) kept.push(`packages apt changed along with Synapse stay as they are: ${others.join('; ')}`);
  }
  if (record.element) undone.push(`Element Web ${record.element.toVersion} → ${record.element.fromVersion ?? 'none'} (the newer release stays on disk, unused)`);
  if (record.answersAfter !== record.answersBefore) undone.push('the saved answers, as they were before the upgrade');
  if (record.rollback?.restoreDatabase) {
    undone.push(`the database, restored from ${record.backup.archive}: it was migrated past what Synapse ${record.synapse!.fromRelease} accepts`);
    kept.push(
      'WARNING: everything the server received or did since the backup is lost: messages, new users, uploads\' records, room changes. ' +
        'Other servers keep what they received from it; clients may need to sign in again.',
    );
  } else if (record.synapse) {
    kept.push(`the database stays as it is, with everything since the upgrade: Synapse ${record.synapse.fromRelease} accepts its schema (schema_compat_version ${record.rollback?.databaseCompatVersion ?? '?'} ≤ ${record.synapse.fromSchemaVersion ?? '?'})`);
  }
  if (record.backup.archive) kept.push(`the pre-upgrade backup stays in ${record.backup.archive}`);
  lines.push(...undone.map((line) => `  undone: ${line}`), ...kept.map((line) => `  not undone: ${line}`), '', '');
  return lines.join('\n');
}

export function reportRollback(outcome: RunOutcome, store: UpgradeRecordStore): number {
  if (outcome.status === 'failed') {
    process.stderr.write(`\n${formatFailure(outcome.failedStep!, outcome.error!, outcome.logFile, 'matrix-setup resume')}`);
    return ExitCode.stepFailed;
  }
  if (outcome.status === 'interrupted') {
    out(`\nStopped during "${outcome.failedStep}". Continue with: matrix-setup resume\n`);
    return ExitCode.interrupted;
  }
  const { record } = store;
  out('\nRolled back:\n');
  if (record.synapse) out(`  Synapse      ${record.synapse.to} → ${record.synapse.from}\n`);
  if (record.element) out(`  Element Web  ${record.element.toVersion} → ${record.element.fromVersion ?? 'none'}\n`);
  if (record.rollback?.restoreDatabase) out(`  Database restored from ${record.backup.archive}\n`);
  return ExitCode.ok;
}
