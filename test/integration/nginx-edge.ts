// A private nginx for tests: its own prefix and nginx.conf, never the system's service or ports.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunContext } from '../../src/engine/types.js';
import { LocalExecutor } from '../../src/exec/executor.js';
import { Logger } from '../../src/log/logger.js';
import type { NginxControl } from '../../steps/nginx/nginx-control.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));

/** Why nginx tests cannot run here, or undefined. */
export function nginxMissing(): string | undefined {
  return NGINX ? undefined : 'nginx is not installed (scripts/test-setup.mjs integration installs it)';
}

export interface TestNginx {
  dir: string;
  conf: string;
  pidFile: string;
  control: NginxControl;
  remove(): void;
}

/**
 * A prefix directory with an nginx.conf that includes the same places the distro's does:
 * <dir>/etc/nginx/sites-enabled/* (Debian) and <dir>/etc/nginx/conf.d/*.conf (RHEL).
 */
export function testNginx(): TestNginx {
  const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-nginx-'));
  // nginx's workers run as an unprivileged user; they must reach files under the prefix.
  chmodSync(dir, 0o755);
  for (const sub of ['etc/nginx/sites-available', 'etc/nginx/sites-enabled', 'etc/nginx/conf.d', 'temp', 'logs', 'stamps']) mkdirSync(join(dir, sub), { recursive: true });
  const conf = join(dir, 'nginx.conf');
  const pidFile = join(dir, 'nginx.pid');
  const temp = (name: string) => `${name}_temp_path ${dir}/temp/${name};`;
  writeFileSync(
    conf,
    `pid ${pidFile};
error_log ${dir}/logs/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n    ')}
    include ${dir}/etc/nginx/conf.d/*.conf;
    include ${dir}/etc/nginx/sites-enabled/*;
}
`,
  );
  const base = [NGINX ?? 'nginx', '-p', dir, '-c', conf];
  return {
    dir,
    conf,
    pidFile,
    control: {
      test: [...base, '-t'],
      running: ['sh', '-c', `test -s ${pidFile} && kill -0 "$(cat ${pidFile})"`],
      reload: [...base, '-s', 'reload'],
      start: base,
    },
    remove() {
      stopNginx(pidFile);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Stops the test nginx by the PID it wrote (never by name). */
export function stopNginx(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 1) return;
  try {
    process.kill(pid, 'SIGQUIT');
  } catch {
    return;
  }
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    spawnSync('sleep', ['0.1']);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone
  }
}

/** A self-signed certificate and key for the names, made once per test file. */
export function makeCertificate(dir: string, names: string[]): { cert: string; key: string } {
  const cert = join(dir, 'fullchain.pem');
  const key = join(dir, 'privkey.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '30', '-subj', `/CN=${names[0]}`,
    '-addext', `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}`, '-keyout', key, '-out', cert,
  ], { stdio: 'ignore' });
  return { cert, key };
}

export function localContext(answers = testAnswers(), target = testTarget()): RunContext & { notes: string[]; warnings: string[] } {
  const notes: string[] = [];
  const warnings: string[] = [];
  return {
    answers,
    target,
    exec: new LocalExecutor(new Logger(undefined), new AbortController().signal),
    secrets: undefined as never,
    note: (message) => notes.push(message),
    warn: (message) => warnings.push(message),
    emit() {},
    signal: new AbortController().signal,
    backupPath: (path) => `/nonexistent/backups${path}`,
    notes,
    warnings,
  };
}
