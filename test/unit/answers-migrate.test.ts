import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ANSWERS_FORMAT, loadSavedAnswers, type AnswersMigration } from '../../src/answers/migrate.js';

describe('saved answers of an older format', () => {
  // A made-up format 0 that kept the install method at the top level, to exercise the mechanism.
  const toOne: AnswersMigration = {
    from: 0,
    describe: 'synapse_install moved to synapse.install',
    migrate: ({ synapse_install, ...rest }) => ({ ...rest, synapse: { install: synapse_install } }),
  };

  it('are migrated step by step, rewritten in this format, the old file kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'answers-migrate-'));
    try {
      const file = join(dir, 'answers.yaml');
      const old = 'version: 0\nserver_name: example.org\nsynapse_install: apt\ntls:\n  email: admin@example.org\n';
      writeFileSync(file, old);
      const notes: string[] = [];
      const { answers, migratedFrom } = loadSavedAnswers(file, { migrations: [toOne], note: (m) => notes.push(m) });
      assert.equal(migratedFrom, 0);
      assert.equal(answers.synapse.install, 'apt');
      assert.equal(answers.version, ANSWERS_FORMAT);
      assert.match(notes.join('\n'), /format 0 → 1: synapse_install moved/);
      assert.equal(readFileSync(`${file}.v0`, 'utf8'), old);
      const again = loadSavedAnswers(file, { migrations: [toOne] });
      assert.equal(again.migratedFrom, undefined, 'the rewritten file is current');
      assert.equal(again.answers.synapse.install, 'apt');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('of the current format load as they are; a newer or unknown one is refused with its version named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'answers-migrate-'));
    try {
      const file = join(dir, 'answers.yaml');
      writeFileSync(file, 'version: 1\nserver_name: example.org\ntls:\n  email: admin@example.org\n');
      assert.equal(loadSavedAnswers(file).answers.server_name, 'example.org');
      assert.equal(existsSync(`${file}.v1`), false);
      writeFileSync(file, 'version: 2\nserver_name: example.org\n');
      assert.throws(() => loadSavedAnswers(file), /version 2/);
      writeFileSync(file, 'version: 0\nserver_name: example.org\n');
      assert.throws(() => loadSavedAnswers(file), /version/, 'no migration from 0 in this build');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
