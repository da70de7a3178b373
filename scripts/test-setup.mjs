#!/usr/bin/env node
// Installs the system packages the integration and end-to-end suites need (as root, from
// Debian's archive). Without root it only reports what is missing; those tests then skip
// and say why.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';

const wanted = {
  integration: ['postgresql', 'nginx', 'certbot', 'pebble', 'openssl', 'coturn'],
  e2e: ['debootstrap', 'systemd-container', 'tmux'],
};
const suites = process.argv.slice(2);
const packages = [...new Set(suites.flatMap((s) => wanted[s] ?? []))];

function installed(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

const missing = packages.filter((p) => !installed(p));
if (missing.length === 0) process.exit(0);
if (process.getuid?.() !== 0) {
  console.log(`Not root: not installing ${missing.join(' ')}; the tests that need them will skip.`);
  process.exit(0);
}
console.log(`Installing test dependencies: ${missing.join(' ')}`);
// The packages' own services (nginx on :80, the main PostgreSQL cluster on :5432) must not
// start on the host: the end-to-end container shares the host's network and needs those
// ports, and the integration tests run their own throwaway servers on high ports.
// policy-rc.d is Debian's documented switch for that; it is removed again afterwards.
const policy = '/usr/sbin/policy-rc.d';
const ownPolicy = !existsSync(policy);
if (ownPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  for (const argv of [
    ['apt-get', 'update', '-q'],
    ['apt-get', 'install', '-y', '-q', '--no-install-recommends', ...missing],
  ]) {
    const r = spawnSync(argv[0], argv.slice(1), { stdio: 'inherit', env });
    if (r.status !== 0) {
      console.error(`${argv.join(' ')} failed`);
      process.exitCode = 1;
      break;
    }
  }
} finally {
  if (ownPolicy) rmSync(policy, { force: true });
}
