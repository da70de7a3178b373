import { chownSync, existsSync, readFileSync } from 'node:fs';
import { Document } from 'yaml';
import type { Answers } from '../../src/answers/types.js';
import type { Action, RunContext, Step } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import { ANY_EXIT_CODE } from '../../src/exec/executor.js';
import { writeFileAtomic } from '../../src/fs/atomic.js';
import { sha256File, sha256FileSync } from '../../src/fs/sha256-file.js';
import { secretToken } from '../../src/secrets/tokens.js';
import { synapseLayout, type SynapseLayout } from '../synapse/sources.js';
import { sqliteCopyArgv, sqliteCopyShown } from '../synapse/sqlite-copy.js';
import { databaseEngine, readEffectiveConfig, sqliteDatabasePath } from './synapse-settings.js';
import { adoptStepText as t } from '../../src/i18n/messages/steps-adopt.js';
import type { Localized } from '../../src/i18n/localized.js';

/**
 * Where the port works: root's directory (traversable), the service user's working copy inside
 * it. Not under the state directory, which only root may enter.
 */
export const PORT_DIR = '/var/lib/matrix-setup-sqlite-port';
export const PORT_CONFIG = `${PORT_DIR}/port-config.yaml`;
/** The same settings with the copy as the database, for finishing its background updates. */
export const COPY_CONFIG = `${PORT_DIR}/copy-config.yaml`;
export const PORT_WORK = `${PORT_DIR}/work`;
export const PORT_COPY = `${PORT_WORK}/homeserver.db`;
/** The original's path and checksum when the copy was made: a changed original is copied again. */
export const COPY_RECORD = `${PORT_DIR}/copy.json`;
/** Written once the port tool finished on that copy. */
export const PORT_RECORD = `${PORT_DIR}/ported.json`;

interface FileRecord {
  source: string;
  sha256: string;
  at: string;
}

/**
 * SQLite → PostgreSQL with Synapse's own port tool, as Synapse's docs describe it: Synapse
 * stopped, the tool run on a copy of the SQLite file (it applies schema migrations to the file
 * it reads) against the empty database postgres-database created (UTF8, C, template0), with a
 * config that carries server_name (the tool reads one file only, so conf.d's server_name must
 * be in it). The original file is never written. synapse-config then switches Synapse to
 * PostgreSQL and synapse-service starts it.
 *
 * Killed at any moment, the step starts again from the copy: the port tool is made to be run
 * again ("safe to kill and restart"). Once Synapse's config says PostgreSQL, the port never
 * runs again: data written since then lives only in PostgreSQL.
 */
export const sqlitePortStep: Step = {
  id: 'adopt-sqlite-port',
  title: t.portTitle,
  needs: ['postgres-verify', 'synapse-install', 'adopt-secrets'],
  plan({ answers, target }): Action[] {
    const layout = synapseLayout(answers, target);
    const sqlite = '<database.args.database of the current config>';
    const portArgv = [...asUser(layout, PORT_WORK), layout.portDbTool, '--sqlite-database', PORT_COPY, '--postgres-config', PORT_CONFIG];
    const updateArgv = [...asUser(layout, PORT_WORK), layout.updateDbTool, '--database-config', COPY_CONFIG, '--run-background-updates'];
    return [
      { kind: 'directory', path: PORT_DIR, mode: 0o711, owner: 'root', group: 'root' },
      { kind: 'directory', path: PORT_WORK, mode: 0o700, owner: layout.user, group: layout.group },
      {
        kind: 'task',
        description: t.portTask({ name: answers.database.name }),
        shows: [
          { argv: ['systemctl', 'stop', layout.unit], when: t.whenStop },
          { argv: [...asUser(layout, PORT_WORK), ...sqliteCopyShown(layout.python, sqlite, PORT_COPY, 'port')], when: t.whenCopy },
          {
            argv: ['write', PORT_CONFIG],
            stdin: `# Synapse's effective config (homeserver.yaml + conf.d), with:\nserver_name: ${answers.server_name}\ndatabase:\n  name: psycopg2\n  args: {user: ${answers.database.user}, password: ${secretToken('database_password')}, dbname: ${answers.database.name}, host: ${dbHost(answers)}, port: ${answers.database.port}}\n`,
            when: t.whenOwner({ user: layout.user }),
          },
          { argv: updateArgv, when: t.whenUpdates({ config: COPY_CONFIG }) },
          { argv: portArgv, when: t.whenPort },
        ],
        check: async () => portState(layout).done,
        run: (ctx) => port(ctx, layout, portArgv, updateArgv),
      },
    ];
  },
};

function asUser(layout: SynapseLayout, cwd: string): string[] {
  return ['runuser', '-u', layout.user, '--', 'env', '-C', cwd];
}

function dbHost(answers: Answers): string {
  return answers.database.mode === 'local' ? '127.0.0.1' : answers.database.host;
}

/** Done when Synapse already uses PostgreSQL, or the port finished on a copy of the file as it still is. */
export function portState(layout: SynapseLayout): { done: boolean; switched: boolean; source?: string } {
  const config = readEffectiveConfig(layout);
  if (databaseEngine(config) === 'psycopg2') return { done: true, switched: true };
  const source = sqliteDatabasePath(config.merged);
  const ported = readRecord(PORT_RECORD);
  return { done: !!ported && ported.source === source && existsSync(source) && ported.sha256 === sha256FileSync(source), switched: false, source };
}

async function port(ctx: RunContext, layout: SynapseLayout, portArgv: string[], updateArgv: string[]): Promise<void> {
  const config = readEffectiveConfig(layout);
  if (databaseEngine(config) !== 'sqlite3') return;
  const source = sqliteDatabasePath(config.merged);
  if (!existsSync(source)) throw new StepError(t.sqliteMissing({ path: source }), { hint: t.sqliteMissingHint });

  const active = await ctx.exec.run(['systemctl', 'is-active', '--quiet', layout.unit], { probe: true, okExitCodes: ANY_EXIT_CODE });
  if (active.exitCode === 0) {
    await ctx.exec.run(['systemctl', 'stop', layout.unit], { timeoutMs: 180_000 });
    ctx.note(t.stoppedForPort({ unit: layout.unit }));
  }

  const before = await sha256File(source);
  const copied = readRecord(COPY_RECORD);
  if (copied && copied.source === source && copied.sha256 === before && existsSync(PORT_COPY)) {
    ctx.note(t.usingCopy({ at: copied.at }));
  } else {
    await ctx.exec.run([...asUser(layout, PORT_WORK), 'rm', '-f', PORT_COPY, `${PORT_COPY}-wal`, `${PORT_COPY}-shm`, `${PORT_COPY}-journal`]);
    await ctx.exec.run([...asUser(layout, PORT_WORK), ...sqliteCopyArgv(layout.python, source, PORT_COPY, 'port')], { timeoutMs: 4 * 3600_000 });
    writeRecord(COPY_RECORD, { source, sha256: before, at: new Date().toISOString() });
    ctx.note(t.copied({ source, copy: PORT_COPY, sha: before.slice(0, 16) }));
  }

  // A Synapse stopped soon after an upgrade (or its first start) leaves background updates pending.
  writeServiceConfig(layout, COPY_CONFIG, { ...config.merged, server_name: ctx.answers.server_name, database: { name: 'sqlite3', args: { database: PORT_COPY } } }, 'update_synapse_database');
  await ctx.exec.run(updateArgv, {
    timeoutMs: 12 * 3600_000,
    hint: t.updatesHint,
  });
  writePortConfig(ctx, layout, config.merged);
  const result = await ctx.exec.run(portArgv, {
    timeoutMs: 12 * 3600_000,
    okExitCodes: ANY_EXIT_CODE,
  });
  if (result.exitCode !== 0) {
    const output = `${result.stdout}\n${result.stderr}`;
    throw new StepError(t.portFailed({ code: result.exitCode }), {
      argv: portArgv,
      exitCode: result.exitCode,
      outputTail: output.split('\n').filter((line) => line.trim()).slice(-20),
      hint: portHint(output, layout),
    });
  }
  const after = await sha256File(source);
  if (after !== before) {
    throw new StepError(t.changedDuringPort({ path: source }), { hint: t.changedDuringPortHint({ unit: layout.unit }) });
  }
  writeRecord(PORT_RECORD, { source, sha256: before, at: new Date().toISOString() });
  ctx.note(t.ported({ source, name: ctx.answers.database.name, sha: before.slice(0, 16) }));
}

function portHint(output: string, layout: SynapseLayout): Localized {
  if (/background updates/i.test(output)) {
    return t.pendingUpdatesHint({ unit: layout.unit });
  }
  if (/could not connect|password authentication failed/i.test(output)) return t.connectHint;
  return t.portHint;
}

/**
 * The config the port tool reads: Synapse's effective settings (homeserver.yaml and conf.d
 * merged, so server_name and the signing key path are in it) with the PostgreSQL database.
 * Holds secrets: owner the service user, mode 0600, in root's directory.
 */
function writePortConfig(ctx: RunContext, layout: SynapseLayout, merged: Record<string, unknown>): void {
  const { answers } = ctx;
  const args: Record<string, unknown> = {
    user: answers.database.user,
    password: ctx.secrets.get('database_password'),
    dbname: answers.database.name,
    host: dbHost(answers),
    port: answers.database.port,
    cp_min: 1,
    cp_max: 5,
  };
  if (answers.database.mode === 'external') args.sslmode = answers.database.sslmode;
  writeServiceConfig(layout, PORT_CONFIG, { ...merged, server_name: answers.server_name, database: { name: 'psycopg2', args } }, 'synapse_port_db');
}

/** A config file for one of Synapse's tools, run as the service user: 0600, owned by it, in root's directory. */
function writeServiceConfig(layout: SynapseLayout, path: string, settings: Record<string, unknown>, tool: string): void {
  const content = new Document(settings, { version: '1.1' }).toString({ lineWidth: 0 });
  writeFileAtomic(path, `# Written by matrix-setup for ${tool} (which reads this one file); holds secrets.\n${content}`, { mode: 0o600 });
  const { uid, gid } = idsOf(layout.user);
  chownSync(path, uid, gid);
}

function idsOf(user: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.split(':')[0] === user);
  if (!line) throw new StepError(t.noUser({ user }), { hint: t.noUserHint });
  const fields = line.split(':');
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

function readRecord(path: string): FileRecord | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as FileRecord;
  } catch {
    return undefined;
  }
}

function writeRecord(path: string, record: FileRecord): void {
  writeFileAtomic(path, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o644 });
}
