import { spawn } from 'node:child_process';

export interface RunOptions {
  stdin?: string;
  env?: Record<string, string>;
  cwd?: string;
  timeoutMs?: number;
  /** Exit codes that are not a failure (default [0]). */
  okExitCodes?: number[];
  /** The command as error messages show it (default argv). */
  display?: string[];
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export class RunFailedError extends Error {
  constructor(
    readonly argv: string[],
    readonly result: RunResult,
    reason: string,
  ) {
    super(`${argv.join(' ')}: ${reason}\n${tail(result.stdout + result.stderr, 40)}`);
    this.name = 'RunFailedError';
  }
}

export function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

const HOST_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface StartedCommand {
  /** PID of the spawned process (the leader of its own process group). */
  pid: number;
  /** Settles like run(): resolves on an ok exit code, rejects otherwise. */
  result: Promise<RunResult>;
}

/**
 * Runs a host command (argument array, never a shell string). The child gets its own process
 * group so that a timeout can end it together with anything it forked, and nothing else.
 */
export function run(argv: string[], options: RunOptions = {}): Promise<RunResult> {
  return start(argv, options).result;
}

/** Like run(), but hands back the PID at once, for tests that signal the command while it runs. */
export function start(argv: string[], options: RunOptions = {}): StartedCommand {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const child = spawn(argv[0], argv.slice(1), {
    cwd: options.cwd,
    env: options.env ?? { PATH: HOST_PATH, LANG: 'C.UTF-8', DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const result = new Promise<RunResult>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdin.on('error', () => {});
    child.stdin.end(options.stdin ?? '');
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${argv[0]} could not be started: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result: RunResult = { exitCode: code ?? 128 + (signal ? signalNumber(signal) : 0), stdout, stderr, durationMs: Date.now() - started };
      const shown = options.display ?? argv;
      if (timedOut) return reject(new RunFailedError(shown, result, `timed out after ${timeoutMs} ms`));
      if (!(options.okExitCodes ?? [0]).includes(result.exitCode)) {
        return reject(new RunFailedError(shown, result, `exit ${code ?? signal}`));
      }
      resolve(result);
    });
  });
  return { pid: child.pid ?? 0, result };
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Record<string, number>)[signal] ?? 0;
}

/** Measures an async phase and prints its duration. */
export async function phase<T>(name: string, body: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await body();
  } finally {
    console.log(`[e2e] ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
