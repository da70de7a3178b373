import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimateDump, neededBytes, spaceProblem } from '../../src/backup/disk-space.js';
import { formatBytes } from '../../src/i18n/format-bytes.js';
import { archiveName } from '../../src/backup/write-backup.js';

describe('backup space and names', () => {
  const GiB = 1024 ** 3;
  it('counts media and files exactly, half the table data for the compressed dump, and a margin', () => {
    assert.equal(estimateDump(10 * GiB), 5 * GiB);
    const estimate = { database: 5 * GiB, media: 20 * GiB, files: 1024 };
    assert.ok(neededBytes(estimate) > 25 * GiB && neededBytes(estimate) < 25.1 * GiB);
  });

  it('says what is needed and what is free when it does not fit', () => {
    const estimate = { database: 2 * GiB, media: 30 * GiB, files: 1024 ** 2 };
    assert.equal(spaceProblem('/var/backups/matrix-setup', 100 * GiB, estimate), undefined);
    assert.equal(
      spaceProblem('/var/backups/matrix-setup', 20 * GiB, estimate)?.en,
      'Not enough space in /var/backups/matrix-setup: the backup needs about 32.0 GiB (database about 2.0 GiB, media 30.0 GiB, configuration 1.0 MiB), and 20.0 GiB is free there.',
    );
  });

  it('formats sizes for people', () => {
    assert.deepEqual([formatBytes(0), formatBytes(1), formatBytes(1023), formatBytes(1536), formatBytes(5 * GiB)].map((s) => s.en), ['0 bytes', '1 byte', '1023 bytes', '1.5 KiB', '5.0 GiB']);
    assert.deepEqual([formatBytes(0), formatBytes(1), formatBytes(1023), formatBytes(1536), formatBytes(5 * GiB)].map((s) => s.ru), ['0 байт', '1 байт', '1023 байта', '1,5 КиБ', '5,0 ГиБ']);
  });

  it('names an archive after the server and the UTC time, safe as a file name', () => {
    const at = new Date('2026-03-04T05:06:07.891Z');
    assert.equal(archiveName('example.org', at), 'matrix-setup-backup-example.org-20260304T050607Z.tar');
    assert.equal(archiveName('example.org:8448', at), 'matrix-setup-backup-example.org_8448-20260304T050607Z.tar');
  });
});
