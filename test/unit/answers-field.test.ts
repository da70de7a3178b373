import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coerceFieldInput, validateField } from '../../src/answers/validate.js';

describe('answers: validateField for the wizard', () => {
  it('accepts good answers', () => {
    assert.equal(validateField('server_name', 'example.org'), undefined);
    assert.equal(validateField('tls.email', 'admin@example.org', { tls: { mode: 'letsencrypt' } }), undefined);
    assert.equal(validateField('synapse.max_upload_size', '100M'), undefined);
    assert.equal(validateField('federation', false), undefined);
    assert.equal(validateField('database.password_file', '/root/pg'), undefined);
    assert.equal(validateField('admin.password', { env: 'ADMIN_PASSWORD' }), undefined);
  });

  it('gives the same messages as the file validator', () => {
    assert.match(validateField('server_name', 'example.org:8448')!.en, /port in server_name is not supported.*did you mean "example.org"/);
    assert.match(validateField('synapse_host', 'matrix;reboot')!.en, /";"/);
    assert.match(validateField('element.host', '-x.example.org')!.en, /hyphen/);
    assert.match(validateField('tls.mode', 'letsencrpyt')!.en, /did you mean "letsencrypt"/);
    assert.match(validateField('tls.email', 'nope')!.en, /email address/);
    assert.match(validateField('database.password_file', 'relative/path')!.en, /absolute/);
    assert.match(validateField('element.sha256', 'xyz')!.en, /64 hex/);
  });

  it('reads typed text as a number for number keys', () => {
    assert.equal(validateField('turn.min_port', '50000'), undefined);
    assert.match(validateField('turn.min_port', '80')!.en, /between 1024 and 65535/);
    assert.match(validateField('turn.min_port', 'many')!.en, /number/);
    assert.equal(coerceFieldInput('turn.min_port', ' 50000 '), 50000);
    assert.equal(coerceFieldInput('server_name', ' example.org '), 'example.org');
  });

  it('checks required answers against the answers so far', () => {
    assert.match(validateField('server_name', '')!.en, /required/);
    assert.match(validateField('tls.email', '', { tls: { mode: 'letsencrypt' } })!.en, /required when tls.mode is letsencrypt/);
    assert.equal(validateField('tls.email', '', { tls: { mode: 'self-signed' } }), undefined);
    assert.equal(validateField('synapse_host', ''), undefined, 'defaults to server_name');
    assert.match(validateField('database.host', '', { database: { mode: 'external' } })!.en, /required/);
    assert.equal(validateField('database.host', '', { database: { mode: 'local' } }), undefined);
  });

  it('runs the rules between answers', () => {
    assert.match(validateField('turn.max_port', 50000, { turn: { min_port: 60000 } })!.en, /greater than turn.min_port/);
    assert.equal(validateField('turn.max_port', 65000, { turn: { min_port: 60000 } }), undefined);
    assert.match(validateField('delegation', 'well-known', { server_name: 'example.org' })!.en, /synapse_host/);
    assert.equal(validateField('delegation', 'well-known', { server_name: 'example.org', synapse_host: 'matrix.example.org' }), undefined);
    assert.match(validateField('synapse.registration', 'open', {})!.en, /email/);
  });

  it('rejects unknown keys and inline secret values', () => {
    assert.match(validateField('tls.emial', 'x')!.en, /unknown answer/);
    assert.match(validateField('admin.password', 'hunter2')!.en, /never the secret itself/);
  });
});
