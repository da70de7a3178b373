#!/usr/bin/env node
// The one test command (`npm test`, and so .ci/run): build the bundle, type-check,
// install and start what the tests need on this machine, then run every suite with
// node's test runner. Suites: unit, screen, plan, integration (real PostgreSQL, nginx,
// certbot, Pebble on loopback), e2e (a booted Debian container). Pass suite names to run only those.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ALL_SUITES = ['unit', 'screen', 'plan', 'integration', 'e2e'];
const suites = process.argv.slice(2).length ? process.argv.slice(2) : ALL_SUITES;

function run(argv, options = {}) {
  console.log(`\n$ ${argv.join(' ')}`);
  const result = spawnSync(argv[0], argv.slice(1), { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`\n${argv.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

function testFiles(dir) {
  let files = [];
  let entries = [];
  try { entries = readdirSync(dir); } catch { return files; }
  for (const name of entries.sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files = files.concat(testFiles(path));
    else if (/\.test\.tsx?$/.test(name)) files.push(path);
  }
  return files;
}

run(['node', 'scripts/build.mjs']);
run(['npx', 'tsc', '-p', 'tsconfig.json']);
if (suites.includes('integration') || suites.includes('e2e')) {
  run(['node', 'scripts/test-setup.mjs', ...suites.filter((s) => s === 'integration' || s === 'e2e')]);
}
const files = suites.flatMap((suite) => testFiles(join('test', suite)));
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}
// Ink paints only its last frame when a CI variable is set at the time it loads. The wizard
// command clears CI before it loads Ink (src/cli/commands/wizard.ts); the screen tests load Ink
// themselves and watch every frame, so they run without those variables.
const testEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'CI' && key !== 'CONTINUOUS_INTEGRATION' && !key.startsWith('CI_')));
run(['node', '--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  env: { ...testEnv, FORCE_COLOR: '0' },
});
