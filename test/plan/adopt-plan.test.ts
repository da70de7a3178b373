// The adopt graph plans like the install: from answers and a target only, on any machine,
// with every command and no secret.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPlan } from '../../src/plan/build-plan.js';
import { renderPlanText } from '../../src/plan/render-plan.js';
import { adoptSteps } from '../../steps/adopt/index.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

describe('adopt plan', () => {
  const answers = testAnswers({ server_name: 'matrix.test', synapse_host: 'matrix.test', synapse: { install: 'distro', max_upload_size: '20M' }, admin: { enabled: false }, element: { enabled: false } });
  const target = testTarget('debian-unstable');
  const ADOPT_STEPS = adoptSteps('/var/lib/matrix-setup');
  const plan = buildPlan(ADOPT_STEPS, { answers, target });
  const step = (id: string) => plan.find((s) => s.id === id)!;
  const text = renderPlanText(plan, { target, lang: 'en' });

  it('backs the server up before any step that changes it, with a consistent copy of the SQLite file', () => {
    assert.equal(step('adopt-backup').skip, undefined);
    const ids = plan.map((s) => s.id);
    assert.deepEqual(ids.slice(0, 4), ['preflight', 'adopt-check', 'adopt-secrets', 'adopt-backup'], 'only checks and matrix-setup\'s own secrets file come first');
    assert.match(text, /python3 -I -c "<sqlite3 backup API: a consistent copy>" "<database\.args\.database of the current config>" "\/var\/backups\/matrix-setup\/\.<archive>\.dump" backup/);
    assert.match(text, /runuser -u postgres -- pg_dump .*-d synapse -Fc/);
  });

  it("runs the installed Synapse's port tool as its user, on the copy, with the config that carries server_name", () => {
    assert.match(text, /runuser -u matrix-synapse -- env -C \/var\/lib\/matrix-setup-sqlite-port\/work \/usr\/bin\/synapse_port_db --sqlite-database \/var\/lib\/matrix-setup-sqlite-port\/work\/homeserver\.db --postgres-config \/var\/lib\/matrix-setup-sqlite-port\/port-config\.yaml/);
    assert.match(text, /server_name: matrix\.test\n.*database:/s);
    assert.match(text, /password: <<secret:database_password>>/);
    assert.ok(plan.findIndex((s) => s.id === 'adopt-sqlite-port') < plan.findIndex((s) => s.id === 'synapse-config'));
  });

  it('switches certbot to the webroot and the hand-written site off before nginx-http', () => {
    assert.ok(text.includes('$ certbot reconfigure --cert-name matrix.test --webroot -w /var/www/matrix-setup-acme --deploy-hook "systemctl reload nginx" --non-interactive'), text);
    assert.equal(step('adopt-nginx-sites').skip, undefined);
  });

  it('a matrix.org package ports with its venv tool', () => {
    const apt = renderPlanText(buildPlan(ADOPT_STEPS, { answers: { ...answers, synapse: { ...answers.synapse, install: 'apt' } }, target: testTarget('debian-12') }), { target: testTarget('debian-12'), lang: 'en' });
    assert.match(apt, /\/opt\/venvs\/matrix-synapse\/bin\/synapse_port_db --sqlite-database/);
  });
});
