// `plan` on an installed server diffs against the files there, which hold the real secrets
// where the plan has tokens. The diff must show none of them: known values become their
// tokens, unknown ones are masked by the shape of the planned line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandMachineAddresses } from '../../src/host/machine-address-token.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import { maskSecretsForDiff, UNKNOWN_SECRET, type KnownSecret } from '../../src/plan/mask-secrets.js';
import { renderPlanText } from '../../src/plan/render-plan.js';
import { replaceSecretTokens, secretNamesIn, type SecretName } from '../../src/secrets/tokens.js';
import { STEPS } from '../../steps/index.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

const VALUES: Record<SecretName, string> = {
  database_password: 'db-Pässword "quoted" #1',
  database_admin_password: 'admin-of-the-db-0001',
  registration_shared_secret: 'reg-shared-secret-0002',
  macaroon_secret_key: 'macaroon-secret-key-0003',
  form_secret: 'form-secret-0004',
  admin_password: 'admin-password-0005',
  turn_shared_secret: 'turn-shared-secret-0006',
  smtp_password: 'smtp: password 0007',
  registration_token: 'registration-token-0008',
};

const answers = testAnswers({
  turn: { enabled: true },
  email: { enabled: true, smtp_host: 'smtp.example.org', smtp_user: 'matrix@example.org', smtp_password: { file: '/root/smtp-password' }, notif_from: 'Matrix <noreply@example.org>' },
  synapse: { install: 'venv' },
});
const target = testTarget('debian-12');
const plan = buildPlan(STEPS, { answers, target });
const files = plan.flatMap((step) => step.actions.flatMap((action) => (action.kind === 'file' ? [action] : [])));
const secretFiles = files.filter((file) => secretNamesIn(file.content).length > 0);

/** The files as the install wrote them: the real values (and this machine's addresses) where the plan has tokens. */
function installed(values: Record<SecretName, string>): Map<string, string> {
  return new Map(files.map((file) => [file.path, replaceSecretTokens(expandMachineAddresses(file.content), (name) => values[name])]));
}

function render(onMachine: Map<string, string>, known: KnownSecret[]): string {
  return renderPlanText(plan, { target, currentContent: (path) => onMachine.get(path), knownSecrets: known });
}

function assertNoValue(text: string, values: Record<SecretName, string>): void {
  for (const [name, value] of Object.entries(values)) assert.ok(!text.includes(value), `${name} is in the plan:\n${text}`);
}

describe('plan: secrets in files on the machine', () => {
  it('the planned files hold secrets (database, Synapse, TURN, SMTP): the test covers them', () => {
    const names = new Set(secretFiles.flatMap((file) => secretNamesIn(file.content)));
    for (const name of ['database_password', 'registration_shared_secret', 'macaroon_secret_key', 'form_secret', 'turn_shared_secret', 'smtp_password'] as const) {
      assert.ok(names.has(name), `${name} is in no planned file`);
    }
  });

  it('with the values known (root reads secrets.yaml and the referenced files), an installed server shows every file unchanged', () => {
    const known = Object.entries(VALUES).map(([name, value]) => ({ name: name as SecretName, value }));
    const text = render(installed(VALUES), known);
    assertNoValue(text, VALUES);
    for (const file of secretFiles) assert.match(text, new RegExp(`file ${file.path.replace(/[.]/g, '\\.')} .*\\n {4}\\(unchanged\\)`), file.path);
  });

  it('with values it cannot read, the diff masks them by the shape of the planned line', () => {
    const other = Object.fromEntries(Object.entries(VALUES).map(([name, value]) => [name, `${value}-elsewhere`])) as Record<SecretName, string>;
    const text = render(installed(other), []);
    assertNoValue(text, other);
    assert.match(text, /static-auth-secret=<<secret value not shown>>/);
    assert.match(text, new RegExp(`^ {4}- {7}${UNKNOWN_SECRET.replace(/[<>]/g, '.')}$`, 'm'), 'a block-scalar secret line is masked');
  });

  it('a changed secret shows as a change without either value', () => {
    const known = Object.entries(VALUES).map(([name, value]) => ({ name: name as SecretName, value }));
    const onMachine = installed({ ...VALUES, turn_shared_secret: 'the-old-turn-secret-9999' });
    const text = render(onMachine, known);
    assertNoValue(text, { ...VALUES, turn_shared_secret: 'the-old-turn-secret-9999' });
    assert.match(text, /- static-auth-secret=<<secret value not shown>>\n {4}\+ static-auth-secret=<<secret:turn_shared_secret>>/);
  });

  it('a password that is also an ordinary word of the file does not show up as a change', () => {
    const planned = 'database:\n  name: psycopg2\n  args:\n    dbname: synapse\n    password: |-\n      <<secret:database_password>>\n';
    const current = planned.replace('<<secret:database_password>>', 'synapse');
    const masked = maskSecretsForDiff(current, planned, [{ name: 'database_password', value: 'synapse' }]);
    assert.equal(masked.current, masked.planned);
    assert.ok(!masked.current.includes('synapse'));
  });
});
