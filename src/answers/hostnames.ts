/**
 * Host name checks. Answers become nginx server names, certificate names, URLs and
 * command arguments, so a host name is held to the DNS rules: labels of letters,
 * digits and hyphens, nothing else.
 */
import { isIP } from 'node:net';
import type { Localized } from '../i18n/localized.js';
import { answerText as t } from '../i18n/messages/answers.js';

export interface FormatProblem {
  message: Localized;
  /** A corrected value to offer ("did you mean"). */
  suggestion?: string;
}

export interface DnsNameOptions {
  /** Public names need a dot: a single label cannot get a certificate or federate. */
  requireDot: boolean;
  /** Accept IPv4/IPv6 literals (database and SMTP hosts). */
  allowIp: boolean;
  /** The answer is the server_name: a port there gets its own explanation. */
  serverName?: boolean;
}

const SHELL_CHARACTERS = new Set([...';&|`$<>(){}[]\\\'"!*?~#=%^,@+']);

export function checkDnsName(value: string, options: DnsNameOptions): FormatProblem | undefined {
  if (value.length === 0) return { message: t.notEmpty };
  if (options.allowIp && isIP(value.replace(/^\[(.*)\]$/, '$1'))) return undefined;

  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(value);
  if (scheme || value.includes('/')) {
    const host = value.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/:?#]/)[0]?.toLowerCase();
    return { message: t.hostOnly, suggestion: host || undefined };
  }
  if (/\s/.test(value)) return { message: t.noSpaces, suggestion: value.trim().includes(' ') ? undefined : value.trim() };
  const colon = value.indexOf(':');
  if (colon >= 0) {
    const host = value.slice(0, colon);
    if (options.serverName) {
      return { message: t.portInServerName, suggestion: host };
    }
    return { message: t.noPort, suggestion: host };
  }
  for (const char of value) {
    if (char.charCodeAt(0) > 127) {
      return { message: t.nonAscii };
    }
    if (SHELL_CHARACTERS.has(char) || char === '_' || char.charCodeAt(0) < 32) {
      return { message: t.badCharacter({ character: JSON.stringify(char) }) };
    }
  }
  if (value.endsWith('.')) return { message: t.trailingDot, suggestion: value.replace(/\.+$/, '') };
  if (value !== value.toLowerCase()) return { message: t.hostLowerCase, suggestion: value.toLowerCase() };
  if (value.length > 253) return { message: t.hostTooLong({ length: value.length }) };
  const labels = value.split('.');
  for (const label of labels) {
    if (label.length === 0) return { message: t.emptyLabel };
    if (label.length > 63) return { message: t.longLabel({ length: label.length, start: label.slice(0, 12) }) };
    if (label.startsWith('-') || label.endsWith('-')) return { message: t.hyphenLabel({ label }) };
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? '')) return { message: options.allowIp ? t.invalidHostOrIp : t.looksLikeIp };
  if (options.requireDot && labels.length < 2) return { message: t.needsDot({ value }) };
  return undefined;
}

/** Pattern of a lower-case DNS name with at least one dot, for the JSON Schema. */
export const PUBLIC_HOST_PATTERN = '^(?!.{254})[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$';
/** Pattern of a DNS name (one label is enough) or an IP literal. */
export const ANY_HOST_PATTERN = '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*|[0-9a-fA-F:.\\[\\]]+)$';
