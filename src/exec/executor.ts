import { StringDecoder } from 'node:string_decoder';
import { execa } from 'execa';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { CommandFailedError, InterruptedError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { SYSTEM_PATH } from './system-path.js';

export interface CommandOptions {
  stdin?: string;
  env?: Record<string, string>;
  cwd?: string;
  /** Default 10 minutes: nothing matrix-setup runs may hang for ever. */
  timeoutMs?: number;
  /** Exit codes that are not a failure (default [0]). */
  okExitCodes?: number[];
  /** A read-only probe: logged quietly, output not streamed to the user. */
  probe?: boolean;
  /** The output is itself secret (a stored password verifier): returned to the caller, never logged or shown. */
  secretOutput?: boolean;
  /** Hint shown when the command fails. */
  hint?: string;
  /** Standard input streamed from here instead of `stdin` (data too large for a string: a dump being restored). */
  input?: Readable;
  /**
   * Standard output (binary) is written here instead of being logged and returned; stderr is
   * still logged. The stream is not ended: the caller ends it once the command is done.
   */
  output?: Writable;
  /** Standard output goes straight into this open file (no copy through matrix-setup); stderr is still logged. */
  outputFd?: number;
  /** Stops this one command (and what it started) when aborted, like an interrupt does for all. */
  cancel?: AbortSignal;
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export interface CommandHooks {
  started?(argv: string[]): void;
  output?(line: string): void;
  ended?(argv: string[], exitCode: number, durationMs: number): void;
}

/** Runs commands. Steps reach the machine only through this, so tests can pass a fake. */
export interface Executor {
  run(argv: string[], options?: CommandOptions): Promise<CommandResult>;
}

const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
const OUTPUT_TAIL_LINES = 25;

/** The environment every child gets: no prompts, a UTF-8 locale, the fixed PATH. */
export function childEnvironment(extra: Record<string, string> = {}): Record<string, string> {
  return {
    DEBIAN_FRONTEND: 'noninteractive',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    ...extra,
    PATH: SYSTEM_PATH,
  };
}

/** Runs real commands with execa: argument arrays only, stdin closed unless given, a timeout each. */
export class LocalExecutor implements Executor {
  constructor(
    private readonly logger: Logger,
    private readonly signal: AbortSignal,
    private readonly hooks: CommandHooks = {},
  ) {}

  async run(argv: string[], options: CommandOptions = {}): Promise<CommandResult> {
    if (this.signal.aborted) throw new InterruptedError();
    const [file, ...args] = argv;
    const started = Date.now();
    const shown = this.logger.redact(argv.join(' '));
    this.logger.write(`${options.probe ? 'probe' : 'run'}: ${shown}`);
    if (!options.probe) this.hooks.started?.(argv.map((a) => this.logger.redact(a)));
    const tail: string[] = [];
    let withheld = 0;
    const onLine = (line: string) => {
      if (options.secretOutput) {
        withheld += 1;
        return;
      }
      const clean = this.logger.redact(line);
      tail.push(clean);
      if (tail.length > OUTPUT_TAIL_LINES) tail.shift();
      this.logger.write(`  | ${clean}`);
      if (!options.probe) this.hooks.output?.(clean);
    };
    // The child gets its own process group so that stopping it (interrupt or timeout) also
    // stops everything it started: a shell's `sleep`, apt's dpkg, pip's compilers.
    const streamsOutput = options.output !== undefined;
    const outputToFile = options.outputFd !== undefined;
    const child = execa(file, args, {
      input: options.input ?? options.stdin,
      stdin: options.stdin === undefined && options.input === undefined ? 'ignore' : undefined,
      // execa passes a descriptor number to the child as it is (its types only list it for stdio arrays).
      stdout: (outputToFile ? options.outputFd : undefined) as undefined,
      env: childEnvironment(options.env),
      extendEnv: false,
      cwd: options.cwd,
      detached: true,
      reject: false,
      all: !streamsOutput && !outputToFile,
      buffer: streamsOutput ? { stdout: false } : true,
      stripFinalNewline: true,
    });
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let timedOut = false;
    const stopGroup = () => killGroup(child.pid);
    const timer = setTimeout(() => {
      timedOut = true;
      stopGroup();
    }, timeoutMs);
    this.signal.addEventListener('abort', stopGroup, { once: true });
    options.cancel?.addEventListener('abort', stopGroup, { once: true });
    if (options.cancel?.aborted) stopGroup();
    const lineSplitter = splitLines(onLine);
    // A stream that fails (a full disk under the output, an unreadable input) stops the command
    // at once: it would otherwise wait for ever on a pipe nobody reads or writes.
    let streamError: Error | undefined;
    const failStream = (error: Error) => {
      streamError ??= error;
      stopGroup();
    };
    let outputDone: Promise<void> = Promise.resolve();
    if (streamsOutput) {
      child.stderr?.on('data', (chunk: Buffer) => lineSplitter.push(chunk));
      options.output!.on('error', failStream);
      child.stdout!.pipe(options.output!, { end: false });
      outputDone = finished(child.stdout!).catch(() => {});
    } else if (outputToFile) {
      child.stderr?.on('data', (chunk: Buffer) => lineSplitter.push(chunk));
    } else {
      child.all?.on('data', (chunk: Buffer) => lineSplitter.push(chunk));
    }
    options.input?.on('error', failStream);
    let result;
    try {
      result = await child;
      await outputDone;
    } finally {
      clearTimeout(timer);
      this.signal.removeEventListener('abort', stopGroup);
      options.cancel?.removeEventListener('abort', stopGroup);
      options.output?.off('error', failStream);
      options.input?.off('error', failStream);
    }
    lineSplitter.flush();
    if (withheld > 0) this.logger.write(`  | (${withheld} line${withheld === 1 ? '' : 's'} of output not logged: it holds a secret)`);
    const durationMs = Date.now() - started;
    const exitCode = typeof result.exitCode === 'number' ? result.exitCode : -1;
    this.logger.write(`${options.probe ? 'probe' : 'run'} ended: exit ${exitCode}${timedOut ? ' (timed out)' : ''} in ${durationMs} ms`);
    if (!options.probe) this.hooks.ended?.(argv.map((a) => this.logger.redact(a)), exitCode, durationMs);
    if (this.signal.aborted) throw new InterruptedError();
    if (streamError) throw streamError;
    const ok = (options.okExitCodes ?? [0]).includes(exitCode);
    if (!ok) {
      if (timedOut) {
        tail.push(`(timed out after ${Math.round(timeoutMs / 1000)} s)`);
      } else if (result.failed && exitCode === -1 && result.shortMessage) {
        tail.push(this.logger.redact(result.shortMessage));
      }
      throw new CommandFailedError(argv.map((a) => this.logger.redact(a)), exitCode, tail, options.hint);
    }
    return {
      exitCode,
      stdout: streamsOutput || outputToFile ? '' : String(result.stdout ?? ''),
      stderr: String(result.stderr ?? ''),
      durationMs,
    };
  }
}

/** SIGTERM to the command's process group, SIGKILL five seconds later if anything is left. */
function killGroup(pid: number | undefined): void {
  if (!pid) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  signalGroup('SIGTERM');
  setTimeout(() => signalGroup('SIGKILL'), 5000).unref();
}

/**
 * Splits a stream of chunks into lines, dropping ANSI escapes and carriage-return redraws.
 * Bytes are decoded across chunk boundaries: a character split between two reads stays one
 * character (decoded per chunk it became two replacement characters, and a secret holding it
 * no longer matched its redaction).
 */
export function splitLines(onLine: (line: string) => void) {
  let buffer = '';
  const decoder = new StringDecoder('utf8');
  return {
    push(chunk: string | Buffer) {
      buffer += typeof chunk === 'string' ? chunk : decoder.write(chunk);
      let index: number;
      while ((index = buffer.indexOf('\n')) >= 0) {
        emit(buffer.slice(0, index));
        buffer = buffer.slice(index + 1);
      }
    },
    flush() {
      buffer += decoder.end();
      if (buffer) emit(buffer);
      buffer = '';
    },
  };
  function emit(raw: string) {
    const lastRedraw = raw.lastIndexOf('\r', raw.length - 1);
    const line = stripAnsi(lastRedraw >= 0 ? raw.slice(lastRedraw + 1) || raw.slice(0, lastRedraw) : raw);
    if (line.trim()) onLine(line);
  }
}

// eslint-disable-next-line no-control-regex
const ANSI = /[\u001b\u009b][[\]()#;?]*(?:(?:(?:[a-zA-Z\d]*(?:;[a-zA-Z\d]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** okExitCodes for probes whose exit status is the answer. */
export const ANY_EXIT_CODE: number[] = Array.from({ length: 256 }, (_, i) => i);
