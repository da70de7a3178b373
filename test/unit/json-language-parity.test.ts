// --json is for scripts: the bundle gives the same document with --lang en and --lang ru (the
// same keys, ids, commands, paths and statuses in the same order), and only the fields a
// person reads (titles, descriptions, reasons, messages, hints) are in the chosen language.
// (verify --json has its own parity test in verify-resolve-and-health.test.ts.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runInstall } from '../../src/engine/runner.js';
import { testAnswers, testTarget } from '../helpers/answers.js';
import { failingServiceSteps } from '../fixtures/engine/failing-service-steps.js';
import { assertTranslated, compareLanguages as compareIn } from '../helpers/json-parity.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'matrix-setup.mjs');

/** The fields a person reads; everything else must be the same in both languages. */
const HUMAN_FIELDS: ReadonlySet<string> = new Set(['title', 'description', 'skip', 'skipReason', 'message', 'hint', 'when', 'checks']);
const compareLanguages = (en: unknown, ru: unknown) => compareIn(en, ru, HUMAN_FIELDS);

const scratch: string[] = [];
after(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

before(() => {
  if (!existsSync(BUNDLE)) {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    assert.equal(build.status, 0, 'the build failed');
  }
});

function json(args: string[]): unknown {
  // A Russian locale for both: --lang decides.
  const result = spawnSync(process.execPath, [BUNDLE, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LC_ALL: '', LANG: 'ru_RU.UTF-8', NO_COLOR: '1' } });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

describe('--json in English and Russian', () => {
  it('the comparison fails on a changed key, id or value outside the human-readable fields', () => {
    assert.throws(() => compareLanguages({ id: 'a', title: 'A' }, { id: 'б', title: 'Б' }), /\$\.id: not a human-readable field/);
    assert.throws(() => compareLanguages({ steps: [{ title: 'A' }] }, { steps: [{ заголовок: 'Б' }] }), /keys/);
    assert.throws(() => compareLanguages({ steps: [1, 2] }, { steps: [1] }), /2 items in English, 1 in Russian/);
    assert.deepEqual(compareLanguages({ id: 'a', title: 'A' }, { id: 'a', title: 'Б' }), [{ path: '$.title', en: 'A', ru: 'Б' }]);
  });

  for (const target of ['debian-12', 'rocky-9']) {
    it(`plan --json for ${target}: same steps, actions, commands and files; titles and descriptions in Russian`, () => {
      const args = ['plan', '--answers', 'examples/answers.yaml', '--target', target, '--json'];
      const en = json([...args, '--lang', 'en']);
      const ru = json([...args, '--lang', 'ru']);
      const differences = compareLanguages(en, ru);
      assertTranslated(differences, 20, `plan ${target}`);
      assert.ok(differences.some((d) => d.path.endsWith('.title')), 'step titles are translated');
      assert.ok(differences.some((d) => d.path.endsWith('.description')), 'action descriptions are translated');
    });
  }

  it('status --json of a failed run: same steps and statuses; titles, the error and its hint in Russian', async () => {
    const root = mkdtempSync(join(tmpdir(), 'matrix-setup-json-parity-'));
    scratch.push(root);
    const stateDir = join(root, 'state');
    const outcome = await runInstall({
      answers: testAnswers(),
      target: testTarget(),
      steps: failingServiceSteps(root),
      paths: { stateDir, logFile: join(root, 'run.log') },
      onEvent: () => {},
      signal: new AbortController().signal,
    });
    assert.equal(outcome.status, 'failed');
    const en = json(['status', '--json', '--state-dir', stateDir, '--lang', 'en']) as { status: string; steps: Array<{ id: string; status: string; error?: { hint?: string } }> };
    const ru = json(['status', '--json', '--state-dir', stateDir, '--lang', 'ru']);
    const differences = compareLanguages(en, ru);
    assertTranslated(differences, 3, 'status');
    assert.equal(en.status, 'failed');
    const failed = en.steps.find((step) => step.id === 'synapse-service');
    assert.equal(failed?.status, 'failed');
    assert.equal(failed?.error?.hint, 'See `journalctl -u matrix-synapse.service -n 50`.');
    assert.ok(differences.some((d) => d.path.endsWith('.error.message')), 'the error message is translated');
    assert.ok(differences.some((d) => d.path.endsWith('.error.hint')), 'the hint is translated');

    const none = compareLanguages(json(['status', '--json', '--state-dir', join(root, 'none'), '--lang', 'en']), json(['status', '--json', '--state-dir', join(root, 'none'), '--lang', 'ru']));
    assertTranslated(none, 1, 'status without a run');
  });
});
