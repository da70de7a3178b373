/**
 * How local health looks at this machine. An interface so tests can fake every answer;
 * the default runs read-only commands through the Executor, connects to PostgreSQL as
 * Synapse does, and asks the kernel for free space.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { join } from 'node:path';
import type { Answers } from '../answers/types.js';
import { connectDatabase } from '../database/connection.js';
import { ANY_EXIT_CODE, type Executor } from '../exec/executor.js';
import type { SecretStore } from '../secrets/secret-store.js';

export interface DatabaseFacts {
  collate: string;
  ctype: string;
  serverVersion: string;
}

export interface RenewalFacts {
  /** Renewal timers found, with their `systemctl is-active` state. */
  timers: Array<{ unit: string; state: string }>;
  /** Deploy hooks (files or renewal-config entries) that reload the web server. */
  hooks: string[];
}

export interface LocalProbes {
  /** `systemctl is-active UNIT` output: active, inactive, failed, activating, unknown… */
  serviceState(unit: string): Promise<string>;
  /** Throws (with a message that says what to check) when the database cannot be reached. */
  database(): Promise<DatabaseFacts>;
  freeSpace(): Promise<{ path: string; freeBytes: number; totalBytes: number }>;
  renewal(certificateName: string): Promise<RenewalFacts>;
}

const RENEWAL_TIMERS = ['certbot.timer', 'certbot-renew.timer', 'snap.certbot.renew.timer'];
const MEDIA_STORE_CANDIDATES = ['/var/lib/matrix-synapse/media', '/var/lib/matrix-synapse/media_store', '/var/lib/matrix-synapse', '/var/lib'];

export function systemLocalProbes(deps: { executor: Executor; answers: Answers; secrets: Pick<SecretStore, 'get'>; letsencryptDir?: string }): LocalProbes {
  const { executor, answers } = deps;
  const letsencrypt = deps.letsencryptDir ?? '/etc/letsencrypt';
  const isActive = async (unit: string) =>
    (await executor.run(['systemctl', 'is-active', unit], { probe: true, okExitCodes: ANY_EXIT_CODE, timeoutMs: 10_000 })).stdout.trim() || 'unknown';
  return {
    serviceState: isActive,
    async database() {
      const db = answers.database;
      const client = await connectDatabase({
        host: db.mode === 'local' ? '127.0.0.1' : db.host,
        port: db.port,
        database: db.name,
        user: db.user,
        password: deps.secrets.get('database_password'),
        sslmode: db.sslmode,
        connectTimeoutMs: 8000,
      });
      try {
        const rows = await client.query<{ datcollate: string; datctype: string; version: string }>(
          'SELECT datcollate, datctype, current_setting($1) AS version FROM pg_database WHERE datname = current_database()',
          ['server_version'],
        );
        const row = rows.rows[0];
        return { collate: row.datcollate, ctype: row.datctype, serverVersion: row.version };
      } finally {
        await client.end().catch(() => {});
      }
    },
    async freeSpace() {
      const path = MEDIA_STORE_CANDIDATES.find((candidate) => existsSync(candidate)) ?? '/';
      const stats = await statfs(path);
      return { path, freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
    },
    async renewal(certificateName) {
      const timers: RenewalFacts['timers'] = [];
      for (const unit of RENEWAL_TIMERS) timers.push({ unit, state: await isActive(unit) });
      const hooks: string[] = [];
      const hookDir = join(letsencrypt, 'renewal-hooks', 'deploy');
      if (existsSync(hookDir)) {
        for (const file of readdirSync(hookDir)) {
          const path = join(hookDir, file);
          if (statSync(path).isFile() && statSync(path).mode & 0o111) hooks.push(path);
        }
      }
      const conf = join(letsencrypt, 'renewal', `${certificateName}.conf`);
      if (existsSync(conf)) {
        const hook = /^\s*(renew_hook|deploy_hook|post_hook)\s*=\s*(.+)$/m.exec(readFileSync(conf, 'utf8'));
        if (hook) hooks.push(`${conf}: ${hook[1]} = ${hook[2].trim()}`);
      }
      return { timers, hooks };
    },
  };
}
