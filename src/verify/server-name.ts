/** server_name = hostname [ ":" port ], hostname a DNS name, IPv4 literal or [IPv6] literal. */
export interface ParsedServerName {
  /** Without brackets for IPv6. */
  host: string;
  port?: number;
  ipLiteral: boolean;
}

export function parseServerName(name: string): ParsedServerName | null {
  const bracketed = /^\[([0-9A-Fa-f:.]+)\](?::(\d{1,5}))?$/.exec(name);
  if (bracketed) return withPort({ host: bracketed[1], ipLiteral: true }, bracketed[2]);
  const plain = /^([A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(name);
  if (!plain) return null;
  const host = plain[1];
  return withPort({ host, ipLiteral: /^\d{1,3}(\.\d{1,3}){3}$/.test(host) }, plain[2]);
}

function withPort(parsed: ParsedServerName, port: string | undefined): ParsedServerName | null {
  if (port === undefined) return parsed;
  const number = Number(port);
  return number >= 1 && number <= 65535 ? { ...parsed, port: number } : null;
}

export function formatHostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}
