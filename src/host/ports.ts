import { readdir, readFile, readlink } from 'node:fs/promises';
import { canonicalAddress } from './addresses.js';
import type { CommandProbe } from './probe.js';
import { withTimeout } from './timeout.js';

export interface PortHolder {
  /** Process name (comm), e.g. "nginx", "apache2", "docker-proxy". */
  name: string;
  pid: number;
  /** The systemd unit it runs in ("matrix-synapse.service"), when /proc says. */
  unit?: string;
}

/** A listening TCP socket. */
export interface Listener {
  port: number;
  /** Local address without brackets or %interface: 0.0.0.0, ::, 127.0.0.1, * */
  address: string;
  /** Empty when the owner could not be seen (not root, or no process information). */
  holders: PortHolder[];
}

export interface ListenerScan {
  listeners: Listener[];
  /** Where the list came from; 'none' when neither ss nor /proc/net could be read. */
  source: 'ss' | 'proc' | 'none';
}

/** Parses `ss -Hltnp` output (no header line). Lines it cannot read are skipped. */
export function parseSsListeners(output: string): Listener[] {
  const listeners: Listener[] = [];
  for (const line of output.split('\n')) {
    const fields = line.trim().split(/\s+/);
    // State Recv-Q Send-Q Local:Port Peer:Port [Process]; the first address-like field is the local one.
    const local = fields.find((field) => /^(\[[^\]]*\]|[^\s]*):(\d+|\*)$/.test(field));
    if (!local) continue;
    const separator = local.lastIndexOf(':');
    const port = Number(local.slice(separator + 1));
    if (!Number.isInteger(port)) continue;
    const address = local.slice(0, separator).replace(/^\[|\]$/g, '').replace(/%.*$/, '');
    const holders: PortHolder[] = [];
    for (const match of line.matchAll(/\("((?:[^"\\]|\\.)*)",pid=(\d+)/g)) {
      holders.push({ name: match[1], pid: Number(match[2]) });
    }
    listeners.push({ port, address, holders: uniqueHolders(holders) });
  }
  return listeners;
}

const TCP_LISTEN = '0A';

/** Parses /proc/net/tcp or /proc/net/tcp6: listening sockets with their inode (owners are found separately). */
export function parseProcNetTcp(text: string): Array<{ port: number; address: string; inode: string }> {
  const sockets: Array<{ port: number; address: string; inode: string }> = [];
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 10 || fields[3] !== TCP_LISTEN) continue;
    const [addressHex, portHex] = fields[1].split(':');
    if (!addressHex || !portHex) continue;
    sockets.push({ port: parseInt(portHex, 16), address: decodeProcAddress(addressHex), inode: fields[9] });
  }
  return sockets;
}

/** /proc/net addresses are 32-bit words in host (little-endian) byte order. */
function decodeProcAddress(hex: string): string {
  const bytes: number[] = [];
  for (let word = 0; word < hex.length; word += 8) {
    const chunk = hex.slice(word, word + 8);
    for (let i = 6; i >= 0; i -= 2) bytes.push(parseInt(chunk.slice(i, i + 2), 16));
  }
  if (bytes.length === 4) return bytes.join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  return canonicalAddress(groups.join(':'));
}

/** Which processes hold the given socket inodes, from /proc/<pid>/fd (complete only as root). */
export async function socketOwners(inodes: Set<string>, procRoot = '/proc'): Promise<Map<string, PortHolder[]>> {
  const owners = new Map<string, PortHolder[]>();
  if (inodes.size === 0) return owners;
  const pids = (await readdir(procRoot).catch(() => [] as string[])).filter((name) => /^\d+$/.test(name));
  await Promise.all(
    pids.map(async (pid) => {
      const fds = await readdir(`${procRoot}/${pid}/fd`).catch(() => [] as string[]);
      for (const fd of fds) {
        const link = await readlink(`${procRoot}/${pid}/fd/${fd}`).catch(() => '');
        const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
        if (!inode || !inodes.has(inode)) continue;
        const name = (await readFile(`${procRoot}/${pid}/comm`, 'utf8').catch(() => '?')).trim();
        owners.set(inode, uniqueHolders([...(owners.get(inode) ?? []), { name, pid: Number(pid) }]));
      }
    }),
  );
  return owners;
}

/** The systemd service a process runs in, from its cgroup path ("0::/system.slice/nginx.service"). */
export function unitFromCgroup(text: string): string | undefined {
  for (const line of text.split('\n')) {
    const path = line.split(':').slice(2).join(':');
    const unit = path.split('/').reverse().find((part) => /\.service$/.test(part));
    if (unit) return unit;
  }
  return undefined;
}

/** Adds each holder's systemd unit (read from /proc/<pid>/cgroup; complete only as root). */
export async function withUnits(listeners: Listener[], procRoot = '/proc'): Promise<Listener[]> {
  return Promise.all(
    listeners.map(async (listener) => ({
      ...listener,
      holders: await Promise.all(
        listener.holders.map(async (holder) => {
          const unit = unitFromCgroup(await readFile(`${procRoot}/${holder.pid}/cgroup`, 'utf8').catch(() => ''));
          return unit ? { ...holder, unit } : holder;
        }),
      ),
    })),
  );
}

/** Listening TCP sockets: from `ss -Hltnp`, or from /proc/net where ss is missing (minimal containers). */
export async function scanListeners(probe: CommandProbe, timeoutMs = 5000): Promise<ListenerScan> {
  const ss = await probe(['ss', '-Hltnp'], timeoutMs);
  if (ss !== undefined) return { listeners: await withUnits(parseSsListeners(ss)), source: 'ss' };
  const fromProc = async (): Promise<ListenerScan> => {
    const tables = await Promise.all(['/proc/net/tcp', '/proc/net/tcp6'].map((path) => readFile(path, 'utf8').catch(() => undefined)));
    if (tables.every((table) => table === undefined)) return { listeners: [], source: 'none' };
    const sockets = tables.flatMap((table) => (table ? parseProcNetTcp(table) : []));
    const owners = await socketOwners(new Set(sockets.map((socket) => socket.inode)));
    return {
      listeners: await withUnits(sockets.map(({ port, address, inode }) => ({ port, address, holders: owners.get(inode) ?? [] }))),
      source: 'proc',
    };
  };
  return withTimeout(fromProc(), timeoutMs, { listeners: [], source: 'none' });
}

function uniqueHolders(holders: PortHolder[]): PortHolder[] {
  const seen = new Set<string>();
  return holders.filter((holder) => {
    const key = `${holder.name}/${holder.pid}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
