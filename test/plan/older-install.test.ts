// A newer matrix-setup on a machine an older one installed. The fixture is what matrix-setup
// 0.1.0 left on a Debian 12 server installed from examples/answers.yaml: its saved answers and
// its state file (the plan hash of every step it finished). It is frozen: never regenerate it;
// a later release adds its own fixture beside it.
//
// Re-running on such a machine re-checks every step whose plan is unchanged and applies only
// what differs. So a step whose plan changed is a change every existing install will see: it
// must be listed in EXPECTED_CHANGES with what those installs get, or this test fails.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadAnswersFile } from '../../src/answers/load.js';
import { answersToYaml } from '../../src/answers/save.js';
import { readState } from '../../src/engine/state.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import { renderPlanText } from '../../src/plan/render-plan.js';
import { STEPS } from '../../steps/index.js';
import { testTarget } from '../helpers/answers.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'older-install', '0.1.0-debian-12');

/** Step id → what an install made by 0.1.0 gets from this version when it is re-run. */
const EXPECTED_CHANGES: Record<string, string> = {
  'synapse-install': "matrix.org's keyring is checked on every run and fetched again when its signing key expires within 30 days; the package and its repository are checked together, debconf answers only given when it is installed (description changes: everything is in place, nothing changes)",
  'base-packages': 'its packages come with the package transaction, installed keeping configuration files (a description change: they are there, nothing changes)',
  'postgres-server': 'its package comes with the package transaction, installed keeping configuration files (a description change: it is there, nothing changes)',
  'nginx-install': 'its package comes with the package transaction, installed keeping configuration files (a description change: it is there, nothing changes)',
  'tls-certificate': 'certbot comes with the package transaction, installed keeping configuration files (a description change: it is there, nothing changes)',
  'synapse-tuning': 'libjemalloc2 is installed and the tuning drop-in gains LD_PRELOAD of jemalloc: Synapse restarts once',
  preflight: 'also checks that 127.0.0.1:8008 and the local database port hold Synapse and PostgreSQL (or nothing) before credentials go there: read-only, no change',
  'nginx-http': 'the port-80 vhost gains server_tokens off: rewritten (old file backed up), nginx -t, reload',
  'nginx-https': 'a default server refusing unknown names on 443 (and 8448), Mozilla intermediate TLS, server_tokens off, HSTS, and the admin-path guard: rewritten (old file backed up), nginx -t, reload',
};
/** Steps this version added since 0.1.0: they run for the first time on such a machine (the package transactions find everything installed). */
const EXPECTED_NEW: string[] = ['packages', 'repository-packages'];

describe('a machine installed by matrix-setup 0.1.0', () => {
  const savedAnswers = join(FIXTURE, 'answers.yaml');

  it('its saved answers load as they are, and this version saves the same answers (comments aside)', () => {
    const answers = loadAnswersFile(savedAnswers);
    assert.equal(answers.server_name, 'example.org');
    const dir = mkdtempSync(join(tmpdir(), 'older-install-'));
    try {
      writeFileSync(join(dir, 'answers.yaml'), answersToYaml(answers));
      assert.deepEqual(loadAnswersFile(join(dir, 'answers.yaml')), answers, 'the saved-answers format changed: add a migration (src/answers/migrate.ts)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('its state file is read', () => {
    const state = readState(join(FIXTURE, 'state.json'));
    assert.equal(state?.status, 'done');
    assert.ok(Object.keys(state!.steps).length > 10);
  });

  it('re-running changes only what this version does differently (EXPECTED_CHANGES), and plan says so step by step', () => {
    const answers = loadAnswersFile(savedAnswers);
    const target = testTarget('debian-12');
    const state = readState(join(FIXTURE, 'state.json'))!;
    const plan = buildPlan(STEPS, { answers, target });
    const changed: Record<string, string> = {};
    const added: string[] = [];
    for (const step of plan) {
      const before = state.steps[step.id];
      if (!before) added.push(step.id);
      else if (before.inputHash !== step.inputHash) changed[step.id] = EXPECTED_CHANGES[step.id] ?? '(not listed in EXPECTED_CHANGES: say what existing installs get)';
    }
    assert.deepEqual(added, EXPECTED_NEW, 'steps new since 0.1.0');
    assert.deepEqual(changed, EXPECTED_CHANGES, 'steps whose plan differs from what 0.1.0 ran: every existing install re-applies them');

    const text = renderPlanText(plan, { target, lastRun: (id) => state.steps[id]?.inputHash });
    const unchanged = plan.filter((s) => !s.skip && !(s.id in EXPECTED_CHANGES) && !EXPECTED_NEW.includes(s.id));
    assert.equal(text.match(/only re-checked/g)?.length ?? 0, unchanged.length, text);
    assert.equal(text.match(/differs from the last run here/g)?.length ?? 0, Object.keys(EXPECTED_CHANGES).length);
  });
});
