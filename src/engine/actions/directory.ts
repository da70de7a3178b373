import { StepError } from '../../errors.js';
import { ensureDirectory, lstatOptional } from '../../fs/no-follow.js';
import type { DirectoryAction } from '../types.js';
import { lookupId } from './accounts.js';
import type { ActionEnv, ActionHandler } from './action-env.js';

/** A directory with its owner and mode; a symbolic link in its place is refused, never followed. */
export const directoryHandler: ActionHandler<DirectoryAction> = {
  async isInPlace(action, env) {
    const stat = lstatOptional(action.path);
    if (!stat || stat.isSymbolicLink() || !stat.isDirectory()) return false;
    const { uid, gid } = await ids(action, env);
    return (stat.mode & 0o7777) === action.mode && stat.uid === uid && stat.gid === gid;
  },

  async apply(action, env) {
    const { uid, gid } = await ids(action, env);
    const result = ensureDirectory(action.path, { uid, gid, mode: action.mode });
    env.changed(`${result === 'created' ? 'created' : 'set owner/mode of'} ${action.path}/`);
  },
};

async function ids(action: DirectoryAction, env: ActionEnv) {
  const uid = await lookupId(env.ctx.exec, 'passwd', action.owner);
  const gid = await lookupId(env.ctx.exec, 'group', action.group);
  if (uid === undefined || gid === undefined) {
    throw new StepError(`${action.path} should belong to ${action.owner}:${action.group}, which does not exist.`);
  }
  return { uid, gid };
}
