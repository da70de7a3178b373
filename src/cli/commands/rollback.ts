import type { Lang } from '../../i18n/language.js';
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
import { day2Text as t } from '../../i18n/messages/day2.js';
import { commandFor } from '../../engine/state-location.js';
import type { Localized } from '../../i18n/localized.js';

/** `matrix-setup upgrade --rollback`: undo the last upgrade, saying first what is undone and what cannot be. */
export async function rollbackCommand(args: CliArgs, stateDir: string): Promise<number> {
  refuseUnfinished(stateDir, 'rollback');
  const record = readUpgradeRecord(stateDir);
  if (!record) {
    out(`${t.nothingToUndo[args.lang]}\n`);
    return ExitCode.ok;
  }
  if (record.status === 'rolled-back') {
    const done = record.rollback?.finishedAt ? t.alreadyRolledBackAt({ id: record.id, at: record.rollback.finishedAt }) : t.alreadyRolledBack({ id: record.id });
    out(`${done[args.lang]}\n`);
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
      throw new HostRefusedError(t.schemaUnreadable({ reason: database.unreadable ?? t.noCompatRow }), t.schemaUnreadableHint);
    }
    if (restoreDatabase && !record.backup.archive) {
      throw new HostRefusedError(
        t.migratedNoBackup({ release: record.synapse!.fromRelease, compat: database.compatVersion ?? '?', schema: record.synapse!.fromSchemaVersion ?? '?' }),
        (record.status === 'done' ? t.migratedNoBackupHint : t.migratedNoBackupUnfinishedHint)({ release: record.synapse!.toRelease }),
      );
    }
    record.rollback = { startedAt: new Date().toISOString(), restoreDatabase, ...(database.compatVersion !== undefined ? { databaseCompatVersion: database.compatVersion } : {}) };
  }
  const steps = rollbackSteps(store, before);
  out(rollbackSummary(record, args.lang));
  out(renderPlanText(buildPlan(steps, { answers: before, target }), { target, lang: args.lang }));
  if (!(await confirmed(args, record.rollback.restoreDatabase ? t.confirmRestoreDatabase : t.confirmRollback))) return ExitCode.ok;
  store.save();
  const outcome = await runGraph(args, stateDir, 'rollback', before, target, steps, !resuming);
  return reportRollback(outcome, store, args.lang);
}

/** Synapse refuses a database whose schema_compat_version is newer than the SCHEMA_VERSION of its code. */
export function needsDatabaseRestore(record: UpgradeRecord, compatVersion: number | undefined): boolean {
  const schema = record.synapse?.fromSchemaVersion;
  return schema !== undefined && compatVersion !== undefined && compatVersion > schema;
}

function rollbackSummary(record: UpgradeRecord, lang: Lang): string {
  const lines = [t.undoing({ created: record.createdAt })[lang]];
  const undone: Localized[] = [];
  const kept: Localized[] = [];
  if (record.synapse) {
    const versions = { from: record.synapse.to, to: record.synapse.from };
    undone.push(record.synapse.keptPackage ? t.undoneSynapseKept({ ...versions, file: record.synapse.keptPackage }) : t.undoneSynapse(versions));
    const others = (record.synapse.packageChanges ?? []).filter((line) => !line.startsWith(`${record.synapse!.packageName} `));
    if (others.length) kept.push(t.keptAptChanges({ changes: others.join('; ') }));
  }
  if (record.element) undone.push(t.undoneElement({ from: record.element.toVersion, to: record.element.fromVersion ?? t.none }));
  if (record.answersAfter !== record.answersBefore) undone.push(t.undoneAnswers);
  if (record.rollback?.restoreDatabase) {
    undone.push(t.undoneDatabase({ archive: record.backup.archive ?? '', release: record.synapse!.fromRelease }));
    kept.push(t.dataLossWarning);
  } else if (record.synapse) {
    kept.push(t.databaseStays({ release: record.synapse.fromRelease, compat: record.rollback?.databaseCompatVersion ?? '?', schema: record.synapse.fromSchemaVersion ?? '?' }));
  }
  if (record.backup.archive) kept.push(t.backupStays({ archive: record.backup.archive }));
  lines.push(...undone.map((what) => `  ${t.undone({ what })[lang]}`), ...kept.map((what) => `  ${t.notUndone({ what })[lang]}`), '', '');
  return lines.join('\n');
}

export function reportRollback(outcome: RunOutcome, store: UpgradeRecordStore, lang: Lang): number {
  if (outcome.status === 'failed') {
    process.stderr.write(`\n${formatFailure(outcome.failedStep!, outcome.error!, outcome.logFile, commandFor(store.stateDir, 'resume'), lang)}`);
    return ExitCode.stepFailed;
  }
  if (outcome.status === 'interrupted') {
    out(`\n${t.stoppedRollback({ step: outcome.failedStep ?? '' })[lang]}\n`);
    return ExitCode.interrupted;
  }
  const { record } = store;
  out(`\n${t.rolledBackHeading[lang]}\n`);
  if (record.synapse) out(`  Synapse      ${record.synapse.to} → ${record.synapse.from}\n`);
  if (record.element) out(`  Element Web  ${record.element.toVersion} → ${record.element.fromVersion ?? t.none[lang]}\n`);
  if (record.rollback?.restoreDatabase) out(`  ${t.databaseRestoredFrom({ archive: record.backup.archive ?? '' })[lang]}\n`);
  return ExitCode.ok;
}
