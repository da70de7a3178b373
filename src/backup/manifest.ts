import type { SynapseSource } from '../answers/types.js';
import type { EntryType } from './tar/header.js';

/**
 * The manifest of a backup archive: what the archive holds, from which server and versions,
 * and the sha256 of every member. It is the archive's last member but one; the last one is the
 * sha256 of the manifest itself, so a damaged manifest is told apart from a damaged member.
 */
export const ARCHIVE_FORMAT = 'matrix-setup-backup';
/**
 * The newest format this matrix-setup reads. Version 2 archives hold a SQLite database (the
 * backup `adopt` takes before it moves a server to PostgreSQL); PostgreSQL archives are still
 * written as version 1, so an older matrix-setup restores them and refuses the SQLite ones.
 */
export const ARCHIVE_FORMAT_VERSION = 2;
export const POSTGRESQL_ARCHIVE_FORMAT_VERSION = 1;
export const SQLITE_ARCHIVE_FORMAT_VERSION = 2;
export const MANIFEST_MEMBER = 'manifest.json';
export const MANIFEST_CHECKSUM_MEMBER = 'manifest.json.sha256';

/** Member names in the archive. */
export const MEMBERS = {
  database: 'database/synapse.dump',
  /** A Synapse still on SQLite: a consistent copy of its database file. */
  sqliteDatabase: 'database/homeserver.db',
  answers: 'matrix-setup/answers.yaml',
  secrets: 'matrix-setup/secrets.yaml',
  /** Secrets the answers reference by file: matrix-setup/secret-files/<secret name>. */
  secretFilePrefix: 'matrix-setup/secret-files/',
  signingKey: 'synapse/signing.key',
  /** Files kept under their absolute path: files/etc/matrix-synapse/… */
  filesPrefix: 'files',
  /** The media store's local content and thumbnails: media/local_content/… */
  mediaPrefix: 'media',
} as const;

/** Which part of the server a member restores. */
export type MemberRole =
  | 'database'
  | 'matrix-setup'
  | 'secret-file'
  | 'signing-key'
  | 'synapse-config'
  | 'written-file'
  | 'certificate'
  | 'media';

export interface ManifestMember {
  name: string;
  role: MemberRole;
  type: EntryType;
  /** Where it was on the server: an absolute path (media: relative to the media store). */
  path?: string;
  size?: number;
  sha256?: string;
  /** A symlink's target, as stored. */
  link?: string;
  /** Octal, e.g. "0640". */
  mode: string;
  owner: string;
  group: string;
}

export interface BackupManifest {
  format: typeof ARCHIVE_FORMAT;
  format_version: number;
  /** Random; a database restored from this archive is marked with it. */
  backup_id: string;
  created_at: string;
  server_name: string;
  synapse_host: string;
  synapse_version: string;
  /** Absent when the database is SQLite. */
  postgresql_version?: string;
  /** Synapse's schema version in the database (table schema_version). */
  database_schema_version: number | null;
  install_method: SynapseSource;
  /** The distribution it ran on (a target id such as debian-12). */
  target: string;
  matrix_setup_version: string;
  database: PostgresqlDatabase | SqliteDatabase;
  media: { included: boolean; store: string; files: number; bytes: number };
  members: ManifestMember[];
}

export interface PostgresqlDatabase {
  /** Absent in archives written before SQLite ones existed. */
  kind?: 'postgresql';
  name: string;
  dump_format: 'pg_dump -Fc';
  pg_dump_version: string;
  /** Tables whose rows are not in the dump. */
  excluded_table_data: string[];
}

export interface SqliteDatabase {
  kind: 'sqlite';
  /** Where the file was on the server. */
  path: string;
  dump_format: 'sqlite3 file';
  sqlite_version: string;
}

export type DatabaseKind = 'postgresql' | 'sqlite';

export function databaseKind(manifest: Pick<BackupManifest, 'database'>): DatabaseKind {
  return manifest.database.kind ?? 'postgresql';
}

export class ManifestError extends Error {}

/** Parses and checks a manifest's shape; throws ManifestError naming what is wrong. */
export function parseManifest(text: string): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ManifestError(`${MANIFEST_MEMBER} is not JSON`);
  }
  if (!isObject(value) || value.format !== ARCHIVE_FORMAT) throw new ManifestError(`${MANIFEST_MEMBER} is not a matrix-setup backup manifest`);
  if (typeof value.format_version !== 'number' || value.format_version > ARCHIVE_FORMAT_VERSION) {
    throw new ManifestError(
      `the archive has format version ${String(value.format_version)}; this matrix-setup reads version ${ARCHIVE_FORMAT_VERSION} (use a matrix-setup at least as new as the one that made it)`,
    );
  }
  for (const key of ['backup_id', 'created_at', 'server_name', 'synapse_host', 'install_method', 'target'] as const) {
    if (typeof value[key] !== 'string' || !value[key]) throw new ManifestError(`${MANIFEST_MEMBER} has no ${key}`);
  }
  if (!Array.isArray(value.members)) throw new ManifestError(`${MANIFEST_MEMBER} lists no members`);
  for (const member of value.members as unknown[]) {
    if (!isObject(member) || typeof member.name !== 'string' || typeof member.role !== 'string' || typeof member.type !== 'string') {
      throw new ManifestError(`${MANIFEST_MEMBER} has a malformed member entry`);
    }
    if (member.type === 'file' && (typeof member.size !== 'number' || typeof member.sha256 !== 'string')) {
      throw new ManifestError(`${MANIFEST_MEMBER} gives no size or sha256 for ${member.name}`);
    }
  }
  if (!isObject(value.database) || !isObject(value.media)) throw new ManifestError(`${MANIFEST_MEMBER} has no database or media section`);
  return value as unknown as BackupManifest;
}

export function membersWithRole(manifest: BackupManifest, role: MemberRole): ManifestMember[] {
  return manifest.members.filter((member) => member.role === role);
}

/** The marker a database restored from this backup carries (its COMMENT). */
export function restoredDatabaseMarker(manifest: Pick<BackupManifest, 'backup_id' | 'server_name' | 'created_at'>): string {
  return `matrix-setup: restored from backup ${manifest.backup_id} of ${manifest.server_name} (${manifest.created_at})`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
