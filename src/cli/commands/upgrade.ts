import type { Lang } from '../../i18n/language.js';
import { existsSync } from 'node:fs';
import { loadSavedAnswers } from '../../answers/migrate.js';
import { answersToYaml } from '../../answers/save.js';
import type { Answers } from '../../answers/types.js';
import { validateAnswersDocument } from '../../answers/validate.js';
import { RunLock } from '../../engine/lock.js';
import { statePaths, type RunOutcome } from '../../engine/runner.js';
import { ExitCode, HostRefusedError, UsageError } from '../../errors.js';
import { buildPlan } from '../../plan/build-plan.js';
import { renderPlanText } from '../../plan/render-plan.js';
import { formatFailure } from '../../render/failure-summary.js';
import { synapseLayout } from '../../../steps/synapse/sources.js';
import { blocking, elementUpgradeAvailable, findBlockers, synapseUpgradeAvailable } from '../../../steps/upgrade/blockers.js';
import { rollbackSteps, upgradeSteps } from '../../../steps/upgrade/index.js';
import { describePackageChanges, inspectUpgrade, type Inspection } from '../../../steps/upgrade/inspect.js';
import { aptRefreshArgv, runApt } from '../../../steps/upgrade/package-commands.js';
import { readUpgradeRecord, upgradeId, UPGRADE_RECORD_FORMAT, UpgradeRecordStore, type UpgradeRecord } from '../../../steps/upgrade/record.js';
import { DEFAULT_SAFETY_BACKUP_DIR } from '../../../steps/upgrade/safety-backup.js';
import type { CliArgs } from '../args.js';
import { DEFAULT_STATE_DIR } from '../paths.js';
import { localTarget } from '../resolve-target.js';
import { reportRollback, rollbackCommand } from './rollback.js';
import { checkCommand, request } from './upgrade-check.js';
import { checkText } from './upgrade-report.js';
import { confirmed, inspectEnv, out, refuseUnfinished, requireRoot, runGraph } from './upgrade-run.js';
import { day2Text as t } from '../../i18n/messages/day2.js';
import { commandFor } from '../../engine/state-location.js';
import type { Localized } from '../../i18n/localized.js';

/** `matrix-setup upgrade [--check [--json] | --rollback]`. */
export async function upgradeCommand(args: CliArgs): Promise<number> {
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  if (args.check) return checkCommand(args, stateDir);
  requireRoot(args.rollback ? t.rollbackNeedsRoot : t.upgradeNeedsRoot);
  const answers = savedAnswers(stateDir, args.lang);
  // Held from before the plan is made until the run ends: another run cannot change the
  // machine between what the plan saw and what the upgrade does (the engine takes it again).
  const lock = new RunLock(statePaths(stateDir).lock);
  lock.acquire();
  try {
    return await (args.rollback ? rollbackCommand(args, stateDir) : upgrade(args, answers, stateDir));
  } finally {
    lock.release();
  }
}

function savedAnswers(stateDir: string, lang: Lang): Answers {
  const saved = statePaths(stateDir).answers;
  if (!existsSync(saved)) {
    throw new HostRefusedError(t.noServer({ path: saved }), t.installFirstHint);
  }
  return loadSavedAnswers(saved, { note: (message) => out(`${message[lang]}\n`) }).answers;
}

async function upgrade(args: CliArgs, answers: Answers, stateDir: string): Promise<number> {
  if (args.elementTarball && !answers.element.enabled) {
    throw new UsageError(t.tarballWithoutElement, t.tarballWithoutElementHint);
  }
  refuseUnfinished(stateDir, 'upgrade');
  const target = await localTarget();
  const env = inspectEnv(answers, target, stateDir);
  if (synapseLayout(answers, target).source !== 'venv') {
    out(`${t.refreshingIndex[args.lang]}\n`);
    await runApt(env.exec, aptRefreshArgv(), { timeoutMs: 15 * 60_000 });
  }
  const inspection = await inspectUpgrade(env, request(args));
  const blockers = findBlockers(inspection, { answers, target, to: args.to });
  const upgrades = { synapse: synapseUpgradeAvailable(inspection), element: elementUpgradeAvailable(inspection) };
  if (!upgrades.synapse && !upgrades.element) {
    out(checkText(inspection, blockers, upgrades, args.lang));
    return blocking(blockers).length && (args.to || args.elementTarball) ? ExitCode.hostRefused : ExitCode.ok;
  }
  if (blocking(blockers).length) {
    out(checkText(inspection, blockers, upgrades, args.lang));
    throw new HostRefusedError(t.upgradeBlocked);
  }

  const record = newRecord(inspection, answers, !args.noBackup);
  const store = new UpgradeRecordStore(stateDir, record);
  const steps = upgradeSteps(store, inspection.answersAfter);
  out(upgradeSummary(record, inspection, blockers, args.lang));
  out(renderPlanText(buildPlan(steps, { answers: inspection.answersAfter, target }), { target, lang: args.lang }));
  if (!(await confirmed(args, t.confirmUpgrade))) return ExitCode.ok;
  store.save();
  const outcome = await runGraph(args, stateDir, 'upgrade', inspection.answersAfter, target, steps, true);
  return reportUpgrade(outcome, store, args.lang);
}

function newRecord(inspection: Inspection, answers: Answers, takeBackup: boolean): UpgradeRecord {
  const { synapse, element } = inspection;
  const answersBefore = answersToYaml(answers);
  return {
    format: UPGRADE_RECORD_FORMAT,
    id: upgradeId(),
    createdAt: new Date().toISOString(),
    status: 'running',
    ...(synapseUpgradeAvailable(inspection)
      ? {
          synapse: {
            method: synapse.method,
            ...(synapse.packageName ? { packageName: synapse.packageName } : {}),
            from: synapse.installed!,
            to: synapse.candidate!,
            fromRelease: synapse.installedRelease!,
            toRelease: synapse.candidateRelease!,
            ...(synapse.schemaVersion !== undefined ? { fromSchemaVersion: synapse.schemaVersion } : {}),
            ...(synapse.packageChanges ? { packageChanges: describePackageChanges(synapse.packageChanges) } : {}),
          },
        }
      : {}),
    ...(elementUpgradeAvailable(inspection)
      ? {
          element: {
            ...(element.installedRelease ? { from: element.installedRelease, fromVersion: element.installed } : {}),
            to: element.candidateRelease!,
            toVersion: element.candidate!,
          },
        }
      : {}),
    backup: takeBackup ? { take: true, directory: DEFAULT_SAFETY_BACKUP_DIR } : { take: false },
    answersBefore,
    answersAfter: answersToYaml(inspection.answersAfter),
  };
}

function upgradeSummary(record: UpgradeRecord, inspection: Inspection, blockers: ReturnType<typeof findBlockers>, lang: Lang): string {
  const l = (text: Localized) => text[lang];
  const lines = [l(t.theUpgrade)];
  if (record.synapse) lines.push(`  Synapse      ${record.synapse.from} → ${record.synapse.to}${record.synapse.packageChanges?.length ? l(t.aptChanges({ changes: record.synapse.packageChanges.join('; ') })) : ''}`);
  if (record.element) lines.push(`  Element Web  ${record.element.fromVersion ?? l(t.none)} → ${record.element.toVersion}${l(t.elementKept({ source: inspection.element.source }))}`);
  lines.push(`  ${l(record.backup.take ? t.backupFirst({ dir: record.backup.directory ?? '' }) : t.noBackupTaken)}`);
  for (const warning of blockers.filter((b) => b.severity === 'warns')) lines.push(`  ${l(t.warning({ message: warning.message }))}`);
  lines.push(`  ${l(t.undoAfterwards)}`, '', '');
  return lines.join('\n');
}

function reportUpgrade(outcome: RunOutcome, store: UpgradeRecordStore, lang: Lang): number {
  const { record } = store;
  if (outcome.status === 'failed') {
    process.stderr.write(`\n${formatFailure(outcome.failedStep!, outcome.error!, outcome.logFile, commandFor(store.stateDir, 'resume'), lang)}`);
    process.stderr.write(`${t.undoInstead[lang]}\n`);
    return ExitCode.stepFailed;
  }
  if (outcome.status === 'interrupted') {
    out(`\n${t.stoppedUpgrade({ step: outcome.failedStep ?? '' })[lang]}\n`);
    return ExitCode.interrupted;
  }
  out(`\n${t.upgraded[lang]}\n`);
  if (record.synapse) out(`  Synapse      ${record.synapse.from} → ${record.synapse.to}\n`);
  if (record.element) out(`  Element Web  ${record.element.fromVersion ?? t.none[lang]} → ${record.element.toVersion}\n`);
  out(`  ${(record.backup.archive ? t.backupTakenBefore({ archive: record.backup.archive }) : t.noBackupWasTaken)[lang]}\n`);
  if (record.answersAfter !== record.answersBefore) out(`  ${t.answersNowNew({ path: statePaths(store.stateDir).answers })[lang]}\n`);
  out(`  ${t.undoWith[lang]}\n`);
  return ExitCode.ok;
}

/** `matrix-setup resume` when the last unfinished run was an upgrade or a rollback. */
export async function resumeUpgradeCommand(args: CliArgs, command: 'upgrade' | 'rollback'): Promise<number> {
  requireRoot(t.resumeNeedsRoot);
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  const record = readUpgradeRecord(stateDir);
  if (!record) throw new HostRefusedError(t.noUpgradeRecord({ dir: stateDir }));
  const target = await localTarget();
  const store = new UpgradeRecordStore(stateDir, record);
  if (command === 'upgrade') {
    const after = validateAnswersDocument(record.answersAfter, 'the answers of the upgrade');
    const outcome = await runGraph({ ...args, yes: true }, stateDir, 'upgrade', after, target, upgradeSteps(store, after), false);
    return reportUpgrade(outcome, store, args.lang);
  }
  const before = validateAnswersDocument(record.answersBefore, 'the answers saved before the upgrade');
  const outcome = await runGraph({ ...args, yes: true }, stateDir, 'rollback', before, target, rollbackSteps(store, before), false);
  return reportRollback(outcome, store, args.lang);
}
