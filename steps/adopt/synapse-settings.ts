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
