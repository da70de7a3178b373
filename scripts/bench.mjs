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

// Wall time, and CPU time (user + system, from GNU time when present), which a busy machine
// disturbs less.
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function medianMs(node, args) {
  const wall = [];
  const cpu = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const argv = GNU_TIME ? [GNU_TIME, '-f', '%U %S', node, ...args] : [node, ...args];
    const result = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0) return `failed (exit ${result.status})`;
    const [user, system] = (result.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
    if (GNU_TIME && Number.isFinite(user)) cpu.push((user + system) * 1000);
  }
  return `${median(wall).toFixed(0)} ms${cpu.length ? ` (cpu ${median(cpu).toFixed(0)} ms)` : ''}`;
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
