import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import type { RunContext, TaskAction } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import { ANY_EXIT_CODE } from '../../src/exec/executor.js';
import { writeFileAtomic } from '../../src/fs/atomic.js';
import { SYSTEM_NGINX, type NginxControl } from './nginx-control.js';

/** Files and links that together make one piece of nginx configuration. */
export interface NginxConfigChange {
  files: Array<{ path: string; content: string }>;
  /** Symlinks (Debian/Ubuntu's sites-enabled) that switch a file on. */
  links: Array<{ path: string; target: string }>;
  /**
   * Holds the fingerprint of the files after nginx was reloaded with them. Written last, so a
   * run killed between writing the files and the reload still reloads when it resumes.
   */
  stampFile: string;
  /** Previous versions go here (as <dir>/<absolute path>.<time>), never beside the files: nginx reads whole directories. */
  backupDir?: string;
}

export const BACKUP_DIR = '/var/lib/matrix-setup/backups';

/**
 * A task that puts nginx configuration in place without ever leaving nginx broken:
 * write (backing up what was there), `nginx -t`, and only when that passes reload; when it
 * fails, put the previous files back (or remove the new ones) and fail with nginx's own
 * words. A plain file action cannot do this, as it has no way to undo a write.
 */
export function applyNginxConfigTask(description: string, change: NginxConfigChange, control: NginxControl = SYSTEM_NGINX): TaskAction {
  return {
    kind: 'task',
    description,
    shows: [
      ...change.files.map((file) => ({ argv: ['write', file.path], stdin: file.content, when: `when its content differs (the old file is kept under ${change.backupDir ?? BACKUP_DIR})` })),
      ...change.links.map((link) => ({ argv: ['ln', '-sfn', link.target, link.path], when: 'when the link is missing or points elsewhere' })),
      { argv: control.test, when: 'before any reload; on failure the previous files are restored' },
      { argv: control.reload, when: 'when nginx runs and the test passed' },
      { argv: control.start, when: 'when nginx is not running' },
    ],
    check: async (ctx) => inPlace(change) && (await isRunning(ctx, control)),
    run: (ctx) => applyNginxConfig(ctx, change, control),
  };
}

export async function applyNginxConfig(ctx: RunContext, change: NginxConfigChange, control: NginxControl = SYSTEM_NGINX): Promise<void> {
  const previous = snapshot(change);
  for (const link of change.links) {
    if (previous.links.get(link.path) === null) {
      throw new StepError(`${link.path} exists and is not a symbolic link; matrix-setup will not replace it.`, {
        hint: 'Move it away (the site would be enabled twice otherwise) and resume. Nothing was changed.',
      });
    }
  }
  const backups: string[] = [];
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  for (const file of change.files) {
    const before = previous.files.get(file.path);
    if (before === file.content) continue;
    if (before !== undefined) {
      const backup = freeName(join(change.backupDir ?? BACKUP_DIR, `${file.path}.${stamp}`), '');
      mkdirSync(dirname(backup), { recursive: true, mode: 0o700 });
      copyFileSync(file.path, backup);
      backups.push(backup);
    }
    writeFileAtomic(file.path, file.content, { mode: 0o644 });
  }
  for (const link of change.links) {
    if (previous.links.get(link.path) !== link.target) replaceLink(link.path, link.target);
  }

  const test = await ctx.exec.run(control.test, { probe: true, okExitCodes: ANY_EXIT_CODE, timeoutMs: 60_000 });
  if (test.exitCode !== 0) {
    restore(change, previous);
    for (const backup of backups) rmSync(backup, { force: true });
    const again = await ctx.exec.run(control.test, { probe: true, okExitCodes: ANY_EXIT_CODE, timeoutMs: 60_000 });
    const output = outputLines(test);
    throw new StepError(
      again.exitCode === 0
        ? `nginx rejected the new configuration (${control.test.join(' ')}); the previous files are back and nginx keeps serving as before.`
        : `nginx's configuration fails its test even without matrix-setup's change, so the change was not applied.`,
      {
        argv: control.test,
        exitCode: test.exitCode,
        outputTail: output,
        hint:
          again.exitCode === 0
            ? 'The output names the file and line. This is likely a bug in matrix-setup or a conflicting server block of your own; fix it and resume.'
            : `Run \`${control.test.join(' ')}\`, fix what it reports (it is not in matrix-setup's files), then resume.`,
      },
    );
  }
  for (const backup of backups) ctx.note(`Kept the previous version as ${backup}`);

  if (await isRunning(ctx, control)) {
    await ctx.exec.run(control.reload, { hint: 'nginx accepted the configuration but did not reload; see `journalctl -u nginx -n 50`.' });
  } else {
    await ctx.exec.run(control.start, { hint: 'See `journalctl -u nginx -n 50`: another program may hold port 80, 443 or 8448.' });
  }
  writeFileAtomic(change.stampFile, `${fingerprint(change)}\n`, { mode: 0o644 });
}

/** True when every file and link is as wanted and nginx was reloaded with exactly this. */
export function inPlace(change: NginxConfigChange): boolean {
  const current = snapshot(change);
  if (change.files.some((file) => current.files.get(file.path) !== file.content)) return false;
  if (change.links.some((link) => current.links.get(link.path) !== link.target)) return false;
  return readOptional(change.stampFile)?.trim() === fingerprint(change);
}

export function fingerprint(change: NginxConfigChange): string {
  const hash = createHash('sha256');
  for (const file of change.files) hash.update(`file ${file.path}\n${file.content}\n`);
  for (const link of change.links) hash.update(`link ${link.path} ${link.target}\n`);
  return hash.digest('hex');
}

async function isRunning(ctx: RunContext, control: NginxControl): Promise<boolean> {
  const probe = await ctx.exec.run(control.running, { probe: true, okExitCodes: ANY_EXIT_CODE, timeoutMs: 30_000 });
  return probe.exitCode === 0;
}

interface Snapshot {
  /** Content of each file, undefined when it did not exist. */
  files: Map<string, string | undefined>;
  /** Target of each link, undefined when absent; null when something other than a link is there. */
  links: Map<string, string | null | undefined>;
}

function snapshot(change: NginxConfigChange): Snapshot {
  const files = new Map(change.files.map((file) => [file.path, readOptional(file.path)] as const));
  const links = new Map(change.links.map((link) => [link.path, readLinkOptional(link.path)] as const));
  return { files, links };
}

function restore(change: NginxConfigChange, previous: Snapshot): void {
  for (const file of change.files) {
    const before = previous.files.get(file.path);
    if (before === undefined) rmSync(file.path, { force: true });
    else writeFileAtomic(file.path, before, { mode: 0o644 });
  }
  for (const link of change.links) {
    const before = previous.links.get(link.path);
    if (before === undefined) rmSync(link.path, { force: true });
    else if (before !== null) replaceLink(link.path, before);
  }
}

function replaceLink(path: string, target: string): void {
  // A new link under a fresh random name (symlink fails rather than reuse one), renamed over the
  // old one: never a moment without it.
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  symlinkSync(target, temp);
  renameSync(temp, path);
}

/** `<base><suffix>`, or `<base>-2<suffix>` and so on when an earlier backup has that name (same second). */
function freeName(base: string, suffix: string): string {
  let candidate = `${base}${suffix}`;
  for (let n = 2; existsSync(candidate); n++) candidate = `${base}-${n}${suffix}`;
  return candidate;
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function readLinkOptional(path: string): string | null | undefined {
  if (!existsSync(path) && !isDanglingLink(path)) return undefined;
  return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : null;
}

function isDanglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function outputLines(result: { stdout: string; stderr: string }): string[] {
  return `${result.stderr}\n${result.stdout}`
    .split('\n')
    .map((line) => line.trimEnd())
    .filter(Boolean)
    .slice(-25);
}
