import { readlinkSync, renameSync, symlinkSync } from 'node:fs';
import { basename, dirname, posix } from 'node:path';
import { readMember } from '../../src/backup/archive-members.js';
import type { ManifestMember } from '../../src/backup/manifest.js';
import type { VerifiedArchive } from '../../src/backup/open-archive.js';
import { lookupId } from '../../src/engine/actions/accounts.js';
import type { RunContext } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/fs/atomic.js';
import { sha256FileSync } from '../../src/fs/sha256-file.js';
import { ensureDirectory, lstatOptional, openDirectory, readFileNoFollow, setFileOwnership } from '../../src/fs/no-follow.js';
import { backupText as t } from '../../src/i18n/messages/backup.js';

/**
 * Putting one archived file, symlink or directory at its place on disk, as root, with the
 * no-follow file operations every step uses: directories on the way are walked without
 * following a link another user planted, a file is written under a new name and renamed over
 * the old one (which is kept at `backup(path)` first), owner and mode are set on descriptors.
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
    throw new StepError(t.ownerMissing({ path: placement.path, user, group }));
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

/** The file there already holds the archived bytes (only its owner or mode may differ). */
export async function sameContent(placement: Placement): Promise<boolean> {
  const stat = lstatOptional(placement.path);
  return !!stat?.isFile() && placement.member.type === 'file' && stat.size === placement.member.size && sha256FileSync(placement.path, { noFollow: true }) === placement.member.sha256;
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
  return sha256FileSync(path, { noFollow: true }) === member.sha256;
}

/** Read-only: whether every one of them is already in place. */
export async function allPlaced(ctx: RunContext, placements: Placement[]): Promise<boolean> {
  for (const placement of placements) if (!(await isPlaced(ctx, placement))) return false;
  return true;
}

/** Puts it in place; whatever was there and differs is kept at backup(path) first. */
export async function place(ctx: RunContext, archive: VerifiedArchive, placement: Placement, backup: (path: string) => string): Promise<PlaceOutcome> {
  if (await isPlaced(ctx, placement)) return 'unchanged';
  const { member, path } = placement;
  const existing = lstatOptional(path);
  const { uid, gid } = await ids(ctx, placement);
  const mode = modeOf(placement);
  if (member.type === 'directory') {
    if (existing) throw new StepError(t.inTheWay({ path }), { hint: t.moveAwayHint });
    ensureDirectory(path, { uid, gid, mode });
    return 'created';
  }
  if (existing && (await sameContent(placement))) {
    setFileOwnership(path, { uid, gid, mode });
    return 'adjusted';
  }
  if (existing) keepAside(path, backup(path));
  if (member.type === 'symlink') {
    const dir = openDirectory(dirname(path), { createMode: 0o755 });
    try {
      symlinkSync(member.link!, dir.entry(basename(path)));
    } finally {
      dir.close();
    }
  } else {
    writeFileAtomic(path, await readMember(archive, member.name), { mode, uid, gid });
  }
  return existing ? 'replaced' : 'created';
}

/** A file is copied (the new one is renamed over it next); a symlink is moved. */
function keepAside(path: string, backup: string): void {
  let target = backup;
  for (let n = 2; lstatOptional(target); n++) target = `${backup}-${n}`;
  const stat = lstatOptional(path);
  if (stat?.isDirectory()) throw new StepError(t.isDirectory({ path }), { hint: t.moveAwayHint });
  if (stat?.isFile()) {
    writeFileAtomic(target, readFileNoFollow(path)!.content, { mode: 0o600 });
    return;
  }
  const from = openDirectory(dirname(path));
  const to = openDirectory(dirname(target), { createMode: 0o700 });
  try {
    renameSync(from.entry(basename(path)), to.entry(basename(target)));
  } finally {
    from.close();
    to.close();
  }
}
