import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadAnswersFile } from '../../src/answers/load.js';
import { answersToYaml } from '../../src/answers/save.js';
import type { Answers } from '../../src/answers/types.js';
import { validateAnswersDocument } from '../../src/answers/validate.js';
import { readMember } from '../../src/backup/archive-members.js';
import { MEMBERS } from '../../src/backup/manifest.js';
import { openVerifiedArchive, requirePostgresqlArchive, type VerifiedArchive } from '../../src/backup/open-archive.js';
import { statePaths } from '../../src/engine/runner.js';
import { prepareStateDir } from '../../src/engine/state-dir.js';
import { UsageError } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/fs/atomic.js';
import { saveBackup } from '../../src/fs/backup.js';
import { readFileNoFollow } from '../../src/fs/no-follow.js';
import { runStamp, type RestoreSource } from './restore-source.js';
import { backupText as t } from '../../src/i18n/messages/backup.js';

/** What a restore run restores from, saved so `resume` can continue it. */
export interface RestoreRecord {
  archive: string;
  backup_id: string;
  server_name: string;
  replace_database: boolean;
  stamp: string;
}

export function restoreRecordPath(stateDir: string): string {
  return join(stateDir, 'restore.json');
}

/**
 * Everything a restore needs before it may touch the machine, read-only: the archive checked
 * member by member, and the answers (the archive's, or --answers with the same server_name).
 * Errors here are exit 2 and nothing was changed.
 */
export async function openRestore(options: {
  archivePath: string;
  answersFile?: string;
  onProgress?: (done: number, total: number) => void;
}): Promise<{ archive: VerifiedArchive; answers: Answers }> {
  const archive = await openVerifiedArchive(options.archivePath, { onProgress: options.onProgress });
  requirePostgresqlArchive(archive);
  const { manifest } = archive;
  let answers: Answers;
  if (options.answersFile) {
    answers = loadAnswersFile(options.answersFile);
    if (answers.server_name !== manifest.server_name) {
      throw new UsageError(
        t.answersForOther({ answers: answers.server_name, backup: manifest.server_name }),
        t.answersForOtherHint({ backup: manifest.server_name, file: options.answersFile }),
      );
    }
  } else {
    answers = validateAnswersDocument((await readMember(archive, MEMBERS.answers)).toString('utf8'), `${options.archivePath}:${MEMBERS.answers}`);
    if (answers.server_name !== manifest.server_name) {
      throw new UsageError(t.answersMismatch({ answers: answers.server_name, manifest: manifest.server_name }), t.notWrittenByUs);
    }
  }
  return { archive, answers };
}

/**
 * Makes the backup's answers and secrets this machine's (they are the run's inputs, like an
 * install's answers): the answers file, the generated secrets (a secrets file that was here
 * and differs is kept under backups/ first), and the record `resume` continues from.
 */
export async function saveRestoreInputs(options: {
  archive: VerifiedArchive;
  answers: Answers;
  stateDir: string;
  replaceDatabase: boolean;
}): Promise<RestoreSource> {
  const { archive, answers, stateDir } = options;
  const files = statePaths(stateDir);
  prepareStateDir(stateDir);
  // The record first: from then on `resume` knows this is a restore, whenever the run stops.
  // The same restore again keeps its record (and stamp): a second run changes nothing.
  const previous = readRecord(stateDir);
  const same = previous && previous.archive === archive.path && previous.backup_id === archive.manifest.backup_id && previous.replace_database === options.replaceDatabase;
  const record: RestoreRecord = same
    ? previous
    : {
        archive: archive.path,
        backup_id: archive.manifest.backup_id,
        server_name: archive.manifest.server_name,
        replace_database: options.replaceDatabase,
        stamp: runStamp(),
      };
  if (!same) writeFileAtomic(restoreRecordPath(stateDir), `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
  writeFileAtomic(files.answers, answersToYaml(answers), { mode: 0o600 });
  const archived = parse((await readMember(archive, MEMBERS.secrets)).toString('utf8')) as Record<string, string> | null;
  adoptSecrets(files.secrets, archived ?? {}, join(files.backups, `${files.secrets}.${record.stamp}`));
  return { archive, stateDir, replaceDatabase: options.replaceDatabase, stamp: record.stamp };
}

/** The record of the restore in progress, re-opened for `resume` (the archive is checked again). */
export async function reopenRestore(stateDir: string): Promise<{ source: RestoreSource; record: RestoreRecord }> {
  const path = restoreRecordPath(stateDir);
  if (!existsSync(path)) throw new UsageError(t.noRestoreToResume({ path }), t.noRestoreToResumeHint);
  const record = readRecord(stateDir)!;
  const archive = await openVerifiedArchive(record.archive);
  if (archive.manifest.backup_id !== record.backup_id) {
    throw new UsageError(t.archiveReplaced({ path: record.archive, now: archive.manifest.backup_id, then: record.backup_id }), t.archiveReplacedHint);
  }
  return { source: { archive, stateDir, replaceDatabase: record.replace_database, stamp: record.stamp }, record };
}

function readRecord(stateDir: string): RestoreRecord | undefined {
  try {
    return JSON.parse(readFileSync(restoreRecordPath(stateDir), 'utf8')) as RestoreRecord;
  } catch {
    return undefined;
  }
}

function adoptSecrets(file: string, archived: Record<string, string>, backup: string): void {
  const raw = readFileNoFollow(file)?.content;
  const current = (raw && (parse(raw.toString('utf8')) as Record<string, string> | null)) || {};
  const merged = { ...current, ...archived };
  if (Object.keys(merged).every((key) => current[key] === merged[key])) return;
  if (raw && Object.keys(archived).some((key) => current[key] !== undefined && current[key] !== archived[key])) saveBackup(backup, raw);
  writeFileAtomic(file, stringify(merged), { mode: 0o600 });
}
