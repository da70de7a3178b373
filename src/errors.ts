/**
 * Typed errors. Each carries the exit status it maps to and, where we know one,
 * a "try this" hint for the user. Anything else that escapes is a bug.
 */
import { fromLanguages, verbatim, type Localized } from './i18n/localized.js';
import { errorText as t } from './i18n/messages/errors.js';

export const ExitCode = {
  ok: 0,
  stepFailed: 1,
  usage: 2,
  hostRefused: 3,
  interrupted: 130,
} as const;

export class MatrixSetupError extends Error {
  readonly exitCode: number;
  /** What went wrong, in every language; `message` is its English (for the log and stack traces). */
  readonly text: Localized;
  readonly hint?: Localized;
  constructor(text: Localized, options: { exitCode: number; hint?: Localized; cause?: unknown }) {
    super(text.en, { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode;
    this.text = text;
    this.hint = options.hint;
  }
}

/** Bad command line. */
export class UsageError extends MatrixSetupError {
  constructor(text: Localized, hint: Localized = t.usageHint) {
    super(text, { exitCode: ExitCode.usage, hint });
  }
}

export interface AnswersIssue {
  /** Key path, e.g. "tls.email". */
  path: string;
  message: Localized;
  line?: number;
  column?: number;
  suggestion?: string;
}

/** The answers file (or an answer typed in the wizard) is invalid. Nothing has been executed. */
export class AnswersError extends MatrixSetupError {
  readonly issues: AnswersIssue[];
  readonly file?: string;
  constructor(issues: AnswersIssue[], file?: string) {
    super(formatIssues(issues, file), { exitCode: ExitCode.usage, hint: t.answersHint });
    this.issues = issues;
    this.file = file;
  }
}

/** One problem of an answers file, with "did you mean" when there is a likely fix. */
export function issueMessage(issue: Pick<AnswersIssue, 'message' | 'suggestion'>): Localized {
  return fromLanguages((lang) => `${issue.message[lang]}${issue.suggestion ? t.didYouMean({ suggestion: issue.suggestion })[lang] : ''}`);
}

function formatIssues(issues: AnswersIssue[], file?: string): Localized {
  return fromLanguages((lang) => {
    const lines = issues.map((issue) => {
      const where = issue.line ? `${file ?? 'answers'}:${issue.line}:${issue.column ?? 1}` : (file ?? 'answers');
      return `  ${where}  ${issue.path || t.topLevel[lang]}: ${issueMessage(issue)[lang]}`;
    });
    return `${t.invalidAnswers({ count: issues.length })[lang]}\n${lines.join('\n')}`;
  });
}

/** This machine cannot be installed on (unsupported distro, not root, preflight failed). */
export class HostRefusedError extends MatrixSetupError {
  constructor(text: Localized, hint?: Localized) {
    super(text, { exitCode: ExitCode.hostRefused, hint });
  }
}

/** Another run holds the lock. */
export class LockedError extends MatrixSetupError {
  constructor(pid: number, lockFile: string) {
    super(t.locked({ pid }), { exitCode: ExitCode.usage, hint: t.lockedHint({ file: lockFile }) });
  }
}

export class InterruptedError extends MatrixSetupError {
  constructor(text: Localized = t.interrupted) {
    super(text, { exitCode: ExitCode.interrupted, hint: t.interruptedHint });
  }
}

/** What a failed step reports to renderers and the state file. */
export interface StepErrorInfo {
  message: Localized;
  hint?: Localized;
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
  constructor(text: Localized, options: { hint?: Localized; cause?: unknown } & Omit<StepErrorInfo, 'message' | 'hint'> = {}) {
    super(text, { exitCode: ExitCode.stepFailed, hint: options.hint, cause: options.cause });
    this.info = { argv: options.argv, exitCode: options.exitCode, outputTail: options.outputTail };
  }
}

/** A command exited with a status it should not have. */
export class CommandFailedError extends StepError {
  constructor(argv: string[], exitCode: number, outputTail: string[], hint?: Localized) {
    super(t.commandFailed({ code: exitCode, command: argv.join(' ') }), { argv, exitCode, outputTail, hint });
  }
}

/** What went wrong, in words a person reads: a matrix-setup error's own text, else the error's message as it is. */
export function errorText(error: unknown): Localized {
  if (error instanceof MatrixSetupError) return error.text;
  if (error instanceof Error) return verbatim(error.message);
  return verbatim(String(error));
}

export function toStepErrorInfo(error: unknown): StepErrorInfo {
  if (error instanceof StepError) return { message: error.text, hint: error.hint, ...error.info };
  if (error instanceof MatrixSetupError) {
    return { message: error.text, hint: error.hint, ...(error.exitCode === ExitCode.hostRefused ? { refused: true } : {}) };
  }
  return { message: errorText(error), hint: t.bugHint };
}
