/**
 * File and directory operations for a process running as root next to services whose
 * accounts may be compromised: never follow a symbolic link at the path being changed
 * (O_NOFOLLOW), change owner and mode through the open descriptor (fchown/fchmod), and
 * refuse a path another user could redirect (a directory on the way to it that someone
 * other than root can write, or a hard link to a file elsewhere).
 */
import { closeSync, constants, fchmodSync, fchownSync, fstatSync, lstatSync, mkdirSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { StepError } from '../errors.js';

export interface Ownership {
  uid: number;
  gid: number;
  mode: number;
}

export interface ExistingFile extends Ownership {
  content: Buffer;
}

const READ_NO_FOLLOW = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
const DIRECTORY_NO_FOLLOW = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_DIRECTORY;

/** Users whose files this process may trust: root, and the user it runs as. */
function trustedUid(uid: number): boolean {
  return uid === 0 || uid === process.getuid?.();
}

function symlinkRefusal(path: string): StepError {
  return new StepError(`${path} is a symbolic link; matrix-setup does not follow links where it writes as root.`, {
    hint: `Nothing was changed. See where it points with \`ls -l ${path}\`; if the link is yours, replace it with the real file or directory, then resume.`,
  });
}

function untrustedRefusal(path: string, holder: string, why: string): StepError {
  return new StepError(`Refusing to manage ${path}: ${holder} ${why}, so another user could redirect what matrix-setup changes as root.`, {
    hint: `Nothing was changed. Make ${holder} belong to root and writable by root only (chown root: …; chmod go-w …), then resume.`,
  });
}

/**
 * Throws unless only root (or this process's user) can change which file `path` names: every
 * directory from / down to the one holding `path` must be theirs, none of those above the
 * holding directory writable by others (a sticky one like /tmp only for entries root owns),
 * and the holding directory not world-writable. Symbolic links on the way are followed only
 * where such a directory holds them. The last component itself is opened with O_NOFOLLOW by
 * the callers, so a link planted there is refused as well.
 */
export function assertTrustedParents(path: string): void {
  const parent = dirname(resolve(path));
  checkChain(parent, 0);
  let stat: Stats;
  try {
    stat = lstatSync(realpathSync(parent));
  } catch {
    return; // not created yet: it will be created by this process, under a checked chain
  }
  if (!trustedUid(stat.uid)) throw untrustedRefusal(path, parent, `belongs to uid ${stat.uid}`);
  if (stat.mode & 0o002) throw untrustedRefusal(path, parent, 'is writable by every user');
}

/**
 * Throws unless every directory on the way to `path`, `path` itself included, is held by a
 * directory only root can write, or by a sticky one (like /tmp) where root owns the entry.
 */
export function assertTrustedChain(path: string): void {
  checkChain(resolve(path), 0);
}

/** Each directory on the way to `dir` (not `dir`'s own contents) is held by one only root can write. */
function checkChain(dir: string, depth: number): void {
  if (depth > 8) throw new StepError(`${dir}: too many symbolic links on the way to it.`);
  let current = '/';
  let holder = lstatSync('/');
  for (const part of dir.split('/').filter(Boolean)) {
    const next = join(current, part);
    let entry: Stats;
    try {
      entry = lstatSync(next);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    if (!holdsSafely(holder, entry)) {
      throw untrustedRefusal(next, current, `can be written by ${holder.uid === 0 ? 'users other than root' : `uid ${holder.uid}`}`);
    }
    if (entry.isSymbolicLink()) {
      const target = realpathSync(next);
      checkChain(target, depth + 1);
      current = target;
      holder = lstatSync(target);
      if (!holder.isDirectory()) return;
      continue;
    }
    current = next;
    holder = entry;
  }
}

/** Whether only root can replace `entry` inside the directory `holder`. */
function holdsSafely(holder: Stats, entry: Stats): boolean {
  if (!trustedUid(holder.uid)) return false;
  const groupWritable = (holder.mode & 0o020) !== 0 && holder.gid !== 0;
  const worldWritable = (holder.mode & 0o002) !== 0;
  if (!groupWritable && !worldWritable) return true;
  // In a sticky directory (/tmp) only an entry's owner may rename or remove it.
  return (holder.mode & 0o1000) !== 0 && trustedUid(entry.uid);
}

/** lstat, or undefined when nothing is there. */
export function lstatOptional(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Reads a regular file without following a link to it; undefined when it does not exist.
 * A symbolic link, something that is not a regular file, or a file with other hard links
 * (which could be /etc/shadow under another name) is refused. `checkParents: false` is for a
 * file a service tells us about and keeps in its own directories (pg_hba.conf): the path is
 * that service's word anyway, so only the file itself is checked.
 */
export function readFileNoFollow(path: string, options: { checkParents?: boolean } = {}): ExistingFile | undefined {
  if (options.checkParents !== false) assertTrustedParents(path);
  let fd: number;
  try {
    fd = openSync(path, READ_NO_FOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP') throw symlinkRefusal(path);
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    assertPlainFile(path, stat);
    const content = Buffer.alloc(stat.size);
    let read = 0;
    while (read < content.length) {
      const n = readSync(fd, content, read, content.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { content: content.subarray(0, read), uid: stat.uid, gid: stat.gid, mode: stat.mode & 0o7777 };
  } finally {
    closeSync(fd);
  }
}

function assertPlainFile(path: string, stat: Stats): void {
  if (!stat.isFile()) {
    throw new StepError(`${path} exists but is not a regular file.`, { hint: 'Nothing was changed. Move it away and resume.' });
  }
  if (stat.nlink > 1) {
    throw new StepError(`${path} has ${stat.nlink} hard links; matrix-setup does not change a file that also lives under another name.`, {
      hint: `Nothing was changed. Find the other names with \`find / -xdev -samefile ${path}\`, replace the file with a copy of its own, then resume.`,
    });
  }
}

/** Sets owner and mode of an existing regular file through its descriptor (never through a link). */
export function setFileOwnership(path: string, wanted: Ownership): void {
  assertTrustedParents(path);
  const fd = openNoFollow(path, READ_NO_FOLLOW);
  try {
    assertPlainFile(path, fstatSync(fd));
    fchownSync(fd, wanted.uid, wanted.gid);
    fchmodSync(fd, wanted.mode);
  } finally {
    closeSync(fd);
  }
}

/**
 * A directory with this owner and mode: created when missing (its missing parents 0755), a
 * symbolic link or anything else in its place refused. Owner and mode are set through the
 * directory's own descriptor. Returns whether it had to be created.
 */
export function ensureDirectory(path: string, wanted: Ownership): 'created' | 'existed' {
  assertTrustedParents(path);
  let created = false;
  const existing = lstatOptional(path);
  if (existing?.isSymbolicLink()) throw symlinkRefusal(path);
  if (existing && !existing.isDirectory()) {
    throw new StepError(`${path} exists but is not a directory.`, { hint: 'Nothing was changed. Move it away and resume.' });
  }
  if (!existing) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o755 });
    assertTrustedParents(path);
    try {
      mkdirSync(path, { mode: 0o700 });
      created = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const fd = openNoFollow(path, DIRECTORY_NO_FOLLOW);
  try {
    fchownSync(fd, wanted.uid, wanted.gid);
    fchmodSync(fd, wanted.mode);
  } finally {
    closeSync(fd);
  }
  return created ? 'created' : 'existed';
}

function openNoFollow(path: string, flags: number): number {
  try {
    return openSync(path, flags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // With O_DIRECTORY, Linux reports a link as ENOTDIR.
    if (code === 'ELOOP' || (code === 'ENOTDIR' && lstatOptional(path)?.isSymbolicLink())) throw symlinkRefusal(path);
    if (code === 'ENOTDIR') throw new StepError(`${path} exists but is not a directory.`, { hint: 'Nothing was changed. Move it away and resume.' });
    throw error;
  }
}
