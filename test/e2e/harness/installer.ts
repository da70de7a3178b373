import { ANSWERS_PATH, ELEMENT_TARBALL_PATH, answersYaml } from './answers.js';
import { BUNDLE, INSTALL_SH } from './bundle.js';
import type { Container } from './container.js';
import { freezeTree, isRunning, killFrozen, killTree, processTree, thaw, type ProcessInfo } from './process-tree.js';
import type { RunResult, StartedCommand } from './process.js';

const ANY_EXIT = Array.from({ length: 256 }, (_, i) => i);
export const INSTALL_TIMEOUT_MS = 40 * 60_000;
export const STATE_FILE = '/var/lib/matrix-setup/state.json';

export interface StepState {
  status: string;
  inputHash?: string;
  changed?: boolean;
  startedAt?: string;
  endedAt?: string;
  error?: { message: string; outputTail?: string[]; hint?: string };
}

export interface RunState {
  status: string;
  logFile: string;
  steps: Record<string, StepState>;
}

/** Puts what a user copies to a fresh server into /root: install.sh, the bundle, answers, Element. */
export function copyInstallFiles(
  container: Container,
  options: { answers: Record<string, unknown>; elementTarball: string },
): void {
  container.copyIn(INSTALL_SH, '/root/install.sh');
  container.copyIn(BUNDLE, '/root/matrix-setup.mjs');
  container.copyIn(options.elementTarball, ELEMENT_TARBALL_PATH);
  writeAnswers(container, options.answers);
}

export function writeAnswers(container: Container, answers: Record<string, unknown>): void {
  container.writeFile(ANSWERS_PATH, answersYaml(answers), 0o600);
}

/** `bash install.sh ARGS` as root in /root; any exit code is returned, not thrown. */
export function runInstallSh(container: Container, args: string[], timeoutMs = INSTALL_TIMEOUT_MS): Promise<RunResult> {
  return container.exec(['bash', '/root/install.sh', ...args], { timeoutMs, okExitCodes: ANY_EXIT });
}

export function startInstallSh(container: Container, args: string[], timeoutMs = INSTALL_TIMEOUT_MS): StartedCommand {
  return container.start(['bash', '/root/install.sh', ...args], { timeoutMs, okExitCodes: ANY_EXIT });
}

/** The `matrix-setup` command install.sh installs, as the hints tell a user to run it. */
export function runInstalledCommand(container: Container, args: string[], timeoutMs = INSTALL_TIMEOUT_MS): Promise<RunResult> {
  return container.exec(['/usr/local/bin/matrix-setup', ...args], { timeoutMs, okExitCodes: ANY_EXIT });
}

export function startInstalledCommand(container: Container, args: string[], timeoutMs = INSTALL_TIMEOUT_MS): StartedCommand {
  return container.start(['/usr/local/bin/matrix-setup', ...args], { timeoutMs, okExitCodes: ANY_EXIT });
}

/** The bundle run directly with the node install.sh installed (status, plan, resume). */
export function runMatrixSetup(container: Container, args: string[], options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<RunResult> {
  return container.exec(['node', '/root/matrix-setup.mjs', ...args], {
    timeoutMs: options.timeoutMs ?? INSTALL_TIMEOUT_MS,
    okExitCodes: ANY_EXIT,
    env: options.env,
  });
}

export function readRunState(container: Container): RunState | undefined {
  try {
    return JSON.parse(container.readFile(STATE_FILE)) as RunState;
  } catch {
    return undefined; // not written yet (or between rename and read)
  }
}

/** Output of a finished command, for assertion messages. */
export function shown(result: RunResult): string {
  return `exit ${result.exitCode}\n--- stdout ---\n${result.stdout.slice(-6000)}\n--- stderr ---\n${result.stderr.slice(-4000)}`;
}

export interface KillPoint {
  /** What the scenario waits for, for messages. */
  description: string;
  /** True when the installer is at the point to kill it. */
  reached(state: RunState | undefined, tree: ProcessInfo[]): boolean;
  /**
   * For a point that lasts only milliseconds (a state in dpkg's journal): checked again once the
   * installer's tree is frozen with SIGSTOP. When it no longer holds, the tree runs on and the
   * wait goes on; when it does, the kill lands exactly there.
   */
  stillThere?: () => boolean;
  /** How often to look, in milliseconds (default 25). */
  pollMs?: number;
}

/**
 * Waits until the running installer reaches `point`, then kills it and everything it started
 * with SIGKILL. Fails when the installer ends first or the point is not reached in time.
 */
export async function killAt(
  installer: StartedCommand,
  container: Container,
  point: KillPoint,
  timeoutMs = 20 * 60_000,
): Promise<{ killed: ProcessInfo[]; state: RunState | undefined }> {
  let ended: RunResult | Error | undefined;
  installer.result.then(
    (result) => (ended = result),
    (error: Error) => (ended = error),
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tree = processTree(installer.pid);
    const state = readRunState(container);
    if (point.reached(state, tree)) {
      const frozen = freezeTree(installer.pid);
      if (!point.stillThere || point.stillThere()) {
        const killed = killFrozen(frozen);
        await installer.result.catch(() => undefined);
        await waitUntilDead(killed);
        return { killed, state };
      }
      thaw(frozen);
    }
    if (ended) {
      const detail = ended instanceof Error ? ended.message : shown(ended);
      throw new Error(`the installer ended before ${point.description}:\n${detail}`);
    }
    if (Date.now() > deadline) {
      killTree(installer.pid);
      throw new Error(`${point.description} was not reached in ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, point.pollMs ?? 25));
  }
}

/** Until every killed process has died (a zombie waiting for its reaper counts as dead). */
async function waitUntilDead(processes: ProcessInfo[], timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const running = () => processes.filter((p) => isRunning(p.pid));
  while (running().length > 0) {
    if (Date.now() > deadline) throw new Error(`still running after SIGKILL: ${running().map((p) => `${p.comm} (${p.pid})`).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function stepRunning(state: RunState | undefined, stepId: string): boolean {
  return state?.steps[stepId]?.status === 'running';
}

export function hasProcess(tree: ProcessInfo[], comm: string): boolean {
  return tree.some((info) => info.comm === comm);
}

/** The run log's path from a run's plain output ("log: /var/log/matrix-setup/run-….log"). */
export function logPathFrom(output: string): string | undefined {
  return /^log: (\S+)$/m.exec(output)?.[1];
}

export interface LoggedStep {
  id: string;
  recheck: boolean;
  changes: string[];
  outcome?: string;
  /** From the step's end line. */
  durationMs?: number;
}

export interface LoggedCommand {
  /** The step it ran in (undefined before the first step). */
  step?: string;
  argv: string;
  probe: boolean;
  exitCode: number;
  durationMs: number;
}

export interface RunLog {
  steps: Map<string, LoggedStep>;
  commands: LoggedCommand[];
  finished?: string;
  /** The run's own duration, from its "run finished" line. */
  durationMs?: number;
}

/** Parses the last run in a run log (the executor's and the runner's lines). */
export function parseRunLog(text: string): RunLog {
  const lines = text.split('\n').map((line) => line.replace(/^\S+ /, ''));
  const lastStart = lines.map((line) => line.startsWith('run started for ')).lastIndexOf(true);
  const steps = new Map<string, LoggedStep>();
  const commands: LoggedCommand[] = [];
  let current: LoggedStep | undefined;
  let pending: { step?: string; argv: string; probe: boolean } | undefined;
  let finished: string | undefined;
  let durationMs: number | undefined;
  for (const line of lines.slice(Math.max(lastStart, 0))) {
    let m: RegExpExecArray | null;
    if ((m = /^== step (\S+): .*?( \(re-check\))?$/.exec(line))) {
      current = { id: m[1], recheck: !!m[2], changes: [] };
      steps.set(current.id, current);
    } else if ((m = /^== step (\S+) (done \((?:changed|no change)\)|FAILED|interrupted|skipped)(?:.* in (\d+) ms$)?/.exec(line))) {
      const step = steps.get(m[1]) ?? { id: m[1], recheck: false, changes: [] };
      step.outcome = m[2];
      if (m[3]) step.durationMs = Number(m[3]);
      steps.set(m[1], step);
    } else if (line.startsWith('change: ') && current) {
      current.changes.push(line.slice('change: '.length));
    } else if ((m = /^(run|probe): (.*)$/.exec(line))) {
      pending = { step: current?.id, argv: m[2], probe: m[1] === 'probe' };
    } else if ((m = /^(run|probe) ended: exit (-?\d+).* in (\d+) ms$/.exec(line)) && pending) {
      commands.push({ ...pending, exitCode: Number(m[2]), durationMs: Number(m[3]) });
      pending = undefined;
    } else if ((m = /^run finished: (.*)$/.exec(line))) {
      finished = m[1];
      durationMs = Number(/ in (\d+) ms/.exec(m[1])?.[1]) || undefined;
    }
  }
  return { steps, commands, finished, durationMs };
}

export function readRunLog(container: Container, output: string): RunLog {
  const path = logPathFrom(output);
  if (!path) throw new Error(`no "log:" line in the output:\n${output.slice(0, 2000)}`);
  return parseRunLog(container.readFile(path));
}
