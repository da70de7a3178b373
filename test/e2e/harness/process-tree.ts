import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  comm: string;
}

function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "PID (comm) STATE PPID ...": comm may itself contain spaces and parentheses.
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    return { pid, ppid: Number(fields[1]), comm: stat.slice(open + 1, close) };
  } catch {
    return undefined; // gone
  }
}

/** Every process on the host (the container's processes included, by their host PIDs). */
export function allProcesses(): ProcessInfo[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((info): info is ProcessInfo => info !== undefined);
}

/** `root` and all its descendants, parents before children. */
export function processTree(root: number): ProcessInfo[] {
  const all = allProcesses();
  const children = new Map<number, ProcessInfo[]>();
  for (const info of all) {
    if (!children.has(info.ppid)) children.set(info.ppid, []);
    children.get(info.ppid)!.push(info);
  }
  const top = all.find((info) => info.pid === root);
  if (!top) return [];
  const tree: ProcessInfo[] = [];
  const queue = [top];
  while (queue.length > 0) {
    const info = queue.shift()!;
    tree.push(info);
    queue.push(...(children.get(info.pid) ?? []));
  }
  return tree;
}

/** Alive and not a zombie. */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/**
 * Stops `root` and everything it started with SIGSTOP: parents first, repeated until no new
 * process appears, so nothing forks or reparents away meanwhile. Returns what was stopped.
 */
export function freezeTree(root: number): ProcessInfo[] {
  const frozen = new Map<number, ProcessInfo>();
  for (let round = 0; round < 20; round++) {
    const tree = processTree(root).filter((info) => !frozen.has(info.pid));
    if (tree.length === 0) break;
    for (const info of tree) {
      signal(info.pid, 'SIGSTOP');
      frozen.set(info.pid, info);
    }
  }
  return [...frozen.values()];
}

/** Lets processes stopped by freezeTree run on. */
export function thaw(processes: ProcessInfo[]): void {
  for (const info of processes) signal(info.pid, 'SIGCONT');
}

/**
 * Kills `root` and everything it started, as a crash or power cut would: the tree is frozen
 * first, then every process gets SIGKILL. Returns what was killed.
 */
export function killTree(root: number): ProcessInfo[] {
  return killFrozen(freezeTree(root));
}

export function killFrozen(processes: ProcessInfo[]): ProcessInfo[] {
  for (const info of processes) signal(info.pid, 'SIGKILL');
  return processes;
}
