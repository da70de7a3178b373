import { lstatSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The host path of `containerPath` in a root filesystem at `root`, resolving symlinks the way
 * the container would (an absolute link target is relative to the container's root), so that
 * nothing resolves outside `root`.
 */
export function resolveInRoot(root: string, containerPath: string): string {
  if (!containerPath.startsWith('/')) throw new Error(`not an absolute container path: ${containerPath}`);
  const pending = containerPath.split('/').filter(Boolean);
  const resolved: string[] = [];
  let links = 0;
  while (pending.length > 0) {
    const part = pending.shift()!;
    if (part === '.') continue;
    if (part === '..') {
      resolved.pop();
      continue;
    }
    let link: string | undefined;
    try {
      const candidate = join(root, ...resolved, part);
      if (lstatSync(candidate).isSymbolicLink()) link = readlinkSync(candidate);
    } catch {
      // does not exist (yet): taken literally
    }
    if (link === undefined) {
      resolved.push(part);
      continue;
    }
    if (++links > 40) throw new Error(`too many levels of symbolic links in ${containerPath}`);
    if (link.startsWith('/')) resolved.length = 0;
    pending.unshift(...link.split('/').filter(Boolean));
  }
  return join(root, ...resolved);
}
