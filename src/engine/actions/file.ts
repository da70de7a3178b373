import { copyFileSync, chmodSync, chownSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { StepError } from '../../errors.js';
import { writeFileAtomic } from '../../fs/atomic.js';
import type { FileAction } from '../types.js';
import { lookupId } from './accounts.js';
import type { ActionEnv, ActionHandler } from './action-env.js';

export const fileHandler: ActionHandler<FileAction> = {
  async isInPlace(action, env) {
    const current = readCurrent(action.path);
    if (current === undefined) return false;
    if (current.content !== env.resolveSecrets(action.content)) return false;
    const ids = await owner(action, env);
    return (current.mode & 0o7777) === action.mode && current.uid === ids.uid && current.gid === ids.gid;
  },

  async apply(action, env) {
    const current = readCurrent(action.path);
    const wanted = env.resolveSecrets(action.content);
    const ids = await owner(action, env);
    if (current && current.content !== wanted) {
      const refusal = action.guard?.(current.content);
      if (refusal) {
        throw new StepError(`Refusing to replace ${action.path}: ${refusal}`, {
          hint: 'Nothing was changed. Move the file away if it is no longer needed, or fix the answers.',
        });
      }
      let backup = env.backupPath(action.path);
      for (let n = 2; existsSync(backup); n++) backup = `${env.backupPath(action.path)}-${n}`;
      mkdirSync(dirname(backup), { recursive: true, mode: 0o700 });
      copyFileSync(action.path, backup);
      env.changed(`backed up ${action.path} to ${backup}`);
    }
    if (!current || current.content !== wanted) {
      if (action.notify?.length) env.markRestart(action.notify);
      writeFileAtomic(action.path, wanted, { mode: action.mode, uid: ids.uid, gid: ids.gid });
      chmodSync(action.path, action.mode);
      env.changed(`${current ? 'updated' : 'created'} ${action.path}`);
      return;
    }
    chmodSync(action.path, action.mode);
    chownSync(action.path, ids.uid, ids.gid);
    env.changed(`set owner/mode of ${action.path}`);
  },
};

function readCurrent(path: string): { content: string; mode: number; uid: number; gid: number } | undefined {
  try {
    const stat = statSync(path);
    return { content: readFileSync(path, 'utf8'), mode: stat.mode, uid: stat.uid, gid: stat.gid };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function owner(action: { owner: string; group: string; path: string }, env: ActionEnv) {
  const uid = await lookupId(env.ctx.exec, 'passwd', action.owner);
  const gid = await lookupId(env.ctx.exec, 'group', action.group);
  if (uid === undefined || gid === undefined) {
    throw new StepError(`${action.path} should belong to ${action.owner}:${action.group}, but that ${uid === undefined ? 'user' : 'group'} does not exist.`, {
      hint: 'The package or step that creates it has not run; this is likely a bug in the step order.',
    });
  }
  return { uid, gid };
}
