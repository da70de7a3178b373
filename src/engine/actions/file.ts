import { StepError } from '../../errors.js';
import { writeFileAtomic } from '../../fs/atomic.js';
import { saveBackup } from '../../fs/backup.js';
import { readFileNoFollow, setFileOwnership } from '../../fs/no-follow.js';
import type { FileAction } from '../types.js';
import { lookupId } from './accounts.js';
import type { ActionEnv, ActionHandler } from './action-env.js';

/** A file with its content, owner and mode; a symbolic link or hard link in its place is refused, never followed. */
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
      const backup = saveBackup(env.backupPath(action.path), current.raw);
      env.changed(`backed up ${action.path} to ${backup}`);
    }
    if (!current || current.content !== wanted) {
      if (action.notify?.length) env.markRestart(action.notify);
      writeFileAtomic(action.path, wanted, { mode: action.mode, uid: ids.uid, gid: ids.gid });
      env.changed(`${current ? 'updated' : 'created'} ${action.path}`);
      return;
    }
    setFileOwnership(action.path, { uid: ids.uid, gid: ids.gid, mode: action.mode });
    env.changed(`set owner/mode of ${action.path}`);
  },
};

function readCurrent(path: string): { content: string; raw: Buffer; mode: number; uid: number; gid: number } | undefined {
  const file = readFileNoFollow(path);
  return file && { ...file, raw: file.content, content: file.content.toString('utf8') };
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
