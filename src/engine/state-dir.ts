import { closeSync, constants, fchmodSync, fstatSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { HostRefusedError } from '../errors.js';
import { assertTrustedChain, lstatOptional } from '../fs/no-follow.js';

/**
 * The state directory holds the generated secrets, the answers and the run state, and what
 * is in it decides what later runs (as root) do. It is created 0700 whatever the umask, and
 * checked on every run: it must be a real directory of this user's, writable by nobody else
 * (files planted there by another user would be trusted). An older one readable by others
 * (created 0755 by an earlier version) is tightened to 0700.
 */
export function prepareStateDir(dir: string): void {
  const checkChain = () => {
    try {
      assertTrustedChain(dir);
    } catch (error) {
      throw refusal(dir, (error as Error).message.replace(/\.$/, ''));
    }
  };
  checkChain();
  mkdirSync(dirname(dir), { recursive: true, mode: 0o755 });
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  checkChain();
  let fd: number;
  try {
    fd = openSync(dir, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // With O_DIRECTORY, Linux reports a link as ENOTDIR.
    if (code === 'ELOOP' || (code === 'ENOTDIR' && lstatOptional(dir)?.isSymbolicLink())) throw refusal(dir, 'it is a symbolic link');
    if (code === 'ENOTDIR') throw refusal(dir, 'it is not a directory');
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    const me = process.getuid?.() ?? 0;
    if (stat.uid !== me) throw refusal(dir, `it belongs to uid ${stat.uid}, not to ${me === 0 ? 'root' : `uid ${me}`}`);
    if (stat.mode & 0o022) {
      throw refusal(dir, `it is writable by ${stat.mode & 0o002 ? 'every user' : 'its group'} (mode ${(stat.mode & 0o7777).toString(8).padStart(4, '0')})`);
    }
    if ((stat.mode & 0o7777) !== 0o700) fchmodSync(fd, 0o700);
  } finally {
    closeSync(fd);
  }
}

function refusal(dir: string, why: string): HostRefusedError {
  return new HostRefusedError(
    `The state directory ${dir} cannot be trusted: ${why}. It holds the secrets and decides what later runs do as root.`,
    `Nothing was changed. Check what is in it, then make it root's and private (chown -R root: ${dir}; chmod 700 ${dir}), or pass another --state-dir.`,
  );
}
