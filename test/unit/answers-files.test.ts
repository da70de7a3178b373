import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadAnswersFile } from '../../src/answers/load.js';
import { resolveAnswers } from '../../src/answers/resolve.js';
import { answersToYaml } from '../../src/answers/save.js';
import { allValueFields } from '../../src/answers/schema-index.js';
import { validateAnswersDocument } from '../../src/answers/validate.js';
import { AnswersError, UsageError } from '../../src/errors.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'answers');

describe('answers: example files', () => {
  it('examples/answers.yaml loads with the documented choices', () => {
    const answers = loadAnswersFile(join(ROOT, 'examples', 'answers.yaml'));
    assert.equal(answers.server_name, 'example.org');
    assert.equal(answers.synapse_host, 'matrix.example.org');
    assert.equal(answers.delegation, 'auto');
    assert.equal(answers.tls.mode, 'letsencrypt');
    assert.equal(answers.tls.email, 'admin@example.org');
    assert.equal(answers.database.mode, 'local');
    assert.equal(answers.synapse.install, 'auto');
    assert.equal(answers.element.enabled, true);
    assert.equal(answers.element.host, 'element.example.org');
  });

  it('examples/answers.yaml mentions every key of the schema', () => {
    const text = readFileSync(join(ROOT, 'examples', 'answers.yaml'), 'utf8');
    for (const [path, field] of allValueFields()) {
      const key = path.split('.').pop()!;
      const written = field.type === 'secret' ? `${key}_file:` : `${key}:`;
      assert.match(text, new RegExp(`^\\s*(# )?${written}`, 'm'), `${path} is not in the example`);
    }
  });

  it('examples/answers-minimal.yaml loads and takes the defaults', () => {
    const answers = loadAnswersFile(join(ROOT, 'examples', 'answers-minimal.yaml'));
    assert.deepEqual(answers, resolveAnswers({ server_name: 'example.org', tls: { email: 'admin@example.org' } }));
  });

  it('both examples point editors at the JSON Schema', () => {
    for (const name of ['answers.yaml', 'answers-minimal.yaml']) {
      const first = readFileSync(join(ROOT, 'examples', name), 'utf8').split('\n')[0];
      assert.equal(first, '# yaml-language-server: $schema=../schema/answers.schema.json');
    }
  });
});

describe('answers: defaults', () => {
  const minimal = 'version: 1\nserver_name: chat.example.net\ntls:\n  email: ops@example.net\n';

  it('derives host names from server_name', () => {
    const answers = validateAnswersDocument(minimal);
    assert.equal(answers.synapse_host, 'chat.example.net');
    assert.equal(answers.element.host, 'element.chat.example.net');
  });

  it('fills constant defaults', () => {
    const a = validateAnswersDocument(minimal);
    assert.equal(a.version, 1);
    assert.equal(a.federation, true);
    assert.equal(a.delegation, 'auto');
    assert.equal(a.tls.mode, 'letsencrypt');
    assert.equal(a.tls.acme_directory, 'https://acme-v02.api.letsencrypt.org/directory');
    assert.deepEqual(a.database, { mode: 'local', name: 'synapse', user: 'synapse_user', host: '127.0.0.1', port: 5432, sslmode: 'prefer' });
    assert.equal(a.synapse.max_upload_size, '50M');
    assert.equal(a.synapse.open_files_limit, 65536);
    assert.equal(a.admin.username, 'admin');
    assert.equal(a.admin.password, undefined);
    assert.equal(a.turn.min_port, 49152);
    assert.equal(a.email.smtp_port, 587);
    assert.equal(a.firewall, 'auto');
    assert.equal(a.automatic_updates, false);
  });

  it('derives defaults that depend on other answers', () => {
    const external = validateAnswersDocument(`${minimal}database:\n  mode: external\n  host: db.example.net\n  password_env: PG\n`);
    assert.equal(external.database.sslmode, 'verify-full', 'an external database is only trusted with a verified certificate');
    assert.equal(external.database.host, 'db.example.net');
    const smtps = validateAnswersDocument(`${minimal}email:\n  tls: tls\n`);
    assert.equal(smtps.email.smtp_port, 465);
    const explicitHost = validateAnswersDocument(`${minimal}synapse_host: matrix.example.net\n`);
    assert.equal(explicitHost.element.host, 'element.chat.example.net', 'element.host follows server_name, not synapse_host');
  });

  it('resolving drops keys that do not apply, so they cannot leak into a saved file', () => {
    const answers = resolveAnswers({ server_name: 'example.org', tls: { mode: 'self-signed', email: 'a@example.org', cert_path: '/x' } });
    assert.equal(answers.tls.email, undefined);
    assert.equal(answers.tls.cert_path, undefined);
  });
});

describe('answers: save and load', () => {
  const variants = [
    readFileSync(join(ROOT, 'examples', 'answers.yaml'), 'utf8'),
    readFileSync(join(ROOT, 'examples', 'answers-minimal.yaml'), 'utf8'),
    readFileSync(join(FIXTURES, 'external-database.yaml'), 'utf8'),
  ];

  it('round-trips: load(save(a)) deep-equals a', () => {
    for (const text of variants) {
      const answers = validateAnswersDocument(text);
      const saved = answersToYaml(answers);
      assert.deepEqual(validateAnswersDocument(saved), answers);
    }
  });

  it('round-trips resolved wizard drafts with secrets and optional keys', () => {
    const answers = resolveAnswers({
      server_name: 'example.org',
      synapse_host: 'matrix.example.org',
      federation: false,
      tls: { mode: 'self-signed' },
      admin: { username: 'root', password: { env: 'ADMIN_PASSWORD' } },
      element: { version: '1.11.90', tarball: 'https://example.org/element.tar.gz', sha256: 'ab'.repeat(32) },
      synapse: { version: '1.120.0rc1', cache_factor: 2.5 },
      turn: { enabled: true, external_ip: '2001:db8::1' },
    });
    assert.deepEqual(validateAnswersDocument(answersToYaml(answers)), answers);
  });

  it('is deterministic and writes secrets only as references', () => {
    const answers = validateAnswersDocument(readFileSync(join(FIXTURES, 'external-database.yaml'), 'utf8'));
    const first = answersToYaml(answers);
    assert.equal(answersToYaml(structuredClone(answers)), first);
    assert.match(first, /^ {2}password_env: SYNAPSE_DB_PASSWORD$/m);
    assert.match(first, /^ {2}smtp_password_file: \/root\/smtp-password$/m);
    assert.doesNotMatch(first, /^\s*(password|smtp_password|admin_password):/m);
  });

  it('leaves out keys that do not apply and comments out unset optional ones', () => {
    const saved = answersToYaml(resolveAnswers({ server_name: 'example.org', tls: { email: 'a@example.org' } }));
    assert.doesNotMatch(saved, /^\s*(# )?cert_path:/m);
    assert.doesNotMatch(saved, /^\s*(# )?sslmode:/m);
    assert.match(saved, /^ {2}# password_file: \/root\/matrix-admin-password$/m);
    assert.match(saved, /^# Your Matrix domain/m);
  });

  it('quotes values YAML would otherwise read as numbers', () => {
    const answers = resolveAnswers({ server_name: 'example.org', tls: { email: 'a@example.org' }, element: { version: '1.11.90', tarball: '/root/e.tgz', sha256: '1'.repeat(64) } });
    assert.deepEqual(validateAnswersDocument(answersToYaml(answers)), answers);
  });
});

describe('answers: loading files', () => {
  it('a missing file is a usage error that names the path', () => {
    assert.throws(() => loadAnswersFile('/nonexistent/answers.yaml'), (error: unknown) => {
      assert.ok(error instanceof UsageError);
      assert.match(error.message, /not found: \/nonexistent\/answers.yaml/);
      return true;
    });
  });

  it('a directory or a binary file is refused; an invalid file names itself in the issues', () => {
    const dir = mkdtempSync(join(tmpdir(), 'answers-'));
    try {
      assert.throws(() => loadAnswersFile(dir), UsageError);
      const binary = join(dir, 'image.png');
      writeFileSync(binary, Buffer.from([0x89, 0x50, 0x00, 0x01]));
      assert.throws(() => loadAnswersFile(binary), /not a text file/);
      const bad = join(dir, 'bad.yaml');
      writeFileSync(bad, 'version: 1\n');
      assert.throws(() => loadAnswersFile(bad), (error: unknown) => error instanceof AnswersError && error.file === bad && error.message.includes(`${bad}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
