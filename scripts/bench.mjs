#!/usr/bin/env node
// Prints the bundle's size, its start-up times and the wizard's first frame (median of several
// runs) next to bare `node`, on the dev Node and on the 18.19.0 floor. Figures only: nothing
// here passes or fails. The wizard's first frame is timed from spawning it in an 80×24
// pseudo-terminal until the title of its first screen is written (scripts/first-frame.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FIRST_FRAME_MARKER, hasScript, timeToMarker } from './first-frame.mjs';
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

/** The wizard's first frame and bare node writing the same title, alternating so load hits both alike. */
async function firstFrame(node) {
  const state = mkdtempSync(join(tmpdir(), 'matrix-setup-bench-'));
  const wizard = [node, BUNDLE, '--plan-only', '--state-dir', join(state, 'state'), '--log-file', join(state, 'run.log')];
  const bare = [node, '-e', `process.stdout.write(${JSON.stringify(FIRST_FRAME_MARKER)})`];
  const times = { wizard: [], bare: [] };
  try {
    for (let i = 0; i < RUNS; i++) {
      times.bare.push(await timeToMarker(bare));
      times.wizard.push(await timeToMarker(wizard));
    }
  } catch (error) {
    return `failed: ${error.message}`;
  } finally {
    rmSync(state, { recursive: true, force: true });
  }
  return `first frame ${median(times.wizard).toFixed(0)} ms (bare node ${median(times.bare).toFixed(0)} ms; wizard min ${Math.min(...times.wizard).toFixed(0)}, max ${Math.max(...times.wizard).toFixed(0)})`;
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
if (!hasScript()) {
  console.log('wizard: `script` (util-linux) is not installed: no pseudo-terminal to time the first frame in');
} else {
  console.log(`wizard in an 80×24 pseudo-terminal, spawn until "${FIRST_FRAME_MARKER}" is written, median of ${RUNS} runs:`);
  for (const [label, node] of nodes) {
    if (node) console.log(`  ${label}: ${await firstFrame(node)}`);
  }
}
