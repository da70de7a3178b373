import { THIS_MACHINE_ADDRESS } from '../../src/host/machine-address-token.js';

/**
 * coturn's turnserver.conf for Synapse's TURN REST credentials (use-auth-secret), after
 * Synapse's docs/setup/turn/coturn.md and coturn's own security advice: the relay may never
 * reach this machine, private networks or multicast, and only relays UDP (calls need no more).
 */
export interface CoturnConfigInput {
  /** Sent to clients in the authentication exchange; conventionally the server_name. */
  realm: string;
  /** The shared secret, as a secret token (the runner writes the value). */
  sharedSecret: string;
  minPort: number;
  maxPort: number;
  /** Public address, and the private one it maps to behind NAT (external-ip=PUBLIC/PRIVATE). */
  externalIp?: string;
  privateIp?: string;
  /** TURN over TLS/DTLS on the TLS port; without it both are turned off. */
  tls?: { cert: string; key: string };
  /** Defaults 3478 and 5349; tests run coturn on high ports. */
  listeningPort?: number;
  tlsListeningPort?: number;
  /** Addresses to listen and relay on; default: all of this machine's addresses. */
  listeningIps?: string[];
  relayIps?: string[];
  /**
   * The coturn version the config is for (default: a current one). Options coturn dropped or
   * turned into defaults are written only for versions that still need them.
   */
  coturnVersion?: string;
}

/**
 * Which hardening options a coturn version needs spelled out. Each became the default, and
 * then an unknown ("Bad configuration format") or deprecated option, in coturn's ChangeLog:
 * - 4.7.0: TLS 1.0/1.1 off, old STUN (no MAPPED-ADDRESS) off, RFC 5780 off, no SOFTWARE
 *   attribute; no-tlsv1, no-tlsv1_1 and no-stun-backward-compatibility are unknown since;
 * - 4.10.0: the telnet CLI is off (no-cli logs an error since);
 * - 4.17.0: DTLS listeners only with --dtls (no-dtls logs a warning since).
 */
export function coturnOptionsFor(version: string): { legacyStunAndTls: boolean; noCli: boolean; noDtls: boolean } {
  return {
    legacyStunAndTls: versionBefore(version, [4, 7]),
    noCli: versionBefore(version, [4, 10]),
    noDtls: versionBefore(version, [4, 17]),
  };
}

function versionBefore(version: string, [major, minor]: [number, number]): boolean {
  const [a = 0, b = 0] = version.split('.').map((part) => Number.parseInt(part, 10));
  return a < major || (a === major && b < minor);
}

const CURRENT_COTURN = '4.18.0';

/** Ranges the relay must never send to: RFC 6890 special-purpose and private IPv4/IPv6 space. */
export const DENIED_PEER_RANGES = [
  '0.0.0.0-0.255.255.255',
  '10.0.0.0-10.255.255.255',
  '100.64.0.0-100.127.255.255',
  '127.0.0.0-127.255.255.255',
  '169.254.0.0-169.254.255.255',
  '172.16.0.0-172.31.255.255',
  '192.0.0.0-192.0.0.255',
  '192.0.2.0-192.0.2.255',
  '192.88.99.0-192.88.99.255',
  '192.168.0.0-192.168.255.255',
  '198.18.0.0-198.19.255.255',
  '198.51.100.0-198.51.100.255',
  '203.0.113.0-203.0.113.255',
  '240.0.0.0-255.255.255.255',
  '::1',
  '64:ff9b::-64:ff9b::ffff:ffff',
  '::ffff:0.0.0.0-::ffff:255.255.255.255',
  '100::-100::ffff:ffff:ffff:ffff',
  '2001::-2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff',
  '2002::-2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
  'fc00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
  'fe80::-febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
];

/**
 * This machine's own addresses, public ones included: a relay to them would reach the services
 * listening there (and coturn itself) from outside. external_ip and private_ip from the answers,
 * and every address on its interfaces when the file is written. The price: two clients that
 * both need this server's relay cannot send to each other's relay address (coturn has no
 * exception for its own relay ports); one of them reaching the relay directly is enough.
 */
function ownAddressLines(input: CoturnConfigInput): string[] {
  const given = [...new Set([input.externalIp, input.privateIp].filter((ip): ip is string => Boolean(ip)))];
  return [
    "# This machine's own addresses: external_ip and private_ip, and each address on its interfaces (filled in when the file is written).",
    ...given.map((ip) => `denied-peer-ip=${ip}`),
    `denied-peer-ip=${THIS_MACHINE_ADDRESS}`,
  ];
}

export function coturnConfig(input: CoturnConfigInput): string {
  const options = coturnOptionsFor(input.coturnVersion ?? CURRENT_COTURN);
  const lines: string[] = [
    '# Written by matrix-setup; changes here are replaced on the next run (the old file is kept as a .bak).',
    '# Synapse hands out short-lived credentials signed with the shared secret (turn_shared_secret).',
    '',
    `listening-port=${input.listeningPort ?? 3478}`,
    ...(input.listeningIps ?? []).map((ip) => `listening-ip=${ip}`),
    ...(input.relayIps ?? []).map((ip) => `relay-ip=${ip}`),
  ];
  if (input.externalIp) {
    lines.push(
      '# The address clients reach this server on' + (input.privateIp ? ', and the private address NAT maps it to.' : '.'),
      `external-ip=${input.externalIp}${input.privateIp ? `/${input.privateIp}` : ''}`,
    );
  }
  lines.push(
    '# Relay ports (UDP), opened in the firewall.',
    `min-port=${input.minPort}`,
    `max-port=${input.maxPort}`,
    '',
    'use-auth-secret',
    `static-auth-secret=${input.sharedSecret}`,
    `realm=${input.realm}`,
    'fingerprint',
    '',
  );
  if (input.tls) {
    lines.push(
      `tls-listening-port=${input.tlsListeningPort ?? 5349}`,
      `cert=${input.tls.cert}`,
      `pkey=${input.tls.key}`,
    );
    if (options.legacyStunAndTls) lines.push('no-tlsv1', 'no-tlsv1_1');
    else lines.push('# TLS 1.0 and 1.1 stay off (the default since coturn 4.7).');
  } else {
    lines.push('# No certificate for TURN over TLS (tls.mode self-signed).', 'no-tls');
    if (options.noDtls) lines.push('no-dtls');
  }
  lines.push(
    '',
    '# Hardening: calls only need UDP relays; never relay to this machine, private networks or multicast.',
    'no-tcp-relay',
    'no-multicast-peers',
    ...DENIED_PEER_RANGES.map((range) => `denied-peer-ip=${range}`),
    ...ownAddressLines(input),
    '# At most 12 relayed streams per user (3 video calls), 1200 in total.',
    'user-quota=12',
    'total-quota=1200',
  );
  if (options.legacyStunAndTls) {
    lines.push(
      '# No admin console, no version in responses, no NAT-discovery amplification.',
      'no-cli',
      'no-software-attribute',
      'no-rfc5780',
      'no-stun-backward-compatibility',
      'response-origin-only-with-rfc5780',
    );
  } else if (options.noCli) {
    lines.push('# No admin console (coturn 4.7 and later send no version and do no NAT discovery unless asked).', 'no-cli');
  } else {
    lines.push('# coturn 4.10 and later: no admin console, no version in responses and no NAT discovery unless asked.');
  }
  lines.push(
    '',
    '# Logs go to the journal: journalctl -u coturn',
    'syslog',
    'no-stdout-log',
    '',
  );
  return lines.join('\n');
}
