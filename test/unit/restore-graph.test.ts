import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databaseVerdict } from '../../steps/restore/existing-database.js';
import { restoreSteps, restoreStepTitles } from '../../steps/restore/index.js';
import { checkStepOrder } from '../../src/engine/graph.js';
import { HostRefusedError } from '../../src/errors.js';
import { restoredDatabaseMarker } from '../../src/backup/manifest.js';
import { STEPS } from '../../steps/index.js';
import { testManifest } from '../helpers/backup-archive.js';

describe('the restore graph', () => {
  it('is every install step, with the restore steps where the backup replaces what an install would make', () => {
    const archive = { path: '/root/backup.tar', entries: new Map(), bytes: 0, manifest: testManifest([]) };
    const ids = checkStepOrder(restoreSteps({ archive, stateDir: '/tmp/x', replaceDatabase: false, stamp: 'S' })).map((s) => s.id);
    assert.deepEqual(ids.filter((id) => !id.startsWith('restore-')), STEPS.map((s) => s.id), 'the install steps, in their order');
    const at = (id: string) => ids.indexOf(id);
    assert.ok(at('restore-check') === at('preflight') + 1, 'checked right after preflight, before anything is installed');
    assert.ok(at('restore-secret-files') < at('postgres-database'), 'secret files before the first step that reads a secret');
    assert.ok(at('postgres-verify') < at('restore-database') && at('restore-database') < at('synapse-config'), 'the database is loaded before Synapse is configured to use it');
    assert.ok(at('synapse-install') < at('restore-synapse-files') && at('restore-synapse-files') < at('synapse-config'), 'the signing key is in place before synapse-config would generate one');
    assert.ok(at('restore-media') < at('synapse-service'), 'media before Synapse starts');
    assert.ok(at('restore-certificate') < at('tls-certificate'), 'the certificate before one would be requested');
    assert.deepEqual(restoreStepTitles().map((s) => s.id), ids, 'status lists the same steps');
  });
});

describe('whether a backup may be loaded into a database', () => {
  const manifest = testManifest([]);
  const verdict = (existing: Parameters<typeof databaseVerdict>[0], replace = false) => databaseVerdict(existing, manifest, 'synapse', replace);

  it('a missing, unreachable or empty database: load it', () => {
    assert.equal(verdict(undefined), 'restore');
    assert.equal(verdict({ exists: false, tables: 0, synapse: false }), 'restore');
    assert.equal(verdict({ exists: true, tables: 0, synapse: false }), 'restore');
  });

  it('the database this very backup was loaded into: done', () => {
    assert.equal(verdict({ exists: true, tables: 200, synapse: true, someUserId: '@a:example.org', comment: restoredDatabaseMarker(manifest) }), 'already-restored');
  });

  it('other data of this server: refused (exit 3) unless --replace-database, which moves it aside', () => {
    const existing = { exists: true, tables: 200, synapse: true, someUserId: '@a:example.org' };
    assert.throws(() => verdict(existing), (error: unknown) => {
      assert.ok(error instanceof HostRefusedError);
      assert.equal(error.exitCode, 3);
      assert.match(error.message, /already holds Synapse data of example\.org that was not restored from this backup/);
      assert.match(error.hint ?? '', /--replace-database.*synapse_before_restore_<time>.*Nothing was changed/);
      return true;
    });
    assert.equal(verdict(existing, true), 'replace');
    assert.equal(verdict({ ...existing, comment: 'matrix-setup: restored from backup another-id of example.org (x)' }, true), 'replace');
    assert.throws(() => verdict({ exists: true, tables: 3, synapse: false }), /already holds 3 tables/);
  });

  it("another server's database: refused even with --replace-database", () => {
    assert.throws(() => verdict({ exists: true, tables: 200, synapse: true, someUserId: '@a:other.org' }, true), /belongs to the Synapse server "other\.org"/);
  });
});
