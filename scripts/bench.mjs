#!/usr/bin/env node
// Prints the bundle's size and its start-up times (median of several runs) next to bare
// `node`, on the dev Node and on the 18.19.0 floor. Figures only: nothing here passes or fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { nodeBinary } from './node-binaries.mjs';

const BUNDLE = 'dist/matrix-setup.mjs';
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

if (!existsSync(BUNDLE) || process.argv.includes('--build')) {
  spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}

function medianMs(node, args) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(node, args, { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0) return `failed (exit ${result.status})`;
  }
  times.sort((a, b) => a - b);
  return `${times[Math.floor(times.length / 2)].toFixed(0)} ms`;
}

const size = statSync(BUNDLE).size;
const gzip = gzipSync(readFileSync(BUNDLE)).length;
console.log(`bundle ${BUNDLE}: ${(size / 1024).toFixed(0)} KiB, ${(gzip / 1024).toFixed(0)} KiB gzipped`);
console.log(`start-up, median of ${RUNS} runs:`);
const nodes = [[`node ${process.version}`, process.execPath], ['node v18.19.0', nodeBinary('18.19.0')]];
for (const [label, node] of nodes) {
  if (!node) {
    console.log(`  ${label}: not available`);
    continue;
  }
  console.log(`  ${label}: bare node ${medianMs(node, ['-e', '0'])}, --version ${medianMs(node, [BUNDLE, '--version'])}, ` +
    `plan ${medianMs(node, [BUNDLE, 'plan', '--answers', 'examples/answers.yaml', '--target', 'debian-12'])}`);
}
