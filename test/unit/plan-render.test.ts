import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPlan } from '../../src/plan/build-plan.js';
import { lineDiff } from '../../src/plan/diff.js';
import { renderPlanText, showArgv } from '../../src/plan/render-plan.js';
import type { Step } from '../../src/engine/types.js';
import { secretToken } from '../../src/secrets/tokens.js';
import { testAnswers, testTarget } from '../helpers/answers.js';
import { verbatim } from '../../src/i18n/index.js';

const steps: Step[] = [
  {
    id: 'one',
    title: verbatim('Step one'),
    needs: [],
    plan: ({ answers }) => [
      { kind: 'file', path: '/etc/x.yaml', content: `name: ${answers.server_name}\nkey: ${secretToken('form_secret')}\n`, mode: 0o640, owner: 'root', group: 'adm' },
      { kind: 'command', description: verbatim('Say it'), argv: ['echo', 'two words', answers.server_name], creates: '/done' },
    ],
  },
  { id: 'two', title: verbatim('Step two'), needs: ['one'], skip: () => verbatim('not wanted here'), plan: () => [] },
];

describe('plan rendering', () => {
  it('shows files with owner and mode, commands as argument lists, secrets as tokens, and skips with reasons', () => {
    const plan = buildPlan(steps, { answers: testAnswers(), target: testTarget() });
    const text = renderPlanText(plan, { target: testTarget(), lang: 'en' });
    assert.match(text, /file \/etc\/x\.yaml \(root:adm 0640\)/);
    assert.match(text, /\| key: <<secret:form_secret>>/);
    assert.match(text, /\$ echo "two words" example\.org/);
    assert.match(text, /unless \/done exists/);
    assert.match(text, /\[2\/2\] two: Step two \(skipped: not wanted here\)/);
  });

  it('shows a diff against the file on this machine when one is readable', () => {
    const plan = buildPlan(steps, { answers: testAnswers(), target: testTarget() });
    const text = renderPlanText(plan, { target: testTarget(), lang: 'en', currentContent: () => 'name: old.org\nkey: <<secret:form_secret>>\n' });
    assert.match(text, /- name: old\.org\n\s+\+ name: example\.org/);
  });

  it('hashes the planned actions, so a changed answer changes exactly the affected hash', () => {
    const a = buildPlan(steps, { answers: testAnswers(), target: testTarget() });
    const b = buildPlan(steps, { answers: testAnswers({ synapse: { max_upload_size: '1G' } }), target: testTarget() });
    const c = buildPlan(steps, { answers: testAnswers({ server_name: 'other.org' }), target: testTarget() });
    assert.equal(a[0].inputHash, b[0].inputHash);
    assert.notEqual(a[0].inputHash, c[0].inputHash);
  });

  it('quotes arguments only where needed', () => {
    assert.equal(showArgv(['psql', '-v', 'name=synapse', '--', 'a b', '$x']), 'psql -v name=synapse -- "a b" "$x"');
  });

  it('diffs lines with context', () => {
    assert.deepEqual(lineDiff('a\nb\nc\nd\ne\nf', 'a\nb\nc\nX\ne\nf', 1), ['  c', '- d', '+ X', '  e']);
  });
});
