import type { Answers } from '../../src/answers/types.js';
import type { VerifiedArchive } from '../../src/backup/open-archive.js';
import type { EventListener } from '../../src/engine/events.js';
import { runInstall, type RunOutcome } from '../../src/engine/runner.js';
import type { Step } from '../../src/engine/types.js';
import type { Target } from '../../src/host/target.js';
import { STEPS } from '../index.js';
import { restoreCertificateStep } from './restore-certificate.js';
import { restoreCheckStep } from './restore-check.js';
import { restoreDatabaseStep } from './restore-database.js';
import { restoreMediaStep } from './restore-media.js';
import { restoreSecretFilesStep } from './restore-secret-files.js';
import { restoreSynapseFilesStep } from './restore-synapse-files.js';
import type { RestoreSource } from './restore-source.js';

export type { RestoreSource } from './restore-source.js';
export { runStamp } from './restore-source.js';

/**
 * The restore is the install with the backup's parts put in place where the install would
 * otherwise make new ones: every install step runs as usual (with the backup's secrets, which
 * the restore command saved as this machine's), and these steps go in around them:
 * - after preflight: restore-check (nothing of another server here), restore-secret-files;
 * - after postgres-verify: restore-database, before Synapse is configured to use it;
 * - after synapse-install: restore-synapse-files (the signing key), before synapse-config;
 * - before synapse-service: restore-media;
 * - before tls-certificate: restore-certificate.
 */
export function restoreSteps(source: RestoreSource): Step[] {
  const after: Record<string, Step[]> = {
    preflight: [restoreCheckStep(source), restoreSecretFilesStep(source)],
    'postgres-verify': [restoreDatabaseStep(source)],
    'synapse-install': [restoreSynapseFilesStep(source)],
  };
  const before: Record<string, Step[]> = {
    'synapse-service': [restoreMediaStep(source)],
    'tls-certificate': [restoreCertificateStep(source)],
  };
  const anchors = [...Object.keys(after), ...Object.keys(before)];
  const missing = anchors.filter((id) => !STEPS.some((step) => step.id === id));
  if (missing.length) throw new Error(`The restore graph is anchored on steps that do not exist: ${missing.join(', ')}.`);
  return STEPS.flatMap((step) => [...(before[step.id] ?? []), step, ...(after[step.id] ?? [])]);
}

/** The restore graph's step ids and titles, for `status` (plans need a real archive). */
export function restoreStepTitles(): Array<{ id: string; title: string }> {
  const placeholder: RestoreSource = {
    archive: { path: '', entries: new Map(), bytes: 0, manifest: { members: [], media: { included: true } } } as unknown as VerifiedArchive,
    stateDir: '',
    replaceDatabase: false,
    stamp: '',
  };
  return restoreSteps(placeholder).map(({ id, title }) => ({ id, title }));
}

export interface RunRestoreOptions {
  source: RestoreSource;
  answers: Answers;
  target: Target;
  logFile: string;
  onEvent: EventListener;
  signal: AbortSignal;
  /** How long to wait each time another process holds the package manager (the engine's default when absent). */
  packageLockWaitMs?: number;
}

/**
 * Runs the restore graph with the engine, recorded in the install's state file (a restored
 * server is an installed one: `status`, `resume` and a later install carry on from it). The
 * answers and secrets must already be saved in source.stateDir (see the restore command).
 */
export function runRestore(options: RunRestoreOptions): Promise<RunOutcome> {
  return runInstall({
    answers: options.answers,
    target: options.target,
    steps: restoreSteps(options.source),
    command: 'restore',
    paths: { stateDir: options.source.stateDir, logFile: options.logFile },
    onEvent: options.onEvent,
    signal: options.signal,
    packageLockWaitMs: options.packageLockWaitMs,
  });
}
