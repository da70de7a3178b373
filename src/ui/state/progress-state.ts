/** The progress view: engine events reduced into what the progress, failure and done screens show. */
import type { EngineEvent, StepStatus } from '../../engine/events.js';
import type { LockHolder } from '../../packages/locks.js';
import { cleanOutputLine } from './strip-ansi.js';

export const TAIL_LINES = 6;

export interface ProgressStep {
  id: string;
  title: string;
  status: StepStatus;
  skipReason?: string;
  /** Clock time the step started (for the running step's elapsed time). */
  startedAt?: number;
  durationMs?: number;
  changed?: boolean;
  /** Already done before: only checked this time. */
  recheck?: boolean;
}

export interface ProgressNote {
  stepId: string;
  level: 'info' | 'warn';
  message: string;
}

/** Another process holds the package manager: who, since when (clock time), and until when matrix-setup waits. */
export interface PackageManagerWait {
  holders: LockHolder[];
  since: number;
  limitMs: number;
}

export interface ProgressState {
  started: boolean;
  resumed: boolean;
  target?: string;
  logFile?: string;
  startedAt?: number;
  steps: ProgressStep[];
  runningStepId?: string;
  /** The running command of the running step. */
  command?: string[];
  /** Its last output lines, ANSI stripped. */
  tail: string[];
  notes: ProgressNote[];
  /** Set while the running step waits for another package manager. */
  waiting?: PackageManagerWait;
  finished?: { status: 'done' | 'failed' | 'interrupted'; durationMs: number; changedSteps: string[] };
}

export const INITIAL_PROGRESS: ProgressState = { started: false, resumed: false, steps: [], tail: [], notes: [] };

export function reduceProgress(state: ProgressState, event: EngineEvent, now: number): ProgressState {
  switch (event.type) {
    case 'run-started':
      return {
        ...INITIAL_PROGRESS,
        started: true,
        resumed: event.resumed,
        target: event.target,
        logFile: event.logFile,
        startedAt: now,
        steps: event.steps.map((step) => ({ id: step.id, title: step.title, status: step.skipReason ? 'skipped' : 'pending', skipReason: step.skipReason })),
      };
    case 'step-started':
      return {
        ...updateStep(state, event.stepId, { status: 'running', startedAt: now, recheck: event.recheck, title: event.title }),
        runningStepId: event.stepId,
        command: undefined,
        tail: [],
      };
    case 'step-skipped':
      return updateStep(state, event.stepId, { status: 'skipped', skipReason: event.reason });
    case 'step-done':
      return leaveStep(updateStep(state, event.stepId, { status: 'done', changed: event.changed, durationMs: event.durationMs }), event.stepId);
    case 'step-failed':
      // The tail stays: the failure screen shows it when the error carries none.
      return { ...updateStep(state, event.stepId, { status: 'failed', durationMs: event.durationMs }), runningStepId: undefined, waiting: undefined };
    case 'step-interrupted':
      return { ...updateStep(state, event.stepId, { status: 'interrupted' }), runningStepId: undefined, waiting: undefined };
    case 'command-started':
      return { ...state, command: event.argv, waiting: undefined };
    case 'package-manager-busy':
      return { ...state, waiting: { holders: event.holders, since: now - event.waitedMs, limitMs: event.limitMs } };
    case 'output': {
      if (event.stepId !== state.runningStepId) return state;
      const line = cleanOutputLine(event.line);
      if (!line) return state;
      return { ...state, tail: [...state.tail, line].slice(-TAIL_LINES) };
    }
    case 'command-ended':
      return state;
    case 'note':
      return { ...state, waiting: undefined, notes: [...state.notes, { stepId: event.stepId, level: event.level, message: event.message }] };
    case 'change':
      return state;
    case 'run-finished':
      return { ...state, runningStepId: undefined, finished: { status: event.status, durationMs: event.durationMs, changedSteps: event.changedSteps } };
  }
}

function updateStep(state: ProgressState, stepId: string, patch: Partial<ProgressStep>): ProgressState {
  const known = state.steps.some((step) => step.id === stepId);
  const steps = known
    ? state.steps.map((step) => (step.id === stepId ? { ...step, ...patch } : step))
    : [...state.steps, { id: stepId, title: stepId, status: 'pending' as StepStatus, ...patch }];
  return { ...state, steps };
}

function leaveStep(state: ProgressState, stepId: string): ProgressState {
  return state.runningStepId === stepId ? { ...state, runningStepId: undefined, command: undefined, tail: [], waiting: undefined } : state;
}

/** Steps finished: done ones, and skipped ones the run has passed (skipped steps ahead are not counted yet). */
export function countSteps(state: ProgressState): { finished: number; total: number } {
  const open = state.steps.findIndex((step) => step.status !== 'done' && step.status !== 'skipped');
  const passed = open < 0 ? state.steps.length : open;
  const finished = state.steps.filter((step, index) => step.status === 'done' || (step.status === 'skipped' && index < passed)).length;
  return { finished, total: state.steps.length };
}
