// The generated JSON Schema, checked with a real validator: it must accept every valid
// answers file matrix-setup accepts and reject the mistakes it can express.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { answersJsonSchema } from '../../src/answers/json-schema.js';

const ROOT = join(import.meta.dirname, '..', '..');
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validate = ajv.compile(answersJsonSchema());
const accepts = (text: string) => validate(parse(text));
const BASE = 'version: 1\nserver_name: example.org\ntls:\n  email: admin@example.org\n';

describe('answers: JSON Schema with a validator', () => {
  it('accepts the example files and the valid fixture', () => {
    for (const file of ['examples/answers.yaml', 'examples/answers-minimal.yaml', 'test/fixtures/answers/external-database.yaml']) {
      assert.ok(accepts(readFileSync(join(ROOT, file), 'utf8')), `${file}: ${JSON.stringify(validate.errors)}`);
    }
  });

  it('rejects unknown keys, inline secrets and both secret forms', () => {
    assert.equal(accepts(`${BASE}sever_name: x\n`), false);
    assert.equal(accepts(`${BASE}admin:\n  password: hunter2\n`), false);
    assert.equal(accepts(`${BASE}admin:\n  password_file: /a\n  password_env: A\n`), false);
  });

  it('expresses the conditions between sibling keys', () => {
    assert.equal(accepts('version: 1\nserver_name: example.org\n'), false, "Let's Encrypt (the default) needs an email");
    assert.equal(accepts('version: 1\nserver_name: example.org\ntls:\n  mode: existing\n'), false);
    assert.equal(accepts('version: 1\nserver_name: example.org\ntls:\n  mode: existing\n  cert_path: /c\n  key_path: /k\n'), true);
    assert.equal(accepts(`${BASE}database:\n  host: db\n`), false, 'host only applies to an external database');
    assert.equal(accepts(`${BASE}database:\n  mode: external\n  host: db\n`), false, 'external needs a password reference');
    assert.equal(accepts(`${BASE}database:\n  mode: external\n  host: db\n  password_env: P\n`), true);
    assert.equal(accepts(`${BASE}element:\n  tarball: /e.tgz\n`), false);
    assert.equal(accepts(`${BASE}email:\n  enabled: true\n`), false);
  });

  it('checks patterns, ranges and choices', () => {
    assert.equal(accepts(BASE.replace('example.org\n', '"example.org;x"\n')), false);
    assert.equal(accepts(`${BASE}synapse:\n  max_upload_size: 50MB\n`), false);
    assert.equal(accepts(`${BASE}turn:\n  min_port: 80\n`), false);
    assert.equal(accepts(`${BASE}delegation: sometimes\n`), false);
    assert.equal(accepts(`${BASE}version: 2\n`.replace('version: 1\n', '')), false);
  });
});
