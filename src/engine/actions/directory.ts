import { chmodSync, chownSync, mkdirSync, statSync } from 'node:fs';
import { StepError } from '../../errors.js';
import type { DirectoryAction } from '../types.js';
import { lookupId } from './accounts.js';
import type { ActionEnv, ActionHandler } from './action-env.js';

export const directoryHandler: ActionHandler<DirectoryAction> = {
  async isInPlace(action, env) {
    let stat;
    try {
      stat = statSync(action.path);
    } catch {
      return false;
    }
    if (!stat.isDirectory()) return false;
    const { uid, gid } = await ids(action, env);
    return (stat.mode & 0o7777) === action.mode && stat.uid === uid && stat.gid === gid;
  },

  async apply(action, env) {
    const { uid, gid } = await ids(action, env);
    let existed = true;
    try {
      if (!statSync(action.path).isDirectory()) {
        throw new StepError(`${action.path} exists but is not a directory.`, { hint: 'Move it away and resume.' });
      }
    } catch (error) {
      if (error instanceof StepError) throw error;
      existed = false;
      mkdirSync(action.path, { recursive: true });
    }
    chmodSync(action.path, action.mode);
    chownSync(action.path, uid, gid);
    env.changed(`${existed ? 'set owner/mode of' : 'created'} ${action.path}/`);
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
