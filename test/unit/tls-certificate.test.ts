import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkCertificate, checkCertificateFiles } from '../../src/tls/certificate-check.js';
import { certbotArgv, certbotEnv, defaultRequest, renewalServer } from '../../steps/edge/certbot.js';
import { tlsCertificateStep } from '../../steps/tls-certificate.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-tls-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const opensslMissing = spawnSync('sh', ['-c', 'command -v openssl']).status === 0 ? undefined : 'openssl is not installed';

function makeCert(name: string, sans: string[], days = 30): { cert: string; key: string } {
  const cert = join(dir, `${name}.pem`);
  const key = join(dir, `${name}.key`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', String(days), '-subj', `/CN=${sans[0]}`,
    '-addext', `subjectAltName=${sans.map((s) => `DNS:${s}`).join(',')}`, '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') };
}

describe('certificate checks', { skip: opensslMissing }, () => {
  const names = ['matrix.example.org', 'example.org'];
  const good = makeCert('good', names);
  const other = makeCert('other', ['other.example.net']);
  const wildcard = makeCert('wild', ['example.org', '*.example.org']);

  it('accepts a matching key and covered names', () => {
    assert.deepEqual(checkCertificate({ certPem: good.cert, keyPem: good.key, names }).problems, []);
    assert.deepEqual(checkCertificate({ certPem: wildcard.cert, keyPem: wildcard.key, names: [...names, 'element.example.org'] }).problems, []);
  });

  it('names a key that belongs to another certificate', () => {
    assert.match(checkCertificate({ certPem: good.cert, keyPem: other.key, names }).problems.map((p) => p.en).join(), /does not belong to/);
  });

  it('names the hosts a certificate does not cover', () => {
    const report = checkCertificate({ certPem: other.cert, keyPem: other.key, names });
    assert.match(report.problems.map((p) => p.en).join(), /does not cover matrix\.example\.org, example\.org \(it covers other\.example\.net\)/);
  });

  it('refuses an expired certificate and warns about one close to expiry', () => {
    const later = new Date(Date.now() + 40 * 86_400_000);
    assert.match(checkCertificate({ certPem: good.cert, names, now: later }).problems.map((p) => p.en).join(), /expired on/);
    const soon = new Date(Date.now() + 25 * 86_400_000);
    const report = checkCertificate({ certPem: good.cert, names, now: soon });
    assert.deepEqual(report.problems, []);
    assert.match(report.warnings.map((w) => w.en).join(), /expires in [45] days/);
  });

  it('reports unreadable files and non-PEM content instead of throwing', () => {
    assert.match(checkCertificateFiles(join(dir, 'absent.pem'), undefined, names).problems.map((p) => p.en).join(), /cannot read .*absent\.pem \(ENOENT\)/);
    writeFileSync(join(dir, 'junk.pem'), 'not a certificate');
    assert.match(checkCertificateFiles(join(dir, 'junk.pem'), undefined, names).problems.map((p) => p.en).join(), /is not a PEM certificate/);
    assert.match(checkCertificate({ certPem: good.cert, keyPem: 'junk', names }).problems.map((p) => p.en).join(), /not a readable, unencrypted PEM private key/);
  });

  it('the existing mode fails the step with every problem named', async () => {
    writeFileSync(join(dir, 'other-full.pem'), other.cert);
    writeFileSync(join(dir, 'good.key.pem'), good.key);
    const answers = testAnswers({ tls: { mode: 'existing', cert_path: join(dir, 'other-full.pem'), key_path: join(dir, 'good.key.pem') } });
    const [task] = tlsCertificateStep.plan({ answers, target: testTarget() });
    assert.equal(task.kind, 'task');
    if (task.kind !== 'task') return;
    const ctx = { answers, warn() {}, note() {} } as never;
    assert.equal(await task.check(ctx), false);
    await assert.rejects(task.run(ctx), /does not belong to .*does not cover matrix\.example\.org, example\.org, element\.example\.org/s);
  });
});

describe('certbot command', () => {
  const request = defaultRequest({ certName: 'matrix.example.org', names: ['matrix.example.org', 'example.org'], email: 'a@example.org', server: 'https://acme.example/dir', webroot: '/var/www/matrix-setup-acme' });

  it('is certonly --webroot with every name, the ACME server, the email and the constant deploy hook', () => {
    assert.deepEqual(certbotArgv(request), [
      'certbot', 'certonly', '--webroot', '-w', '/var/www/matrix-setup-acme', '-d', 'matrix.example.org', '-d', 'example.org',
      '--cert-name', 'matrix.example.org', '--server', 'https://acme.example/dir', '-m', 'a@example.org',
      '--agree-tos', '--no-eff-email', '--non-interactive', '--expand', '--deploy-hook', 'systemctl reload nginx',
    ]);
    assert.equal(certbotArgv(request, { forceRenewal: true }).at(-1), '--force-renewal');
  });

  it('trusts a private CA through REQUESTS_CA_BUNDLE only when one is given', () => {
    assert.equal(certbotEnv(request), undefined);
    assert.deepEqual(certbotEnv({ ...request, caBundle: '/etc/ssl/acme-ca.pem' }), { REQUESTS_CA_BUNDLE: '/etc/ssl/acme-ca.pem' });
  });

  it('reads the ACME server from a renewal config', () => {
    assert.equal(renewalServer('version = 2.1.0\n[renewalparams]\nserver = https://acme-staging-v02.api.letsencrypt.org/directory\n'), 'https://acme-staging-v02.api.letsencrypt.org/directory');
    assert.equal(renewalServer('[renewalparams]\n'), undefined);
  });

  it('the renewal timer differs per family (EPEL ships it disabled)', () => {
    const timer = (id: string) => tlsCertificateStep.plan({ answers: testAnswers(), target: testTarget(id) }).find((a) => a.kind === 'service');
    assert.deepEqual(timer('debian-12'), { kind: 'service', unit: 'certbot.timer', enable: true, start: true, onChange: 'restart' });
    assert.equal(timer('rocky-9')?.kind === 'service' && timer('rocky-9')?.unit, 'certbot-renew.timer');
  });
});
