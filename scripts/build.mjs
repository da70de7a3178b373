#!/usr/bin/env node
// Bundles the CLI into one ESM file with no runtime dependencies: dist/matrix-setup.mjs.
// Target Node 18.19 (Debian 12 and Ubuntu 24.04 ship it). Notes on the choices:
// - ESM only: ink embeds yoga's wasm and loads it with top-level await.
// - react-devtools-core is an optional ink import for development: stub it out.
// - a createRequire banner, or bundled CommonJS dies with "Dynamic require of 'assert'".
// - two stages: the application (src/cli/main.ts) is bundled first and embedded as a
//   string in a small launcher (src/cli/launcher.ts) that imports it as a data: module
//   only when the command needs it; `//# sourceURL` keeps stack traces readable.
// - the application has no import statements: Node resolves each one against the importing
//   module's URL, and parsing that 1.4 MB data: URL took ~3 ms per import, over 60 ms for the
//   ~180 imports of built-in modules. Built-ins are required instead, with the launcher's
//   require (globalThis.__matrixSetupRequire).
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

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

const BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** `import ... from 'node:fs'` becomes a require() of it, bundled like a CommonJS module. */
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(build) {
    build.onResolve({ filter: /^[\w:/]+$/ }, (args) => {
      if (!BUILTINS.has(args.path)) return undefined;
      // The require() inside the stand-in is left to Node.
      return args.namespace === 'builtin' ? { path: args.path, external: true } : { path: args.path, namespace: 'builtin' };
    });
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

const app = await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  write: false,
  alias: { 'react-devtools-core': './scripts/empty-module.mjs' },
  plugins: [builtinsByRequire],
  banner: { js: 'const require = globalThis.__matrixSetupRequire;' },
  footer: { js: '//# sourceURL=matrix-setup.mjs' },
});
const importsLeft = app.outputFiles[0].text.match(/(^|[;}\s])import\s*[{*\w][^;]*?from\s*"[^"]+"/g);
if (importsLeft) throw new Error(`the application bundle still imports: ${importsLeft.slice(0, 5).join(', ')}`);

await build({
  ...common,
  entryPoints: ['src/cli/launcher.ts'],
  outfile,
  define: { ...common.define, __MATRIX_SETUP_APP__: JSON.stringify(app.outputFiles[0].text) },
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync(outfile, 0o755);
