import { closeSync, constants, fchmodSync, fstatSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { errorText, HostRefusedError } from '../errors.js';
import { mapLocalized, type Localized } from '../i18n/localized.js';
import { engineText as t } from '../i18n/messages/engine.js';
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
      throw refusal(dir, mapLocalized(errorText(error), (text) => text.replace(/\.$/, '')));
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
    if (code === 'ELOOP' || (code === 'ENOTDIR' && lstatOptional(dir)?.isSymbolicLink())) throw refusal(dir, t.isSymlink);
    if (code === 'ENOTDIR') throw refusal(dir, t.isNotDirectory);
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    const me = process.getuid?.() ?? 0;
    if (stat.uid !== me) throw refusal(dir, t.belongsToUid({ uid: stat.uid, me: me === 0 ? 'root' : t.uid({ uid: me }) }));
    if (stat.mode & 0o022) {
      const mode = (stat.mode & 0o7777).toString(8).padStart(4, '0');
      throw refusal(dir, (stat.mode & 0o002 ? t.writableByEveryone : t.writableByGroup)({ mode }));
    }
    if ((stat.mode & 0o7777) !== 0o700) fchmodSync(fd, 0o700);
  } finally {
    closeSync(fd);
  }
}

function refusal(dir: string, why: Localized): HostRefusedError {
  return new HostRefusedError(t.stateDirUntrusted({ dir, why }), t.stateDirUntrustedHint({ dir }));
}
