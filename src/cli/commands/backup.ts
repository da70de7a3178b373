import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadAnswersFile } from '../../answers/load.js';
import { formatBytes } from '../../i18n/format-bytes.js';
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
import { day2Text as t } from '../../i18n/messages/day2.js';
import { cliText as c } from '../../i18n/messages/cli.js';
import type { Lang } from '../../i18n/language.js';

/**
 * `matrix-setup backup [--to DIR] [--no-media] [--json]`: one archive of this server. Plain
 * output ends with the archive's path on a line of its own; --json prints one object on
 * stdout (the step lines go to stderr then).
 */
export async function backupCommand(args: CliArgs): Promise<number> {
  if (process.getuid?.() !== 0) {
    throw new HostRefusedError(t.backupNeedsRoot, c.runAsRoot);
  }
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  const saved = statePaths(stateDir).answers;
  if (!existsSync(saved)) {
    throw new HostRefusedError(t.nothingToBackUp({ path: saved }), t.nothingToBackUpHint);
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
    write(`${t.lastRunUnfinished({ status: install.status })[args.lang]}\n`);
  }

  const interrupt = abortOnSignals(args.lang);
  try {
    const { outcome, result } = await runBackup({
      answers,
      target,
      stateDir,
      directory: resolve(args.to ?? DEFAULT_BACKUP_DIR),
      includeMedia: !args.noMedia,
      logFile: args.logFile ?? defaultLogFile(new Date(), 'backup'),
      onEvent: createPlainRenderer({ write, verbose: args.verbose, lang: args.lang }),
      onProgress: (p) => progress.update(describeProgress(p, args.lang)),
      signal: interrupt.signal,
    });
    progress.clear();
    if (outcome.status === 'failed') {
      process.stderr.write(`\n${formatFailure(outcome.failedStep!, outcome.error!, outcome.logFile, 'matrix-setup backup', args.lang)}`);
      return ExitCode.stepFailed;
    }
    if (outcome.status === 'interrupted' || !result) {
      process.stderr.write(`\n${t.backupStopped[args.lang]}\n`);
      return ExitCode.interrupted;
    }
    if (args.json) process.stdout.write(`${JSON.stringify(backupJson(result), null, 2)}\n`);
    else process.stdout.write(backupSummary(result, args.lang));
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
export function backupSummary(result: BackupResult, lang: Lang): string {
  const { manifest } = result;
  const media = manifest.media.included ? t.backupMedia({ files: manifest.media.files ?? 0, size: formatBytes(manifest.media.bytes ?? 0) }) : t.backupNoMedia;
  return [
    '',
    t.backupWritten({ server: manifest.server_name, version: manifest.synapse_version, size: formatBytes(result.bytes), media })[lang],
    t.backupSecrets[lang],
    t.backupRestoreWith({ archive: result.archive })[lang],
    result.archive,
    '',
  ].join('\n');
}

function describeProgress(progress: BackupProgress, lang: Lang): string {
  if (progress.phase === 'media' && progress.mediaFiles && progress.mediaBytes) {
    const { done, total } = progress.mediaBytes;
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    const files = { files: progress.mediaFiles.done, total: progress.mediaFiles.total, done: formatBytes(done), all: formatBytes(total), percent };
    return `    ${t.progressMedia(files)[lang]}`;
  }
  return `    ${(progress.phase === 'database' ? t.progressDump : t.progressFiles)({ size: formatBytes(progress.bytes) })[lang]}`;
}
