import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './process.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const BUNDLE = join(REPO_ROOT, 'dist/matrix-setup.mjs');
export const INSTALL_SH = join(REPO_ROOT, 'install.sh');

function newestSource(dir: string): number {
  let newest = 0;
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of entries) {
    const path = join(dir, name);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestSource(path) : stat.mtimeMs);
  }
  return newest;
}

/**
 * The built bundle (dist/matrix-setup.mjs), rebuilt with the project's own build script when
 * it is missing or older than any source it is made from, so a scenario never tests stale code.
 */
export async function ensureBundle(): Promise<string> {
  const sources = Math.max(
    newestSource(join(REPO_ROOT, 'src')),
    newestSource(join(REPO_ROOT, 'steps')),
    statSync(join(REPO_ROOT, 'package.json')).mtimeMs,
  );
  if (!existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < sources) {
    console.log('[e2e] building dist/matrix-setup.mjs (missing or older than its sources)');
    await run([process.execPath, 'scripts/build.mjs'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root' },
      timeoutMs: 5 * 60_000,
    });
  }
  return BUNDLE;
}
