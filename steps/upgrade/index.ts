import type { Answers } from '../../src/answers/types.js';
import type { Step } from '../../src/engine/types.js';
import { ELEMENT_ROOT } from '../edge/edge-layout.js';
import { rollbackCheckStep, stopSynapseStep, upgradeCheckStep } from './check-steps.js';
import { elementRollbackStep, elementUpgradeStep } from './element.js';
import { finishStep } from './finish.js';
import type { UpgradeRecordStore } from './record.js';
import { restoreDatabaseStep, safetyBackupStep } from './safety-backup.js';
import { synapseRestartStep } from './synapse-restart.js';
import { keepPackageStep, synapseVersionStep } from './synapse-version.js';
import { verifyAfterStep } from './verify-regressions.js';

/**
 * `matrix-setup upgrade` as a step graph for the engine (plan, log, state, resume): check,
 * back up, keep what a rollback needs, change Synapse and Element Web, prove the server works,
 * record it. The record (decided before the run) says what changes.
 */
export function upgradeSteps(store: UpgradeRecordStore, answersAfter: Answers, elementRoot = ELEMENT_ROOT): Step[] {
  return [
    upgradeCheckStep(store, elementRoot),
    safetyBackupStep(store),
    keepPackageStep(store),
    synapseVersionStep(store, 'upgrade'),
    synapseRestartStep(store, 'upgrade'),
    elementUpgradeStep(store, answersAfter, elementRoot),
    verifyAfterStep(store, 'upgrade', ['upgrade-restart', 'upgrade-element']),
    finishStep(store, 'upgrade', ['upgrade-verify']),
  ];
}

/** `matrix-setup upgrade --rollback`: the database restored first when it must be, then Synapse and Element Web as they were. */
export function rollbackSteps(store: UpgradeRecordStore, answersBefore: Answers, elementRoot = ELEMENT_ROOT): Step[] {
  return [
    rollbackCheckStep(store, elementRoot),
    stopSynapseStep(store),
    restoreDatabaseStep(store),
    synapseVersionStep(store, 'rollback'),
    synapseRestartStep(store, 'rollback'),
    elementRollbackStep(store, answersBefore, elementRoot),
    verifyAfterStep(store, 'rollback', ['rollback-restart', 'rollback-element']),
    finishStep(store, 'rollback', ['rollback-verify']),
  ];
}
