/**
 * String formats of the answers file: a check with a plain-words message (and a
 * corrected value where one is obvious), plus a pattern for the JSON Schema.
 */
import { isIP } from 'node:net';
import { ANY_HOST_PATTERN, PUBLIC_HOST_PATTERN, checkDnsName, type FormatProblem } from './hostnames.js';

export type { FormatProblem } from './hostnames.js';

export interface Format {
  check(value: string): FormatProblem | undefined;
  /** JSON Schema `pattern` (ECMAScript syntax). */
  pattern?: string;
  /** JSON Schema `format`. */
  jsonFormat?: string;
  maxLength?: number;
}

function checkEmail(value: string): FormatProblem | undefined {
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return { message: 'must be an email address such as admin@example.org' };
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (value.length > 254) return { message: 'is too long for an email address (at most 254 characters)' };
  if (local.length > 64 || !/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/.test(local) || /^\.|\.$|\.\./.test(local)) {
    return { message: `has an invalid part before the @ ("${local}")` };
  }
  const problem = checkDnsName(domain, { requireDot: true, allowIp: false });
  if (problem) {
    return {
      message: `has an invalid domain after the @: ${problem.message}`,
      suggestion: problem.suggestion ? `${local}@${problem.suggestion}` : undefined,
    };
  }
  return undefined;
}

function checkHttpsUrl(value: string): FormatProblem | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { message: 'must be a URL such as https://acme-v02.api.letsencrypt.org/directory' };
  }
  if (url.protocol !== 'https:') {
    return {
      message: 'must use https:// (ACME servers and downloads are only trusted over TLS)',
      suggestion: url.protocol === 'http:' ? value.replace(/^http:/i, 'https:') : undefined,
    };
  }
  if (url.username || url.password) return { message: 'must not contain a user name or password' };
  if (/\s/.test(value)) return { message: 'must not contain spaces' };
  return undefined;
}

function checkAbsolutePath(value: string): FormatProblem | undefined {
  if (!value.startsWith('/')) return { message: 'must be an absolute path (starting with /)' };
  if (/[\0\n\r]/.test(value)) return { message: 'must not contain line breaks or NUL characters' };
  if (value.split('/').includes('..')) return { message: 'must not contain ".." segments' };
  return undefined;
}

/**
 * Characters a path may have where it is written into configuration files (nginx, coturn,
 * systemd environments): none that ends a token or a line (spaces, ;, {, }, #, quotes),
 * expands (nginx's $, systemd's %) or escapes (\\).
 */
const CONFIG_PATH = /^\/[A-Za-z0-9._+@=,:~/-]*$/;

function checkConfigPath(value: string): FormatProblem | undefined {
  const problem = checkAbsolutePath(value);
  if (problem) return problem;
  if (CONFIG_PATH.test(value)) return undefined;
  const bad = [...value].find((c) => !/[A-Za-z0-9._+@=,:~/-]/.test(c))!;
  const shown = /[\u0000-\u001f\u007f-\u009f]/.test(bad) ? 'a control character' : /\s/.test(bad) ? 'a space' : `"${bad}"`;
  return { message: `has ${shown}, which configuration files would read as syntax: use letters, digits and . _ - + @ = , : ~ / only (move or link the file to such a path)` };
}

const SIZE = /^[1-9][0-9]*[KMG]$/;

function checkSize(value: string): FormatProblem | undefined {
  if (SIZE.test(value)) return undefined;
  const loose = /^\s*([0-9]+)\s*([kmg])(i?b)?\s*$/i.exec(value);
  if (loose && Number(loose[1]) > 0) {
    return { message: 'must be a number followed by K, M or G', suggestion: `${Number(loose[1])}${loose[2]!.toUpperCase()}` };
  }
  if (/^[0-9]+$/.test(value)) return { message: 'needs a unit: K, M or G, as in 50M', suggestion: `${value}M` };
  return { message: 'must be a size such as 50M or 1G' };
}

const VERSION = /^[0-9]+\.[0-9]+\.[0-9]+((rc|a|b)[0-9]+|-rc\.?[0-9]+)?$/;

function checkVersion(value: string): FormatProblem | undefined {
  if (value === 'latest' || VERSION.test(value)) return undefined;
  if (/^v[0-9]/i.test(value) && VERSION.test(value.slice(1))) {
    return { message: 'is written without the leading "v"', suggestion: value.slice(1) };
  }
  if (value.toLowerCase() === 'latest') return { message: 'must be "latest" in lower case', suggestion: 'latest' };
  return { message: 'must be "latest" or a release number such as 1.2.3' };
}

function checkSha256(value: string): FormatProblem | undefined {
  if (/^[0-9a-f]{64}$/.test(value)) return undefined;
  if (/^[0-9A-F]{64}$/i.test(value)) return { message: 'must be lower-case hex', suggestion: value.toLowerCase() };
  const stripped = value.replace(/^sha256[:-]/i, '');
  if (stripped !== value && /^[0-9a-f]{64}$/i.test(stripped)) {
    return { message: 'must be the bare hex digest, without a "sha256:" prefix', suggestion: stripped.toLowerCase() };
  }
  return { message: `must be a SHA-256 digest: 64 hex characters (this has ${value.length})` };
}

function checkPgIdentifier(value: string): FormatProblem | undefined {
  if (/^[a-z_][a-z0-9_]{0,62}$/.test(value)) return undefined;
  if (value.length > 63) return { message: 'is longer than PostgreSQL allows (63 characters)' };
  const fixed = value.toLowerCase().replace(/-/g, '_');
  if (/^[a-z_][a-z0-9_]{0,62}$/.test(fixed)) {
    return { message: 'must use lower-case letters, digits and underscores only', suggestion: fixed };
  }
  return { message: 'must start with a letter or underscore and use lower-case letters, digits and underscores only' };
}

function checkLocalpart(value: string): FormatProblem | undefined {
  if (/^[a-z0-9._=\-/+]+$/.test(value)) return undefined;
  const bare = value.replace(/^@/, '').replace(/:.*$/, '');
  if (bare !== value && /^[a-z0-9._=\-/+]+$/i.test(bare)) {
    return { message: 'is just the user name, without the @ and the :server_name', suggestion: bare.toLowerCase() };
  }
  if (/^[a-z0-9._=\-/+]+$/i.test(value)) return { message: 'must be lower case', suggestion: value.toLowerCase() };
  return { message: 'may only contain lower-case letters, digits and . _ = - / +' };
}

function checkIp(value: string): FormatProblem | undefined {
  return isIP(value) ? undefined : { message: 'must be an IPv4 or IPv6 address such as 203.0.113.10' };
}

function checkMailFrom(value: string): FormatProblem | undefined {
  if (/[\r\n]/.test(value)) return { message: 'must be on one line' };
  const named = /^([^<>]*)<([^<>]+)>$/.exec(value);
  const address = named ? named[2]!.trim() : value;
  const problem = checkEmail(address);
  return problem ? { message: `must be an address, optionally with a name, as in "Matrix <noreply@example.org>": the address ${problem.message}` } : undefined;
}

function checkEnvName(value: string): FormatProblem | undefined {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(value)
    ? undefined
    : { message: 'must be an environment variable name (letters, digits and underscores, not starting with a digit)' };
}

function checkSmtpUser(value: string): FormatProblem | undefined {
  if (value.length === 0) return { message: 'must not be empty' };
  return /[\s\0]/.test(value) ? { message: 'must not contain spaces or line breaks' } : undefined;
}

export const FORMATS = {
  'server-name': {
    check: (v: string) => checkDnsName(v, { requireDot: true, allowIp: false, serverName: true }),
    pattern: PUBLIC_HOST_PATTERN,
    maxLength: 253,
  },
  'public-host': { check: (v: string) => checkDnsName(v, { requireDot: true, allowIp: false }), pattern: PUBLIC_HOST_PATTERN, maxLength: 253 },
  host: { check: (v: string) => checkDnsName(v, { requireDot: false, allowIp: true }), pattern: ANY_HOST_PATTERN, maxLength: 253 },
  ip: { check: checkIp, pattern: '^[0-9a-fA-F:.]+$' },
  email: { check: checkEmail, jsonFormat: 'email', maxLength: 254 },
  'mail-from': { check: checkMailFrom },
  'https-url': { check: checkHttpsUrl, pattern: '^https://\\S+$', jsonFormat: 'uri' },
  'absolute-path': { check: checkAbsolutePath, pattern: '^/' },
  'config-path': { check: checkConfigPath, pattern: '^/[A-Za-z0-9._+@=,:~/-]*$' },
  'path-or-https-url': {
    check: (v: string) => (v.includes('://') ? checkHttpsUrl(v) : checkAbsolutePath(v)),
    pattern: '^(/|https://)',
  },
  size: { check: checkSize, pattern: '^[1-9][0-9]*[KMG]$' },
  version: { check: checkVersion, pattern: '^(latest|[0-9]+\\.[0-9]+\\.[0-9]+((rc|a|b)[0-9]+|-rc\\.?[0-9]+)?)$' },
  sha256: { check: checkSha256, pattern: '^[0-9a-f]{64}$' },
  'pg-identifier': { check: checkPgIdentifier, pattern: '^[a-z_][a-z0-9_]{0,62}$' },
  localpart: { check: checkLocalpart, pattern: '^[a-z0-9._=\\-/+]+$' },
  'env-name': { check: checkEnvName, pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
  'smtp-user': { check: checkSmtpUser, pattern: '^\\S+$' },
} satisfies Record<string, Format>;

export type FormatName = keyof typeof FORMATS;

export function checkFormat(name: FormatName, value: string): FormatProblem | undefined {
  return (FORMATS[name] as Format).check(value);
}
