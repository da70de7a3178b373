/**
 * A consistent copy of Synapse's SQLite database through SQLite's backup API, for the backup
 * adopt takes first and for the copy the port tool works on. The source is opened read-only:
 * with Synapse running (WAL mode: a -wal file is there) the copy includes what the log still
 * holds; without a log (Synapse stopped cleanly) the file is opened immutable, so nothing (no
 * -shm) is created beside it. 'port' then turns auto_vacuum off, which Synapse's port tool
 * requires (its docs: PRAGMA auto_vacuum = 0; VACUUM); 'backup' keeps the copy as it was.
 * Prints the SQLite version and Synapse's schema version as JSON.
 */
const SQLITE_COPY_PY = `
import json, os, sqlite3, sys, urllib.parse
source, target, purpose = sys.argv[1], sys.argv[2], sys.argv[3]
mode = 'ro' if os.path.exists(source + '-wal') else 'ro&immutable=1'
src = sqlite3.connect('file:' + urllib.parse.quote(source) + '?mode=' + mode, uri=True)
dst = sqlite3.connect(target)
src.backup(dst)
src.close()
if purpose == 'port' and dst.execute('PRAGMA auto_vacuum').fetchone()[0] != 0:
    dst.execute('PRAGMA auto_vacuum = 0')
    dst.execute('VACUUM')
try:
    schema = dst.execute('SELECT version FROM schema_version').fetchone()[0]
except sqlite3.Error:
    schema = None
dst.close()
print(json.dumps({'sqlite_version': sqlite3.sqlite_version, 'schema_version': schema}))
`;

export type SqliteCopyPurpose = 'backup' | 'port';

export function sqliteCopyArgv(python: string, source: string, target: string, purpose: SqliteCopyPurpose): string[] {
  return [python, '-I', '-c', SQLITE_COPY_PY, source, target, purpose];
}

/** The argv as a plan shows it (the script by what it does). */
export function sqliteCopyShown(python: string, source: string, target: string, purpose: SqliteCopyPurpose): string[] {
  return [python, '-I', '-c', `<sqlite3 backup API: a consistent copy${purpose === 'port' ? ', auto_vacuum off' : ''}>`, source, target, purpose];
}

export function parseSqliteCopyOutput(stdout: string): { sqliteVersion: string; schemaVersion: number | null } {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  try {
    const parsed = JSON.parse(line) as { sqlite_version?: unknown; schema_version?: unknown };
    return {
      sqliteVersion: typeof parsed.sqlite_version === 'string' ? parsed.sqlite_version : 'unknown',
      schemaVersion: typeof parsed.schema_version === 'number' ? parsed.schema_version : null,
    };
  } catch {
    return { sqliteVersion: 'unknown', schemaVersion: null };
  }
}
