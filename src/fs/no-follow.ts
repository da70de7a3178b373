/**
 * File and directory operations for a process running as root next to services whose
 * accounts may be compromised. A path is walked one component at a time from /, each
 * directory opened with O_NOFOLLOW relative to the one before (openat, through
 * /proc/self/fd/N/name: Node has no openat of its own), so no component can be swapped for a
 * link between a check and its use. A link on the way is followed only where root put it
 * (the link is root's, in a directory only root can write, like /var/run -> /run); one in
 * place of the file or directory being changed never. Owner and mode are set through the
 * open descriptor (fchown/fchmod), and a file with other hard links is not touched.
 */
import { closeSync, constants, existsSync, fchmodSync, fchownSync, fstatSync, lstatSync, mkdirSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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
/** Links followed on the way to one path, at most (as the kernel's own limit, roughly). */
const MAX_LINKS = 16;

/** /proc/self/fd is how a path relative to an open directory is named; without /proc (not Linux) paths are used as they are. */
const HAS_PROC_FD = existsSync('/proc/self/fd');

/** Users whose files this process may trust: root, and the user it runs as. */
function trustedUid(uid: number): boolean {
  return uid === 0 || uid === process.getuid?.();
}

function symlinkRefusal(path: string): StepError {
  return new StepError(`${path} is a symbolic link; matrix-setup does not follow links where it writes as root.`, {
    hint: `Nothing was changed. See where it points with \`ls -l ${path}\`; if the link is yours, replace it with the real file or directory, then resume.`,
  });
}

function notDirectory(path: string): StepError {
  return new StepError(`${path} exists but is not a directory.`, { hint: 'Nothing was changed. Move it away and resume.' });
}

/** An open directory and the path it was reached by. */
export class OpenDirectory {
  constructor(
    readonly fd: number,
    readonly path: string,
  ) {}

  /** The name of an entry of this directory that the kernel resolves relative to the descriptor. */
  entry(name: string): string {
    return HAS_PROC_FD ? `/proc/self/fd/${this.fd}/${name}` : join(this.path, name);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/**
 * Opens the directory at `path`, walking from / without following a link another user could
 * have planted; missing directories are created (mode `createMode`) when asked to.
 */
export function openDirectory(path: string, options: { createMode?: number } = {}, links = { followed: 0 }): OpenDirectory {
  const absolute = resolve(path);
  let current = new OpenDirectory(openSync('/', constants.O_RDONLY | constants.O_DIRECTORY), '/');
  try {
    for (const part of absolute.split('/').filter(Boolean)) {
      const next = openEntryDirectory(current, part, options, links);
      current.close();
      current = next;
    }
    return current;
  } catch (error) {
    current.close();
    throw error;
  }
}

function openEntryDirectory(parent: OpenDirectory, name: string, options: { createMode?: number }, links: { followed: number }): OpenDirectory {
  const path = join(parent.path, name);
  for (let attempt = 0; ; attempt++) {
    try {
      return new OpenDirectory(openSync(parent.entry(name), DIRECTORY_NO_FOLLOW), path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && options.createMode !== undefined && attempt === 0) {
        try {
          mkdirSync(parent.entry(name), { mode: options.createMode });
        } catch (mkdirError) {
          if ((mkdirError as NodeJS.ErrnoException).code !== 'EEXIST') throw mkdirError;
        }
        continue;
      }
      if (code !== 'ELOOP' && code !== 'ENOTDIR') throw error;
      const entry = lstatSync(parent.entry(name));
      if (!entry.isSymbolicLink()) throw notDirectory(path);
      if (!rootPutLink(parent, entry) || ++links.followed > MAX_LINKS) throw symlinkRefusal(path);
      // A link root put there: walk its target with the same rules.
      return openDirectory(realpathSync(parent.entry(name)), options, links);
    }
  }
}

/** A link is root's decision when root owns it and only root can replace it in its directory. */
function rootPutLink(parent: OpenDirectory, link: Stats): boolean {
  return link.uid === 0 && holdsSafely(fstatSync(parent.fd), link);
}

/**
 * Throws unless every directory on the way to `path`, `path` itself included, is held by a
 * directory only root can write, or by a sticky one (like /tmp) where root owns the entry:
 * for a directory whose contents are read later by path (the state directory).
 */
export function assertTrustedChain(path: string): void {
  checkChain(resolve(path), 0);
}

function checkChain(dir: string, depth: number): void {
  if (depth > MAX_LINKS) throw new StepError(`${dir}: too many symbolic links on the way to it.`);
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
      throw new StepError(`${current} can be written by ${holder.uid === 0 ? 'users other than root' : `uid ${holder.uid}`}, so another user could swap ${next}.`);
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

/** Runs `use` with the directory holding `path` open; undefined when that directory does not exist. */
function inParent<T>(path: string, use: (dir: OpenDirectory, name: string) => T): T | undefined {
  let dir: OpenDirectory;
  try {
    dir = openDirectory(dirname(resolve(path)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return use(dir, basename(path));
  } finally {
    dir.close();
  }
}

/**
 * Reads a regular file without following a link on the way or in its place; undefined when it
 * does not exist. Something that is not a regular file, or a file with other hard links (which
 * could be /etc/shadow under another name), is refused.
 */
export function readFileNoFollow(path: string): ExistingFile | undefined {
  return inParent(path, (dir, name) => {
    let fd: number;
    try {
      fd = openSync(dir.entry(name), READ_NO_FOLLOW);
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
  });
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
  const done = inParent(path, (dir, name) => {
    let fd: number;
    try {
      fd = openSync(dir.entry(name), READ_NO_FOLLOW);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw symlinkRefusal(path);
      throw error;
    }
    try {
      assertPlainFile(path, fstatSync(fd));
      fchownSync(fd, wanted.uid, wanted.gid);
      fchmodSync(fd, wanted.mode);
    } finally {
      closeSync(fd);
    }
    return true;
  });
  if (!done) throw new StepError(`${path} disappeared while matrix-setup was changing it.`, { hint: 'Resume to try again.' });
}

/**
 * A directory with this owner and mode: created when missing (its missing parents 0755), a
 * symbolic link or anything else in its place refused. Owner and mode are set through the
 * directory's own descriptor. Returns whether it had to be created.
 */
export function ensureDirectory(path: string, wanted: Ownership): 'created' | 'existed' {
  const parent = openDirectory(dirname(resolve(path)), { createMode: 0o755 });
  const name = basename(path);
  try {
    let created = false;
    try {
      mkdirSync(parent.entry(name), { mode: 0o700 });
      created = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let fd: number;
    try {
      fd = openSync(parent.entry(name), DIRECTORY_NO_FOLLOW);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // With O_DIRECTORY, Linux reports a link as ENOTDIR.
      if (code === 'ELOOP' || (code === 'ENOTDIR' && lstatSync(parent.entry(name)).isSymbolicLink())) throw symlinkRefusal(path);
      if (code === 'ENOTDIR') throw notDirectory(path);
      throw error;
    }
    try {
      fchownSync(fd, wanted.uid, wanted.gid);
      fchmodSync(fd, wanted.mode);
    } finally {
      closeSync(fd);
    }
    return created ? 'created' : 'existed';
  } finally {
    parent.close();
  }
}
