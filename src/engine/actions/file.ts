import { engineText as t } from '../../i18n/messages/engine.js';
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
        throw new StepError(t.refusingToReplace({ path: action.path, reason: refusal }), { hint: t.refusingToReplaceHint });
      }
      const backup = saveBackup(env.backupPath(action.path), current.raw);
      env.changed(t.backedUp({ path: action.path, backup }));
    }
    if (!current || current.content !== wanted) {
      if (action.notify?.length) env.markRestart(action.notify);
      writeFileAtomic(action.path, wanted, { mode: action.mode, uid: ids.uid, gid: ids.gid });
      env.changed((current ? t.updatedFile : t.createdFile)({ path: action.path }));
      return;
    }
    setFileOwnership(action.path, { uid: ids.uid, gid: ids.gid, mode: action.mode });
    env.changed(t.fileOwnerMode({ path: action.path }));
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
    const missing = uid === undefined ? t.ownerUserMissing : t.ownerGroupMissing;
    throw new StepError(missing({ path: action.path, owner: action.owner, group: action.group }), { hint: t.ownerMissingHint });
  }
  return { uid, gid };
}
