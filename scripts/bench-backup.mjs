#!/usr/bin/env node
// What matrix-setup's backup and restore cost next to the bare commands on the same data, in one
// booted Debian unstable container (root only, not part of the pass/fail tests):
//   install with the end-to-end answers, then pad the server (a table of rows in Synapse's
//   database, incompressible files in its media store), then time
//   - backup:  `matrix-setup backup`      vs  pg_dump -Fc + tar of local_content/local_thumbnails
//   - restore: `matrix-setup restore --replace-database` of that archive (the archive check, the
//              database load, the media unpack, and re-checking the installed steps)
//                                          vs  createdb + pg_restore + tar -x
// The bare commands end with a `sync` of what they wrote, as matrix-setup does before it says
// an archive or a restore is done (its time is shown apart).
// Backup and restore each run twice, alternating with the bare commands; the faster run of each is kept.
//   node scripts/bench-backup.mjs [--rows 1500000] [--media-files 1000] [--media-kib 512]
import { register } from 'tsx/esm/api';

register();
const { Container } = await import('../test/e2e/harness/container.ts');
const { startPebble } = await import('../test/e2e/harness/pebble.ts');
const { e2eSkipReason } = await import('../test/e2e/harness/skip.ts');
const { ensureBundle } = await import('../test/e2e/harness/bundle.ts');
const { e2eAnswers, ANSWERS_PATH } = await import('../test/e2e/harness/answers.ts');
const { makeElementTarball } = await import('../test/e2e/harness/element-fixture.ts');
const { copyInstallFiles, readRunLog, runInstallSh, runInstalledCommand, shown } = await import('../test/e2e/harness/installer.ts');

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const rows = option('--rows', 1_500_000);
const mediaFiles = option('--media-files', 1000);
const mediaKib = option('--media-kib', 512);

const reason = e2eSkipReason();
if (reason) {
  console.log(`bench-backup: cannot run: ${reason}`);
  process.exit(0);
}

const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
const MEDIA = '/var/lib/matrix-synapse/media';

await ensureBundle();
const element = await makeElementTarball();
const container = await Container.boot({ rootfs: 'sid' });
try {
  const pebble = await startPebble(container);
  copyInstallFiles(container, {
    answers: e2eAnswers({ acmeDirectory: pebble.directoryUrl, acmeCaBundle: pebble.listenerCaPath, elementSha256: element.sha256 }),
    elementTarball: element.path,
  });
  const install = await runInstallSh(container, ['--answers', ANSWERS_PATH, '--yes']);
  if (install.exitCode !== 0) throw new Error(`install failed:\n${shown(install)}`);

  const exec = (argv, options = {}) => container.exec(argv, { timeoutMs: 60 * 60_000, cwd: '/', ...options });
  /** Runs the commands one after another; the total and each command's time. */
  const timedExec = async (argvs) => {
    const started = Date.now();
    const each = [];
    for (const argv of argvs) {
      const result = await exec(argv);
      each.push(result.durationMs);
    }
    return { ms: Date.now() - started, each };
  };
  const commandMs = (log, pattern) => log.commands.filter((c) => pattern.test(c.argv)).reduce((sum, c) => sum + c.durationMs, 0);
  const psql = (database, sql) => exec(['runuser', '-u', 'postgres', '--', 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', database, '-c', sql]);

  console.log(`padding: ${rows} rows in a table of the Synapse database, ${mediaFiles} media files of ${mediaKib} KiB`);
  await psql('synapse', `SET ROLE synapse_user; CREATE TABLE bench_padding (id bigint PRIMARY KEY, body text); INSERT INTO bench_padding SELECT n, md5(n::text) || repeat('x', 40) FROM generate_series(1, ${rows}) n;`);
  await exec([
    'runuser', '-u', 'matrix-synapse', '--', 'sh', '-c',
    `for i in $(seq 1 ${mediaFiles}); do d=${MEDIA}/local_content/be/$(printf %02d $((i % 100))); mkdir -p $d; head -c ${mediaKib * 1024} /dev/urandom > $d/bench$i; done`,
  ]);
  const sizes = await exec(['sh', '-c', `du -sh ${MEDIA}/local_content; runuser -u postgres -- psql -XtAc "SELECT pg_size_pretty(pg_database_size('synapse'))"`]);
  console.log(`data: media ${sizes.stdout.trim().split('\n').join(', database ')}`);

  const bareBackup = () =>
    timedExec([
      ['rm', '-rf', '/root/bare'],
      ['mkdir', '-p', '/root/bare'],
      ['sh', '-c', 'runuser -u postgres -- pg_dump -Fc --exclude-table-data=e2e_one_time_keys_json synapse > /root/bare/synapse.dump'],
      ['tar', '-cf', '/root/bare/media.tar', '-C', MEDIA, 'local_content', 'local_thumbnails'],
      // What matrix-setup does before it calls the archive written: the data on disk.
      ['sync', '--file-system', '/root/bare/media.tar'],
    ]);
  const ours = async () => {
    const result = await runInstalledCommand(container, ['backup', '--to', '/root/ours']);
    if (result.exitCode !== 0) throw new Error(`backup failed:\n${shown(result)}`);
    const log = readRunLog(container, result.stdout);
    return { ms: result.durationMs, runMs: log.durationMs ?? 0, pgDumpMs: commandMs(log, /pg_dump -p/), archive: result.stdout.trimEnd().split('\n').at(-1) };
  };
  await exec(['runuser', '-u', 'matrix-synapse', '--', 'mkdir', '-p', `${MEDIA}/local_thumbnails`]);
  const bare1 = await bareBackup();
  const ours1 = await ours();
  const bare2 = await bareBackup();
  const ours2 = await ours();
  const bareBest = bare1.ms <= bare2.ms ? bare1 : bare2;
  const oursBest = ours1.ms <= ours2.ms ? ours1 : ours2;
  const backupBare = bareBest.ms;
  const backupOurs = oursBest.ms;

  const bareRestoreOnce = (n) =>
    timedExec([
      ['runuser', '-u', 'postgres', '--', 'createdb', '-E', 'UTF8', '--locale=C', '-T', 'template0', '-O', 'synapse_user', `bench_bare${n}`],
      // Through standard input as root reads it (the postgres user may not enter /root); as matrix-setup feeds it.
      ['sh', '-c', `runuser -u postgres -- pg_restore -d bench_bare${n} < /root/bare/synapse.dump`],
      ['mkdir', '-p', `/root/bare-media${n}`],
      ['tar', '-xf', '/root/bare/media.tar', '-C', `/root/bare-media${n}`],
      ['sync', '--file-system', `/root/bare-media${n}`],
    ]);
  /** A restore of one of the two archives over the database the one before left (--replace-database). */
  const oursRestoreOnce = async (archive) => {
    // The database being replaced must not be in use: Synapse is stopped first (not timed).
    await exec(['systemctl', 'stop', 'matrix-synapse']);
    const result = await runInstalledCommand(container, ['restore', archive, '--yes', '--replace-database']);
    if (result.exitCode !== 0) throw new Error(`restore failed:\n${shown(result)}`);
    return { result, log: readRunLog(container, result.stdout) };
  };
  // Each twice, alternating (the two archives have different backup ids); the faster run is kept.
  const bareRuns = [];
  const ourRuns = [];
  bareRuns.push(await bareRestoreOnce(1));
  ourRuns.push(await oursRestoreOnce(ours1.archive));
  bareRuns.push(await bareRestoreOnce(2));
  ourRuns.push(await oursRestoreOnce(ours2.archive));
  const bareRestoreRun = bareRuns.reduce((a, b) => (a.ms <= b.ms ? a : b));
  const bareRestore = bareRestoreRun.ms;
  const { result: restore, log } = ourRuns.reduce((a, b) => (a.result.durationMs <= b.result.durationMs ? a : b));
  const stepMs = (id) => log.steps.get(id)?.durationMs ?? 0;
  const dataSteps = stepMs('restore-database') + stepMs('restore-media');
  const beforeRun = restore.durationMs - (log.durationMs ?? restore.durationMs);
  const archiveBytes = Number((await exec(['stat', '-c', '%s', ours2.archive])).stdout.trim());

  const row = (name, ours, bare) => console.log(`${name.padEnd(52)} ${s(ours).padStart(9)} ${s(bare).padStart(9)} ${(ours / bare).toFixed(2).padStart(7)}x`);
  console.log(`\narchive: ${(archiveBytes / 1024 ** 2).toFixed(0)} MiB`);
  console.log(`${''.padEnd(52)} ${'matrix-setup'.padStart(9)} ${'bare'.padStart(9)} ${'ratio'.padStart(8)}`);
  row('backup (pg_dump -Fc + tar)', backupOurs, backupBare);
  row('restore: database + media steps (createdb + pg_restore + tar -x)', dataSteps + beforeRun, bareRestore);
  row('restore: the whole command', restore.durationMs, bareRestore);
  console.log(`  of which: archive check before the run ${s(beforeRun)}, restore-database ${s(stepMs('restore-database'))}, restore-media ${s(stepMs('restore-media'))}, ` +
    `the ${log.steps.size - 2} other steps re-checked ${s((log.durationMs ?? 0) - dataSteps)}`);
  console.log(`  backup runs: matrix-setup ${s(ours1.ms)}, ${s(ours2.ms)}; bare ${s(bare1.ms)}, ${s(bare2.ms)}`);
  console.log(`  backup, matrix-setup: pg_dump ${s(oursBest.pgDumpMs)}, the rest of the run ${s(oursBest.runMs - oursBest.pgDumpMs)} (files, media, fsync), start-up ${s(oursBest.ms - oursBest.runMs)}`);
  console.log(`  backup, bare: pg_dump ${s(bareBest.each[2])}, tar ${s(bareBest.each[3])}, sync ${s(bareBest.each[4])}`);
  console.log(`  restore runs: matrix-setup ${ourRuns.map((r) => s(r.result.durationMs)).join(', ')}; bare ${bareRuns.map((r) => s(r.ms)).join(', ')}`);
  console.log(`  restore, matrix-setup: pg_restore ${s(commandMs(log, /^pg_restore/))} (psql loads what it writes meanwhile), media tar ${s(commandMs(log, /tar --extract/))}, sync ${s(commandMs(log, /^sync /))}`);
  console.log(`  restore, bare: createdb ${s(bareRestoreRun.each[0])}, pg_restore ${s(bareRestoreRun.each[1])}, tar -x ${s(bareRestoreRun.each[3])}, sync ${s(bareRestoreRun.each[4])}`);
} finally {
  await container.stop();
  element.remove();
}
