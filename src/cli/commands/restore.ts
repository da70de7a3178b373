import type { Lang } from '../../i18n/language.js';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSavedAnswers } from '../../answers/migrate.js';
import { readMember } from '../../backup/archive-members.js';
import { formatBytes } from '../../i18n/format-bytes.js';
import { MEMBERS } from '../../backup/manifest.js';
import type { Answers } from '../../answers/types.js';
import type { RunOutcome } from '../../engine/runner.js';
import type { RunContext } from '../../engine/types.js';
import { ExitCode, HostRefusedError, UsageError } from '../../errors.js';
import { LocalExecutor } from '../../exec/executor.js';
import type { Target } from '../../host/target.js';
import { Logger } from '../../log/logger.js';
import { createPlainRenderer } from '../../render/plain-renderer.js';
import { createProgressLine } from '../../render/progress-line.js';
import { SecretStore } from '../../secrets/secret-store.js';
import { statePaths } from '../../engine/runner.js';
import { readState } from '../../engine/state.js';
import { refuseOverUnfinishedRun } from '../../engine/unfinished-graph.js';
import { runRestore, type RestoreSource } from '../../../steps/restore/index.js';
import { openRestore, reopenRestore, saveRestoreInputs } from '../../../steps/restore/prepare.js';
import { checkRestoreTarget } from '../../../steps/restore/restore-check.js';
import type { CliArgs } from '../args.js';
import { confirm } from '../confirm.js';
import { abortOnSignals } from '../interrupt.js';
import { reportUnfinishedRun } from '../unfinished-run.js';
import { DEFAULT_STATE_DIR, defaultLogFile } from '../paths.js';
import { localTarget } from '../resolve-target.js';
import { day2Text as t } from '../../i18n/messages/day2.js';
import { cliText as c } from '../../i18n/messages/cli.js';
import { listOf, type Localized } from '../../i18n/localized.js';

/**
 * `matrix-setup restore ARCHIVE [--answers FILE] [--yes] [--replace-database]`: the server in
 * the archive, on this machine. Before anything changes: the archive is checked member by
 * member (damaged: exit 2), the answers' server_name must be the backup's (exit 2), and this
 * machine must hold no other server's config or data (exit 3).
 */
export async function restoreCommand(args: CliArgs): Promise<number> {
  requireRoot();
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  refuseOverUnfinishedRun(readState(statePaths(stateDir).state), 'restore', stateDir);
  const progress = createProgressLine(process.stderr);
  const archivePath = resolve(args.archive!);
  const { archive, answers } = await openRestore({
    archivePath,
    answersFile: args.answers,
    onProgress: (done, total) => progress.update(`    ${t.checkingArchive({ done: formatBytes(done), total: formatBytes(total) })[args.lang]}`),
  });
  progress.clear();
  const { manifest } = archive;
  const checked = {
    server: manifest.server_name,
    created: manifest.created_at,
    synapse: manifest.synapse_version,
    postgresql: manifest.postgresql_version ?? '?',
    method: manifest.install_method,
    target: manifest.target,
  };
  process.stdout.write(`${t.archiveChecked(checked)[args.lang]}\n`);
  const target = await localTarget();
  await checkRestoreTarget(readOnlyContext(answers, target, stateDir, args.lang), {
    archive,
    stateDir,
    replaceDatabase: args.replaceDatabase,
    stamp: '',
  });
  if (!args.yes) {
    if (!process.stdin.isTTY) {
      throw new UsageError(c.needsYes, c.needsYesHint);
    }
    const ok = await confirm(t.confirmRestore({ server: manifest.server_name, system: target.name }), args.lang);
    if (!ok) {
      process.stdout.write(`${c.nothingChanged[args.lang]}\n`);
      return ExitCode.ok;
    }
  }
  const source = await saveRestoreInputs({ archive, answers, stateDir, replaceDatabase: args.replaceDatabase });
  return run(args, source, answers, target, false);
}

/** `matrix-setup resume` after a restore that stopped: the same archive (checked again), the saved answers. */
export async function resumeRestoreCommand(args: CliArgs): Promise<number> {
  requireRoot();
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  const saved = statePaths(stateDir).answers;
  if (!existsSync(saved)) {
    throw new UsageError(t.noRestoreToResume({ path: saved }), t.noRestoreToResumeHint);
  }
  const answers = loadSavedAnswers(saved, { note: (message) => process.stdout.write(`${message[args.lang]}\n`) }).answers;
  const { source } = await reopenRestore(stateDir);
  return run(args, source, answers, await localTarget(), true);
}

function requireRoot(): void {
  if (process.getuid?.() !== 0) {
    throw new HostRefusedError(t.restoreNeedsRoot, c.runAsRoot);
  }
}

async function run(args: CliArgs, source: RestoreSource, answers: Answers, target: Target, resuming: boolean): Promise<number> {
  const interrupt = abortOnSignals(args.lang);
  try {
    const outcome = await runRestore({
      source,
      answers,
      target,
      logFile: args.logFile ?? defaultLogFile(),
      onEvent: createPlainRenderer({ write: (text) => process.stdout.write(text), verbose: args.verbose, lang: args.lang }),
      signal: interrupt.signal,
      packageLockWaitMs: args.packageLockWaitMs,
    });
    return await report(outcome, source, answers, resuming, args.lang);
  } finally {
    interrupt.dispose();
  }
}

async function report(outcome: RunOutcome, source: RestoreSource, answers: Answers, resuming: boolean, lang: Lang): Promise<number> {
  const unfinished = reportUnfinishedRun(outcome, lang);
  if (unfinished !== undefined) return unfinished;
  const out = (text: string) => process.stdout.write(text);
  const { manifest } = source.archive;
  const keyId = (await readMember(source.archive, MEMBERS.signingKey).catch(() => Buffer.from(''))).toString('utf8').split(/\s+/).slice(0, 2).join(':');
  const l = (text: Localized) => text[lang];
  out(`\n${l((resuming ? t.restoredResumed : t.restored)({ server: answers.server_name, created: manifest.created_at }))}\n`);
  out(`  ${l(t.homeserverUrl({ url: `https://${answers.synapse_host}` }))}\n`);
  if (answers.element.enabled) out(`  ${l(t.elementWeb({ url: `https://${answers.element.host}` }))}\n`);
  if (keyId) out(`  ${l(t.signingKey({ key: keyId }))}\n`);
  if (!manifest.media.included) out(`  ${l(t.noMediaInBackup)}\n`);
  out(`  ${l(t.pointDns({ names: listOf([...new Set([answers.server_name, answers.synapse_host])]) }))}\n`);
  out(`  ${l(t.stopOldSynapse)}\n`);
  out(`  ${l(t.checkWithVerify)}\n`);
  return ExitCode.ok;
}

/** A context for the read-only checks made before the run (no log, no state, no change). */
function readOnlyContext(answers: Answers, target: Target, stateDir: string, lang: Lang): RunContext {
  const logger = new Logger(undefined);
  const signal = new AbortController().signal;
  return {
    answers,
    target,
    exec: new LocalExecutor(logger, signal),
    secrets: new SecretStore(statePaths(stateDir).secrets, answers, logger),
    note: (message) => process.stdout.write(`${message[lang]}\n`),
    warn: (message) => process.stdout.write(`${t.warning({ message })[lang]}\n`),
    emit: () => {},
    signal,
    backupPath: (path) => join(stateDir, 'backups', `${path}.before-restore`),
  };
}
