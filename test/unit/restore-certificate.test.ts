// The backup's certificate is put back only while it is valid and covers every served name, and
// only where this machine has none that does. tls.mode existing keeps the files at paths the
// test chooses; the same step handles certbot's lineage and the self-signed directory.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { RunContext } from '../../src/engine/types.js';
import { LocalExecutor } from '../../src/exec/executor.js';
import { Logger } from '../../src/log/logger.js';
import { restoreCertificateStep } from '../../steps/restore/restore-certificate.js';
import { testAnswers, testTarget } from '../helpers/answers.js';
import { writeTestArchive } from '../helpers/backup-archive.js';

const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-restore-tls-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const opensslMissing = spawnSync('sh', ['-c', 'command -v openssl']).status === 0 ? undefined : 'openssl is not installed';

function makeCert(name: string, sans: string[]): { cert: string; key: string } {
  const cert = join(dir, `${name}.pem`);
  const key = join(dir, `${name}.key`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '30', '-subj', `/CN=${sans[0]}`,
    '-addext', `subjectAltName=${sans.map((s) => `DNS:${s}`).join(',')}`, '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') };
}

describe('restoring the certificate', { skip: opensslMissing }, () => {
  const names = ['matrix.example.org', 'example.org', 'element.example.org'];

  async function setup(name: string, certificate: { cert: string; key: string }) {
    const certPath = join(dir, name, 'fullchain.pem');
    const keyPath = join(dir, name, 'privkey.pem');
    const answers = testAnswers({ tls: { mode: 'existing', cert_path: certPath, key_path: keyPath } });
    const archive = await writeTestArchive([
      { name: `files${certPath}`, role: 'certificate', path: certPath, content: certificate.cert },
      { name: `files${keyPath}`, role: 'certificate', path: keyPath, content: certificate.key, mode: 0o600 },
    ]);
    const notes: string[] = [];
    const ctx = {
      answers,
      target: testTarget('debian-12'),
      exec: new LocalExecutor(new Logger(undefined), new AbortController().signal),
      note: (m: string) => notes.push(m),
    } as unknown as RunContext;
    const step = restoreCertificateStep({ archive, stateDir: join(dir, 'state'), replaceDatabase: false, stamp: 'S' });
    const [task] = step.plan({ answers, target: ctx.target });
    assert.equal(task.kind, 'task');
    return { ctx, task: task as Extract<typeof task, { kind: 'task' }>, certPath, keyPath, notes };
  }

  it('puts a valid backup certificate covering every name in place (key 0600) when none is here', async () => {
    const good = makeCert('good', names);
    const { ctx, task, certPath, keyPath } = await setup('fresh', good);
    assert.equal(await task.check(ctx), false);
    await task.run(ctx);
    assert.equal(readFileSync(certPath, 'utf8'), good.cert);
    assert.equal(readFileSync(keyPath, 'utf8'), good.key);
    assert.equal(await task.check(ctx), true);
  });

  it('leaves a certificate that does not cover the names to tls-certificate (one is requested)', async () => {
    const { ctx, task, certPath, notes } = await setup('other-names', makeCert('other', ['other.example.net']));
    assert.equal(await task.check(ctx), true);
    assert.match(notes.join('\n'), /Not restoring the backup's certificate \(.*does not cover matrix\.example\.org.*\): one is requested as in an install/);
    assert.equal(existsSync(certPath), false);
  });

  it('keeps the certificate this machine already has when it fits', async () => {
    const mine = makeCert('mine', names);
    const { ctx, task, certPath, keyPath } = await setup('kept', makeCert('theirs', names));
    execFileSync('mkdir', ['-p', join(dir, 'kept')]);
    writeFileSync(certPath, mine.cert);
    writeFileSync(keyPath, mine.key, { mode: 0o600 });
    assert.equal(await task.check(ctx), true);
    await task.run(ctx);
    assert.equal(readFileSync(certPath, 'utf8'), mine.cert);
  });
});
