// The shipped file's entry. The application is embedded as one string and imported as a
// data: module only when needed, so `--version` and `--help` answer without V8 having to
// parse the application (about half a megabyte, most of it the Ink UI): start-up stays
// near bare `node`. See scripts/build.mjs.
import { createRequire } from 'node:module';
import { HELP } from './help.js';
import { VERSION } from '../version.js';

declare const __MATRIX_SETUP_APP__: string;
declare global {
  // The application requires Node's built-in modules through this (see scripts/build.mjs).
  var __matrixSetupRequire: NodeRequire;
}

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${VERSION}\n`);
} else if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
  process.stdout.write(HELP);
} else {
  globalThis.__matrixSetupRequire = createRequire(import.meta.url);
  await import(`data:text/javascript,${encodeURIComponent(__MATRIX_SETUP_APP__)}`);
}
