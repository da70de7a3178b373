// A fresh VPS's package manager is often busy (unattended-upgrades, apt-daily) and can be
// left interrupted (a kill while dpkg runs). One booted Debian unstable container, one server
// that meets both, run by run:
//   1. another process holds dpkg's locks while `install.sh --answers … --yes` starts: it waits,
//      saying who holds them, then installs Node.js; killed (SIGKILL, whole tree) while dpkg
//      runs that install, at the moment one package is unpacked but still marked
//      reinst-required (the state `dpkg --configure -a` refuses to finish);
//   2. install.sh again: repairs the interrupted dpkg (reinstalling that package), installs
//      Node.js, starts matrix-setup; killed while dpkg runs the package transaction, once it has
//      unpacked certbot;
//   3. another process holds dpkg's locks for about 60 s while `install.sh --answers … --yes`
//      starts again: preflight warns, the package transaction waits (the holder and the time
//      shown), repairs dpkg, and the install completes;
//   4. TURN switched on in the answers of the installed server and `matrix-setup --answers …
//      --yes` run: killed while dpkg unpacks a package for coturn (a later package step, on a
//      live server); `matrix-setup resume` repairs dpkg, reinstalls it and finishes, coturn runs;
// then the server passes the client and federation checks of the fresh install.
// (install.test.ts's kill scenario kills the transaction's first dpkg as well.)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ANSWERS_PATH, e2eAnswers } from './harness/answers.js';
import { ensureBundle } from './harness/bundle.js';
import { Container } from './harness/container.js';
import { dpkgInstalling, dpkgJournalEntries, dpkgMidUnpack } from './harness/dpkg.js';
import { HOLDER_NAME, holdDpkgLocks } from './harness/dpkg-lock-holder.js';
import { makeElementTarball, type ElementTarball } from './harness/element-fixture.js';
import { copyInstallFiles, hasProcess, killAt, logPathFrom, readRunLog, readRunState, runInstalledCommand, runInstallSh, runMatrixSetup, shown, startInstalledCommand, startInstallSh, stepRunning, writeAnswers } from './harness/installer.js';
import { startPebble } from './harness/pebble.js';
import { reportSkip } from './harness/skip.js';
import { adminPasswordFrom, verifyServer } from './harness/verify-server.js';

const MINUTES = 60_000;
const INSTALL_ARGS = ['--answers', ANSWERS_PATH, '--yes'];
const skip = reportSkip();
let element: ElementTarball | undefined;

before(async () => {
  if (skip) return;
  await ensureBundle();
  element = await makeElementTarball();
});

after(() => element?.remove());

test('a busy and an interrupted package manager: install.sh and matrix-setup wait, show the holder, repair dpkg after kills, and the install completes', { timeout: 45 * MINUTES }, async (t) => {
  if (skip) return t.skip(skip);
  const container = await Container.boot({ rootfs: 'sid', lockWaitMs: 120 * MINUTES });
  // From the container's restore and boot on, not from waiting for another scenario's container.
  const started = Date.now() - container.timings.restoreMs - container.timings.bootMs;
  try {
    const pebble = await startPebble(container);
    const answers = e2eAnswers({ acmeDirectory: pebble.directoryUrl, acmeCaBundle: pebble.listenerCaPath, elementSha256: element!.sha256 });
    copyInstallFiles(container, { answers, elementTarball: element!.path });
    // Each run continues from the one before: after a failure the later ones are skipped.
    let failed = '';
    const run = (name: string, body: () => Promise<void>) =>
      t.test(name, failed ? { skip: `an earlier run failed: ${failed}` } : {}, async () => {
        const runStarted = Date.now();
        try {
          await body();
          console.log(`[e2e] ${name.split(':')[0]}: ${((Date.now() - runStarted) / 1000).toFixed(0)} s`);
        } catch (error) {
          failed = name;
          throw error;
        }
      });

    // What run 1's kill left for run 2 to repair.
    let leftUnpacked = '';
    await run("install.sh waits for another process's dpkg locks, then is killed while dpkg unpacks a package for Node.js", async () => {
      const holder = await holdDpkgLocks(container, 10);
      const installer = startInstallSh(container, INSTALL_ARGS);
      const unpackedNotDone = () => dpkgMidUnpack(container)?.status === 'install reinstreq unpacked';
      const { killed } = await killAt(installer, container, {
        description: "dpkg unpacking a package of install.sh's Node.js install (unpacked, still reinst-required)",
        reached: (_, tree) => dpkgInstalling(tree) && !hasProcess(tree, 'node') && unpackedNotDone(),
        stillThere: () => unpackedNotDone() && Boolean((leftUnpacked = dpkgMidUnpack(container)!.package)),
        pollMs: 1,
      });
      const output = await installer.result;
      console.log(`[e2e] run 1 killed while dpkg unpacked ${leftUnpacked} for install.sh's Node.js install: ${killed.map((p) => p.comm).join(' ')}`);
      assert.match(output.stderr, new RegExp(`^matrix-setup: waiting for the package manager: ${HOLDER_NAME} \\(PID ${holder.pid}\\) holds /var/lib/dpkg/lock-frontend, /var/lib/dpkg/lock · waited 0:0\\d of 15:00$`, 'm'), shown(output));
      assert.match(output.stderr, /the package manager is free again \(waited 0:(09|1\d)\); continuing/);
      assert.match(output.stderr, /installing Node\.js from the distribution \(apt-get install nodejs\)/);
      assert.equal(readRunState(container), undefined, 'matrix-setup had not started');
    });

    await run('install.sh repairs dpkg, installs Node.js and starts matrix-setup, killed while dpkg runs the package transaction (certbot unpacked)', async () => {
      const installer = startInstallSh(container, INSTALL_ARGS);
      const { state, killed } = await killAt(installer, container, {
        description: 'dpkg running the package transaction after unpacking certbot',
        reached: (state, tree) => stepRunning(state, 'packages') && dpkgInstalling(tree) && container.exists('/var/lib/dpkg/info/certbot.list') && dpkgJournalEntries(container) > 0,
      });
      const output = await installer.result;
      console.log(`[e2e] run 2 killed during the package transaction: ${killed.map((p) => p.comm).join(' ')}`);
      assert.match(output.stderr, /dpkg was interrupted before it finished: completing its work \(dpkg --configure -a\)/, shown(output));
      assert.match(output.stderr, new RegExp(`dpkg was killed while unpacking (\\S+ )*${leftUnpacked}(:\\w+)?( \\S+)*, which only a reinstall can finish: reinstalling \\(apt-get install --reinstall\\)`), shown(output));
      assert.match(output.stderr, /using Node\.js v\d+/);
      assert.equal(state?.steps.packages?.status, 'running');
      const log = container.readFile(logPathFrom(output.stdout)!);
      assert.doesNotMatch(log, / run: apt-get update/, "install.sh's index refresh a moment before counts as the run's");
      assert.match(log, / run: apt-get install /, 'the transaction had started');
      const status = await runMatrixSetup(container, ['status']);
      assert.match(status.stdout, /Continue with: matrix-setup resume/, status.stdout);
    });

    await run('another process holds the locks for 60 s as install.sh starts again: preflight warns, the install waits showing the holder, repairs dpkg and completes', async () => {
      const holder = await holdDpkgLocks(container, 60);
      const result = await runInstallSh(container, INSTALL_ARGS);
      assert.equal(result.exitCode, 0, shown(result));
      const out = result.stdout;
      const who = `${HOLDER_NAME} \\(PID ${holder.pid}\\) holds /var/lib/dpkg/lock-frontend, /var/lib/dpkg/lock`;
      assert.match(out, new RegExp(`warning: warn Package manager: ${HOLDER_NAME} \\(PID ${holder.pid}\\) is using the package manager; matrix-setup will wait for it to finish; dpkg was interrupted`), out);
      assert.match(out, new RegExp(`^ {4}Waiting for the package manager: ${who} · waited 0:0\\d of 15:00$`, 'm'));
      assert.match(out, new RegExp(`^ {4}Waiting for the package manager: ${who} · waited 0:3\\d of 15:00$`, 'm'), 'reported again every 30 s');
      assert.match(out, /^ {4}The package manager is free again \(waited (0:5\d|1:0\d)\); continuing\.$/m);
      assert.match(out, /^ {4}warning: dpkg was interrupted before it finished \(its journal \/var\/lib\/dpkg\/updates holds \d+ unfinished updates?\): completing its work with dpkg --configure -a/m);
      assert.match(out, /^ {4}\$ dpkg --force-confdef --force-confold --configure -a$/m);
      assert.match(out, /^matrix-setup: resuming the install on debian-unstable/m);
      assert.match(out, /^Your Matrix homeserver matrix\.test is installed \(resumed\)\.$/m, 'install.sh continued the unfinished run: the closing line says so');
      const log = readRunLog(container, out);
      // A reinstall of what run 2's kill left mid-unpack is part of the repair, not of the transaction.
      const installs = log.commands.filter((c) => !c.probe && /^apt-get install /.test(c.argv) && !/^apt-get install --reinstall /.test(c.argv));
      assert.equal(installs.length, 1, `one package transaction: ${installs.map((c) => c.argv).join('\n')}`);
      await holder.command.result;
    });

    await run('TURN switched on for the installed server: killed while dpkg unpacks a package for coturn, `matrix-setup resume` repairs dpkg, reinstalls it and finishes', async () => {
      writeAnswers(container, { ...answers, turn: { enabled: true } });
      const installer = startInstalledCommand(container, INSTALL_ARGS);
      let unpacking = '';
      const { state, killed } = await killAt(installer, container, {
        description: 'dpkg unpacking a package for coturn in a later run',
        reached: (state, tree) => stepRunning(state, 'packages') && dpkgInstalling(tree) && dpkgMidUnpack(container) !== undefined,
        stillThere: () => Boolean((unpacking = dpkgMidUnpack(container)?.package ?? '')),
        pollMs: 1,
      });
      await installer.result;
      console.log(`[e2e] run 4 killed while dpkg unpacked ${unpacking} for coturn: ${killed.map((p) => p.comm).join(' ')}`);
      assert.equal(state?.steps.packages?.status, 'running');
      const resumed = await runInstalledCommand(container, ['resume']);
      assert.equal(resumed.exitCode, 0, shown(resumed));
      const out = resumed.stdout;
      assert.match(out, /^ {4}warning: dpkg was interrupted before it finished .*: completing its work with dpkg --configure -a/m, out);
      assert.match(out, new RegExp(`^ {4}warning: dpkg was killed while unpacking (\\S+, )*${unpacking}(:\\w+)?(, \\S+)*, which only a reinstall can finish`, 'm'));
      assert.match(out, /is installed \(resumed\)/);
      const after = await container.exec(['dpkg', '--audit'], { okExitCodes: [0, 1] });
      assert.equal(after.stdout.trim(), '', 'dpkg has nothing left to finish');
      const coturn = await container.exec(['systemctl', 'is-active', 'coturn'], { okExitCodes: [0, 3] });
      assert.equal(coturn.stdout.trim(), 'active', 'coturn runs after the resume');
    });

    if (!failed) await verifyServer(t, container, { rootPem: pebble.issuingRootPem, adminPassword: adminPasswordFrom(container) });
  } finally {
    await container.stop();
    console.log(`[e2e] scenario time: busy and interrupted package manager: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
});
