import { BlockList, isIPv4, isIPv6 } from 'node:net';
import type { Localized } from '../../src/i18n/localized.js';
import { postgresText as t } from '../../src/i18n/messages/steps-postgres.js';

/**
 * pg_hba.conf for loopback logins with a password. pg_hba is first-match: for each loopback
 * address the first line that applies to the database and role decides the method.
 * RHEL's initdb writes `ident` there (the OS user must match the role), which Synapse
 * cannot use; those lines are switched to scram-sha-256 and everything else is left alone.
 */
export interface HbaFix {
  content: string;
  /** What was changed, for the log ("line 82: ident -> scram-sha-256 for 127.0.0.1"). */
  changes: Localized[];
  warnings: Localized[];
  /** A line that makes password logins impossible and that matrix-setup will not rewrite. */
  blocker?: Localized;
}

const LOOPBACKS = [
  { address: '127.0.0.1', family: 'ipv4' as const },
  { address: '::1', family: 'ipv6' as const },
];
const HOST_TYPES = new Set(['host', 'hostssl', 'hostnossl', 'hostgssenc', 'hostnogssenc']);
const PASSWORD_METHODS = new Set(['scram-sha-256', 'md5', 'password']);

type Match = 'yes' | 'no' | 'unknown';

interface HbaLine {
  index: number;
  raw: string;
  fields: string[];
  /** Offset of the method field in the raw line. */
  methodAt: number;
  type: string;
  database: string;
  user: string;
  address: string;
  mask?: string;
  method: string;
}

export function fixLoopbackAuth(content: string, database: string, user: string): HbaFix {
  const lines = content.split('\n');
  const parsed = lines.map((raw, index) => parseLine(raw, index)).filter((line): line is HbaLine => line !== undefined);
  const changes: Localized[] = [];
  const warnings: Localized[] = [];
  let blocker: Localized | undefined;
  let missingIpv4 = false;

  for (const loopback of LOOPBACKS) {
    const first = parsed.find((line) => matches(line, loopback, database, user) !== 'no');
    if (!first) {
      if (loopback.family === 'ipv4') missingIpv4 = true;
      continue;
    }
    const certain = matches(first, loopback, database, user) === 'yes';
    const where = t.hbaLine({ number: first.index + 1 });
    const line = first.raw.trim();
    const { address } = loopback;
    if (first.method === 'ident') {
      if (!certain) {
        blocker ??= t.hbaMayApplyIdent({ where, line, user, address });
        continue;
      }
      // Both loopback addresses may be decided by the same line (e.g. "all"): rewrite it once.
      if (lines[first.index] === first.raw) {
        lines[first.index] = replaceMethod(first);
        changes.push(t.hbaIdentRewritten({ where }));
      }
    } else if (first.method === 'reject' && certain) {
      blocker ??= t.hbaRejects({ where, line, user, address });
    } else if (first.method === 'trust') {
      warnings.push(t.hbaTrust({ where, address }));
    } else if (!PASSWORD_METHODS.has(first.method) && first.method !== 'reject') {
      warnings.push(t.hbaOtherMethod({ where, method: first.method, address }));
    }
  }

  if (missingIpv4 && !blocker) {
    const entry = `host    "${database}"    "${user}"    127.0.0.1/32    scram-sha-256`;
    const body = lines.join('\n');
    const separator = body.endsWith('\n') || body === '' ? '' : '\n';
    return {
      content: `${body}${separator}# Added by matrix-setup: Synapse logs in over 127.0.0.1 with a password.\n${entry}\n`,
      changes: [...changes, t.hbaAdded({ entry })],
      warnings,
    };
  }
  return { content: lines.join('\n'), changes, warnings, blocker };
}

function parseLine(raw: string, index: number): HbaLine | undefined {
  const tokens = tokenize(raw);
  const fields = tokens.map((token) => token.text);
  if (fields.length < 4 || !HOST_TYPES.has(fields[0])) return undefined;
  const [type, database, user, address] = fields;
  // An address without a /prefix may be followed by a separate netmask column.
  const hasMask = !address.includes('/') && (isIPv4(address) || isIPv6(address)) && fields.length >= 6;
  const methodToken = tokens[hasMask ? 5 : 4];
  if (!methodToken) return undefined;
  return {
    index,
    raw,
    fields,
    methodAt: methodToken.start,
    type,
    database,
    user,
    address,
    mask: hasMask ? fields[4] : undefined,
    method: methodToken.text,
  };
}

/** Whitespace-separated fields; "quoted" fields keep their quotes (they lose keyword meaning); # starts a comment. */
function tokenize(raw: string): Array<{ text: string; start: number }> {
  const tokens: Array<{ text: string; start: number }> = [];
  let current = '';
  let start = 0;
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i];
    if (!quoted && char === '#') break;
    if (!quoted && /\s/.test(char)) {
      if (current) tokens.push({ text: current, start });
      current = '';
      continue;
    }
    if (!current) start = i;
    if (char === '"') quoted = !quoted;
    current += char;
  }
  if (current) tokens.push({ text: current, start });
  return tokens;
}

function matches(line: HbaLine, loopback: (typeof LOOPBACKS)[number], database: string, user: string): Match {
  return all([matchDatabase(line.database, database, user), matchUser(line.user, user), matchAddress(line, loopback)]);
}

function all(results: Match[]): Match {
  if (results.includes('no')) return 'no';
  return results.includes('unknown') ? 'unknown' : 'yes';
}

function anyOf(list: string, one: (item: string) => Match): Match {
  const results = splitList(list).map(one);
  if (results.includes('yes')) return 'yes';
  return results.includes('unknown') ? 'unknown' : 'no';
}

function splitList(list: string): string[] {
  return list.split(',').filter(Boolean);
}

function unquote(token: string): { value: string; quoted: boolean } {
  const quoted = token.startsWith('"') && token.endsWith('"') && token.length >= 2;
  return { value: quoted ? token.slice(1, -1) : token, quoted };
}

function matchDatabase(list: string, database: string, user: string): Match {
  return anyOf(list, (item) => {
    const { value, quoted } = unquote(item);
    if (!quoted) {
      if (value === 'all') return 'yes';
      if (value === 'sameuser') return database === user ? 'yes' : 'no';
      if (value === 'replication') return 'no';
      if (value === 'samerole' || value === 'samegroup') return 'unknown';
      if (value.startsWith('@') || value.startsWith('/')) return 'unknown';
    }
    return value === database ? 'yes' : 'no';
  });
}

function matchUser(list: string, user: string): Match {
  return anyOf(list, (item) => {
    const { value, quoted } = unquote(item);
    if (!quoted) {
      if (value === 'all') return 'yes';
      if (value.startsWith('+') || value.startsWith('@') || value.startsWith('/')) return 'unknown';
    }
    return value === user ? 'yes' : 'no';
  });
}

function matchAddress(line: HbaLine, loopback: (typeof LOOPBACKS)[number]): Match {
  const address = line.address;
  if (address === 'all' || address === 'samehost' || address === 'samenet') return 'yes';
  if (address === 'localhost') return 'yes';
  let network = address;
  let prefix: number | undefined;
  if (address.includes('/')) {
    const [net, bits] = address.split('/');
    network = net;
    prefix = Number(bits);
  } else if (line.mask) {
    prefix = maskToPrefix(line.mask);
  }
  const family = isIPv4(network) ? 'ipv4' : isIPv6(network) ? 'ipv6' : undefined;
  // A host name other than localhost: PostgreSQL resolves it; assume it is not loopback.
  if (!family || prefix === undefined || !Number.isInteger(prefix)) return family ? 'unknown' : 'no';
  if (family !== loopback.family) return 'no';
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return list.check(loopback.address, loopback.family) ? 'yes' : 'no';
}

function maskToPrefix(mask: string): number | undefined {
  if (isIPv4(mask)) {
    const bits = mask.split('.').map((part) => Number(part).toString(2).padStart(8, '0')).join('');
    return /^1*0*$/.test(bits) ? bits.indexOf('0') === -1 ? 32 : bits.indexOf('0') : undefined;
  }
  return undefined;
}

/** Swap the method field, keeping the line's alignment and any options after it. */
function replaceMethod(line: HbaLine): string {
  return line.raw.slice(0, line.methodAt) + 'scram-sha-256' + line.raw.slice(line.methodAt + line.method.length);
}
