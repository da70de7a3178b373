import { execFile } from 'node:child_process';
import type { Executor } from '../exec/executor.js';
import { SYSTEM_PATH } from '../exec/system-path.js';

/**
 * Runs a read-only command for a host fact: its stdout when it exits 0, undefined when it
 * is missing, fails or outlives the timeout. Facts never throw and never hang.
 */
export type CommandProbe = (argv: string[], timeoutMs: number) => Promise<string | undefined>;

/** A probe through the run's Executor, so the command is logged like every other. */
export function executorProbe(exec: Executor): CommandProbe {
  return async (argv, timeoutMs) => {
    try {
      const result = await exec.run(argv, { probe: true, timeoutMs });
      return result.stdout;
    } catch {
      return undefined;
    }
  };
}

/** A probe with node's execFile, for callers without an Executor (the wizard's first screen). */
export const localProbe: CommandProbe = (argv, timeoutMs) =>
  new Promise((resolve) => {
    const [file, ...args] = argv;
    execFile(
      file,
      args,
      {
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 4 * 1024 * 1024,
        env: { PATH: SYSTEM_PATH, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
      },
      (error, stdout) => resolve(error ? undefined : String(stdout)),
    );
  });
