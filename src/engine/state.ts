import type { StepErrorInfo } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { readJsonIfPresent } from '../fs/read-json.js';
import type { StepStatus } from './events.js';
import { storedText, type Localized } from '../i18n/localized.js';
import type { DayTwoCommand } from './run-command.js';

export const STATE_FORMAT = 1;

export interface StepState {
  status: StepStatus;
  /** Hash of the planned actions the step last ran with. */
  inputHash?: string;
  startedAt?: string;
  endedAt?: string;
  /** Whether the last run of this step changed the machine. */
  changed?: boolean;
  skipReason?: Localized;
  error?: StepErrorInfo;
}

export interface RunState {
  format: number;
  /** The command the run belongs to, when it is not an install. */
  command?: DayTwoCommand;
  target: string;
  answersHash: string;
  status: 'running' | 'done' | 'failed' | 'interrupted';
  startedAt: string;
  updatedAt: string;
  logFile: string;
  steps: Record<string, StepState>;
  /** Units whose config changed and that still need a restart/reload (survives a kill). */
  pendingRestarts: string[];
}

export function readState(file: string): RunState | undefined {
  const state = readJsonIfPresent<RunState>(file);
  if (!state) return undefined;
  if (state.format !== STATE_FORMAT) {
    throw new Error(`${file} has state format ${state.format}; this matrix-setup reads format ${STATE_FORMAT}.`);
  }
  state.pendingRestarts ??= [];
  for (const step of Object.values(state.steps)) readTexts(step);
  return state;
}

/** Texts of a state file an older matrix-setup wrote are English strings; they are read as such. */
function readTexts(step: StepState): void {
  if (step.skipReason !== undefined) step.skipReason = storedText(step.skipReason);
  if (step.error) {
    step.error.message = storedText(step.error.message);
    if (step.error.hint !== undefined) step.error.hint = storedText(step.error.hint);
  }
}

/** Written atomically: a run killed at any moment leaves the previous or the new state, never a torn file. */
export function writeState(file: string, state: RunState): void {
  state.updatedAt = new Date().toISOString();
  writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}
