import { accessSync, constants, existsSync, readFileSync, rmSync } from 'node:fs';
import { loadSavedAnswers } from '../../answers/migrate.js';
import { answersToYaml } from '../../answers/save.js';
import type { Answers } from '../../answers/types.js';
import { validateAnswersDocument } from '../../answers/validate.js';
import { runInstall, statePaths, type RunCommand, type RunOutcome } from '../../engine/runner.js';
import { RunLock } from '../../engine/lock.js';
import { readState } from '../../engine/state.js';
import { ExitCode, HostRefusedError, UsageError } from '../../errors.js';
import { LocalExecutor } from '../../exec/executor.js';
import type { Target } from '../../host/target.js';
import { Logger } from '../../log/logger.js';
import { buildPlan } from '../../plan/build-plan.js';
import { renderPlanText } from '../../plan/render-plan.js';
import { formatFailure } from '../../render/failure-summary.js';
import { createPlainRenderer } from '../../render/plain-renderer.js';
import { readOnlySecrets } from '../../verify/options-from-answers.js';
import { ELEMENT_ROOT } from '../../../steps/edge/edge-layout.js';
import { serverNameIn, SERVER_NAME_FILES } from '../../../steps/synapse/existing-install.js';
import { synapseLayout } from '../../../steps/synapse/sources.js';
import { blocking, elementUpgradeAvailable, findBlockers, synapseUpgradeAvailable } from '../../../steps/upgrade/blockers.js';
import { rollbackSteps, upgradeSteps } from '../../../steps/upgrade/index.js';
import { describePackageChanges, inspectDatabase, inspectUpgrade, type InspectEnv, type Inspection, type UpgradeRequest } from '../../../steps/upgrade/inspect.js';
import { aptRefreshArgv, runApt } from '../../../steps/upgrade/package-commands.js';
import { readUpgradeRecord, unfinishedUpgradeRuns, upgradeId, upgradePaths, UPGRADE_RECORD_FORMAT, UpgradeRecordStore, type UpgradeRecord } from '../../../steps/upgrade/record.js';
import { DEFAULT_SAFETY_BACKUP_DIR, SAFETY_BACKUP_AVAILABLE } from '../../../steps/upgrade/safety-backup.js';
import type { CliArgs } from '../args.js';
import { confirm } from '../confirm.js';
import { DEFAULT_STATE_DIR, defaultLogFile } from '../paths.js';
import { localTarget } from '../resolve-target.js';
import { checkJson, checkText } from './upgrade-report.js';

const out = (text: string) => process.stdout.write(text);

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
    return await (args.rollback ? rollbackCommand(args, answers, stateDir) : upgrade(args, answers, stateDir));
  } finally {
    lock.release();
  }
}

function requireRoot(why: string): void {
  if (process.getuid?.() !== 0) throw new HostRefusedError(`matrix-setup upgrade ${why}, so it must run as root.`, 'Run it again with sudo (or as root). `matrix-setup upgrade --check` works as any user.');
}

function savedAnswers(stateDir: string): Answers {
  const saved = statePaths(stateDir).answers;
  if (!existsSync(saved)) {
    throw new HostRefusedError(`No server installed by matrix-setup here (no ${saved}).`, 'Install first: `matrix-setup --answers FILE`.');
  }
  return loadSavedAnswers(saved, { note: (message) => out(`${message}\n`) }).answers;
}

/**
 * The answers `--check` works from: the saved ones where this user can read them (root);
 * otherwise what the machine itself shows (which Synapse package, Element's link), so a
 * check without root still names the versions.
 */
function checkAnswers(stateDir: string): { answers: Answers; fromMachine: boolean } {
  const saved = statePaths(stateDir).answers;
  try {
    accessSync(saved, constants.R_OK);
    return { answers: loadSavedAnswers(saved, { note: (message) => process.stderr.write(`${message}\n`) }).answers, fromMachine: false };
  } catch (error) {
    if (existsSync(saved) && process.getuid?.() === 0) throw error;
  }
  const serverName = SERVER_NAME_FILES.map((file) => {
    try {
      return serverNameIn(readFileSync(file, 'utf8'));
    } catch {
      return undefined;
    }
  }).find(Boolean);
  if (!serverName) {
    throw new HostRefusedError(`No Synapse installed by matrix-setup was found here (no readable ${saved}, no server_name in ${SERVER_NAME_FILES.join(' or ')}).`);
  }
  const install = existsSync('/var/lib/dpkg/info/matrix-synapse.list') ? 'distro' : existsSync('/var/lib/dpkg/info/matrix-synapse-py3.list') ? 'apt' : 'venv';
  const element = existsSync(`${ELEMENT_ROOT}/current`);
  // Only what the check reads: the install method and whether Element is there (federation and TLS just keep the answers valid).
  const yaml = `version: 1\nserver_name: ${JSON.stringify(serverName)}\nfederation: false\ntls:\n  mode: self-signed\nsynapse:\n  install: ${install}\nelement:\n  enabled: ${element}\n`;
  return { answers: validateAnswersDocument(yaml, 'the machine'), fromMachine: true };
}

function inspectEnv(answers: Answers, target: Target, stateDir: string): InspectEnv {
  const secrets = readOnlySecrets(answers, statePaths(stateDir).secrets);
  return {
    exec: new LocalExecutor(new Logger(undefined), new AbortController().signal),
    answers,
    target,
    databasePassword: process.getuid?.() === 0 ? () => secrets.get('database_password') : undefined,
  };
}

function request(args: CliArgs): UpgradeRequest {
  return { to: args.to, elementTarball: args.elementTarball, elementSha256: args.elementSha256 };
}

async function checkCommand(args: CliArgs, stateDir: string): Promise<number> {
  const { answers, fromMachine } = checkAnswers(stateDir);
  const target = await localTarget();
  const inspection = await inspectUpgrade(inspectEnv(answers, target, stateDir), request(args));
  const blockers = findBlockers(inspection, { answers, target, to: args.to });
  if (fromMachine) {
    blockers.push({
      id: 'machine.not-root',
      component: 'machine',
      severity: 'warns',
      message: `Checked as a user who cannot read matrix-setup's saved answers: Element Web's configured release and the database were not looked at (run as root for those).`,
    });
  }
  const upgrades = { synapse: synapseUpgradeAvailable(inspection), element: !fromMachine && elementUpgradeAvailable(inspection) };
  out(args.json ? `${JSON.stringify(checkJson(inspection, blockers, upgrades), null, 2)}\n` : checkText(inspection, blockers, upgrades));
  return ExitCode.ok;
}

/** Refuses while another run of matrix-setup here has not finished: it must be resumed (or undone) first. */
function refuseUnfinished(stateDir: string, starting: 'upgrade' | 'rollback'): void {
  const install = readState(statePaths(stateDir).state);
  if (install && install.status !== 'done') {
    throw new HostRefusedError(`The last install run here ended ${install.status}.`, 'Finish it first: matrix-setup resume');
  }
  if (starting === 'rollback') return; // a rollback is how an unfinished upgrade is undone (and an unfinished rollback is resumed by running it again)
  const last = unfinishedUpgradeRuns(stateDir)[0];
  if (!last) return;
  const what = last.command === 'rollback' ? 'rollback' : 'upgrade';
  throw new HostRefusedError(
    `The last ${what} here ended ${last.status}.`,
    what === 'upgrade' ? 'Finish it with `matrix-setup resume`, or undo it with `matrix-setup upgrade --rollback`.' : 'Finish it with `matrix-setup resume`.',
  );
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
  if (!args.noBackup && !SAFETY_BACKUP_AVAILABLE) {
    throw new UsageError(
      'This build of matrix-setup cannot take the backup an upgrade starts with (the backup command is not part of it yet).',
      'Back up the server yourself (database dump, /etc/matrix-synapse, the signing key, media), then run `matrix-setup upgrade --no-backup`.',
    );
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

async function confirmed(args: CliArgs, question: string): Promise<boolean> {
  if (args.yes) return true;
  if (!process.stdin.isTTY) {
    throw new UsageError('Without a terminal, matrix-setup needs --yes to change this machine.', 'Add --yes once the plan above is what you want.');
  }
  if (await confirm(question)) return true;
  out('Nothing was changed.\n');
  return false;
}

/**
 * Runs the upgrade or rollback graph with the engine, in its own state file. A new run (not a
 * resume) starts from an empty record: an earlier, finished or superseded run is not continued.
 */
async function runGraph(args: CliArgs, stateDir: string, command: RunCommand, answers: Answers, target: Target, steps: ReturnType<typeof upgradeSteps>, fresh: boolean): Promise<RunOutcome> {
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${signal} received: stopping the running command…\n`);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    const paths = upgradePaths(stateDir);
    const stateFile = command === 'upgrade' ? paths.upgradeState : paths.rollbackState;
    if (fresh) rmSync(stateFile, { force: true });
    return await runInstall({
      answers,
      target,
      steps,
      command,
      paths: { stateDir, logFile: args.logFile ?? defaultLogFile(), stateFile },
      onEvent: createPlainRenderer({ write: out, verbose: args.verbose }),
      signal: controller.signal,
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
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

async function rollbackCommand(args: CliArgs, answers: Answers, stateDir: string): Promise<number> {
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

function reportRollback(outcome: RunOutcome, store: UpgradeRecordStore): number {
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
