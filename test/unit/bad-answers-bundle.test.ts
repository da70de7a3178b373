// Bad values that would end up in configuration files, through the shipped bundle: each is
// exit 2 naming the key, for `plan` and for an install, with nothing run (no state directory,
// no log). The install runs as an unprivileged user, so even a bundle that accepted the answers
// could not change this machine (it would stop at "must run as root", exit 3).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'matrix-setup.mjs');
const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-bad-answers-'));
chmodSync(dir, 0o755);
after(() => rmSync(dir, { recursive: true, force: true }));

before(() => {
  if (!existsSync(BUNDLE)) {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    assert.equal(build.status, 0, 'the build failed');
  }
});

const BASE = 'version: 1\nserver_name: example.org\n';
const existing = (cert: string) => `${BASE}tls:\n  mode: existing\n  cert_path: ${JSON.stringify(cert)}\n  key_path: /etc/ssl/key.pem\n`;
const withEnvSecret = `${BASE}tls:\n  email: admin@example.org\nadmin:\n  password_env: MATRIX_SETUP_TEST_ADMIN_PASSWORD\n`;

interface Case {
  name: string;
  answers: string;
  key: string;
  env?: Record<string, string>;
}

const CASES: Case[] = [
  { name: 'a certificate path that injects an nginx directive', answers: existing('/a.pem; include /x.conf;'), key: 'tls.cert_path' },
  { name: 'a certificate path with a space', answers: existing('/etc/ssl/my cert.pem'), key: 'tls.cert_path' },
  { name: 'a certificate path with an nginx variable', answers: existing('/etc/ssl/$ssl_server_name.pem'), key: 'tls.cert_path' },
  { name: 'a certificate path with braces', answers: existing('/etc/ssl/}{.pem'), key: 'tls.cert_path' },
  ...[
    ['CR', 'p\rw'],
    ['U+0085', 'p\u0085w'],
    ['U+2028', 'p\u2028registration_shared_secret: x'],
    ['U+2029', 'p\u2029w'],
  ].map(([what, value]) => ({ name: `an admin password from the environment holding ${what}`, answers: withEnvSecret, key: 'admin.password_env', env: { MATRIX_SETUP_TEST_ADMIN_PASSWORD: value! } })),
];

function runBundle(args: string[], env: Record<string, string> = {}, asNobody = false) {
  const argv = asNobody ? ['runuser', '-u', 'nobody', '--', process.execPath, BUNDLE, ...args] : [process.execPath, BUNDLE, ...args];
  return spawnSync(argv[0]!, argv.slice(1), { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env } });
}

describe('bad answers through the bundle: exit 2 naming the key, nothing run', () => {
  CASES.forEach((c, index) => {
    it(c.name, (t) => {
      const file = join(dir, `answers-${index}.yaml`);
      writeFileSync(file, c.answers, { mode: 0o644 });

      const plan = runBundle(['plan', '--answers', file, '--target', 'debian-12'], c.env);
      assert.equal(plan.status, 2, `plan: exit ${plan.status}\n${plan.stdout.slice(0, 500)}\n${plan.stderr}`);
      assert.match(plan.stderr, new RegExp(c.key.replace('.', '\\.')));

      if (process.getuid?.() !== 0) return t.skip('the install check runs as nobody, which needs root to switch to');
      const state = join(dir, `state-${index}`);
      const log = join(dir, `log-${index}`, 'run.log');
      const install = runBundle(['--answers', file, '--yes', '--state-dir', state, '--log-file', log], c.env, true);
      assert.equal(install.status, 2, `install: exit ${install.status}\n${install.stderr}`);
      assert.match(install.stderr, new RegExp(`${c.key.replace('.', '\\.')}: `));
      assert.match(install.stderr, /nothing was changed/);
      assert.equal(existsSync(state), false, 'a state directory was created');
      assert.equal(existsSync(log), false, 'a log was written');
      if (c.env) for (const value of Object.values(c.env)) assert.ok(!install.stderr.includes(value), 'the secret is in the message');
    });
  });
});
