/**
 * Reading nginx's whole configuration as `nginx -T` prints it (every included file, each
 * after a "# configuration file PATH:" line) into the server blocks that matter for adopting:
 * what they listen on, which names they serve, their certificate and their locations.
 */
export interface NginxListen {
  address?: string;
  port: number;
  ssl: boolean;
  defaultServer: boolean;
}

export interface NginxLocation {
  /** The match, with its modifier: "/_matrix", "~ ^/(_matrix|_synapse)", "= /.well-known/matrix/server". */
  match: string;
  proxyPass?: string;
  /** `return` arguments, e.g. ["200", "{\"m.server\": …}"] or ["301", "https://…"]. */
  returns?: string[];
  root?: string;
  alias?: string;
}

export interface NginxServer {
  /** The file it is written in. */
  file: string;
  /** 1-based line of `server {`. */
  line: number;
  listen: NginxListen[];
  serverNames: string[];
  sslCertificate?: string;
  sslCertificateKey?: string;
  locations: NginxLocation[];
  /** Server-level `return` (a redirect block), root and proxy_pass. */
  returns?: string[];
  root?: string;
  proxyPass?: string;
}

export interface NginxConfig {
  files: string[];
  servers: NginxServer[];
  /** upstream name → its `server` addresses. */
  upstreams: Record<string, string[]>;
}

interface Directive {
  name: string;
  args: string[];
  line: number;
  block?: Directive[];
}

const FILE_MARKER = /^# configuration file (.+):$/;

/** Splits `nginx -T` output into its files. */
export function splitNginxDump(dump: string): Array<{ path: string; text: string }> {
  const files: Array<{ path: string; text: string }> = [];
  let current: { path: string; lines: string[] } | undefined;
  for (const line of dump.split('\n')) {
    const marker = FILE_MARKER.exec(line);
    if (marker) {
      if (current) files.push({ path: current.path, text: current.lines.join('\n') });
      current = { path: marker[1], lines: [] };
    } else if (current) {
      current.lines.push(line);
    }
  }
  if (current) files.push({ path: current.path, text: current.lines.join('\n') });
  return files;
}

export function parseNginxDump(dump: string): NginxConfig {
  const files = splitNginxDump(dump);
  const config: NginxConfig = { files: files.map((f) => f.path), servers: [], upstreams: {} };
  for (const file of files) {
    const directives = parseDirectives(file.text);
    collect(directives, file.path, [], config);
  }
  return config;
}

function collect(directives: Directive[], file: string, parents: string[], config: NginxConfig): void {
  for (const directive of directives) {
    if (!directive.block) continue;
    if (directive.name === 'stream' || directive.name === 'mail') continue;
    if (directive.name === 'upstream' && directive.args[0]) {
      config.upstreams[directive.args[0]] = directive.block.filter((d) => d.name === 'server' && !d.block).map((d) => d.args[0]).filter(Boolean);
      continue;
    }
    if (directive.name === 'server' && !parents.includes('server')) {
      config.servers.push(serverOf(directive, file));
      continue;
    }
    collect(directive.block, file, [...parents, directive.name], config);
  }
}

function serverOf(directive: Directive, file: string): NginxServer {
  const block = directive.block ?? [];
  const server: NginxServer = { file, line: directive.line, listen: [], serverNames: [], locations: [] };
  for (const d of block) {
    switch (d.name) {
      case 'listen':
        server.listen.push(parseListen(d.args));
        break;
      case 'server_name':
        server.serverNames.push(...d.args.map((name) => name.toLowerCase()));
        break;
      case 'ssl_certificate':
        server.sslCertificate = d.args[0];
        break;
      case 'ssl_certificate_key':
        server.sslCertificateKey = d.args[0];
        break;
      case 'return':
        server.returns = d.args;
        break;
      case 'root':
        server.root = d.args[0];
        break;
      case 'proxy_pass':
        server.proxyPass = d.args[0];
        break;
      case 'location':
        collectLocations(d, server.locations);
        break;
    }
  }
  if (server.listen.length === 0) server.listen.push({ port: 80, ssl: false, defaultServer: false });
  return server;
}

function collectLocations(directive: Directive, into: NginxLocation[]): void {
  const location: NginxLocation = { match: directive.args.join(' ') };
  for (const d of directive.block ?? []) {
    if (d.name === 'proxy_pass') location.proxyPass = d.args[0];
    else if (d.name === 'return') location.returns = d.args;
    else if (d.name === 'root') location.root = d.args[0];
    else if (d.name === 'alias') location.alias = d.args[0];
  }
  into.push(location);
  for (const d of directive.block ?? []) if (d.name === 'location') collectLocations(d, into);
}

/** `listen 443 ssl http2;`, `listen [::]:8448 ssl default_server;`, `listen 127.0.0.1:80;`, `listen 80;` */
export function parseListen(args: string[]): NginxListen {
  const [where = '80', ...flags] = args;
  let address: string | undefined;
  let port = 80;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(where);
  if (bracketed) {
    address = bracketed[1];
    if (bracketed[2]) port = Number(bracketed[2]);
  } else if (/^\d+$/.test(where)) {
    port = Number(where);
  } else {
    const colon = where.lastIndexOf(':');
    if (colon > 0) {
      address = where.slice(0, colon);
      port = Number(where.slice(colon + 1));
    } else {
      address = where;
    }
  }
  return { ...(address ? { address } : {}), port, ssl: flags.includes('ssl') || flags.includes('quic'), defaultServer: flags.includes('default_server') || flags.includes('default') };
}

/** nginx's configuration syntax: directives ending in `;`, blocks in braces, quotes, `#` comments. */
export function parseDirectives(text: string): Directive[] {
  const tokens = tokenize(text);
  let index = 0;
  const parseBlock = (): Directive[] => {
    const directives: Directive[] = [];
    let words: Array<{ value: string; line: number }> = [];
    while (index < tokens.length) {
      const token = tokens[index++];
      if (token.kind === 'word') {
        words.push(token);
      } else if (token.kind === ';') {
        if (words.length) directives.push({ name: words[0].value, args: words.slice(1).map((w) => w.value), line: words[0].line });
        words = [];
      } else if (token.kind === '{') {
        const head = words[0];
        const block = parseBlock();
        if (head) directives.push({ name: head.value, args: words.slice(1).map((w) => w.value), line: head.line, block });
        words = [];
      } else if (token.kind === '}') {
        return directives;
      }
    }
    return directives;
  };
  return parseBlock();
}

type Token = { kind: 'word'; value: string; line: number } | { kind: '{' | '}' | ';'; line: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '{' || c === '}' || c === ';') {
      tokens.push({ kind: c, line });
      i++;
    } else if (c === '"' || c === "'") {
      const start = line;
      let value = '';
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < text.length) {
          value += text[i + 1];
          i += 2;
          continue;
        }
        if (text[i] === '\n') line++;
        value += text[i++];
      }
      i++;
      tokens.push({ kind: 'word', value, line: start });
    } else {
      let value = '';
      while (i < text.length && !/[\s;{}]/.test(text[i])) {
        // ${var} inside a word is part of the word.
        if (text[i] === '$' && text[i + 1] === '{') {
          const end = text.indexOf('}', i);
          value += text.slice(i, end + 1);
          i = end + 1;
          continue;
        }
        value += text[i++];
      }
      tokens.push({ kind: 'word', value, line });
    }
  }
  return tokens;
}

/** Host and port of a proxy_pass target (an upstream name resolved through `upstreams`). */
export function proxyTargets(proxyPass: string, upstreams: Record<string, string[]>): Array<{ host: string; port: number }> {
  const match = /^https?:\/\/([^/]+)/.exec(proxyPass);
  if (!match) return [];
  const hostPort = match[1];
  const upstream = upstreams[hostPort];
  const addresses = upstream ?? [hostPort];
  return addresses.map((address) => {
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(address);
    if (bracketed) return { host: bracketed[1], port: Number(bracketed[2] ?? (proxyPass.startsWith('https') ? 443 : 80)) };
    const colon = address.lastIndexOf(':');
    if (colon > 0 && /^\d+$/.test(address.slice(colon + 1))) return { host: address.slice(0, colon), port: Number(address.slice(colon + 1)) };
    return { host: address, port: proxyPass.startsWith('https') ? 443 : 80 };
  });
}
