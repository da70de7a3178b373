import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { UsageError } from '../../src/errors.js';
import { openRestore, reopenRestore, restoreRecordPath, saveRestoreInputs } from '../../steps/restore/prepare.js';
import { writeTestArchive } from '../helpers/backup-archive.js';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-prepare-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const example = readFileSync(join(ROOT, 'examples/answers.yaml'), 'utf8');

async function archiveWith(secrets: string) {
  return writeTestArchive([
    { name: 'matrix-setup/answers.yaml', role: 'matrix-setup', content: example },
    { name: 'matrix-setup/secrets.yaml', role: 'matrix-setup', content: secrets, mode: 0o600 },
  ]);
}

describe("a restore's inputs", () => {
  it("takes the archive's answers, or --answers with the same server_name; another one is exit 2", async () => {
    const archive = await archiveWith('macaroon_secret_key: m1\n');
    const { answers } = await openRestore({ archivePath: archive.path });
    assert.equal(answers.server_name, 'example.org');
    const other = join(dir, 'other.yaml');
    writeFileSync(other, example.replace('server_name: example.org', 'server_name: other.org'));
    await assert.rejects(openRestore({ archivePath: archive.path, answersFile: other }), (error: unknown) => {
      assert.ok(error instanceof UsageError);
      assert.equal(error.exitCode, 2);
      assert.match(error.message, /answers are for other\.org, but the backup is of example\.org; a server_name can never change/);
      return true;
    });
  });

  it("saves the record, the answers and the backup's secrets (0600); secrets that were here and differ are kept; again, nothing changes", async () => {
    const stateDir = join(dir, 'state');
    const archive = await archiveWith('macaroon_secret_key: from-backup\nform_secret: f\n');
    const { answers } = await openRestore({ archivePath: archive.path });
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(join(stateDir, 'secrets.yaml'), 'macaroon_secret_key: made-here\nturn_shared_secret: t\n', { mode: 0o600 });

    const source = await saveRestoreInputs({ archive, answers, stateDir, replaceDatabase: false });
    const secrets = parse(readFileSync(join(stateDir, 'secrets.yaml'), 'utf8'));
    assert.deepEqual(secrets, { macaroon_secret_key: 'from-backup', turn_shared_secret: 't', form_secret: 'f' });
    for (const file of ['secrets.yaml', 'answers.yaml', 'restore.json']) assert.equal(statSync(join(stateDir, file)).mode & 0o777, 0o600, file);
    const kept = readdirSync(join(stateDir, 'backups'), { recursive: true }).map(String).filter((p) => p.endsWith(`secrets.yaml.${source.stamp}`));
    assert.equal(kept.length, 1, 'the secrets that were here are kept under backups/');
    const keptPath = join(stateDir, 'backups', kept[0]!);
    assert.equal(readFileSync(keptPath, 'utf8'), 'macaroon_secret_key: made-here\nturn_shared_secret: t\n');
    assert.equal(statSync(keptPath).mode & 0o777, 0o600);
    const record = JSON.parse(readFileSync(restoreRecordPath(stateDir), 'utf8'));
    assert.equal(record.backup_id, archive.manifest.backup_id);

    const before = { record: statSync(restoreRecordPath(stateDir)).mtimeMs, secrets: statSync(join(stateDir, 'secrets.yaml')).mtimeMs };
    const again = await saveRestoreInputs({ archive, answers, stateDir, replaceDatabase: false });
    assert.equal(again.stamp, source.stamp);
    assert.equal(statSync(restoreRecordPath(stateDir)).mtimeMs, before.record, 'the record is not rewritten');
    assert.equal(statSync(join(stateDir, 'secrets.yaml')).mtimeMs, before.secrets, 'the secrets are not rewritten');

    const resumed = await reopenRestore(stateDir);
    assert.deepEqual([resumed.source.stamp, resumed.source.archive.manifest.backup_id], [source.stamp, archive.manifest.backup_id]);
    assert.ok(existsSync(archive.path));
  });

  it('a secrets.yaml that is a link is refused: neither it nor what it points to is read or written', async () => {
    const stateDir = join(dir, 'state-link');
    const archive = await archiveWith('macaroon_secret_key: from-backup\n');
    const { answers } = await openRestore({ archivePath: archive.path });
    mkdirSync(stateDir, { recursive: true });
    const elsewhere = join(dir, 'elsewhere.yaml');
    writeFileSync(elsewhere, 'macaroon_secret_key: elsewhere\n', { mode: 0o600 });
    symlinkSync(elsewhere, join(stateDir, 'secrets.yaml'));
    await assert.rejects(saveRestoreInputs({ archive, answers, stateDir, replaceDatabase: false }), /secrets\.yaml/);
    assert.equal(readFileSync(elsewhere, 'utf8'), 'macaroon_secret_key: elsewhere\n');
    assert.ok(lstatSync(join(stateDir, 'secrets.yaml')).isSymbolicLink());
  });
});
