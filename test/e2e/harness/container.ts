import { spawn, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { ensureHostTools } from './host-tools.js';
import { allProcesses } from './process-tree.js';
import { acquireLock, processAlive, type HeldLock, type LockInfo } from './lock.js';
import { CONTAINER_PORTS, busyPorts, describeBusyPorts } from './ports.js';
import { resolveInRoot } from './paths.js';
import { run, start, tail, type RunOptions, type RunResult, type StartedCommand } from './process.js';
import { CACHE_DIR, restoreRootfs, type RootfsName } from './rootfs.js';

export const CONTAINER_LOCK = join(CACHE_DIR, 'container.lock');
/** Scenario directories (one restored root filesystem each) are made under here. */
const SCENARIO_PARENT = process.env.MATRIX_SETUP_E2E_TMP || '/var/tmp';
const SCENARIO_PREFIX = 'matrix-setup-e2e-';
const CONTAINER_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface BootOptions {
  rootfs: RootfsName;
  /** Machine name, also the container's hostname. */
  name?: string;
  /** Default 120 s from starting systemd-nspawn to `running`/`degraded`. */
  bootTimeoutMs?: number;
  /** How long to wait for another test's container to finish (default 30 min). */
  lockWaitMs?: number;
  /**
   * Share apt's downloaded .deb files between scenarios through a host directory bind-mounted
   * at /var/cache/apt/archives (apt still checks every file against the signed index).
   * Default on; MATRIX_SETUP_E2E_APT_CACHE=0 turns it off.
   */
  aptCache?: boolean;
}

export interface ContainerExecOptions extends RunOptions {
  /** Working directory inside the container (default /root). */
  cwd?: string;
}

export interface BootTimings {
  restoreMs: number;
  bootMs: number;
}

/** A booted Debian system (systemd as PID 1) in a throwaway copy of a cached root filesystem. */
export class Container {
  private stopped = false;
  private exited: Promise<void>;
  private hasExited = false;
  private readonly emergencyStop = () => this.killNow();
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.killNow();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };

  private constructor(
    readonly name: string,
    readonly dir: string,
    readonly root: string,
    readonly consoleLog: string,
    private readonly lock: HeldLock,
    private nspawn: ChildProcess,
    private readonly nspawnArgs: string[],
    private leader: number,
    readonly timings: BootTimings,
  ) {
    this.exited = this.watchExit(nspawn);
    process.on('exit', this.emergencyStop);
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  private watchExit(nspawn: ChildProcess): Promise<void> {
    this.hasExited = false;
    return new Promise<void>((resolve) => {
      if (nspawn.exitCode !== null || nspawn.signalCode !== null) return resolve();
      nspawn.once('exit', () => resolve());
    }).then(() => {
      this.hasExited = true;
    });
  }

  get nspawnPid(): number {
    return this.nspawn.pid!;
  }

  get leaderPid(): number {
    return this.leader;
  }

  static async boot(options: BootOptions): Promise<Container> {
    const name = options.name ?? 'matrix-e2e';
    await ensureHostTools();
    mkdirSync(CACHE_DIR, { recursive: true });
    const lock = await acquireLock(CONTAINER_LOCK, {
      waitMs: options.lockWaitMs ?? 30 * 60_000,
      what: 'the end-to-end container lock',
      onStale: cleanUpAbandoned,
    });
    let dir: string | undefined;
    let nspawn: ChildProcess | undefined;
    try {
      const busy = busyPorts(CONTAINER_PORTS);
      if (busy.length > 0) {
        throw new Error(
          `host ports in use: ${describeBusyPorts(busy)}. The end-to-end container shares the host's network ` +
            `and needs ${CONTAINER_PORTS.join('/')} free; stop what listens there first.`,
        );
      }
      dir = mkdtempSync(join(SCENARIO_PARENT, SCENARIO_PREFIX));
      lock.update({ dir });
      const root = join(dir, 'root');
      const restoreStarted = Date.now();
      await restoreRootfs(options.rootfs, root);
      writeFileSync(join(root, 'etc/hostname'), `${name}\n`);
      const restoreMs = Date.now() - restoreStarted;

      const args = ['-b', '-D', root, '-M', name, '--register=no', '--keep-unit', '--console=passive'];
      const aptCache = options.aptCache ?? process.env.MATRIX_SETUP_E2E_APT_CACHE !== '0';
      if (aptCache) {
        const archives = join(CACHE_DIR, 'apt-archives', options.rootfs);
        mkdirSync(join(archives, 'partial'), { recursive: true });
        args.push(`--bind=${archives}:/var/cache/apt/archives`);
      }
      const consoleLog = join(dir, 'console.log');
      const bootStarted = Date.now();
      nspawn = await startNspawn(args, consoleLog);
      lock.update({ nspawnPid: nspawn.pid, dir });
      const timings: BootTimings = { restoreMs, bootMs: 0 };
      const container = new Container(name, dir, root, consoleLog, lock, nspawn, args, 0, timings);
      try {
        const bootTimeoutMs = options.bootTimeoutMs ?? 120_000;
        container.leader = await container.findLeader(bootStarted + bootTimeoutMs);
        await container.waitUntilRunning(bootStarted + bootTimeoutMs);
        timings.bootMs = Date.now() - bootStarted;
      } catch (error) {
        await container.stop();
        throw error;
      }
      return container;
    } catch (error) {
      if (!nspawn) {
        if (dir) rmSync(dir, { recursive: true, force: true });
        lock.release();
      }
      throw error;
    }
  }

  /**
   * Reboots the machine as its admin would (`systemctl reboot`): systemd stops every service,
   * systemd-nspawn exits, and the same root filesystem boots again, so only what is enabled
   * starts and nothing a test started by hand is running. Returns the time until `running`.
   */
  async reboot(timeoutMs = 120_000): Promise<number> {
    const started = Date.now();
    await this.exec(['systemctl', 'reboot'], { okExitCodes: [0, 1, 137, 255], timeoutMs: 15_000 }).catch(() => {});
    if (!(await this.waitForExit(60_000))) throw new Error(`the container did not shut down for the reboot in 60 s:\n${this.consoleTail()}`);
    this.nspawn = await startNspawn(this.nspawnArgs, this.consoleLog);
    this.exited = this.watchExit(this.nspawn);
    this.lock.update({ nspawnPid: this.nspawn.pid, dir: this.dir });
    this.leader = await this.findLeader(started + timeoutMs);
    await this.waitUntilRunning(started + timeoutMs);
    return Date.now() - started;
  }

  private consoleTail(lines = 30): string {
    try {
      return tail(readFileSync(this.consoleLog, 'utf8'), lines);
    } catch {
      return '(no console output)';
    }
  }

  /** The container's systemd: the child of systemd-nspawn once it has exec'd systemd. */
  private async findLeader(deadline: number): Promise<number> {
    while (Date.now() < deadline) {
      if (this.hasExited) throw new Error(`systemd-nspawn exited during boot:\n${this.consoleTail()}`);
      const result = await run(['pgrep', '-P', String(this.nspawnPid)], { okExitCodes: [0, 1], timeoutMs: 10_000 });
      const pid = Number(result.stdout.trim().split('\n')[0]);
      if (pid > 0) {
        try {
          if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'systemd') return pid;
        } catch {
          // gone between pgrep and now
        }
      }
      await sleep(100);
    }
    throw new Error(`the container's systemd did not start in time:\n${this.consoleTail()}`);
  }

  private async waitUntilRunning(deadline: number): Promise<void> {
    let state = '';
    while (Date.now() < deadline) {
      if (this.hasExited) throw new Error(`systemd-nspawn exited during boot:\n${this.consoleTail()}`);
      try {
        const result = await this.exec(['systemctl', 'is-system-running'], { okExitCodes: [0, 1], timeoutMs: 10_000 });
        state = result.stdout.trim();
        if (state === 'running' || state === 'degraded') return;
      } catch {
        // the namespace may not be enterable yet
      }
      await sleep(200);
    }
    let jobs = '';
    try {
      jobs = (await this.exec(['systemctl', 'list-jobs', '--no-pager'], { okExitCodes: [0, 1], timeoutMs: 10_000 })).stdout;
    } catch {
      // nothing more to show
    }
    throw new Error(`the container did not finish booting (state "${state}"):\n${jobs}\n${this.consoleTail()}`);
  }

  /**
   * Runs a command inside the container as root, with a clean environment (what a root shell on
   * a fresh VPS has) plus `env`. Throws unless the exit code is in `okExitCodes` (default [0]).
   */
  exec(argv: string[], options: ContainerExecOptions = {}): Promise<RunResult> {
    return this.start(argv, options).result;
  }

  /**
   * Starts a command inside the container like exec() and returns at once with the host PID of
   * the nsenter process that runs it (the command is its child), for tests that kill it mid-run.
   */
  start(argv: string[], options: ContainerExecOptions = {}): StartedCommand {
    return start(this.hostArgv(argv, options), {
      stdin: options.stdin,
      timeoutMs: options.timeoutMs,
      okExitCodes: options.okExitCodes,
      env: { PATH: CONTAINER_PATH, LANG: 'C.UTF-8' },
      display: ['(container)', ...argv],
    });
  }

  /**
   * The host command line that runs argv inside the container as root, with a clean environment
   * (what a root shell on a fresh VPS has) plus `env`: for running it in a terminal of the host.
   */
  hostArgv(argv: string[], options: Pick<ContainerExecOptions, 'env' | 'cwd'> = {}): string[] {
    if (this.stopped) throw new Error('the container is stopped');
    const env = {
      PATH: CONTAINER_PATH,
      HOME: '/root',
      LANG: 'C.UTF-8',
      TERM: 'dumb',
      ...options.env,
    };
    const assignments = Object.entries(env).map(([key, value]) => `${key}=${value}`);
    // The working directory is set by env inside the container: nsenter's --wd resolves the
    // path outside it, which leaves commands with a cwd they cannot name (getcwd fails).
    const nsenter = ['nsenter', '-t', String(this.leader), '-a', '--'];
    return [...nsenter, '/usr/bin/env', '-i', '-C', options.cwd ?? '/root', ...assignments, ...argv];
  }

  /** The host path of a path inside the container (symlinks resolved inside its root). */
  hostPath(containerPath: string): string {
    return resolveInRoot(this.root, containerPath);
  }

  /** Copies a host file or directory to a path in the container (its parent is created). */
  copyIn(hostPath: string, containerPath: string): void {
    const target = this.hostPath(containerPath);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(hostPath, target, { recursive: true, preserveTimestamps: true });
  }

  writeFile(containerPath: string, content: string, mode = 0o644): void {
    const target = this.hostPath(containerPath);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content, { mode });
  }

  readFile(containerPath: string): string {
    return readFileSync(this.hostPath(containerPath), 'utf8');
  }

  exists(containerPath: string): boolean {
    return existsSync(this.hostPath(containerPath));
  }

  /**
   * Powers the container off (systemctl poweroff), waits for systemd-nspawn to exit, kills
   * only the container's own PIDs if it does not, then removes the scenario directory.
   */
  async stop(): Promise<void> {
    if (this.stopped) return;
    try {
      if (!this.hasExited && this.leader > 0) {
        await this.exec(['systemctl', 'poweroff'], { okExitCodes: [0, 1, 137, 255], timeoutMs: 15_000 }).catch(() => {});
      }
      if (!(await this.waitForExit(60_000))) {
        console.log(`[e2e] container did not power off in 60 s; killing its PIDs ${this.leader} and ${this.nspawnPid}`);
        this.killNow();
        await this.waitForExit(15_000);
      }
    } finally {
      this.stopped = true;
      this.removeScenarioDir();
      process.off('exit', this.emergencyStop);
      process.off('SIGINT', this.onSignal);
      process.off('SIGTERM', this.onSignal);
    }
  }

  private async waitForExit(ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    const leader = this.leader;
    while (!this.hasExited && Date.now() < deadline) {
      resumeStoppedNsenters(leader);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.exited, new Promise((resolve) => (timer = setTimeout(resolve, 200)))]);
      clearTimeout(timer);
    }
    return this.hasExited;
  }

  /** Last resort, synchronous (also on process exit): SIGKILL the container's PID 1, then nspawn. */
  private killNow(): void {
    if (this.hasExited) return;
    for (const pid of [this.leader, this.nspawnPid]) {
      if (pid > 0 && processAlive(pid)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    if (!this.stopped) {
      this.stopped = true;
      this.removeScenarioDir();
    }
  }

  private removeScenarioDir(): void {
    const mounted = mountsUnder(this.dir);
    if (mounted.length > 0) {
      console.log(`[e2e] not removing ${this.dir}: still mounted: ${mounted.join(', ')}`);
    } else {
      rmSync(this.dir, { recursive: true, force: true });
    }
    this.lock.release();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Mount points (in this process's mount namespace) at or below `dir`. */
function mountsUnder(dir: string): string[] {
  try {
    return readFileSync('/proc/self/mountinfo', 'utf8')
      .split('\n')
      .map((line) => line.split(' ')[4])
      .filter((point): point is string => !!point && (point === dir || point.startsWith(`${dir}/`)));
  } catch {
    return [];
  }
}

/**
 * A container left behind by a test process that died without stopping it: its lock names the
 * nspawn PID and scenario directory this harness recorded. It is ended only if that PID is
 * still the very systemd-nspawn started on that directory.
 */
async function cleanUpAbandoned(info: LockInfo): Promise<void> {
  const dir = typeof info.dir === 'string' ? info.dir : undefined;
  const pid = typeof info.nspawnPid === 'number' ? info.nspawnPid : undefined;
  if (pid && dir && processAlive(pid)) {
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      // gone
    }
    if (cmdline.includes('systemd-nspawn') && cmdline.includes(dir)) {
      console.log(`[e2e] stopping a container left behind by PID ${info.pid} (systemd-nspawn PID ${pid})`);
      process.kill(pid, 'SIGTERM'); // nspawn asks the container to shut down
      for (let i = 0; i < 300 && processAlive(pid); i++) await sleep(100);
      if (processAlive(pid)) process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 50 && processAlive(pid); i++) await sleep(100);
    }
  }
  if (dir && posix.basename(dir).startsWith(SCENARIO_PREFIX) && mountsUnder(dir).length === 0) {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * systemd-nspawn booting `args`, its output appended to `consoleLog`. Detached: the container
 * gets its own session (setsid), so the test's terminal and signals never reach it; it is
 * stopped explicitly, by PID.
 */
async function startNspawn(args: string[], consoleLog: string): Promise<ChildProcess> {
  const logFd = openSync(consoleLog, 'a');
  const nspawn = spawn('systemd-nspawn', args, {
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: { PATH: CONTAINER_PATH, LANG: 'C.UTF-8', SYSTEMD_NSPAWN_UNIFIED_HIERARCHY: '1' },
  });
  closeSync(logFd);
  nspawn.unref();
  await new Promise<void>((resolve, reject) => {
    nspawn.once('spawn', () => resolve());
    nspawn.once('error', reject);
  });
  return nspawn;
}

/**
 * At shutdown, systemd-shutdown stops every process of the container (kill(-1, SIGSTOP)) before
 * it signals them, then continues them. A command a test runs through nsenter is such a
 * process, but nsenter, its parent, is outside the container: seeing its child stopped, it stops
 * itself until someone continues it, and nobody inside can. It then never reaps its child, so
 * the container's PID namespace, and the container, never end. Continued here, it passes the
 * continue on and reaps its child. (On a real machine the run's parent is inside: no such case.)
 */
function resumeStoppedNsenters(leader: number): void {
  for (const info of allProcesses()) {
    if (info.comm !== 'nsenter') continue;
    try {
      const args = readFileSync(`/proc/${info.pid}/cmdline`, 'utf8').split('\0');
      const stopped = /^State:\s+T/m.test(readFileSync(`/proc/${info.pid}/status`, 'utf8'));
      if (stopped && args[1] === '-t' && args[2] === String(leader)) process.kill(info.pid, 'SIGCONT');
    } catch {
      // gone meanwhile
    }
  }
}
