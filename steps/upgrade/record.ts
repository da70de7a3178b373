import { join } from 'node:path';
import type { SynapseSource } from '../../src/answers/types.js';
import { readState, type RunState } from '../../src/engine/state.js';
import { writeFileAtomic } from '../../src/fs/atomic.js';
import { readJsonIfPresent } from '../../src/fs/read-json.js';

/**
 * The record of the last upgrade: what it changes (decided, with the user's confirmation,
 * before anything ran), what it has done so far, and what a rollback needs to undo it. Written
 * atomically before the first change and after every step that adds to it, so a resumed or a
 * rolled-back upgrade works from the same facts after a kill.
 */
export const UPGRADE_RECORD_FORMAT = 1;

export interface SynapseChange {
  method: SynapseSource;
  /** apt and distro: the package. */
  packageName?: string;
  /** Package version (apt, distro) or PyPI version (venv) before and after. */
  from: string;
  to: string;
  /** The Synapse releases those carry (what Synapse reports as its server_version). */
  fromRelease: string;
  toRelease: string;
  /** SCHEMA_VERSION of the code before the upgrade: the newest database schema it can run on. */
  fromSchemaVersion?: number;
  /** apt's simulation of the upgrade (one line per package it changes). */
  packageChanges?: string[];
  /** Where the installed version's .deb is kept for a rollback (apt, distro). */
  keptPackage?: string;
  /** Set once Synapse answered on the new version (an interrupted run restarts it again). */
  restarted?: boolean;
}

export interface ElementChange {
  /** Release directories (element-v1.11.100) before and after; `from` is kept for a rollback. */
  from?: string;
  fromVersion?: string;
  to: string;
  toVersion: string;
}

export interface BackupRecord {
  /** false with --no-backup. */
  take: boolean;
  directory?: string;
  /** The archive, once written. */
  archive?: string;
}

export interface RollbackRecord {
  startedAt: string;
  /** The database schema moved past what the old Synapse accepts: restore the pre-upgrade backup first. */
  restoreDatabase: boolean;
  /** Database schema compat version found before the rollback. */
  databaseCompatVersion?: number;
  synapseRestarted?: boolean;
  finishedAt?: string;
}

export interface UpgradeRecord {
  format: number;
  id: string;
  createdAt: string;
  status: 'running' | 'done' | 'failed' | 'rolled-back';
  synapse?: SynapseChange;
  element?: ElementChange;
  backup: BackupRecord;
  /** The saved answers before the upgrade and after it (pinned versions, the Element source). */
  answersBefore: string;
  answersAfter: string;
  /** Checks of `matrix-setup verify` that did not pass before the upgrade (not blamed on it afterwards). */
  verifyBaseline?: string[];
  finishedAt?: string;
  rollback?: RollbackRecord;
}

export function upgradePaths(stateDir: string) {
  return {
    record: join(stateDir, 'upgrade.json'),
    upgradeState: join(stateDir, 'upgrade-state.json'),
    rollbackState: join(stateDir, 'rollback-state.json'),
    /** One directory per upgrade: the kept package for its rollback. */
    dir: (id: string) => join(stateDir, 'upgrades', id),
  };
}

export function readUpgradeRecord(stateDir: string): UpgradeRecord | undefined {
  const file = upgradePaths(stateDir).record;
  const record = readJsonIfPresent<UpgradeRecord>(file);
  if (!record) return undefined;
  if (record.format !== UPGRADE_RECORD_FORMAT) {
    throw new Error(`${file} has format ${record.format}; this matrix-setup reads format ${UPGRADE_RECORD_FORMAT}.`);
  }
  return record;
}

/** The record of one upgrade, as the steps of its run (or its rollback) see and extend it. */
export class UpgradeRecordStore {
  constructor(
    readonly stateDir: string,
    readonly record: UpgradeRecord,
  ) {}

  save(): void {
    writeFileAtomic(upgradePaths(this.stateDir).record, `${JSON.stringify(this.record, null, 2)}\n`, { mode: 0o600 });
  }

  update(change: (record: UpgradeRecord) => void): void {
    change(this.record);
    this.save();
  }

  get dir(): string {
    return upgradePaths(this.stateDir).dir(this.record.id);
  }
}

export function upgradeId(now = new Date()): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
}

/**
 * The upgrade and rollback runs here that did not finish, newest first. An upgrade whose
 * rollback finished is over: it is not resumed any more.
 */
export function unfinishedUpgradeRuns(stateDir: string): RunState[] {
  const paths = upgradePaths(stateDir);
  const record = readUpgradeRecord(stateDir);
  return [paths.upgradeState, paths.rollbackState]
    .map((file) => readState(file))
    .filter((state): state is RunState => state !== undefined && state.status !== 'done')
    .filter((state) => !(state.command === 'upgrade' && record?.status === 'rolled-back'))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
