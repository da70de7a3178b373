// The packages kept for rollbacks: a new upgrade's kept package replaces the older ones, and
// nothing else under upgrades/ (or reached through a link) is touched.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pruneOlderKeptPackages } from '../../steps/upgrade/prune-kept.js';

const root = mkdtempSync(join(tmpdir(), 'matrix-setup-prune-'));
after(() => rmSync(root, { recursive: true, force: true }));

function file(path: string, bytes = 10): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, Buffer.alloc(bytes));
  return path;
}

test('removes the .deb files kept for older upgrades, and their emptied directories; keeps the newest and anything else', () => {
  const upgrades = join(root, 'upgrades');
  const current = join(upgrades, '20260301T120000');
  const keptNow = file(join(current, 'matrix-synapse-py3_1.161.0_amd64.deb'), 300);
  const older = file(join(upgrades, '20260201T120000', 'matrix-synapse-py3_1.160.0_amd64.deb'), 200);
  const oldest = file(join(upgrades, '20260101T120000', 'matrix-synapse-py3_1.159.0_amd64.deb'), 100);
  const notes = file(join(upgrades, '20260101T120000', 'notes.txt'));
  const strayDir = file(join(upgrades, 'by-hand', 'matrix-synapse-py3_1.0_amd64.deb'));
  const outside = file(join(root, 'elsewhere', 'precious.deb'));
  symlinkSync(join(root, 'elsewhere'), join(upgrades, '20260115T120000'));
  symlinkSync(outside, join(upgrades, '20260201T120000', 'linked.deb'));

  const pruned = pruneOlderKeptPackages(current);

  assert.deepEqual(pruned.files.sort(), [oldest, older].sort());
  assert.equal(pruned.bytes, 300);
  assert.ok(existsSync(keptNow), "the current upgrade's package stays");
  assert.ok(!existsSync(oldest) && !existsSync(older));
  assert.ok(existsSync(notes), 'what is not a kept package stays, and so does its directory');
  assert.ok(existsSync(join(upgrades, '20260201T120000', 'linked.deb')), 'a link is no kept package: left alone');
  assert.ok(existsSync(strayDir), 'a directory no upgrade made is left alone');
  assert.ok(existsSync(outside), 'nothing is removed through a link');
  assert.deepEqual(pruneOlderKeptPackages(current).files, [], 'again: nothing left to remove');
});

test('an emptied upgrade directory goes too', () => {
  const upgrades = join(root, 'second', 'upgrades');
  const current = join(upgrades, '20260301T120000');
  file(join(current, 'a.deb'));
  file(join(upgrades, '20260201T120000', 'b.deb'));
  pruneOlderKeptPackages(current);
  assert.ok(!existsSync(join(upgrades, '20260201T120000')));
  assert.ok(existsSync(current));
});
