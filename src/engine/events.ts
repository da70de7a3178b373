import type { StepErrorInfo } from '../errors.js';
import type { Localized } from '../i18n/localized.js';
import type { DayTwoCommand } from './run-command.js';
import type { LockHolder } from '../packages/locks.js';

export type StepStatus = 'pending' | 'running' | 'done' | 'failed' | 'interrupted' | 'skipped';

export interface StepSummary {
  id: string;
  title: Localized;
  /** Why it is skipped for these answers, when it is. */
  skipReason?: Localized;
}

/** Everything the runner tells renderers. Renderers only consume these; they never drive the engine. */
export type EngineEvent =
  | { type: 'run-started'; target: string; steps: StepSummary[]; logFile: string; resumed: boolean; command?: DayTwoCommand }
  | { type: 'step-started'; stepId: string; title: Localized; recheck: boolean }
  | { type: 'step-skipped'; stepId: string; reason: Localized }
  | { type: 'step-done'; stepId: string; changed: boolean; durationMs: number }
  | { type: 'step-failed'; stepId: string; error: StepErrorInfo; durationMs: number }
  | { type: 'step-interrupted'; stepId: string }
  | { type: 'change'; stepId: string; summary: Localized }
  | { type: 'command-started'; stepId: string; argv: string[] }
  | { type: 'output'; stepId: string; line: string }
  | { type: 'command-ended'; stepId: string; argv: string[]; exitCode: number; durationMs: number }
  | { type: 'note'; stepId: string; level: 'info' | 'warn'; message: Localized }
  /** Another process holds the package manager's locks; the run waits for it up to limitMs (sent again every 30 s and when the holder changes). */
  | { type: 'package-manager-busy'; stepId: string; holders: LockHolder[]; waitedMs: number; limitMs: number }
  | { type: 'run-finished'; status: 'done' | 'failed' | 'interrupted'; changedSteps: string[]; durationMs: number };

export type EventListener = (event: EngineEvent) => void;
