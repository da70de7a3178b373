/**
 * Typed errors. Each carries the exit status it maps to and, where we know one,
 * a "try this" hint for the user. Anything else that escapes is a bug.
 */
import { verbatim, type Localized } from './i18n/localized.js';

export const ExitCode = {
  ok: 0,
  stepFailed: 1,
  usage: 2,
  hostRefused: 3,
  interrupted: 130,
} as const;

export class MatrixSetupError extends Error {
  readonly exitCode: number;
  readonly hint?: string;
  constructor(message: string, options: { exitCode: number; hint?: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode;
    this.hint = options.hint;
  }
}

/** Bad command line. */
export class UsageError extends MatrixSetupError {
  constructor(message: string, hint = 'Run `matrix-setup --help` for the commands and options.') {
    super(message, { exitCode: ExitCode.usage, hint });
  }
}

export interface AnswersIssue {
  /** Key path, e.g. "tls.email". */
  path: string;
  message: string;
  line?: number;
  column?: number;
  suggestion?: string;
}

/** The answers file (or an answer typed in the wizard) is invalid. Nothing has been executed. */
export class AnswersError extends MatrixSetupError {
  readonly issues: AnswersIssue[];
  readonly file?: string;
  constructor(issues: AnswersIssue[], file?: string) {
    super(formatIssues(issues, file), {
      exitCode: ExitCode.usage,
      hint: 'Fix the answers file and run the same command again; nothing was changed.',
    });
    this.issues = issues;
    this.file = file;
  }
}

function formatIssues(issues: AnswersIssue[], file?: string): string {
  const lines = issues.map((issue) => {
    const where = issue.line ? `${file ?? 'answers'}:${issue.line}:${issue.column ?? 1}` : (file ?? 'answers');
    const hint = issue.suggestion ? ` (did you mean "${issue.suggestion}"?)` : '';
    return `  ${where}  ${issue.path || '(top level)'}: ${issue.message}${hint}`;
  });
  return `Invalid answers (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`;
}

/** This machine cannot be installed on (unsupported distro, not root, preflight failed). */
export class HostRefusedError extends MatrixSetupError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: ExitCode.hostRefused, hint });
  }
}

/** Another run holds the lock. */
export class LockedError extends MatrixSetupError {
  constructor(pid: number, lockFile: string) {
    super(`Another matrix-setup run (PID ${pid}) is in progress.`, {
      exitCode: ExitCode.usage,
      hint: `Wait for it to finish. If no such process exists, remove ${lockFile}.`,
    });
  }
}

export class InterruptedError extends MatrixSetupError {
  constructor(message = 'Interrupted.') {
    super(message, { exitCode: ExitCode.interrupted, hint: 'Run `matrix-setup resume` to continue where it stopped.' });
  }
}

/** What a failed step reports to renderers and the state file. */
export interface StepErrorInfo {
  message: string;
  hint?: string;
  /** The command that failed, as an argument array (secrets redacted). */
  argv?: string[];
  exitCode?: number;
  /** The last lines of its output (secrets redacted). */
  outputTail?: string[];
  /** The machine was refused (a failed preflight check): the run exits 3, not 1. */
  refused?: boolean;
}

/** A step found something wrong (or a command in it failed). Maps to exit status 1. */
export class StepError extends MatrixSetupError {
  readonly info: Omit<StepErrorInfo, 'message' | 'hint'>;
  constructor(message: string, options: { hint?: string; cause?: unknown } & Omit<StepErrorInfo, 'message' | 'hint'> = {}) {
    super(message, { exitCode: ExitCode.stepFailed, hint: options.hint, cause: options.cause });
    this.info = { argv: options.argv, exitCode: options.exitCode, outputTail: options.outputTail };
  }
}

/** A command exited with a status it should not have. */
export class CommandFailedError extends StepError {
  constructor(argv: string[], exitCode: number, outputTail: string[], hint?: string) {
    super(`Command failed with exit status ${exitCode}: ${argv.join(' ')}`, { argv, exitCode, outputTail, hint });
  }
}

/** What went wrong, in words a person reads: a matrix-setup error's own text, else the error's message as it is. */
export function errorText(error: unknown): Localized {
  if (error instanceof Error) return verbatim(error.message);
  return verbatim(String(error));
}

export function toStepErrorInfo(error: unknown): StepErrorInfo {
  if (error instanceof StepError) return { message: error.message, hint: error.hint, ...error.info };
  if (error instanceof MatrixSetupError) {
    return { message: error.message, hint: error.hint, ...(error.exitCode === ExitCode.hostRefused ? { refused: true } : {}) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message, hint: 'This looks like a bug in matrix-setup; the log file has the details.' };
}
