import { createHash } from 'node:crypto';
import { constants, copyFileSync, mkdirSync, readlinkSync, renameSync, symlinkSync, type Stats } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import { basename, dirname, join, posix } from 'node:path';
import { readMember } from '../../src/backup/archive-members.js';
import type { ManifestMember } from '../../src/backup/manifest.js';
import type { VerifiedArchive } from '../../src/backup/open-archive.js';
import { lstatOptional } from '../../src/backup/walk.js';
import { lookupId } from '../../src/engine/actions/accounts.js';
import type { RunContext } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';

/**
 * Putting one archived file, symlink or directory at its place on disk, as root, in
 * directories root owns: a file is written to a new temporary name (never through an
 * existing file or symlink) and renamed over the old one, which is first copied to `backup`.
 */
export interface Placement {
  member: ManifestMember;
  /** Where it goes (usually member.path). */
  path: string;
  /** Owner and group to give it; default: the archived names when they exist here, else root. */
  owner?: { user: string; group: string };
  /** Mode to give it; default: the archived one. */
  mode?: number;
}

/** 'adjusted': the content was right, only its owner or mode were not. */
export type PlaceOutcome = 'unchanged' | 'adjusted' | 'created' | 'replaced';

interface Ids {
  uid: number;
  gid: number;
}

async function ids(ctx: RunContext, placement: Placement): Promise<Ids> {
  const user = placement.owner?.user ?? placement.member.owner;
  const group = placement.owner?.group ?? placement.member.group;
  const uid = await lookupId(ctx.exec, 'passwd', user);
  const gid = await lookupId(ctx.exec, 'group', group);
  if (placement.owner && (uid === undefined || gid === undefined)) {
    throw new StepError(`${placement.path} should belong to ${user}:${group}, which does not exist here.`);
  }
  return { uid: uid ?? 0, gid: gid ?? 0 };
}

/** The given or archived mode, without setuid, setgid or sticky bits (nothing restored needs them). */
function modeOf(placement: Placement): number {
  return (placement.mode ?? Number.parseInt(placement.member.mode, 8)) & 0o777;
}

/** Whether an archived path lies inside `dir` (normalised first: an archive cannot climb out with ..). */
export function isInside(path: string, dir: string): boolean {
  const normal = posix.normalize(path);
  return normal === path && posix.isAbsolute(path) && (normal === dir || normal.startsWith(`${dir.replace(/\/$/, '')}/`));
}


export async function sha256OfFile(path: string): Promise<string> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const hash = createHash('sha256');
    for await (const chunk of handle.createReadStream({ autoClose: false })) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } finally {
    await handle.close();
  }
}

/** Read-only: whether the path already is what the archive holds (content, link target, owner, mode). */
export async function isPlaced(ctx: RunContext, placement: Placement): Promise<boolean> {
  const { member, path } = placement;
  const stat = lstatOptional(path);
  if (!stat) return false;
  if (member.type === 'directory') return stat.isDirectory();
  if (member.type === 'symlink') return stat.isSymbolicLink() && readlinkSync(path) === member.link;
  if (!stat.isFile() || stat.size !== member.size) return false;
  const { uid, gid } = await ids(ctx, placement);
  if ((stat.mode & 0o7777) !== modeOf(placement) || stat.uid !== uid || stat.gid !== gid) return false;
  return (await sha256OfFile(path)) === member.sha256;
}

/** Puts it in place; whatever was there and differs is kept at backup(path) first. */
export async function place(ctx: RunContext, archive: VerifiedArchive, placement: Placement, backup: (path: string) => string): Promise<PlaceOutcome> {
  if (await isPlaced(ctx, placement)) return 'unchanged';
  const { member, path } = placement;
  const existing = lstatOptional(path);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const { uid, gid } = await ids(ctx, placement);
  if (member.type === 'directory') {
    if (existing) throw new StepError(`${path} is in the way: the backup has a directory there.`, { hint: 'Move it away and resume.' });
    mkdirSync(path, { mode: modeOf(placement) });
    const handle = await open(path, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
    try {
      await handle.chown(uid, gid);
      await handle.chmod(modeOf(placement));
    } finally {
      await handle.close();
    }
    return 'created';
  }
  if (existing?.isFile() && member.type === 'file' && existing.size === member.size && (await sha256OfFile(path)) === member.sha256) {
    const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      await handle.chown(uid, gid);
      await handle.chmod(modeOf(placement));
    } finally {
      await handle.close();
    }
    return 'adjusted';
  }
  if (existing) keepAside(path, existing, backup(path));
  if (member.type === 'symlink') {
    symlinkSync(member.link!, path);
  } else {
    const content = await readMember(archive, member.name);
    const temp = join(dirname(path), `.${basename(path)}.${process.pid}.restore`);
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    try {
      await handle.writeFile(content);
      await handle.chown(uid, gid);
      await handle.chmod(modeOf(placement));
      await handle.sync();
    } catch (error) {
      await handle.close();
      await unlink(temp).catch(() => {});
      throw error;
    }
    await handle.close();
    renameSync(temp, path);
  }
  return existing ? 'replaced' : 'created';
}

/** A file is copied (it is renamed over next); a symlink or anything else is moved. */
function keepAside(path: string, stat: Stats, backup: string): void {
  mkdirSync(dirname(backup), { recursive: true, mode: 0o700 });
  let target = backup;
  for (let n = 2; lstatOptional(target); n++) target = `${backup}-${n}`;
  if (stat.isFile()) copyFileSync(path, target, constants.COPYFILE_EXCL);
  else if (stat.isDirectory()) throw new StepError(`${path} is a directory where the backup has a ${stat.isSymbolicLink() ? 'symlink' : 'file'}.`, { hint: 'Move it away and resume.' });
  else renameSync(path, target);
}
