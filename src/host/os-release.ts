import { readFile } from 'node:fs/promises';

export type OsRelease = Record<string, string>;

/**
 * Parses os-release(5) text: KEY=value lines, values unquoted or in single or
 * double quotes (double quotes allow the shell escapes \" \\ \$ \`), # comments.
 * Lines that are not assignments are ignored, as systemd does.
 */
export function parseOsRelease(text: string): OsRelease {
  const record: OsRelease = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!match) continue;
    record[match[1]] = unquote(match[2].trim());
  }
  return record;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(["\\$`])/g, '$1');
  }
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) {
    return value.slice(1, -1);
  }
  // An unquoted value ends at the first unescaped space (a trailing comment, in practice).
  return value.replace(/\s+#.*$/, '').replace(/\\(.)/g, '$1');
}

/** /etc/os-release, or /usr/lib/os-release where /etc has none; undefined when neither exists. */
export async function readOsRelease(paths = ['/etc/os-release', '/usr/lib/os-release']): Promise<OsRelease | undefined> {
  for (const path of paths) {
    try {
      return parseOsRelease(await readFile(path, 'utf8'));
    } catch {
      // try the next one
    }
  }
  return undefined;
}
