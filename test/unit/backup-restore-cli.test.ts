import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseCliArgs } from '../../src/cli/args.js';
import { backupJson, backupSummary } from '../../src/cli/commands/backup.js';
import { UsageError } from '../../src/errors.js';
import { testManifest, writeTestArchive } from '../helpers/backup-archive.js';

const ROOT = join(import.meta.dirname, '..', '..');
const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: ROOT });

describe('backup and restore on the command line', () => {
  it('backup takes --to, --no-media and --json', () => {
    const args = parseCliArgs(['backup', '--to', '/mnt/backups', '--no-media', '--json']);
    assert.deepEqual([args.command, args.to, args.noMedia, args.json], ['backup', '/mnt/backups', true, true]);
    assert.equal(parseCliArgs(['backup']).noMedia, false);
  });

  it('restore takes the archive, --answers, --yes and --replace-database', () => {
    const args = parseCliArgs(['restore', '/root/a.tar', '--answers', 'x.yaml', '--yes', '--replace-database']);
    assert.deepEqual([args.command, args.archive, args.answers, args.yes, args.replaceDatabase], ['restore', '/root/a.tar', 'x.yaml', true, true]);
  });

  it('plan --restore ARCHIVE shows the restore graph with the answers from the archive, and refuses a damaged archive', async () => {
    const archive = await writeTestArchive([{ name: 'matrix-setup/answers.yaml', role: 'matrix-setup', content: readFileSync(join(ROOT, 'examples/answers.yaml'), 'utf8') }]);
    const planned = cli(['plan', '--restore', archive.path, '--target', 'debian-12']);
    assert.equal(planned.status, 0, planned.stderr);
    assert.match(planned.stdout, /restore-check: Check that the backup may be restored here/);
    assert.match(planned.stdout, /restore-database: Restore the database from the backup \(after postgres-verify\)/);
    assert.match(planned.stdout, /synapse-config: Configure Synapse/);
    const damaged = readFileSync(archive.path);
    damaged[archive.entries.get('matrix-setup/answers.yaml')!.dataOffset] ^= 1;
    const copy = `${archive.path}.damaged`;
    writeFileSync(copy, damaged);
    const refused = cli(['plan', '--restore', copy, '--target', 'debian-12']);
    assert.equal(refused.status, 2, refused.stderr);
    assert.match(refused.stderr, /damaged: the member matrix-setup\/answers\.yaml does not match its sha256/);
  });

  it('refuses what does not fit, with exit 2', () => {
    const refused = (argv: string[], message: RegExp) =>
      assert.throws(() => parseCliArgs(argv), (error: unknown) => error instanceof UsageError && error.exitCode === 2 && message.test(error.message));
    refused(['restore'], /`restore` needs the archive/);
    refused(['restore', 'a.tar', 'b.tar'], /Unexpected argument "b\.tar"/);
    refused(['backup', 'extra'], /Unexpected argument "extra"/);
    refused(['backup', '--answers', 'x.yaml'], /--answers does not apply to `backup`/);
    refused(['restore', 'a.tar', '--no-media'], /--no-media does not apply to `restore`/);
    refused(['--replace-database', '--answers', 'x'], /--replace-database does not apply to an install/);
    refused(['backup', '--to', ''], /--to needs a directory/);
    refused(['plan'], /--answers FILE .* or --restore ARCHIVE/);
    refused(['restore', 'a.tar', '--restore', 'b.tar'], /--restore does not apply to `restore`/);
  });

  it('the plain summary ends with the archive path alone; --json has the archive, server_name, synapse_version and bytes', () => {
    const result = { archive: '/var/backups/matrix-setup/matrix-setup-backup-example.org-20260304T050607Z.tar', bytes: 123456, manifest: testManifest([]) };
    const lines = backupSummary(result).trimEnd().split('\n');
    assert.equal(lines.at(-1), result.archive);
    assert.match(backupSummary(result), /holds the signing key and every secret .* copy it off this machine/);
    const json = backupJson(result);
    assert.deepEqual([json.archive, json.server_name, json.synapse_version, json.bytes], [result.archive, 'example.org', '1.160.0', 123456]);
  });
});
