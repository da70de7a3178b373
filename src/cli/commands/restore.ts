import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSavedAnswers } from '../../answers/migrate.js';
import { readMember } from '../../backup/archive-members.js';
import { formatBytes } from '../../backup/disk-space.js';
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

/**
 * `matrix-setup restore ARCHIVE [--answers FILE] [--yes] [--replace-database]`: the server in
 * the archive, on this machine. Before anything changes: the archive is checked member by
 * member (damaged: exit 2), the answers' server_name must be the backup's (exit 2), and this
 * machine must hold no other server's config or data (exit 3).
 */
export async function restoreCommand(args: CliArgs): Promise<number> {
  requireRoot();
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  refuseOverUnfinishedRun(readState(statePaths(stateDir).state), 'restore');
  const progress = createProgressLine(process.stderr);
  const archivePath = resolve(args.archive!);
  const { archive, answers } = await openRestore({
    archivePath,
    answersFile: args.answers,
    onProgress: (done, total) => progress.update(`    checking the archive: ${formatBytes(done)} of ${formatBytes(total)}`),
  });
  progress.clear();
  const { manifest } = archive;
  process.stdout.write(
    `Backup of ${manifest.server_name} made ${manifest.created_at} (Synapse ${manifest.synapse_version}, PostgreSQL ${manifest.postgresql_version}, ` +
      `${manifest.install_method} on ${manifest.target}): every member matches its checksum.\n`,
  );
  const target = await localTarget();
  await checkRestoreTarget(readOnlyContext(answers, target, stateDir), {
    archive,
    stateDir,
    replaceDatabase: args.replaceDatabase,
    stamp: '',
  });
  if (!args.yes) {
    if (!process.stdin.isTTY) {
      throw new UsageError('Without a terminal, matrix-setup needs --yes to change this machine.', 'Add --yes.');
    }
    const ok = await confirm(`Restore ${manifest.server_name} from this backup on this ${target.name} machine (installing what it needs)?`);
    if (!ok) {
      process.stdout.write('Nothing was changed.\n');
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
    throw new UsageError(`There is no restore to resume (no ${saved}).`, 'Start it again: matrix-setup restore ARCHIVE.');
  }
  const answers = loadSavedAnswers(saved, { note: (message) => process.stdout.write(`${message}\n`) }).answers;
  const { source } = await reopenRestore(stateDir);
  return run(args, source, answers, await localTarget(), true);
}

function requireRoot(): void {
  if (process.getuid?.() !== 0) {
    throw new HostRefusedError('matrix-setup restore installs system packages and services, so it must run as root.', 'Run it again with sudo (or as root).');
  }
}

async function run(args: CliArgs, source: RestoreSource, answers: Answers, target: Target, resuming: boolean): Promise<number> {
  const interrupt = abortOnSignals();
  try {
    const outcome = await runRestore({
      source,
      answers,
      target,
      logFile: args.logFile ?? defaultLogFile(),
      onEvent: createPlainRenderer({ write: (text) => process.stdout.write(text), verbose: args.verbose }),
      signal: interrupt.signal,
      packageLockWaitMs: args.packageLockWaitMs,
    });
    return await report(outcome, source, answers, resuming);
  } finally {
    interrupt.dispose();
  }
}

async function report(outcome: RunOutcome, source: RestoreSource, answers: Answers, resuming: boolean): Promise<number> {
  const unfinished = reportUnfinishedRun(outcome);
  if (unfinished !== undefined) return unfinished;
  const out = (text: string) => process.stdout.write(text);
  const { manifest } = source.archive;
  const keyId = (await readMember(source.archive, MEMBERS.signingKey).catch(() => Buffer.from(''))).toString('utf8').split(/\s+/).slice(0, 2).join(':');
  out(`\nYour homeserver ${answers.server_name} is restored${resuming ? ' (resumed)' : ''} from the backup of ${manifest.created_at}.\n`);
  out(`  Homeserver URL: https://${answers.synapse_host}\n`);
  if (answers.element.enabled) out(`  Element Web:    https://${answers.element.host}\n`);
  if (keyId) out(`  Signing key:    ${keyId} (the same identity as before)\n`);
  if (!manifest.media.included) out('  The backup held no media (--no-media): earlier uploads are missing.\n');
  out(`  If the server moved: point the DNS of ${[...new Set([answers.server_name, answers.synapse_host])].join(' and ')} at this machine,\n`);
  out('  and keep Synapse on the old machine stopped and disabled (systemctl disable --now matrix-synapse there).\n');
  out('  Check it as clients and other servers see it: matrix-setup verify\n');
  return ExitCode.ok;
}

/** A context for the read-only checks made before the run (no log, no state, no change). */
function readOnlyContext(answers: Answers, target: Target, stateDir: string): RunContext {
  const logger = new Logger(undefined);
  const signal = new AbortController().signal;
  return {
    answers,
    target,
    exec: new LocalExecutor(logger, signal),
    secrets: new SecretStore(statePaths(stateDir).secrets, answers, logger),
    note: (message) => process.stdout.write(`${message}\n`),
    warn: (message) => process.stdout.write(`warning: ${message}\n`),
    emit: () => {},
    signal,
    backupPath: (path) => join(stateDir, 'backups', `${path}.before-restore`),
  };
}
