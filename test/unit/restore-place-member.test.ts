import assert from 'node:assert/strict';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { RunContext } from '../../src/engine/types.js';
import { LocalExecutor } from '../../src/exec/executor.js';
import { Logger } from '../../src/log/logger.js';
import { isPlaced, place } from '../../steps/restore/place-member.js';
import { writeTestArchive } from '../helpers/backup-archive.js';

const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-place-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const ctx = { exec: new LocalExecutor(new Logger(undefined), new AbortController().signal) } as unknown as RunContext;
const backups = join(dir, 'backups');
const backup = (path: string) => join(backups, `${path}.STAMP`);
const at = (...parts: string[]) => join(dir, 'root', ...parts);

describe('putting archived files in place', async () => {
  const archive = await writeTestArchive([
    { name: 'files/conf.d', role: 'synapse-config', path: at('conf.d'), directory: true, mode: 0o750 },
    { name: 'files/conf.d/extra.yaml', role: 'synapse-config', path: at('conf.d', 'extra.yaml'), content: 'extra: true\n', mode: 0o640 },
    { name: 'files/live/cert.pem', role: 'certificate', path: at('live', 'cert.pem'), link: '../archive/cert1.pem' },
  ]);
  const member = (name: string) => archive.manifest.members.find((m) => m.name === name)!;

  it('creates a missing directory, file and symlink with the archived modes; then they are in place', async () => {
    for (const name of ['files/conf.d', 'files/conf.d/extra.yaml', 'files/live/cert.pem']) {
      const m = member(name);
      assert.equal(await isPlaced(ctx, { member: m, path: m.path! }), false);
      assert.equal(await place(ctx, archive, { member: m, path: m.path! }, backup), 'created');
      assert.equal(await isPlaced(ctx, { member: m, path: m.path! }), true, name);
    }
    assert.equal(lstatSync(at('conf.d')).mode & 0o777, 0o750);
    assert.equal(lstatSync(at('conf.d', 'extra.yaml')).mode & 0o777, 0o640);
    assert.equal(readFileSync(at('conf.d', 'extra.yaml'), 'utf8'), 'extra: true\n');
    assert.equal(readlinkSync(at('live', 'cert.pem')), '../archive/cert1.pem');
  });

  it('replaces a file that differs, keeping the old one; a symlink that points elsewhere is moved aside', async () => {
    writeFileSync(at('conf.d', 'extra.yaml'), 'edited: yes\n', { mode: 0o640 });
    const file = member('files/conf.d/extra.yaml');
    assert.equal(await place(ctx, archive, { member: file, path: file.path! }, backup), 'replaced');
    assert.equal(readFileSync(at('conf.d', 'extra.yaml'), 'utf8'), 'extra: true\n');
    assert.equal(readFileSync(backup(at('conf.d', 'extra.yaml')), 'utf8'), 'edited: yes\n');

    rmSync(at('live', 'cert.pem'));
    symlinkSync('/etc/passwd', at('live', 'cert.pem'));
    const link = member('files/live/cert.pem');
    assert.equal(await place(ctx, archive, { member: link, path: link.path! }, backup), 'replaced');
    assert.equal(readlinkSync(at('live', 'cert.pem')), '../archive/cert1.pem');
    assert.equal(readlinkSync(backup(at('live', 'cert.pem'))), '/etc/passwd');
  });

  it('a mode or owner that differs is not in place, and is only adjusted (nothing kept aside); the owner and mode given win over the archived ones', async () => {
    const file = member('files/conf.d/extra.yaml');
    assert.equal(await isPlaced(ctx, { member: file, path: file.path!, mode: 0o600 }), false);
    const kept = readdirSync(backups, { recursive: true }).length;
    assert.equal(await place(ctx, archive, { member: file, path: file.path!, mode: 0o600, owner: { user: 'root', group: 'root' } }, backup), 'adjusted');
    assert.equal(readdirSync(backups, { recursive: true }).length, kept);
    assert.equal(lstatSync(file.path!).mode & 0o777, 0o600);
    assert.equal(await isPlaced(ctx, { member: file, path: file.path!, mode: 0o600 }), true);
  });

  it('never writes through a symlink in the place of the file: the link is moved aside', async () => {
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'untouched');
    mkdirSync(at('planted'), { recursive: true });
    const file = { ...member('files/conf.d/extra.yaml'), path: at('planted', 'extra.yaml') };
    symlinkSync(victim, at('planted', 'extra.yaml'));
    assert.equal(await place(ctx, archive, { member: file, path: file.path }, backup), 'replaced');
    assert.equal(readFileSync(victim, 'utf8'), 'untouched');
    assert.equal(lstatSync(at('planted', 'extra.yaml')).isFile(), true);
    assert.equal(readFileSync(at('planted', 'extra.yaml'), 'utf8'), 'extra: true\n');
    assert.equal(readlinkSync(backup(at('planted', 'extra.yaml'))), victim);
  });
});

describe('what an archive may name', () => {
  it('only paths inside the directory they belong to, written plainly', async () => {
    const { isInside } = await import('../../steps/restore/place-member.js');
    assert.equal(isInside('/etc/matrix-synapse/conf.d/x.yaml', '/etc/matrix-synapse'), true);
    assert.equal(isInside('/etc/matrix-synapse', '/etc/matrix-synapse'), true);
    assert.equal(isInside('/etc/matrix-synapse-evil/x', '/etc/matrix-synapse'), false);
    assert.equal(isInside('/etc/matrix-synapse/../cron.d/x', '/etc/matrix-synapse'), false);
    assert.equal(isInside('etc/matrix-synapse/x', '/etc/matrix-synapse'), false);
  });

  it("Synapse's files are only restored inside its config directory, and never those matrix-setup writes itself", async () => {
    const { synapsePlacements } = await import('../../steps/restore/restore-synapse-files.js');
    const { testAnswers, testTarget } = await import('../helpers/answers.js');
    const { testManifest } = await import('../helpers/backup-archive.js');
    const member = (path: string) => ({ name: `files${path}`, role: 'synapse-config' as const, path, type: 'file' as const, size: 1, sha256: 'x', mode: '0644', owner: 'root', group: 'root' });
    const manifest = testManifest([
      member('/etc/matrix-synapse/conf.d/my-own.yaml'),
      member('/etc/matrix-synapse/conf.d/zz-matrix-setup.yaml'),
      member('/etc/cron.d/planted'),
      member('/etc/matrix-synapse/../cron.d/planted'),
    ]);
    const source = { archive: { path: '', entries: new Map(), bytes: 0, manifest }, stateDir: '/x', replaceDatabase: false, stamp: 'S' };
    const placements = synapsePlacements(source, { answers: testAnswers(), target: testTarget('debian-12') });
    assert.deepEqual(placements.map((p) => p.path), ['/etc/matrix-synapse/conf.d/my-own.yaml']);
  });
});
