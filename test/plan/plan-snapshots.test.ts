// Golden plans: for each target in SNAPSHOT_TARGETS, the plan of examples/answers.yaml and
// its generated files; for each answers variant in test/fixtures/plan-variants/, the plan
// for one target per family. Any difference fails; `npm run snapshots:update` rewrites them
// (review the diff like code).
import assert from 'node:assert/strict';
import { readdirSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadAnswersFile } from '../../src/answers/load.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import { withRepositoryActions } from '../../src/plan/planned-action.js';
import { renderPlanText } from '../../src/plan/render-plan.js';
import { SUPPORTED_TARGET_IDS } from '../../src/host/targets.js';
import { STEPS } from '../../steps/index.js';
import { testTarget } from '../helpers/answers.js';
import { matchSnapshot } from '../helpers/snapshots.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SNAPSHOTS = join(ROOT, 'snapshots');
const VARIANTS_DIR = join(ROOT, 'test', 'fixtures', 'plan-variants');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

/** The targets whose whole plan and files are kept: one per family, release and Synapse source. */
const SNAPSHOT_TARGETS = ['debian-12', 'debian-13', 'debian-unstable', 'ubuntu-24.04', 'rocky-9', 'rocky-10', 'almalinux-9', 'centos-stream-9', 'rhel-8', 'ol-10'];
/** Variants are planned for one target of each family (and the distro-package target). */
const VARIANT_TARGETS = ['debian-12', 'debian-unstable', 'rocky-9'];
/** Variants that differ on a further target: automatic updates on CentOS Stream (no security advisories). */
const EXTRA_VARIANT_TARGETS: Record<string, string[]> = { 'tuning.yaml': ['centos-stream-9'] };

function plan(answersFile: string, targetId: string) {
  const answers = loadAnswersFile(answersFile);
  const target = testTarget(targetId);
  return { target, steps: buildPlan(STEPS, { answers, target }) };
}

describe('plan snapshots', () => {
  const example = join(ROOT, 'examples', 'answers.yaml');
  for (const targetId of SNAPSHOT_TARGETS) {
    it(`examples/answers.yaml on ${targetId}`, () => {
      const { target, steps } = plan(example, targetId);
      matchSnapshot(join(SNAPSHOTS, 'plans', targetId, 'example.txt'), renderPlanText(steps, { target, answersFile: 'examples/answers.yaml' }));
      const filesDir = join(SNAPSHOTS, 'files', targetId);
      if (UPDATE) rmSync(filesDir, { recursive: true, force: true });
      for (const step of steps) {
        for (const action of withRepositoryActions(step.actions)) {
          if (action.kind === 'file') matchSnapshot(join(filesDir, action.path), action.content);
        }
      }
    });
  }

  const variants = existsSync(VARIANTS_DIR) ? readdirSync(VARIANTS_DIR).filter((f) => f.endsWith('.yaml')).sort() : [];
  for (const variant of variants) {
    for (const targetId of [...VARIANT_TARGETS, ...(EXTRA_VARIANT_TARGETS[variant] ?? [])]) {
      it(`variant ${variant} on ${targetId}`, (t) => {
        let result;
        try {
          result = plan(join(VARIANTS_DIR, variant), targetId);
        } catch (error) {
          // A variant may not apply to a target (e.g. the distro package on Rocky): that must be a clear refusal.
          const name = variant.replace(/\.yaml$/, '');
          matchSnapshot(join(SNAPSHOTS, 'plans', targetId, `${name}.refused.txt`), `${(error as Error).message}\n`);
          return;
        }
        matchSnapshot(
          join(SNAPSHOTS, 'plans', targetId, `${variant.replace(/\.yaml$/, '')}.txt`),
          renderPlanText(result.steps, { target: result.target, answersFile: `test/fixtures/plan-variants/${variant}` }),
        );
        t.diagnostic(`${result.steps.length} steps`);
      });
    }
  }
});

describe('plan for every supported target', () => {
  const example = join(ROOT, 'examples', 'answers.yaml');
  for (const targetId of SUPPORTED_TARGET_IDS) {
    it(`${targetId}: every command is an argument array of strings`, () => {
      const { steps } = plan(example, targetId);
      const argvs: unknown[] = [];
      for (const step of steps) {
        for (const action of step.actions) {
          if (action.kind === 'command') argvs.push(action.argv, ...(action.unless ? [action.unless] : []));
          if (action.kind === 'packages' || action.kind === 'service') argvs.push(...action.commands);
          if (action.kind === 'task') argvs.push(...action.commands.map((c) => c.argv));
        }
      }
      assert.ok(argvs.length > 0);
      for (const argv of argvs) {
        assert.ok(Array.isArray(argv) && argv.length > 0 && argv.every((a) => typeof a === 'string' && a.length > 0), `bad argv ${JSON.stringify(argv)}`);
      }
      // The first step of every plan is the preflight check.
      assert.equal(steps[0].id, 'preflight');
    });
  }
});
