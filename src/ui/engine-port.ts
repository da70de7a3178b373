/**
 * What the wizard needs from the rest of matrix-setup. The wizard only renders state and
 * turns keys into actions; everything that touches the machine goes through this port.
 * Tests drive the wizard against a fake; the CLI passes the real adapter.
 */
import type { AnswersDraft } from '../answers/field-spec.js';
import type { Answers, DatabaseAnswers, SynapseSource } from '../answers/types.js';
import type { EventListener, StepStatus } from '../engine/events.js';
import type { StepErrorInfo } from '../errors.js';
import type { PreflightResult } from '../preflight/checks.js';
import type { InstallSummary } from '../render/install-summary.js';

export type { InstallSummary, PreflightResult };

/** A preflight check while the checks run: its result, or still running. */
export type PreflightItem = PreflightResult | { id: string; label: string; status: 'pending' };

/** This machine as the welcome screen describes it, and the defaults it suggests. */
export interface HostSummary {
  /** "Debian 12 (bookworm)"; undefined when the distribution is not supported. */
  targetName?: string;
  targetId?: string;
  /** Synapse sources that work here, best first (the first is what `auto` picks). */
  synapseSources: SynapseSource[];
  /** Suggested answers (e.g. server_name from the machine's FQDN). Shown as defaults, never saved unless confirmed. */
  defaults: AnswersDraft;
  /** What an install puts on the machine, one short line each. */
  installs: string[];
  /** Where the answers of a run are kept (shown in the review). */
  stateDir: string;
}

export interface PreviousRun {
  answers: Answers;
  status: 'running' | 'done' | 'failed' | 'interrupted';
  steps: Array<{ id: string; title: string; status: StepStatus }>;
  /** The step it stopped in, when it did not finish. */
  stoppedAt?: string;
  logFile?: string;
}

export interface DatabaseTestResult {
  ok: boolean;
  /** What was found ("PostgreSQL 16.2, database synapse, collation C") or what went wrong and what to do. */
  message: string;
}

/** The plan in numbers and names, for the review screen. */
export interface PlanSummary {
  steps: Array<{ id: string; title: string; skip?: string }>;
  packages: string[];
  /** Configuration files the install writes (each backed up first when it exists and differs). */
  files: string[];
  ports: number[];
  commands: number;
}

/** `skip`: the check could not run because an earlier one failed (its detail names that one). */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

/** One result of the final verification (as `matrix-setup verify` reports it). */
export interface CheckResult {
  id: string;
  label: string;
  status: CheckStatus;
  detail: string;
  fix?: string;
}

export interface WizardRunOutcome {
  status: 'done' | 'failed' | 'interrupted';
  failedStep?: string;
  error?: StepErrorInfo;
  logFile: string;
  changedSteps: string[];
  /** What a finished install tells its user (the same as the `--answers` run prints). */
  summary?: InstallSummary;
}

export interface WizardEngine {
  host(): HostSummary;
  /**
   * Read-only checks of this machine; DNS lines only for the names already answered.
   * `onProgress` gets every check as soon as its result is in (the others still pending).
   */
  preflight(partial: AnswersDraft, onProgress?: (items: PreflightItem[]) => void): Promise<PreflightResult[]>;
  /** Connects to an external PostgreSQL with the `pg` client, as the install would. */
  testDatabase(database: DatabaseAnswers): Promise<DatabaseTestResult>;
  plan(answers: Answers): Promise<PlanSummary>;
  /** The last run in the state directory, if any (read after the first frame is on screen). */
  previousRun(): Promise<PreviousRun | undefined>;
  /** Writes the answers file (secrets by reference only); returns the absolute path written. */
  saveAnswers(path: string, answers: Answers): string;
  /** Installs. Aborting the signal stops the running command; the step is recorded as interrupted. */
  run(answers: Answers, onEvent: EventListener, signal: AbortSignal): Promise<WizardRunOutcome>;
  verify(answers: Answers): Promise<CheckResult[]>;
  /** The command that continues a stopped run. */
  resumeCommand: string;
}
