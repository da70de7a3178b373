import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { mediaTarStream, memberDataStream, readMember } from '../../src/backup/archive-members.js';
import { ArchiveError } from '../../src/backup/open-archive.js';
import { writeTestArchive } from '../helpers/backup-archive.js';

async function drain(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('reading members of a checked archive', () => {
  const members = [
    { name: 'database/synapse.dump', role: 'database' as const, content: 'PGDMP dump bytes' },
    { name: 'media', role: 'media' as const, directory: true },
    { name: 'media/local_content/ab/cd/ef', role: 'media' as const, path: 'local_content/ab/cd/ef', content: 'an upload' },
  ];

  it('reads members of the file it checked as they are', async () => {
    const archive = await writeTestArchive(members);
    assert.equal((await readMember(archive, 'database/synapse.dump')).toString(), 'PGDMP dump bytes');
    const media = mediaTarStream(archive, 'media');
    const tar = await drain(media.stream);
    media.verify();
    assert.ok(tar.includes(Buffer.from('an upload')));
    assert.ok(tar.subarray(-1024).every((b) => b === 0), 'ends with an end-of-archive marker');
  });

  it('a file changed since it was checked is hashed again, and a changed member is refused by name', async () => {
    const archive = await writeTestArchive(members);
    const bytes = readFileSync(archive.path);
    for (const name of ['database/synapse.dump', 'media/local_content/ab/cd/ef']) bytes[archive.entries.get(name)!.dataOffset] ^= 0x01;
    writeFileSync(archive.path, bytes);
    await assert.rejects(readMember(archive, 'database/synapse.dump'), (error: unknown) => error instanceof ArchiveError && error.member === 'database/synapse.dump' && /changed since it was checked/.test(error.message));
    const dump = memberDataStream(archive, 'database/synapse.dump');
    await drain(dump.stream);
    assert.throws(() => dump.verify(), /database\/synapse\.dump no longer matches its sha256/);
    const media = mediaTarStream(archive, 'media');
    await drain(media.stream);
    assert.throws(() => media.verify(), /media\/local_content\/ab\/cd\/ef no longer matches/);
  });
});
