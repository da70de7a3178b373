#!/usr/bin/env node
// What matrix-setup itself costs in a real install (root only, not part of the pass/fail tests).
// In a booted Debian unstable container with Pebble: install.sh with the end-to-end answers,
// then the same install again (the no-op run). The fresh install's wall time is set against a
// baseline measured in another fresh container of the same image: one `apt-get install` of
// exactly the packages the install puts on the machine (Node.js and the plan's), plus the
// install's child commands that are not package commands. The .deb downloads are excluded from
// both (the baseline container downloads them first, untimed, into the cache both share); one
// index refresh (`apt-get update`) belongs to both. The baseline is measured before and after the
// install and averaged (the host is shared: its load moves timings by several seconds; the load
// average is printed with each measurement). Goals: install ≤ 1.10 × the baseline, two
// package transactions (Node.js and the plan's) with Debian's own Synapse, the no-op run ≤ 2 s.
//   node scripts/bench-e2e.mjs              the figures above, then where each run's time goes
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
const { e2eAnswers, answersYaml, ANSWERS_PATH } = await import('../test/e2e/harness/answers.ts');
const { makeElementTarball } = await import('../test/e2e/harness/element-fixture.ts');
const { copyInstallFiles, readRunLog, runInstallSh, shown } = await import('../test/e2e/harness/installer.ts');
const { loadAnswersFile } = await import('../src/answers/load.ts');
const { buildPlan } = await import('../src/plan/build-plan.ts');
const { STEPS } = await import('../steps/index.ts');
const { targetById } = await import('../src/host/targets.ts');
const { changesPackages } = await import('../src/packages/guard.ts');
const { KEEP_CONFIG_FILES } = await import('../src/packages/apt-recovery.ts');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const { join } = await import('node:path');

const args = process.argv.slice(2);
const reason = e2eSkipReason();
if (reason) {
  console.log(`bench-e2e: cannot run: ${reason}`);
  process.exit(0);
}

function s(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}
const APT_ENV = { DEBIAN_FRONTEND: 'noninteractive' };

if (args.includes('--phases')) await phases();
else await installOverhead();

/** The distribution packages the plan installs for these answers on Debian unstable, in plan order. */
function plannedPackages(answers) {
  const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-bench-'));
  try {
    writeFileSync(join(dir, 'answers.yaml'), answersYaml(answers));
    const plan = buildPlan(STEPS, { answers: loadAnswersFile(join(dir, 'answers.yaml')), target: targetById('debian-unstable') });
    return plan.flatMap((step) => step.actions.filter((a) => a.kind === 'packages' && a.from).flatMap((a) => a.names));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One apt-get update and one apt-get install of `packages` in a fresh container, downloads done beforehand. */
async function baseline(packages) {
  const container = await Container.boot({ rootfs: 'sid' });
  try {
    const timed = async (argv) => (await container.exec(argv, { env: APT_ENV, timeoutMs: 30 * 60_000 })).durationMs;
    const updateMs = await timed(['apt-get', 'update', '-q']);
    await container.exec(['apt-get', 'install', '-y', '-q', '--download-only', ...packages], { env: APT_ENV, timeoutMs: 30 * 60_000 });
    const load = loadAverage();
    const installMs = await timed(['apt-get', 'install', '-y', '-q', ...KEEP_CONFIG_FILES, ...packages]);
    return { updateMs, installMs, load };
  } finally {
    await container.stop();
  }
}

/** The host's 1-minute load average (other work on a shared machine slows every measurement). */
function loadAverage() {
  return readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
}

function isPackageCommand(argv) {
  return changesPackages(argv.split(' '));
}

async function installOverhead() {
  await ensureBundle();
  const element = await makeElementTarball();
  const probeAnswers = e2eAnswers({ acmeDirectory: 'https://127.0.0.1:14000/dir', acmeCaBundle: '/etc/pebble/ca.pem', elementSha256: element.sha256 });
  const packages = ['nodejs', ...plannedPackages(probeAnswers)];
  console.log(`packages: ${packages.join(' ')}`);
  const before = await baseline(packages);

  const container = await Container.boot({ rootfs: 'sid' });
  const rows = [];
  const logs = [];
  try {
    const pebble = await startPebble(container);
    const answers = e2eAnswers({ acmeDirectory: pebble.directoryUrl, acmeCaBundle: pebble.listenerCaPath, elementSha256: element.sha256 });
    copyInstallFiles(container, { answers, elementTarball: element.path });
    for (const name of ['fresh install', 'same install again']) {
      const load = loadAverage();
      const result = await runInstallSh(container, ['--answers', ANSWERS_PATH, '--yes']);
      if (result.exitCode !== 0) throw new Error(`${name} failed:\n${shown(result)}`);
      const log = readRunLog(container, result.stdout);
      logs.push([name, container.readFile(/^log: (\S+)$/m.exec(result.stdout)[1])]);
      const installSh = /installing Node\.js from the distribution/.test(result.stderr) ? 1 : 0;
      rows.push({ name, wallMs: result.durationMs, log, load, transactions: installSh + log.commands.filter((c) => !c.probe && /^(apt-get|dnf) install /.test(c.argv)).length });
    }
  } finally {
    await container.stop();
    element.remove();
  }

  const afterwards = await baseline(packages);
  const base = { updateMs: (before.updateMs + afterwards.updateMs) / 2, installMs: (before.installMs + afterwards.installMs) / 2 };
  const [fresh, again] = rows;
  const otherMs = fresh.log.commands.filter((c) => !isPackageCommand(c.argv)).reduce((sum, c) => sum + c.durationMs, 0);
  const baselineMs = base.updateMs + base.installMs + otherMs;
  console.log('\nfresh install against the baseline (downloads excluded from both)');
  console.log(`  fresh install (install.sh, wall)           ${s(fresh.wallMs).padStart(9)}   (load ${fresh.load})`);
  console.log(`  baseline                                   ${s(baselineMs).padStart(9)}`);
  console.log(`    apt-get update                           ${s(base.updateMs).padStart(9)}`);
  console.log(`    one apt-get install of ${String(packages.length).padStart(2)} packages       ${s(base.installMs).padStart(9)}   (before: ${s(before.installMs)}, load ${before.load}; after: ${s(afterwards.installMs)}, load ${afterwards.load})`);
  console.log(`    the install's other child commands       ${s(otherMs).padStart(9)}`);
  console.log(`  ratio                                      ${(fresh.wallMs / baselineMs).toFixed(2).padStart(9)}   (goal <= 1.10)`);
  console.log(`  package transactions                       ${String(fresh.transactions).padStart(9)}   (goal 2: Node.js, then the plan's)`);
  console.log(`  no-op run (install.sh again, wall)         ${s(again.wallMs).padStart(9)}   (goal <= 2 s)`);

  console.log('\nrun                  install.sh wall   matrix-setup run   child commands (n)      matrix-setup itself');
  for (const { name, wallMs, log } of rows) {
    const childMs = log.commands.reduce((sum, c) => sum + c.durationMs, 0);
    const runMs = log.durationMs ?? wallMs;
    console.log(
      `${name.padEnd(20)} ${s(wallMs).padStart(15)}   ${s(runMs).padStart(16)}   ${`${s(childMs)} (${log.commands.length})`.padStart(18)}   ${s(runMs - childMs).padStart(19)}`,
    );
  }
  console.log("(install.sh wall minus the run = getting Node and starting it; the run minus its child commands = matrix-setup's own work)");
  for (const { name, log } of rows) {
    const perStep = [...log.steps.values()]
      .filter((step) => step.durationMs !== undefined)
      .map((step) => {
        const childMs = log.commands.filter((c) => c.step === step.id).reduce((sum, c) => sum + c.durationMs, 0);
        return { id: step.id, stepMs: step.durationMs, childMs, ownMs: step.durationMs - childMs };
      })
      .sort((a, b) => b.stepMs - a.stepMs)
      .slice(0, 6);
    console.log(`\n${name}: the slowest steps (step, child commands, own)`);
    for (const step of perStep) console.log(`  ${step.id.padEnd(22)} ${s(step.stepMs).padStart(8)} ${s(step.childMs).padStart(8)} ${s(step.ownMs).padStart(8)}`);
  }
  const kept = mkdtempSync(join(tmpdir(), 'matrix-setup-bench-logs-'));
  for (const [name, text] of logs) writeFileSync(join(kept, `${name.replace(/\W+/g, '-')}.log`), text);
  console.log(`\nthe runs' logs: ${kept}`);
  const slowest = [...again.log.commands].sort((a, b) => b.durationMs - a.durationMs).slice(0, 8);
  console.log('\nsame install again: the slowest child commands');
  for (const c of slowest) console.log(`  ${s(c.durationMs).padStart(7)}  ${(c.step ?? '').padEnd(20)} ${c.argv.slice(0, 100)}`);
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
