#!/usr/bin/env node
// What matrix-setup itself costs in a real install (root only, not part of the pass/fail tests).
// In a booted Debian unstable container with Pebble: install.sh with the end-to-end answers,
// then the same install again. For each run it prints the installer's wall time next to the
// time its child commands took (from the run log's "run/probe ended ... in N ms" lines) and the
// rest, which is matrix-setup's own overhead; then the steps with the most overhead.
//   node scripts/bench-e2e.mjs              the install overhead (one fresh install + a re-run)
//   node scripts/bench-e2e.mjs --phases [--runs 3] [--rebuild] [--no-apt-compare]
//                                           the harness's own phases (rootfs, boot, Pebble, apt cache)
import { register } from 'tsx/esm/api';

register();
const { Container } = await import('../test/e2e/harness/container.ts');
const { aptInstall } = await import('../test/e2e/harness/apt.ts');
const { startPebble } = await import('../test/e2e/harness/pebble.ts');
const { ensureRootfsTarball, tarballPath } = await import('../test/e2e/harness/rootfs.ts');
const { e2eSkipReason } = await import('../test/e2e/harness/skip.ts');
const { ensureBundle } = await import('../test/e2e/harness/bundle.ts');
const { e2eAnswers, ANSWERS_PATH } = await import('../test/e2e/harness/answers.ts');
const { makeElementTarball } = await import('../test/e2e/harness/element-fixture.ts');
const { copyInstallFiles, readRunLog, runInstallSh, shown } = await import('../test/e2e/harness/installer.ts');
const { rmSync } = await import('node:fs');

const args = process.argv.slice(2);
const reason = e2eSkipReason();
if (reason) {
  console.log(`bench-e2e: cannot run: ${reason}`);
  process.exit(0);
}

const s = (ms) => `${(ms / 1000).toFixed(1)} s`;

if (args.includes('--phases')) await phases();
else await installOverhead();

async function installOverhead() {
  await ensureBundle();
  const element = await makeElementTarball();
  const container = await Container.boot({ rootfs: 'sid' });
  const rows = [];
  try {
    const pebble = await startPebble(container);
    const answers = e2eAnswers({ acmeDirectory: pebble.directoryUrl, acmeCaBundle: pebble.listenerCaPath, elementSha256: element.sha256 });
    copyInstallFiles(container, { answers, elementTarball: element.path });
    for (const name of ['fresh install', 'same install again']) {
      const result = await runInstallSh(container, ['--answers', ANSWERS_PATH, '--yes']);
      if (result.exitCode !== 0) throw new Error(`${name} failed:\n${shown(result)}`);
      const log = readRunLog(container, result.stdout);
      rows.push({ name, wallMs: result.durationMs, log });
    }
  } finally {
    await container.stop();
    element.remove();
  }

  console.log('\nrun                  install.sh wall   matrix-setup run   child commands (n)      matrix-setup itself');
  for (const { name, wallMs, log } of rows) {
    const childMs = log.commands.reduce((sum, c) => sum + c.durationMs, 0);
    const runMs = log.durationMs ?? wallMs;
    console.log(
      `${name.padEnd(20)} ${s(wallMs).padStart(15)}   ${s(runMs).padStart(16)}   ${`${s(childMs)} (${log.commands.length})`.padStart(18)}   ${s(runMs - childMs).padStart(19)}`,
    );
  }
  console.log('(install.sh wall minus the run = getting Node and starting it; the run minus its child commands = matrix-setup\'s own work)');
  for (const { name, log } of rows) {
    const perStep = [...log.steps.values()]
      .filter((step) => step.durationMs !== undefined)
      .map((step) => {
        const childMs = log.commands.filter((c) => c.step === step.id).reduce((sum, c) => sum + c.durationMs, 0);
        return { id: step.id, stepMs: step.durationMs, childMs, ownMs: step.durationMs - childMs };
      })
      .sort((a, b) => b.ownMs - a.ownMs)
      .slice(0, 5);
    console.log(`\n${name}: steps with the most own time (step, child commands, own)`);
    for (const step of perStep) console.log(`  ${step.id.padEnd(22)} ${s(step.stepMs).padStart(8)} ${s(step.childMs).padStart(8)} ${s(step.ownMs).padStart(8)}`);
  }
}

async function phases() {
  const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
  const rebuild = args.includes('--rebuild');
  const aptCompare = !args.includes('--no-apt-compare');
  const results = new Map();
  const record = (name, ms) => {
    if (!results.has(name)) results.set(name, []);
    results.get(name).push(ms);
  };
  const timed = async (name, body) => {
    const started = Date.now();
    const value = await body();
    record(name, Date.now() - started);
    return value;
  };
  for (const rootfs of ['sid', 'bookworm-node']) {
    if (rebuild) rmSync(`${tarballPath(rootfs)}.stamp`, { force: true });
    await timed(`${rootfs}: root filesystem ${rebuild ? 'build' : '(cached)'}`, () => ensureRootfsTarball(rootfs));
  }
  const scenario = async (rootfs, body, aptCache = true) => {
    const container = await Container.boot({ rootfs, aptCache });
    try {
      record(`${rootfs}: restore`, container.timings.restoreMs);
      record(`${rootfs}: boot to running`, container.timings.bootMs);
      await body?.(container);
    } finally {
      await timed(`${rootfs}: stop`, () => container.stop());
    }
  };
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
}
