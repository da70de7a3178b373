import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOsRelease, readOsRelease } from '../../src/host/os-release.js';

test('parses quoted and unquoted values, skipping comments and blank lines', () => {
  const record = parseOsRelease(
    [
      '# comment line',
      '',
      'NAME="Debian GNU/Linux"',
      'ID=debian',
      "VARIANT='Server Edition'",
      'VERSION_CODENAME=""',
      '  ID_LIKE="rhel centos fedora"  ',
      'ESCAPED="say \\"hi\\" for \\$5 \\\\ done"',
      'not an assignment',
      'BUILD_ID=rolling # trailing comment',
    ].join('\n'),
  );
  assert.deepEqual(record, {
    NAME: 'Debian GNU/Linux',
    ID: 'debian',
    VARIANT: 'Server Edition',
    VERSION_CODENAME: '',
    ID_LIKE: 'rhel centos fedora',
    ESCAPED: 'say "hi" for $5 \\ done',
    BUILD_ID: 'rolling',
  });
});

test('handles CRLF line endings and values containing =', () => {
  const record = parseOsRelease('ID=ubuntu\r\nHOME_URL="https://example.org/?a=b"\r\n');
  assert.equal(record.ID, 'ubuntu');
  assert.equal(record.HOME_URL, 'https://example.org/?a=b');
});

test('readOsRelease falls back to the next path and returns undefined when none exists', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'os-release-'));
  try {
    const second = join(dir, 'os-release');
    writeFileSync(second, 'ID=rocky\nVERSION_ID="9.4"\n');
    assert.deepEqual(await readOsRelease([join(dir, 'missing'), second]), { ID: 'rocky', VERSION_ID: '9.4' });
    assert.equal(await readOsRelease([join(dir, 'missing')]), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
