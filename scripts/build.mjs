#!/usr/bin/env node
// Bundles the CLI into one ESM file with no runtime dependencies: dist/matrix-setup.mjs.
// Target Node 18.19 (Debian 12 and Ubuntu 24.04 ship it). Notes on the choices:
// - ESM only: ink embeds yoga's wasm and loads it with top-level await.
// - react-devtools-core is an optional ink import for development: stub it out.
// - a createRequire banner, or bundled CommonJS dies with "Dynamic require of 'assert'".
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const outfile = 'dist/matrix-setup.mjs';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node18.19',
  minify: true,
  legalComments: 'none',
  alias: { 'react-devtools-core': './scripts/empty-module.mjs' },
  define: {
    'process.env.NODE_ENV': '"production"',
    __MATRIX_SETUP_VERSION__: JSON.stringify(pkg.version),
  },
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
