import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { validateAnswersDocument } from '../../src/answers/validate.js';
import { AnswersError, ExitCode, type AnswersIssue } from '../../src/errors.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'answers');
const BASE = 'version: 1\nserver_name: example.org\ntls:\n  email: admin@example.org\n';

function issuesOf(text: string, file?: string): AnswersIssue[] {
  try {
    validateAnswersDocument(text, file);
  } catch (error) {
    assert.ok(error instanceof AnswersError, `expected AnswersError, got ${String(error)}`);
    assert.equal(error.exitCode, ExitCode.usage);
    return error.issues;
  }
  assert.fail('expected the answers to be rejected');
}

function issueAt(text: string, path: string): AnswersIssue {
  const issues = issuesOf(text);
  const issue = issues.find((i) => i.path === path);
  assert.ok(issue, `no issue for ${path}; got ${JSON.stringify(issues)}`);
  return issue;
}

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

describe('answers validation: collecting issues', () => {
  it('reports every problem of a file at once, each with path, line and column', () => {
    const issues = issuesOf(fixture('many-problems.yaml'), 'many-problems.yaml');
    const byPath = new Map(issues.map((i) => [i.path, i]));
    const expect = (path: string, line: number, column: number, suggestion?: string) => {
      const issue = byPath.get(path);
      assert.ok(issue, `missing issue for ${path}`);
      assert.equal(issue.line, line, `${path} line`);
      assert.equal(issue.column, column, `${path} column`);
      if (suggestion) assert.equal(issue.suggestion, suggestion, `${path} suggestion`);
    };
    expect('sever_name', 2, 1, 'server_name');
    expect('synapse_host', 3, 15);
    expect('tls.emial', 6, 3, 'email');
    expect('tls.email', 5, 3);
    expect('database.host', 9, 9);
    expect('database.password', 10, 3);
    expect('synapse.max_upload_size', 12, 20, '50M');
    expect('synapse.presence', 13, 13, 'true');
    expect('turn.max_port', 16, 3);
    assert.ok(byPath.has('server_name'), 'missing server_name is reported too');
    assert.equal(issues.length, 10);
  });

  it('formats the issues with the file name, line and column in the message', () => {
    try {
      validateAnswersDocument(fixture('many-problems.yaml'), 'many-problems.yaml');
      assert.fail('expected rejection');
    } catch (error) {
      assert.ok(error instanceof AnswersError);
      assert.match(error.message, /Invalid answers \(10 problems\)/);
      assert.match(error.message, /many-problems\.yaml:2:1 {2}sever_name: unknown key \(did you mean "server_name"\?\)/);
      assert.equal(error.file, 'many-problems.yaml');
      assert.ok(error.hint);
    }
  });

  it('lists issues in file order', () => {
    const lines = issuesOf(fixture('many-problems.yaml')).map((i) => i.line ?? 0);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
  });

  it('reports YAML syntax errors with their position', () => {
    const issues = issuesOf(fixture('syntax-error.yaml'));
    assert.ok(issues.length >= 1);
    assert.match(issues[0]!.message, /^YAML syntax: /);
    assert.equal(issues[0]!.line, 5);
  });

  it('rejects duplicate keys', () => {
    const [issue] = issuesOf(fixture('duplicate-key.yaml'));
    assert.match(issue!.message, /unique/);
    assert.equal(issue!.line, 3);
  });

  it('rejects an empty file and a file that is not a mapping', () => {
    assert.match(issuesOf('')[0]!.message, /empty/);
    assert.match(issuesOf('# only a comment\n')[0]!.message, /empty/);
    assert.match(issuesOf('- version: 1\n')[0]!.message, /mapping/);
  });
});

describe('answers validation: version', () => {
  it('requires version 1', () => {
    const issue = issueAt('server_name: example.org\ntls:\n  email: admin@example.org\n', 'version');
    assert.match(issue.message, /required/);
  });

  it('explains a newer version', () => {
    const issue = issueAt(fixture('wrong-version.yaml'), 'version');
    assert.match(issue.message, /version 2/);
    assert.deepEqual([issue.line, issue.column], [1, 10]);
  });

  it('rejects version "1" as text', () => {
    assert.match(issueAt(BASE.replace('version: 1', 'version: "1"'), 'version').message, /must be 1/);
  });
});

describe('answers validation: unknown keys', () => {
  it('suggests the closest key at the same level', () => {
    assert.equal(issueAt(`${BASE}sever_name: x\n`, 'sever_name').suggestion, 'server_name');
    assert.equal(issueAt('version: 1\nserver_name: example.org\ntls:\n  emial: admin@example.org\n', 'tls.emial').suggestion, 'email');
    assert.equal(issueAt(`${BASE}database:\n  nmae: synapse\n`, 'database.nmae').suggestion, 'name');
    assert.equal(issueAt(`${BASE}server-name: x\n`, 'server-name').suggestion, 'server_name');
  });

  it('points at the section a key belongs to', () => {
    const issue = issueAt(`${BASE}acme_directory: https://example.org/dir\n`, 'acme_directory');
    assert.equal(issue.suggestion, 'tls.acme_directory');
    assert.deepEqual([issue.line, issue.column], [5, 1]);
  });

  it('names the sections of a key that lives in several', () => {
    const issue = issueAt(`${BASE}mode: external\n`, 'mode');
    assert.match(issue.message, /tls\.mode or database\.mode/);
  });

  it('lists the accepted keys when nothing is close', () => {
    const issue = issueAt(`${BASE}turn:\n  banana: 1\n`, 'turn.banana');
    assert.equal(issue.suggestion, undefined);
    assert.match(issue.message, /turn accepts: enabled, external_ip/);
  });
});

describe('answers validation: secrets by reference only', () => {
  it('rejects an inline password and explains the reference forms', () => {
    const issue = issueAt(fixture('inline-password.yaml'), 'admin.password');
    assert.match(issue.message, /password_file: \/path/);
    assert.match(issue.message, /password_env: VARIABLE_NAME/);
    assert.deepEqual([issue.line, issue.column], [7, 3]);
    assert.doesNotMatch(JSON.stringify(issue), /horse/, 'the secret itself is never echoed');
  });

  it('rejects inline smtp and database admin passwords', () => {
    const text = `${BASE}database:\n  mode: external\n  host: db\n  password_env: PG\n  admin_user: postgres\n  admin_password: x\nemail:\n  smtp_password: y\n`;
    const paths = issuesOf(text).map((i) => i.path);
    assert.ok(paths.includes('database.admin_password'));
    assert.ok(paths.includes('email.smtp_password'));
  });

  it('maps *_file and *_env onto SecretRef fields', () => {
    const answers = validateAnswersDocument(`${BASE}admin:\n  password_file: /root/admin\nemail:\n  smtp_user: me\n  smtp_password_env: SMTP_PASS\n`);
    assert.deepEqual(answers.admin.password, { file: '/root/admin' });
    assert.deepEqual(answers.email.smtp_password, { env: 'SMTP_PASS' });
  });

  it('rejects both forms at once, relative files and bad variable names', () => {
    const both = issueAt(`${BASE}admin:\n  password_file: /root/a\n  password_env: A\n`, 'admin.password_env');
    assert.match(both.message, /either/);
    assert.deepEqual([both.line, both.column], [7, 3]);
    assert.match(issueAt(`${BASE}admin:\n  password_file: root/a\n`, 'admin.password_file').message, /absolute/);
    assert.match(issueAt(`${BASE}admin:\n  password_env: 1-A\n`, 'admin.password_env').message, /environment variable/);
  });
});

describe('answers validation: host names', () => {
  const host = (value: string, key = 'synapse_host') => issueAt(`${BASE}${key}: ${JSON.stringify(value)}\n`, key);

  it('rejects shell metacharacters, leading dashes and spaces', () => {
    assert.match(host('matrix.example.org;reboot').message, /";"/);
    assert.match(host('-matrix.example.org').message, /hyphen/);
    assert.match(host('matrix .example.org').message, /spaces/);
    assert.match(host('$(id).example.org').message, /"\$"/);
    assert.match(host('matrix.example.org`').message, /"`"/);
  });

  it('checks label and total lengths, empty labels and IP-like names', () => {
    assert.match(host(`${'a'.repeat(64)}.example.org`).message, /at most 63/);
    assert.match(host(`${'abcdefghi.'.repeat(26)}org`).message, /at most 253/);
    assert.match(host('matrix..example.org').message, /empty label/);
    assert.match(host('203.0.113.10').message, /IP address/);
    assert.match(host('matrix').message, /fully qualified/);
  });

  it('offers corrections for upper case, a trailing dot and URLs', () => {
    assert.equal(host('Matrix.Example.org').suggestion, 'matrix.example.org');
    assert.equal(host('matrix.example.org.').suggestion, 'matrix.example.org');
    assert.equal(host('https://matrix.example.org/').suggestion, 'matrix.example.org');
  });

  it('rejects a port in server_name with an explanation', () => {
    const issue = issueAt(fixture('server-name-with-port.yaml'), 'server_name');
    assert.match(issue.message, /port in server_name is not supported/);
    assert.equal(issue.suggestion, 'example.org');
    assert.deepEqual([issue.line, issue.column], [2, 14]);
  });

  it('checks element.host, database.host and email.smtp_host', () => {
    assert.ok(issuesOf(`${BASE}element:\n  host: "element;example.org"\n`).some((i) => i.path === 'element.host'));
    const db = issueAt(`${BASE}database:\n  mode: external\n  host: "db|x"\n  password_env: P\n`, 'database.host');
    assert.deepEqual([db.line, db.column], [7, 9]);
    assert.ok(issuesOf(`${BASE}email:\n  smtp_host: "smtp example"\n`).some((i) => i.path === 'email.smtp_host'));
  });

  it('refuses certificate paths that nginx or coturn would read as syntax, naming the key', () => {
    const existing = (cert: string, key = '/etc/ssl/k.pem') => `${BASE.replace(/tls:\n  email: admin@example.org\n/, '')}tls:\n  mode: existing\n  cert_path: ${JSON.stringify(cert)}\n  key_path: ${JSON.stringify(key)}\n`;
    for (const bad of ['/a.pem; include /x.conf;', '/etc/ssl/my cert.pem', '/etc/ssl/$host.pem', '/etc/ssl/{a}.pem', '/etc/ssl/a#b.pem', "/etc/ssl/a'b.pem", '/etc/ssl/a\\b.pem', '/etc/ssl/%i.pem']) {
      const issue = issueAt(existing(bad), 'tls.cert_path');
      assert.match(issue.message, /configuration files would read as syntax/, bad);
      assert.equal(issue.line, 5, bad);
    }
    assert.match(issueAt(existing('/etc/ssl/c.pem', '/k.pem\tx'), 'tls.key_path').message, /control character/);
    assert.match(issueAt(`${BASE}  acme_ca_bundle: "/ca bundle.pem"\n`, 'tls.acme_ca_bundle').message, /a space/);
    const fine = validateAnswersDocument(existing('/etc/letsencrypt/live/chat.example.org/fullchain.pem', '/etc/ssl/private/key_2026-01+a@b=c,d:e~f.pem'));
    assert.equal(fine.tls.cert_path, '/etc/letsencrypt/live/chat.example.org/fullchain.pem');
  });

  it('accepts IP addresses and single labels for database and SMTP hosts', () => {
    const answers = validateAnswersDocument(`${BASE}database:\n  mode: external\n  host: 10.0.0.7\n  password_env: P\nemail:\n  smtp_host: localhost\n`);
    assert.equal(answers.database.host, '10.0.0.7');
    assert.equal(answers.email.smtp_host, 'localhost');
  });
});

describe('answers validation: types, choices and formats', () => {
  it('checks choices and suggests the closest', () => {
    const issue = issueAt('version: 1\nserver_name: example.org\ntls:\n  mode: letsencrpyt\n', 'tls.mode');
    assert.equal(issue.suggestion, 'letsencrypt');
    assert.match(issue.message, /one of: letsencrypt, existing, self-signed/);
    assert.deepEqual([issue.line, issue.column], [4, 9]);
  });

  it('checks types', () => {
    assert.match(issueAt(`${BASE}federation: "yes"\n`, 'federation').message, /true or false/);
    assert.match(issueAt(`${BASE}database:\n  name: 5\n`, 'database.name').message, /text/);
    assert.match(issueAt(`${BASE}turn:\n  min_port: "50000"\n`, 'turn.min_port').message, /without quotes/);
    assert.match(issueAt(`${BASE}turn:\n  min_port: 50000.5\n`, 'turn.min_port').message, /whole number/);
    assert.match(issueAt('version: 1\nserver_name: example.org\ntls: letsencrypt\n', 'tls').message, /mapping/);
    assert.match(issueAt(`${BASE}synapse:\n  version: [1]\n`, 'synapse.version').message, /list/);
  });

  it('tells to quote a version that YAML reads as a number', () => {
    const issue = issueAt(`${BASE}synapse:\n  version: 1.10\n`, 'synapse.version');
    assert.match(issue.message, /quotes: "1\.10"/);
  });

  it('checks emails, URLs, sizes, ports, paths, checksums and versions', () => {
    assert.match(issueAt('version: 1\nserver_name: example.org\ntls:\n  email: admin\n', 'tls.email').message, /email address/);
    assert.match(issueAt('version: 1\nserver_name: example.org\ntls:\n  email: admin@-x.org\n', 'tls.email').message, /domain/);
    const url = issueAt(`${BASE.replace('tls:\n', 'tls:\n  acme_directory: http://127.0.0.1:14000/dir\n')}`, 'tls.acme_directory');
    assert.match(url.message, /https/);
    assert.equal(url.suggestion, 'https://127.0.0.1:14000/dir');
    assert.match(issueAt(`${BASE}synapse:\n  max_upload_size: 100\n`, 'synapse.max_upload_size').message, /text/);
    assert.match(issueAt(`${BASE}synapse:\n  max_upload_size: "100"\n`, 'synapse.max_upload_size').message, /unit/);
    assert.match(issueAt(`${BASE}synapse:\n  max_upload_size: lots\n`, 'synapse.max_upload_size').message, /50M/);
    assert.match(issueAt(`${BASE}database:\n  mode: external\n  host: db\n  port: 70000\n  password_env: P\n`, 'database.port').message, /between 1 and 65535/);
    assert.match(issueAt(`${BASE}database:\n  mode: external\n  host: db\n  port: 0\n  password_env: P\n`, 'database.port').message, /between 1 and 65535/);
    assert.match(issueAt('version: 1\nserver_name: example.org\ntls:\n  mode: existing\n  cert_path: cert.pem\n  key_path: /k\n', 'tls.cert_path').message, /absolute/);
    assert.match(issueAt(`${BASE}element:\n  version: 1.11.90\n  sha256: abc\n`, 'element.sha256').message, /64 hex/);
    assert.equal(issueAt(`${BASE}element:\n  version: v1.11.90\n`, 'element.version').suggestion, '1.11.90');
    assert.match(issueAt(`${BASE}synapse:\n  version: newest\n`, 'synapse.version').message, /latest/);
    assert.equal(issueAt(`${BASE}admin:\n  username: "@Admin:example.org"\n`, 'admin.username').suggestion, 'admin');
    assert.equal(issueAt(`${BASE}database:\n  user: Synapse-User\n`, 'database.user').suggestion, 'synapse_user');
    assert.match(issueAt(`${BASE}turn:\n  external_ip: 300.1.1.1\n`, 'turn.external_ip').message, /IPv4 or IPv6/);
    assert.match(issueAt(`${BASE}synapse:\n  cache_factor: 0\n`, 'synapse.cache_factor').message, /greater than 0/);
  });

  it('accepts an https URL for a private ACME server', () => {
    const answers = validateAnswersDocument(BASE.replace('tls:\n', 'tls:\n  acme_directory: https://127.0.0.1:14000/dir\n  acme_ca_bundle: /tmp/pebble.minica.pem\n'));
    assert.equal(answers.tls.acme_directory, 'https://127.0.0.1:14000/dir');
    assert.equal(answers.tls.acme_ca_bundle, '/tmp/pebble.minica.pem');
  });
});

describe('answers validation: rules between keys', () => {
  it('existing certificates need cert_path and key_path, located at tls.mode', () => {
    const issues = issuesOf(fixture('existing-without-files.yaml'));
    const cert = issues.find((i) => i.path === 'tls.cert_path');
    assert.ok(cert && issues.some((i) => i.path === 'tls.key_path'));
    assert.deepEqual([cert.line, cert.column], [4, 3]);
    const email = issues.find((i) => i.path === 'tls.email');
    assert.match(email!.message, /only applies when tls.mode is letsencrypt/);
  });

  it("Let's Encrypt needs an email", () => {
    const issue = issueAt('version: 1\nserver_name: example.org\n', 'tls.email');
    assert.match(issue.message, /required when tls.mode is letsencrypt/);
  });

  it('an external database needs a host and a password reference', () => {
    const issues = issuesOf(`${BASE}database:\n  mode: external\n`);
    const host = issues.find((i) => i.path === 'database.host');
    const password = issues.find((i) => i.path === 'database.password');
    assert.deepEqual([host?.line, host?.column], [6, 3]);
    assert.match(password!.message, /database.password_file or database.password_env/);
  });

  it('external-only keys are rejected for a local database; the port applies to both', () => {
    const issue = issueAt(`${BASE}database:\n  host: localhost\n  port: 5433\n`, 'database.host');
    assert.match(issue.message, /database.mode is external/);
    assert.ok(!issuesOf(`${BASE}database:\n  host: localhost\n  port: 5433\n`).some((i) => i.path === 'database.port'));
  });

  it('email needs an SMTP host and a sender; user and password go together', () => {
    const issues = issuesOf(`${BASE}email:\n  enabled: true\n  smtp_user: me\n`);
    assert.deepEqual(issues.map((i) => i.path).sort(), ['email.notif_from', 'email.smtp_host', 'email.smtp_password']);
    assert.ok(issuesOf(`${BASE}email:\n  smtp_password_env: X\n`).some((i) => i.path === 'email.smtp_user'));
    const clear = issuesOf(`${BASE}email:\n  enabled: true\n  smtp_host: smtp.example.org\n  tls: none\n  smtp_user: u\n  smtp_password_env: P\n  notif_from: x@example.org\n`);
    assert.deepEqual(clear.map((i) => i.path), ['email.tls']);
  });

  it('TURN ports: min below max', () => {
    const issue = issueAt(`${BASE}turn:\n  min_port: 50000\n  max_port: 50000\n`, 'turn.max_port');
    assert.deepEqual([issue.line, issue.column], [7, 3]);
    assert.ok(issuesOf(`${BASE}turn:\n  private_ip: 10.0.0.1\n`).some((i) => i.path === 'turn.private_ip'));
  });

  it('an Element tarball needs its sha256', () => {
    const issue = issueAt(`${BASE}element:\n  tarball: /root/element.tar.gz\n`, 'element.sha256');
    assert.match(issue.message, /required when element.tarball is set/);
    assert.equal(issue.line, 6);
    assert.ok(issuesOf(`${BASE}element:\n  sha256: ${'a'.repeat(64)}\n`).some((i) => i.path === 'element.sha256'));
  });

  it('well-known delegation needs synapse_host different from server_name', () => {
    const issue = issueAt(`${BASE}delegation: well-known\n`, 'delegation');
    assert.match(issue.message, /synapse_host/);
    assert.equal(issue.line, 5);
    validateAnswersDocument(`${BASE}delegation: well-known\nsynapse_host: matrix.example.org\n`);
  });

  it('self-signed certificates cannot federate; open registration needs email', () => {
    assert.match(issueAt('version: 1\nserver_name: example.org\ntls:\n  mode: self-signed\n', 'tls.mode').message, /federation: false/);
    validateAnswersDocument('version: 1\nserver_name: example.org\nfederation: false\ntls:\n  mode: self-signed\n');
    assert.match(issueAt(`${BASE}synapse:\n  registration: open\n`, 'synapse.registration').message, /email/);
  });

  it('a rule stays quiet when the key or section it reads is itself invalid', () => {
    const issues = issuesOf('version: 1\nserver_name: example.org\ntls:\n  mode: letsencrpyt\n');
    assert.deepEqual(issues.map((i) => i.path), ['tls.mode']);
    const section = issuesOf('version: 1\nserver_name: example.org\ntls:\n  - email: a@example.org\n');
    assert.deepEqual(section.map((i) => i.path), ['tls']);
  });
});

describe('answers validation: valid files', () => {
  it('loads a file using most options', () => {
    const answers = validateAnswersDocument(fixture('external-database.yaml'));
    assert.equal(answers.database.port, 6432);
    assert.deepEqual(answers.database.password, { env: 'SYNAPSE_DB_PASSWORD' });
    assert.equal(answers.synapse.cache_factor, 1.5);
    assert.equal(answers.email.smtp_port, 465, 'implicit TLS defaults to port 465');
    assert.equal(answers.element.host, 'element.example.com');
  });

  it('treats an empty value or section as not given', () => {
    const answers = validateAnswersDocument(`${BASE}synapse_host:\nsynapse:\n`);
    assert.equal(answers.synapse_host, 'example.org');
    assert.equal(answers.synapse.max_upload_size, '50M');
  });

  it('accepts a byte-order mark and anchors', () => {
    const answers = validateAnswersDocument(`\uFEFF${BASE}synapse_host: &h matrix.example.org\nelement:\n  host: *h\n`);
    assert.equal(answers.element.host, 'matrix.example.org');
  });
});
