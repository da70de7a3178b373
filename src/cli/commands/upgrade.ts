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

/** `matrix-setup upgrade [--check [--json] | --rollback]`. */
export async function upgradeCommand(args: CliArgs): Promise<number> {
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  if (args.check) return checkCommand(args, stateDir);
  requireRoot(args.rollback ? 'undoes an upgrade of system packages and services' : 'upgrades system packages and services');
  const answers = savedAnswers(stateDir);
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

function savedAnswers(stateDir: string): Answers {
  const saved = statePaths(stateDir).answers;
  if (!existsSync(saved)) {
    throw new HostRefusedError(`No server installed by matrix-setup here (no ${saved}).`, 'Install first: `matrix-setup --answers FILE`.');
  }
  return loadSavedAnswers(saved, { note: (message) => out(`${message}\n`) }).answers;
}

async function upgrade(args: CliArgs, answers: Answers, stateDir: string): Promise<number> {
  if (args.elementTarball && !answers.element.enabled) {
    throw new UsageError('--element-tarball: Element Web is not part of this install (element.enabled is false).', 'Turn it on by running the install with element.enabled: true.');
  }
  refuseUnfinished(stateDir, 'upgrade');
  const target = await localTarget();
  const env = inspectEnv(answers, target, stateDir);
  if (synapseLayout(answers, target).source !== 'venv') {
    out('Refreshing the package index (apt-get update)…\n');
    await runApt(env.exec, aptRefreshArgv(), { timeoutMs: 15 * 60_000 });
  }
  const inspection = await inspectUpgrade(env, request(args));
  const blockers = findBlockers(inspection, { answers, target, to: args.to });
  const upgrades = { synapse: synapseUpgradeAvailable(inspection), element: elementUpgradeAvailable(inspection) };
  if (!upgrades.synapse && !upgrades.element) {
    out(checkText(inspection, blockers, upgrades));
    return blocking(blockers).length && (args.to || args.elementTarball) ? ExitCode.hostRefused : ExitCode.ok;
  }
  if (blocking(blockers).length) {
    out(checkText(inspection, blockers, upgrades));
    throw new HostRefusedError('The upgrade is blocked (see "In the way" above). Nothing was changed.');
  }

  const record = newRecord(inspection, answers, !args.noBackup);
  const store = new UpgradeRecordStore(stateDir, record);
  const steps = upgradeSteps(store, inspection.answersAfter);
  out(upgradeSummary(record, inspection, blockers));
  out(renderPlanText(buildPlan(steps, { answers: inspection.answersAfter, target }), { target }));
  if (!(await confirmed(args, 'Upgrade now?'))) return ExitCode.ok;
  store.save();
  const outcome = await runGraph(args, stateDir, 'upgrade', inspection.answersAfter, target, steps, true);
  return reportUpgrade(outcome, store);
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

function upgradeSummary(record: UpgradeRecord, inspection: Inspection, blockers: ReturnType<typeof findBlockers>): string {
  const lines = ['The upgrade:'];
  if (record.synapse) lines.push(`  Synapse      ${record.synapse.from} → ${record.synapse.to}${record.synapse.packageChanges?.length ? `   (apt: ${record.synapse.packageChanges.join('; ')})` : ''}`);
  if (record.element) lines.push(`  Element Web  ${record.element.fromVersion ?? 'none'} → ${record.element.toVersion}   (${inspection.element.source}; the previous release is kept)`);
  lines.push(record.backup.take ? `  Backup first to ${record.backup.directory}/ (the upgrade stops if it fails)` : '  No backup (--no-backup): a rollback cannot bring the database back');
  for (const warning of blockers.filter((b) => b.severity === 'warns')) lines.push(`  warning: ${warning.message}`);
  lines.push('  Undo afterwards with: matrix-setup upgrade --rollback', '', '');
  return lines.join('\n');
}

function reportUpgrade(outcome: RunOutcome, store: UpgradeRecordStore): number {
  const { record } = store;
  if (outcome.status === 'failed') {
    process.stderr.write(`\n${formatFailure(outcome.failedStep!, outcome.error!, outcome.logFile, 'matrix-setup resume')}`);
    process.stderr.write('To undo the upgrade instead: matrix-setup upgrade --rollback\n');
    return ExitCode.stepFailed;
  }
  if (outcome.status === 'interrupted') {
    out(`\nStopped during "${outcome.failedStep}". Continue with: matrix-setup resume (or undo it: matrix-setup upgrade --rollback)\n`);
    return ExitCode.interrupted;
  }
  out('\nUpgraded:\n');
  if (record.synapse) out(`  Synapse      ${record.synapse.from} → ${record.synapse.to}\n`);
  if (record.element) out(`  Element Web  ${record.element.fromVersion ?? 'none'} → ${record.element.toVersion}\n`);
  out(record.backup.archive ? `  Backup taken before: ${record.backup.archive}\n` : '  No backup was taken.\n');
  if (record.answersAfter !== record.answersBefore) {
    out(`  The saved answers (${statePaths(store.stateDir).answers}) now name the new versions; update your own answers file the same way, or a later install run from it goes back.\n`);
  }
  out('  Undo with: matrix-setup upgrade --rollback\n');
  return ExitCode.ok;
}

/** `matrix-setup resume` when the last unfinished run was an upgrade or a rollback. */
export async function resumeUpgradeCommand(args: CliArgs, command: 'upgrade' | 'rollback'): Promise<number> {
  requireRoot('finishes an upgrade of system packages and services');
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  const record = readUpgradeRecord(stateDir);
  if (!record) throw new HostRefusedError(`There is no upgrade record in ${stateDir} to resume from.`);
  const target = await localTarget();
  const store = new UpgradeRecordStore(stateDir, record);
  if (command === 'upgrade') {
    const after = validateAnswersDocument(record.answersAfter, 'the answers of the upgrade');
    const outcome = await runGraph({ ...args, yes: true }, stateDir, 'upgrade', after, target, upgradeSteps(store, after), false);
    return reportUpgrade(outcome, store);
  }
  const before = validateAnswersDocument(record.answersBefore, 'the answers saved before the upgrade');
  const outcome = await runGraph({ ...args, yes: true }, stateDir, 'rollback', before, target, rollbackSteps(store, before), false);
  return reportRollback(outcome, store);
}
