import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadAnswersFile } from '../../answers/load.js';
import { formatBytes } from '../../backup/disk-space.js';
import type { BackupProgress, BackupResult } from '../../backup/write-backup.js';
import { statePaths } from '../../engine/runner.js';
import { readState } from '../../engine/state.js';
import { ExitCode, HostRefusedError } from '../../errors.js';
import { formatFailure } from '../../render/failure-summary.js';
import { createPlainRenderer } from '../../render/plain-renderer.js';
import { createProgressLine } from '../../render/progress-line.js';
import { DEFAULT_BACKUP_DIR, runBackup } from '../../../steps/backup/index.js';
import type { CliArgs } from '../args.js';
import { abortOnSignals } from '../interrupt.js';
import { DEFAULT_STATE_DIR, defaultLogFile } from '../paths.js';
import { localTarget } from '../resolve-target.js';

/**
 * `matrix-setup backup [--to DIR] [--no-media] [--json]`: one archive of this server. Plain
 * output ends with the archive's path on a line of its own; --json prints one object on
 * stdout (the step lines go to stderr then).
 */
export async function backupCommand(args: CliArgs): Promise<number> {
  if (process.getuid?.() !== 0) {
    throw new HostRefusedError('matrix-setup backup reads the server\'s database, secrets and certificate, so it must run as root.', 'Run it again with sudo (or as root).');
  }
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  const saved = statePaths(stateDir).answers;
  if (!existsSync(saved)) {
    throw new HostRefusedError(`There is no server installed by matrix-setup here to back up (no ${saved}).`, 'Run the backup as root on the server matrix-setup installed.');
  }
  const answers = loadAnswersFile(saved);
  const target = await localTarget();
  const lines = args.json ? process.stderr : process.stdout;
  const progress = createProgressLine(process.stderr);
  const write = (text: string) => {
    progress.clear();
    lines.write(text);
  };
  const install = readState(statePaths(stateDir).state);
  if (install && install.status !== 'done') {
    write(`warning: the last matrix-setup run here ended ${install.status}; the backup holds the server as it is now.\n`);
  }

  const interrupt = abortOnSignals();
  try {
    const { outcome, result } = await runBackup({
      answers,
      target,
      stateDir,
      directory: resolve(args.to ?? DEFAULT_BACKUP_DIR),
      includeMedia: !args.noMedia,
      logFile: args.logFile ?? defaultLogFile(new Date(), 'backup'),
      onEvent: createPlainRenderer({ write, verbose: args.verbose }),
      onProgress: (p) => progress.update(describeProgress(p)),
      signal: interrupt.signal,
    });
    progress.clear();
    if (outcome.status === 'failed') {
      process.stderr.write(`\n${formatFailure(outcome.failedStep!, outcome.error!, outcome.logFile, 'matrix-setup backup')}`);
      return ExitCode.stepFailed;
    }
    if (outcome.status === 'interrupted' || !result) {
      process.stderr.write('\nStopped: no archive was written (the unfinished one was removed).\n');
      return ExitCode.interrupted;
    }
    if (args.json) process.stdout.write(`${JSON.stringify(backupJson(result), null, 2)}\n`);
    else process.stdout.write(backupSummary(result));
    return ExitCode.ok;
  } finally {
    interrupt.dispose();
  }
}

export function backupJson(result: BackupResult) {
  const { manifest } = result;
  return {
    archive: result.archive,
    server_name: manifest.server_name,
    synapse_version: manifest.synapse_version,
    bytes: result.bytes,
    created_at: manifest.created_at,
    backup_id: manifest.backup_id,
    postgresql_version: manifest.postgresql_version,
    database_schema_version: manifest.database_schema_version,
    install_method: manifest.install_method,
    media: manifest.media,
    members: manifest.members.length,
  };
}

/** The closing lines; the last one is the archive's path alone (for scripts: `| tail -n1`). */
export function backupSummary(result: BackupResult): string {
  const { manifest } = result;
  const media = manifest.media.included ? `media: ${manifest.media.files} files, ${formatBytes(manifest.media.bytes)}` : 'without media';
  return [
    '',
    `Backup of ${manifest.server_name} (Synapse ${manifest.synapse_version}) written: ${formatBytes(result.bytes)}, ${media}.`,
    'It holds the signing key and every secret of this server: copy it off this machine to a place only you can read.',
    `Restore it on a new server with: matrix-setup restore ${result.archive}`,
    result.archive,
    '',
  ].join('\n');
}

function describeProgress(progress: BackupProgress): string {
  if (progress.phase === 'media' && progress.mediaFiles && progress.mediaBytes) {
    const { done, total } = progress.mediaBytes;
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    return `    media: ${progress.mediaFiles.done} of ${progress.mediaFiles.total} files, ${formatBytes(done)} of ${formatBytes(total)} (${percent}%)`;
  }
  return `    ${progress.phase === 'database' ? 'database dump' : 'configuration'}: archive at ${formatBytes(progress.bytes)}`;
}
