import { readFileSync } from 'node:fs';

/** The ports a booted container takes on the shared host network (nginx, federation, Postgres). */
export const CONTAINER_PORTS = [80, 443, 8448, 5432];

export interface BusyPort {
  port: number;
  address: string;
}

function parseAddress(hex: string, v6: boolean): string {
  if (!v6) {
    const bytes = hex.match(/../g)!.map((b) => parseInt(b, 16)).reverse();
    return bytes.join('.');
  }
  return hex === '00000000000000000000000000000000' ? '::' : `[${hex.toLowerCase()}]`;
}

/** TCP ports among `ports` that something on this network namespace listens on. */
export function busyPorts(ports: number[]): BusyPort[] {
  const busy: BusyPort[] = [];
  for (const [file, v6] of [['/proc/net/tcp', false], ['/proc/net/tcp6', true]] as const) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 4 || fields[3] !== '0A') continue; // 0A = LISTEN
      const [addressHex, portHex] = fields[1].split(':');
      const port = parseInt(portHex, 16);
      if (ports.includes(port)) busy.push({ port, address: `${parseAddress(addressHex, v6)}:${port}` });
    }
  }
  return busy.sort((a, b) => a.port - b.port);
}

export function describeBusyPorts(busy: BusyPort[]): string {
  return busy.map((b) => b.address).join(', ');
}
