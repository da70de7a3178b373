// Secrets given by reference (*_env, *_file) are written into YAML and INI files: a line break
// of any kind or another control character would change those files (a new top-level key in
// homeserver.yaml, a password silently cut short). They are refused before anything runs,
// naming the key and never the value.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkSecretReferences } from '../../src/secrets/check-references.js';
import { secretValueProblem } from '../../src/secrets/secret-value.js';
import { AnswersError, ExitCode } from '../../src/errors.js';
import { testAnswers } from '../helpers/answers.js';

const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-secret-refs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const BREAKS: Array<[string, string]> = [
  ['CR', 'pass\rword'],
  ['NEL U+0085', 'pass\u0085word'],
  ['LINE SEPARATOR U+2028', 'pass\u2028macaroon_secret_key: x'],
  ['PARAGRAPH SEPARATOR U+2029', 'pass\u2029word'],
  ['a tab', 'pass\tword'],
  ['NUL', 'pass\u0000word'],
  ['ESC', 'pass\u001b[2Jword'],
  ['a byte-order mark', '\ufeffpassword'],
];

function issuesFor(run: () => void) {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof AnswersError, `expected an AnswersError, got ${String(error)}`);
    assert.equal(error.exitCode, ExitCode.usage);
    return error.issues;
  }
  assert.fail('expected the secrets to be refused');
}

describe('secret values', () => {
  it('refuses every kind of line break and control character, naming the code point', () => {
    for (const [name, value] of BREAKS) {
      const problem = secretValueProblem(value);
      assert.ok(problem, `${name} was accepted`);
      assert.match(problem, /U\+[0-9A-F]{4}/, name);
    }
    assert.match(secretValueProblem(' leading') ?? '', /blank/);
    assert.match(secretValueProblem('trailing ') ?? '', /blank/);
    assert.match(secretValueProblem('') ?? '', /empty/);
  });

  it('accepts printable passwords, quotes, YAML syntax and non-ASCII letters included', () => {
    for (const value of ['correct horse battery staple', `it's "quoted": #1 - {x}`, 'pässwörd-日本語', 'a', '%(app)s $HOME \\n']) {
      assert.equal(secretValueProblem(value), undefined, value);
    }
  });
});

describe('secret references in the answers', () => {
  it('an environment variable holding a line break is refused, naming the key and not the value', () => {
    // An environment cannot carry NUL; every other one can.
    for (const [name, value] of BREAKS.filter(([name]) => name !== 'NUL')) {
      process.env.MATRIX_SETUP_TEST_DB_PASSWORD = value;
      try {
        const answers = testAnswers({ database: { password: { env: 'MATRIX_SETUP_TEST_DB_PASSWORD' } } });
        const issues = issuesFor(() => checkSecretReferences(answers, { requirePresent: true }));
        assert.deepEqual(issues.map((i) => i.path), ['database.password_env'], name);
        assert.ok(!issues[0]!.message.includes('word'), `the message quotes the value: ${issues[0]!.message}`);
      } finally {
        delete process.env.MATRIX_SETUP_TEST_DB_PASSWORD;
      }
    }
  });

  it('a file whose first line holds a control character is refused; a CRLF line ending is not one', () => {
    const crInside = join(dir, 'admin-password');
    writeFileSync(crInside, 'first\rsecond\n');
    const issues = issuesFor(() => checkSecretReferences(testAnswers({ admin: { password: { file: crInside } } }), { requirePresent: true }));
    assert.deepEqual(issues.map((i) => i.path), ['admin.password_file']);
    assert.match(issues[0]!.message, /U\+000D/);

    const windows = join(dir, 'smtp-password');
    writeFileSync(windows, 'from-notepad\r\n');
    checkSecretReferences(testAnswers({ email: { smtp_password: { file: windows } } }), { requirePresent: true });
  });

  it('an install needs every referenced secret now; a plan only checks those it can read', () => {
    const answers = testAnswers({ admin: { password: { file: join(dir, 'missing') } }, email: { smtp_password: { env: 'MATRIX_SETUP_TEST_UNSET' } } });
    const issues = issuesFor(() => checkSecretReferences(answers, { requirePresent: true, file: 'answers.yaml' }));
    assert.deepEqual(issues.map((i) => i.path).sort(), ['admin.password_file', 'email.smtp_password_env']);
    checkSecretReferences(answers, { requirePresent: false });
  });
});
