/**
 * String formats of the answers file: a check with a plain-words message (and a
 * corrected value where one is obvious), plus a pattern for the JSON Schema.
 */
import { isIP } from 'node:net';
import { ANY_HOST_PATTERN, PUBLIC_HOST_PATTERN, checkDnsName, type FormatProblem } from './hostnames.js';
import { answerText as t } from '../i18n/messages/answers.js';

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
  if (at <= 0 || at === value.length - 1) return { message: t.email };
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (value.length > 254) return { message: t.emailTooLong };
  if (local.length > 64 || !/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/.test(local) || /^\.|\.$|\.\./.test(local)) {
    return { message: t.emailLocal({ local }) };
  }
  const problem = checkDnsName(domain, { requireDot: true, allowIp: false });
  if (problem) {
    return {
      message: t.emailDomain({ problem: problem.message }),
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
    return { message: t.url };
  }
  if (url.protocol !== 'https:') {
    return {
      message: t.https,
      suggestion: url.protocol === 'http:' ? value.replace(/^http:/i, 'https:') : undefined,
    };
  }
  if (url.username || url.password) return { message: t.noCredentials };
  if (/\s/.test(value)) return { message: t.noSpaces };
  return undefined;
}

function checkAbsolutePath(value: string): FormatProblem | undefined {
  if (!value.startsWith('/')) return { message: t.absolutePath };
  if (/[\0\n\r]/.test(value)) return { message: t.noLineBreaks };
  if (value.split('/').includes('..')) return { message: t.noDotDot };
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
  const what = /[\u0000-\u001f\u007f-\u009f]/.test(bad) ? t.controlCharacter : /\s/.test(bad) ? t.space : t.quoted({ character: bad });
  return { message: t.configPath({ what }) };
}

const SIZE = /^[1-9][0-9]*[KMG]$/;

function checkSize(value: string): FormatProblem | undefined {
  if (SIZE.test(value)) return undefined;
  const loose = /^\s*([0-9]+)\s*([kmg])(i?b)?\s*$/i.exec(value);
  if (loose && Number(loose[1]) > 0) {
    return { message: t.sizeUnit, suggestion: `${Number(loose[1])}${loose[2]!.toUpperCase()}` };
  }
  if (/^[0-9]+$/.test(value)) return { message: t.sizeNeedsUnit, suggestion: `${value}M` };
  return { message: t.size };
}

const VERSION = /^[0-9]+\.[0-9]+\.[0-9]+((rc|a|b)[0-9]+|-rc\.?[0-9]+)?$/;

function checkVersion(value: string): FormatProblem | undefined {
  if (value === 'latest' || VERSION.test(value)) return undefined;
  if (/^v[0-9]/i.test(value) && VERSION.test(value.slice(1))) {
    return { message: t.versionV, suggestion: value.slice(1) };
  }
  if (value.toLowerCase() === 'latest') return { message: t.versionLatest, suggestion: 'latest' };
  return { message: t.version };
}

function checkSha256(value: string): FormatProblem | undefined {
  if (/^[0-9a-f]{64}$/.test(value)) return undefined;
  if (/^[0-9A-F]{64}$/i.test(value)) return { message: t.shaLowerCase, suggestion: value.toLowerCase() };
  const stripped = value.replace(/^sha256[:-]/i, '');
  if (stripped !== value && /^[0-9a-f]{64}$/i.test(stripped)) {
    return { message: t.shaPrefix, suggestion: stripped.toLowerCase() };
  }
  return { message: t.sha({ length: value.length }) };
}

function checkPgIdentifier(value: string): FormatProblem | undefined {
  if (/^[a-z_][a-z0-9_]{0,62}$/.test(value)) return undefined;
  if (value.length > 63) return { message: t.pgTooLong };
  const fixed = value.toLowerCase().replace(/-/g, '_');
  if (/^[a-z_][a-z0-9_]{0,62}$/.test(fixed)) {
    return { message: t.pgLower, suggestion: fixed };
  }
  return { message: t.pgIdentifier };
}

function checkLocalpart(value: string): FormatProblem | undefined {
  if (/^[a-z0-9._=\-/+]+$/.test(value)) return undefined;
  const bare = value.replace(/^@/, '').replace(/:.*$/, '');
  if (bare !== value && /^[a-z0-9._=\-/+]+$/i.test(bare)) {
    return { message: t.localpartBare, suggestion: bare.toLowerCase() };
  }
  if (/^[a-z0-9._=\-/+]+$/i.test(value)) return { message: t.lowerCase, suggestion: value.toLowerCase() };
  return { message: t.localpart };
}

function checkIp(value: string): FormatProblem | undefined {
  return isIP(value) ? undefined : { message: t.ip };
}

function checkMailFrom(value: string): FormatProblem | undefined {
  if (/[\r\n]/.test(value)) return { message: t.oneLine };
  const named = /^([^<>]*)<([^<>]+)>$/.exec(value);
  const address = named ? named[2]!.trim() : value;
  const problem = checkEmail(address);
  return problem ? { message: t.mailFrom({ problem: problem.message }) } : undefined;
}

function checkEnvName(value: string): FormatProblem | undefined {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(value)
    ? undefined
    : { message: t.envName };
}

function checkSmtpUser(value: string): FormatProblem | undefined {
  if (value.length === 0) return { message: t.notEmpty };
  return /[\s\0]/.test(value) ? { message: t.noSpacesOrBreaks } : undefined;
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
