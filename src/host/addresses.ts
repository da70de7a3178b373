import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

export interface MachineAddress {
  address: string;
  family: 4 | 6;
  interface: string;
  /** Reachable from the internet if routed here: not private, loopback, link-local or CGNAT. */
  public: boolean;
}

/** This machine's addresses, without loopback and IPv6 link-local ones. */
export function machineAddresses(interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces()): MachineAddress[] {
  const addresses: MachineAddress[] = [];
  for (const [name, entries] of Object.entries(interfaces)) {
    for (const entry of entries ?? []) {
      if (entry.internal) continue;
      const family = entry.family === 'IPv4' || (entry.family as unknown) === 4 ? 4 : 6;
      const address = canonicalAddress(entry.address);
      if (family === 6 && address.startsWith('fe80:')) continue;
      addresses.push({ address, family, interface: name, public: isPublicAddress(address) });
    }
  }
  return addresses;
}

/** One spelling per address, so DNS answers and interface addresses compare equal. */
export function canonicalAddress(address: string): string {
  const bare = address.replace(/%.*$/, '');
  if (isIP(bare) !== 6) return bare;
  try {
    const canonical = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
    // The URL parser spells IPv4-mapped addresses in hex (::ffff:808:808); keep them dotted.
    const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
    if (mapped) {
      const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
      return `::ffff:${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
    }
    return canonical;
  } catch {
    return bare.toLowerCase();
  }
}

export function isPublicAddress(address: string): boolean {
  const bare = canonicalAddress(address);
  const version = isIP(bare);
  if (version === 4) return isPublicIpv4(bare);
  if (version !== 6) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped) return isPublicIpv4(mapped[1]);
  const first = parseInt(bare.split(':')[0] || '0', 16);
  if (bare === '::' || bare === '::1') return false;
  if ((first & 0xfe00) === 0xfc00) return false; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return false; // fe80::/10 link-local
  return (first & 0xe000) === 0x2000; // 2000::/3 global unicast
}

function isPublicIpv4(address: string): boolean {
  const [a, b] = address.split('.').map(Number);
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 100 && b >= 64 && b <= 127) return false; // carrier-grade NAT
  return true;
}
