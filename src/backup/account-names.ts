import { readFileSync } from 'node:fs';

/**
 * User and group names by id, from /etc/passwd and /etc/group (read once): an archive records
 * owners by name, since ids differ from one machine to the next.
 */
export class AccountNames {
  private readonly users: Map<number, string>;
  private readonly groups: Map<number, string>;

  constructor(passwd = readOptional('/etc/passwd'), group = readOptional('/etc/group')) {
    this.users = parseIds(passwd);
    this.groups = parseIds(group);
  }

  user(uid: number): string {
    return this.users.get(uid) ?? String(uid);
  }

  group(gid: number): string {
    return this.groups.get(gid) ?? String(gid);
  }
}

function parseIds(text: string): Map<number, string> {
  const ids = new Map<number, string>();
  for (const line of text.split('\n')) {
    const [name, , id] = line.split(':');
    const number = Number(id);
    if (name && Number.isInteger(number) && !ids.has(number)) ids.set(number, name);
  }
  return ids;
}

function readOptional(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
