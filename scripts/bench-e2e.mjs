#!/usr/bin/env node
// Times the end-to-end harness's phases (root only): root filesystem build (with --rebuild),
// restore from the cached tarball, boot to `running`, Pebble install + start, package installs
// with and without the shared apt archive cache, stop. Prints the median of --runs N runs.
//   node scripts/bench-e2e.mjs [--runs 3] [--rebuild] [--no-apt-compare]
import { register } from 'tsx/esm/api';

register();
const { Container } = await import('../test/e2e/harness/container.ts');
const { aptInstall } = await import('../test/e2e/harness/apt.ts');
const { startPebble } = await import('../test/e2e/harness/pebble.ts');
const { ensureRootfsTarball, tarballPath } = await import('../test/e2e/harness/rootfs.ts');
const { e2eSkipReason } = await import('../test/e2e/harness/skip.ts');
const { rmSync } = await import('node:fs');

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const rebuild = args.includes('--rebuild');
const aptCompare = !args.includes('--no-apt-compare');

const reason = e2eSkipReason();
if (reason) {
  console.log(`bench-e2e: cannot run: ${reason}`);
  process.exit(0);
}

const results = new Map();
function record(name, ms) {
  if (!results.has(name)) results.set(name, []);
  results.get(name).push(ms);
}
async function timed(name, body) {
  const started = Date.now();
  const value = await body();
  record(name, Date.now() - started);
  return value;
}

for (const rootfs of ['sid', 'bookworm-node']) {
  if (rebuild) rmSync(`${tarballPath(rootfs)}.stamp`, { force: true });
  await timed(`${rootfs}: root filesystem ${rebuild ? 'build' : '(cached)'}`, () => ensureRootfsTarball(rootfs));
}

async function scenario(rootfs, body, aptCache = true) {
  const container = await Container.boot({ rootfs, aptCache });
  try {
    record(`${rootfs}: restore`, container.timings.restoreMs);
    record(`${rootfs}: boot to running`, container.timings.bootMs);
    await body?.(container);
  } finally {
    await timed(`${rootfs}: stop`, () => container.stop());
  }
}

for (let i = 0; i < runs; i++) {
  console.log(`run ${i + 1}/${runs}`);
  await scenario('sid', (c) => timed('sid: Pebble install + start (apt cache)', () => startPebble(c)));
  await scenario('bookworm-node');
}
if (aptCompare) {
  // One package set, each way: the install a scenario pays without and with the shared cache.
  const packages = ['certbot', 'nginx'];
  await scenario('sid', (c) => timed(`sid: install ${packages.join(' ')} (no apt cache)`, () => aptInstall(c, packages)), false);
  await scenario('sid', (c) => timed(`sid: install ${packages.join(' ')} (warm up cache)`, () => aptInstall(c, packages)));
  await scenario('sid', (c) => timed(`sid: install ${packages.join(' ')} (apt cache)`, () => aptInstall(c, packages)));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log('\nphase                                              median      runs');
for (const [name, values] of results) {
  console.log(`${name.padEnd(50)} ${(median(values) / 1000).toFixed(1).padStart(6)} s   ${values.map((v) => (v / 1000).toFixed(1)).join(' ')}`);
}
