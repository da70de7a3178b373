#!/usr/bin/env node
// Bundles the CLI into one ESM file with no runtime dependencies: dist/matrix-setup.mjs.
// Target Node 18.19 (Debian 12 and Ubuntu 24.04 ship it). Notes on the choices:
// - ESM only: ink embeds yoga's wasm and loads it with top-level await.
// - react-devtools-core is an optional ink import for development: stub it out.
// - a createRequire banner, or bundled CommonJS dies with "Dynamic require of 'assert'".
// - two stages: the application (src/cli/main.ts) is bundled first and embedded as a
//   string in a small launcher (src/cli/launcher.ts) that imports it as a data: module
//   only when the command needs it; `//# sourceURL` keeps stack traces readable.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const outfile = 'dist/matrix-setup.mjs';
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node18.19',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: {
    'process.env.NODE_ENV': '"production"',
    __MATRIX_SETUP_VERSION__: JSON.stringify(pkg.version),
  },
};

const app = await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  write: false,
  alias: { 'react-devtools-core': './scripts/empty-module.mjs' },
  banner: {
    // A data: module has no file URL; builtins resolve from any absolute path.
    js: "import { createRequire as __createRequire } from 'node:module';const require = __createRequire('/matrix-setup.mjs');",
  },
  footer: { js: '//# sourceURL=matrix-setup.mjs' },
});

await build({
  ...common,
  entryPoints: ['src/cli/launcher.ts'],
  outfile,
  define: { ...common.define, __MATRIX_SETUP_APP__: JSON.stringify(app.outputFiles[0].text) },
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync(outfile, 0o755);
