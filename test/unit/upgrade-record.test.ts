import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeState, type RunState } from '../../src/engine/state.js';
import { readUpgradeRecord, unfinishedUpgradeRuns, upgradePaths, UPGRADE_RECORD_FORMAT, UpgradeRecordStore, type UpgradeRecord } from '../../steps/upgrade/record.js';

function run(command: 'upgrade' | 'rollback', status: RunState['status']): RunState {
  return { format: 1, command, target: 'debian-unstable', answersHash: 'x', status, startedAt: '', updatedAt: '', logFile: '', steps: {}, pendingRestarts: [] };
}

describe('the upgrade record and its runs', () => {
  it('is saved and read back; a failed upgrade is unfinished until its rollback finishes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'upgrade-record-'));
    try {
      const record: UpgradeRecord = { format: UPGRADE_RECORD_FORMAT, id: 'x', createdAt: '', status: 'running', backup: { take: false }, answersBefore: 'a', answersAfter: 'b' };
      const store = new UpgradeRecordStore(dir, record);
      store.save();
      const paths = upgradePaths(dir);
      writeState(paths.upgradeState, run('upgrade', 'failed'));
      assert.deepEqual(unfinishedUpgradeRuns(dir).map((s) => s.command), ['upgrade']);
      writeState(paths.rollbackState, run('rollback', 'interrupted'));
      assert.deepEqual(unfinishedUpgradeRuns(dir).map((s) => s.command), ['rollback', 'upgrade'], 'newest first');
      writeState(paths.rollbackState, run('rollback', 'done'));
      store.update((r) => (r.status = 'rolled-back'));
      assert.equal(readUpgradeRecord(dir)?.status, 'rolled-back');
      assert.deepEqual(unfinishedUpgradeRuns(dir), [], 'the rolled-back upgrade is over');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
