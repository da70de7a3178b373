/**
 * Host name checks. Answers become nginx server names, certificate names, URLs and
 * command arguments, so a host name is held to the DNS rules: labels of letters,
 * digits and hyphens, nothing else.
 */
import { isIP } from 'node:net';

export interface FormatProblem {
  message: string;
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
  if (value.length === 0) return { message: 'must not be empty' };
  if (options.allowIp && isIP(value.replace(/^\[(.*)\]$/, '$1'))) return undefined;

  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(value);
  if (scheme || value.includes('/')) {
    const host = value.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/:?#]/)[0]?.toLowerCase();
    return { message: 'must be a host name only, without https:// or a path', suggestion: host || undefined };
  }
  if (/\s/.test(value)) return { message: 'must not contain spaces', suggestion: value.trim().includes(' ') ? undefined : value.trim() };
  const colon = value.indexOf(':');
  if (colon >= 0) {
    const host = value.slice(0, colon);
    if (options.serverName) {
      return {
        message:
          'a port in server_name is not supported: it would become part of every user ID (@alice:example.org:8448) ' +
          'and can never be changed. Use the bare domain; federation is reached on 443 through delegation or on 8448.',
        suggestion: host,
      };
    }
    return { message: 'must be a host name without a port (the port has its own key)', suggestion: host };
  }
  for (const char of value) {
    if (char.charCodeAt(0) > 127) {
      return { message: 'contains non-ASCII characters; write an internationalised name in its punycode form (xn--...)' };
    }
    if (SHELL_CHARACTERS.has(char) || char === '_' || char.charCodeAt(0) < 32) {
      return { message: `contains ${JSON.stringify(char)}, which is not allowed in a host name (letters, digits, hyphens and dots only)` };
    }
  }
  if (value.endsWith('.')) return { message: 'must be written without the trailing dot', suggestion: value.replace(/\.+$/, '') };
  if (value !== value.toLowerCase()) {
    return { message: 'must be lower case (Matrix IDs and certificates compare names exactly)', suggestion: value.toLowerCase() };
  }
  if (value.length > 253) return { message: `is ${value.length} characters long; a host name has at most 253` };
  const labels = value.split('.');
  for (const label of labels) {
    if (label.length === 0) return { message: 'has an empty label (two dots in a row, or a leading dot)' };
    if (label.length > 63) return { message: `has a label of ${label.length} characters ("${label.slice(0, 12)}..."); at most 63 are allowed` };
    if (label.startsWith('-') || label.endsWith('-')) return { message: `has a label that starts or ends with a hyphen ("${label}")` };
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? '')) {
    return { message: options.allowIp ? 'is not a valid IP address or host name' : 'looks like an IP address; use a DNS name' };
  }
  if (options.requireDot && labels.length < 2) {
    return { message: `must be a fully qualified domain name such as ${value}.example.org or example.org` };
  }
  return undefined;
}

/** Pattern of a lower-case DNS name with at least one dot, for the JSON Schema. */
export const PUBLIC_HOST_PATTERN = '^(?!.{254})[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$';
/** Pattern of a DNS name (one label is enough) or an IP literal. */
export const ANY_HOST_PATTERN = '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*|[0-9a-fA-F:.\\[\\]]+)$';
