import { isAbsolute, resolve } from 'node:path';
import { readSynapseConfig, type SynapseConfig } from '../../src/adopt/synapse-config.js';
import { LOCAL_FILES } from '../../src/adopt/detect.js';
import type { SynapseLayout } from '../synapse/sources.js';

/** Synapse's effective configuration on this machine, read as Synapse reads it (homeserver.yaml, then conf.d). */
export function readEffectiveConfig(layout: SynapseLayout): SynapseConfig {
  return readSynapseConfig(layout.configPaths, LOCAL_FILES);
}

/** The database engine Synapse's effective configuration names (Synapse's default is SQLite). */
export function databaseEngine(config: SynapseConfig): string {
  const database = config.merged.database as { name?: unknown } | undefined;
  return typeof database?.name === 'string' ? database.name : 'sqlite3';
}

/** A path the config gives (relative ones are relative to Synapse's working directory, / for the packages' units). */
export function configuredPath(merged: Record<string, unknown>, key: string, fallback: string): string {
  const value = typeof merged[key] === 'string' && merged[key] !== '' ? (merged[key] as string) : fallback;
  return isAbsolute(value) ? value : resolve('/', value);
}

/** The SQLite file of a config whose database is sqlite3 (Synapse's default name when none is given). */
export function sqliteDatabasePath(merged: Record<string, unknown>): string {
  const args = (merged.database as { args?: Record<string, unknown> } | undefined)?.args ?? {};
  return configuredPath(args, 'database', 'homeserver.db');
}
