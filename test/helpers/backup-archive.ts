// Small archives for tests, written with the real tar writer and manifest layout.
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  MANIFEST_CHECKSUM_MEMBER,
  MANIFEST_MEMBER,
  type BackupManifest,
  type ManifestMember,
  type MemberRole,
} from '../../src/backup/manifest.js';
import { openVerifiedArchive, type VerifiedArchive } from '../../src/backup/open-archive.js';
import { TarWriter } from '../../src/backup/tar/writer.js';

export interface TestMember {
  name: string;
  role: MemberRole;
  path?: string;
  content?: string;
  link?: string;
  directory?: boolean;
  mode?: number;
  owner?: string;
}

export function testManifest(members: ManifestMember[], overrides: Partial<BackupManifest> = {}): BackupManifest {
  return {
    format: ARCHIVE_FORMAT,
    format_version: ARCHIVE_FORMAT_VERSION,
    backup_id: '00000000-0000-4000-8000-000000000013',
    created_at: '2026-03-04T05:06:07.000Z',
    server_name: 'example.org',
    synapse_host: 'matrix.example.org',
    synapse_version: '1.160.0',
    postgresql_version: '17.6',
    database_schema_version: 94,
    install_method: 'apt',
    target: 'debian-12',
    matrix_setup_version: 'dev',
    database: { name: 'synapse', dump_format: 'pg_dump -Fc', pg_dump_version: '17.6', excluded_table_data: ['e2e_one_time_keys_json'] },
    media: { included: true, store: '/var/lib/matrix-synapse/media', files: 0, bytes: 0 },
    members,
    ...overrides,
  };
}

/** Writes an archive holding these members (and a manifest listing them), then opens it as a restore would. */
export async function writeTestArchive(members: TestMember[], overrides: Partial<BackupManifest> = {}): Promise<VerifiedArchive> {
  const path = join(mkdtempSync(join(tmpdir(), 'matrix-setup-archive-')), 'test.tar');
  const writer = await TarWriter.create(path);
  const listed: ManifestMember[] = [];
  for (const member of members) {
    const meta = { mode: member.mode ?? (member.directory ? 0o755 : 0o644), uid: 0, gid: 0, uname: member.owner ?? 'root', gname: member.owner ?? 'root', mtime: 1_700_000_000 };
    const base = { name: member.name, role: member.role, path: member.path, mode: `0${meta.mode.toString(8)}`, owner: meta.uname, group: meta.gname };
    if (member.directory) {
      await writer.addDirectory(member.name, meta);
      listed.push({ ...base, type: 'directory' });
    } else if (member.link !== undefined) {
      await writer.addSymlink(member.name, member.link, meta);
      listed.push({ ...base, type: 'symlink', link: member.link });
    } else {
      const digest = await writer.addBuffer(member.name, Buffer.from(member.content ?? ''), meta);
      listed.push({ ...base, type: 'file', ...digest });
    }
  }
  const manifest = Buffer.from(JSON.stringify(testManifest(listed, overrides)));
  const root = { mode: 0o600, uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: 1_700_000_000 };
  await writer.addBuffer(MANIFEST_MEMBER, manifest, root);
  await writer.addBuffer(MANIFEST_CHECKSUM_MEMBER, Buffer.from(`${createHash('sha256').update(manifest).digest('hex')}  ${MANIFEST_MEMBER}\n`), root);
  await writer.finish();
  return openVerifiedArchive(path);
}
