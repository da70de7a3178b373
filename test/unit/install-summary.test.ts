import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { addUserCommand } from '../../src/cli/install-report.js';
import { formatInstallSummary, installSummary } from '../../src/render/install-summary.js';
import type { SecretName } from '../../src/secrets/tokens.js';
import { takeSecretsToShow } from '../../src/secrets/shown-once.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

const SECRETS_FILE = '/var/lib/matrix-setup/secrets.yaml';

test('the finished-install summary: addresses, the admin, secrets shown this once, what to do next', () => {
  const answers = testAnswers({ synapse: { registration: 'token' } });
  const summary = installSummary({
    answers,
    adminPassword: 'correct-horse',
    registrationToken: 'tok-123',
    secretsFile: SECRETS_FILE,
    addUserCommand: addUserCommand(answers, testTarget('debian-12')),
  });
  const text = formatInstallSummary(summary, 'en');
  assert.match(text, /^Your Matrix homeserver example\.org is installed\.\n/);
  assert.match(text, /^ {2}Homeserver URL: https:\/\/matrix\.example\.org$/m);
  assert.match(text, /^ {2}Element Web: {4}https:\/\/element\.example\.org$/m);
  assert.match(text, /^ {2}Admin user: {5}@admin:example\.org$/m);
  assert.match(text, /^ {2}Admin password: correct-horse {3}\(shown once; kept in \/var\/lib\/matrix-setup\/secrets\.yaml, mode 0600\)$/m);
  assert.match(text, /^ {2}Registration token: tok-123 {3}\(shown once; kept in /m);
  assert.match(text, /Invite people: they create an account at https:\/\/element\.example\.org with the registration token above \(10 accounts within 7 days of its creation\)/, 'the limits the token was created with, the defaults when the answers give none');
  const limited = formatInstallSummary(installSummary({ answers: testAnswers({ synapse: { registration: 'token', registration_token_uses: 1, registration_token_days: 30 } }), registrationToken: 'tok', secretsFile: SECRETS_FILE, addUserCommand: 'x' }), 'en');
  assert.match(limited, /with the registration token above \(1 account within 30 days of its creation\)/);
  // matrix.org's package keeps the registration secret in matrix-setup's drop-in.
  assert.match(text, /Add users yourself: register_new_matrix_user -c \/etc\/matrix-synapse\/conf\.d\/zz-matrix-setup\.yaml http:\/\/127\.0\.0\.1:8008/);
  assert.match(text, /Open TCP ports 80, 443, 8448 in your cloud provider's firewall/);
  assert.match(text, /matrix-setup verify$/m);
  assert.equal(text.match(/correct-horse/g)?.length, 1, 'the password appears once');

  const later = formatInstallSummary(installSummary({ answers, secretsFile: SECRETS_FILE, addUserCommand: 'x' }), 'en');
  assert.doesNotMatch(later, /Admin password|Registration token:/);
  assert.match(later, /Invite people with a registration token: POST \/_synapse\/admin\/v1\/registration_tokens\/new/);
});

test('a virtualenv install adds users with its own register tool and homeserver.yaml', () => {
  assert.equal(addUserCommand(testAnswers(), testTarget('rocky-9')), '/opt/venvs/matrix-synapse/bin/register_new_matrix_user -c /etc/matrix-synapse/homeserver.yaml http://127.0.0.1:8008');
});

test('generated secrets are shown by the first run that finishes, never again', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shown-once-'));
  try {
    const values: Partial<Record<SecretName, string>> = { admin_password: 'pw', registration_token: 'tok' };
    const secrets = { get: (name: SecretName) => values[name]!, isGenerated: (name: SecretName) => name === 'admin_password' };
    const answers = testAnswers({ synapse: { registration: 'token' } });
    assert.deepEqual(takeSecretsToShow(dir, answers, secrets), { adminPassword: 'pw', registrationToken: 'tok' });
    assert.ok(existsSync(join(dir, 'admin-password-shown')) && existsSync(join(dir, 'registration-token-shown')));
    assert.deepEqual(takeSecretsToShow(dir, answers, secrets), {});
    // A password from the answers is the user's own: never shown.
    const other = mkdtempSync(join(tmpdir(), 'shown-once-'));
    try {
      assert.deepEqual(takeSecretsToShow(other, testAnswers(), { ...secrets, isGenerated: () => false }), {});
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
