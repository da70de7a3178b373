import { closeSync, readlinkSync, type Stats } from 'node:fs';
import type { AccountNames } from './account-names.js';
import { MEMBERS, type ManifestMember, type MemberRole } from './manifest.js';
import type { EntryMeta } from './tar/header.js';
import { openForArchive, type TarWriter } from './tar/writer.js';
import { lstatOptional } from '../fs/no-follow.js';
import { walkTree } from './walk.js';

/**
 * Adds what is on disk to an archive, as it is (a symlink stays a symlink, nothing is followed),
 * and keeps the manifest's list of members: name, role, type, size and sha256, mode and owner
 * by name.
 */
export class ArchiveBuilder {
  readonly members: ManifestMember[] = [];
  private readonly added = new Set<string>();

  constructor(
    private readonly writer: TarWriter,
    private readonly names: AccountNames,
    private readonly warn: (message: string) => void,
  ) {}

  meta(stat: Stats): EntryMeta {
    return {
      mode: stat.mode & 0o7777,
      uid: stat.uid,
      gid: stat.gid,
      uname: this.names.user(stat.uid),
      gname: this.names.group(stat.gid),
      mtime: Math.floor(stat.mtimeMs / 1000),
    };
  }

  record(name: string, role: MemberRole, meta: EntryMeta, extra: Partial<ManifestMember>): void {
    this.members.push({ name, role, type: extra.type ?? 'file', ...extra, mode: `0${meta.mode.toString(8)}`, owner: meta.uname, group: meta.gname });
    this.added.add(name);
  }

  /**
   * A file, directory or symlink; `path` is what the manifest says it restores to, `entry.access`
   * the name to reach it by during a walk. Gone since it was listed: skipped.
   */
  async addPath(name: string, role: MemberRole, entry: { path: string; stat: Stats; access?: string }, path?: string): Promise<void> {
    if (this.added.has(name)) return;
    try {
      await this.addOnDisk(name, role, entry, path);
    } catch (error) {
      // Removed since it was listed (Synapse purging old media, say): nothing to keep.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  /** Every directory, file and symlink under `root`, each as files/<its absolute path>. */
  async addTree(root: string, role: MemberRole, exclude: Set<string> = new Set()): Promise<void> {
    if (!lstatOptional(root)) return;
    for (const entry of walkTree(root, (path) => this.warn(`Not backed up: ${path} is not a file, directory or symlink.`))) {
      if (exclude.has(entry.path)) continue;
      await this.addPath(`${MEMBERS.filesPrefix}${entry.path}`, role, entry, entry.path);
    }
  }

  /** The path when something is there. */
  async addOptional(path: string, name: string, role: MemberRole): Promise<void> {
    const stat = lstatOptional(path);
    if (stat) await this.addPath(name, role, { path, stat }, path);
  }

  private async addOnDisk(name: string, role: MemberRole, entry: { path: string; stat: Stats; access?: string }, path: string | undefined): Promise<void> {
    const { stat } = entry;
    const access = entry.access ?? entry.path;
    const where = path === undefined ? {} : { path };
    if (stat.isDirectory()) {
      await this.writer.addDirectory(name, this.meta(stat));
      this.record(name, role, this.meta(stat), { type: 'directory', ...where });
    } else if (stat.isSymbolicLink()) {
      const link = readlinkSync(access);
      await this.writer.addSymlink(name, link, this.meta(stat));
      this.record(name, role, this.meta(stat), { type: 'symlink', ...where, link });
    } else {
      const { fd, stat: opened } = openForArchive(access);
      try {
        if (!opened.isFile()) return;
        if (opened.nlink > 1) {
          // It may be another file under a second name (one a service account cannot read itself).
          this.warn(`Not backed up: ${entry.path} has ${opened.nlink} hard links.`);
          return;
        }
        const digest = await this.writer.addFile(name, fd, opened.size, this.meta(opened));
        this.record(name, role, this.meta(opened), { type: 'file', ...where, ...digest });
      } finally {
        closeSync(fd);
      }
    }
  }
}
