// A throwaway PostgreSQL cluster for the integration tests: initdb into a temp dir as the
// postgres OS user, listening on 127.0.0.1 and a high port only, with its socket in
// /var/run/postgresql so `runuser -u postgres -- psql -p PORT` reaches it exactly as the
// steps do in production. Stopped with pg_ctl (its own postmaster.pid) and removed afterwards.
import { spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  port: number;
  dataDir: string;
  hbaFile: string;
  /** Runs SQL as the postgres superuser; returns unaligned tuples-only output. */
  sql(sql: string, database?: string): string;
  stop(): void;
}

const SOCKET_DIR = '/var/run/postgresql';

function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

/** Why the cluster cannot be started here, or undefined when it can. */
export function clusterUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root (runs initdb and psql as the postgres user)';
  if (!postgresBin()) return 'PostgreSQL server binaries are missing (scripts/test-setup.mjs installs Debian\'s postgresql)';
  if (spawnSync('id', ['-u', 'postgres']).status !== 0) return 'the postgres OS user does not exist';
  if (!existsSync('/usr/sbin/runuser') && !existsSync('/sbin/runuser')) return 'runuser is missing';
  return undefined;
}

function asPostgres(argv: string[], input?: string) {
  const result = spawnSync('runuser', ['-u', 'postgres', '--', ...argv], { input, encoding: 'utf8', cwd: '/' });
  if (result.status !== 0) throw new Error(`${argv.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}`);
  return result.stdout;
}

export function startCluster(port: number, options: { hostAuth: 'scram-sha-256' | 'ident' }): Cluster {
  const bin = postgresBin()!;
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  if (!existsSync(SOCKET_DIR)) {
    mkdirSync(SOCKET_DIR, { recursive: true, mode: 0o2775 });
    chownSync(SOCKET_DIR, uid, gid);
  }
  const root = mkdtempSync(join(tmpdir(), 'matrix-setup-pg-'));
  chownSync(root, uid, gid);
  const dataDir = join(root, 'data');
  // The cluster's own default locale is not C, so a database that does not ask for C is wrong.
  asPostgres([join(bin, 'initdb'), '-D', dataDir, '-E', 'UTF8', '--locale=C.UTF-8', '--auth-local=peer', `--auth-host=${options.hostAuth}`, '-U', 'postgres']);
  appendFileSync(
    join(dataDir, 'postgresql.conf'),
    `\nport = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${SOCKET_DIR}'\nfsync = off\n`,
  );
  asPostgres([join(bin, 'pg_ctl'), '-D', dataDir, '-l', join(root, 'server.log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  return {
    port,
    dataDir,
    hbaFile: join(dataDir, 'pg_hba.conf'),
    sql(sql, database = 'postgres') {
      return asPostgres(['psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-p', String(port), '-d', database], sql).trim();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        asPostgres([join(bin, 'pg_ctl'), '-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
