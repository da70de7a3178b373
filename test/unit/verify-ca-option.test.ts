import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseCliArgs } from '../../src/cli/args.js';
import { readCaFile } from '../../src/cli/commands/verify-cli.js';
import { UsageError } from '../../src/errors.js';
import { renderText } from '../../src/verify/report.js';
import type { CheckResult } from '../../src/verify/index.js';

test('verify takes --ca FILE; other commands refuse it', () => {
  assert.equal(parseCliArgs(['verify', '--ca', '/root/ca.pem']).ca, '/root/ca.pem');
  assert.throws(() => parseCliArgs(['--ca', '/root/ca.pem']), /--ca does not apply to an install/);
  assert.throws(() => parseCliArgs(['plan', '--answers', 'a.yaml', '--ca', 'x']), /--ca does not apply to `plan`/);
});

test('--ca FILE must be a readable PEM certificate (exit 2 before anything is requested)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verify-ca-option-'));
  try {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    writeFileSync(join(dir, 'ca.pem'), pem);
    writeFileSync(join(dir, 'key.pem'), '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n');
    assert.equal(readCaFile(join(dir, 'ca.pem')), pem);
    assert.throws(() => readCaFile(join(dir, 'missing.pem')), (error: unknown) => error instanceof UsageError && /cannot read it \(ENOENT\)/.test(error.message));
    assert.throws(() => readCaFile(join(dir, 'key.pem')), (error: unknown) => error instanceof UsageError && /no PEM certificate/.test(error.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the report names the check a skipped one waits for, and gives no fix of its own', () => {
  const results: CheckResult[] = [
    { id: 'client-api.tls', group: 'client-api', label: 'TLS certificate of matrix.test', status: 'fail', evidence: 'the chain is incomplete', fix: 'Serve a certificate with its full chain.' },
    { id: 'client-api.versions', group: 'client-api', label: 'Client API', status: 'skip', evidence: 'skipped: the certificate of matrix.test is not accepted (incomplete); see client-api.tls', blockedBy: 'client-api.tls' },
  ];
  const text = renderText(results, 'Checking matrix.test', { unicode: true, color: false });
  assert.match(text, /- Client API: skipped: .*; see client-api\.tls\n/);
  assert.equal(text.match(/→/g)?.length, 1, 'only the failed check has a fix');
});
