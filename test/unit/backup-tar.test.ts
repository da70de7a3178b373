import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { encodeHeaders, parseHeader } from '../../src/backup/tar/header.js';
import { scanTar, TarFormatError, type TarEntry } from '../../src/backup/tar/reader.js';
import { openForArchive, TarWriter } from '../../src/backup/tar/writer.js';

const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-tar-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const meta = { mode: 0o640, uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: 1_700_000_000 };
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const longName = `media/${'d'.repeat(90)}/${'e'.repeat(90)}/${'f'.repeat(120)}`;

async function writeSample(path: string) {
  const writer = await TarWriter.create(path);
  const small = Buffer.from('hello\n');
  const streamed = randomBytes(300_000);
  const fileData = randomBytes(5000);
  const source = join(dir, 'source.bin');
  writeFileSync(source, fileData);
  await writer.addDirectory('conf', { ...meta, mode: 0o755 });
  const digests = {
    small: await writer.addBuffer('conf/small.txt', small, meta),
    streamed: await writer.addBuffer('database.dump', streamed, meta),
    file: await (async () => {
      const { fd, stat } = openForArchive(source);
      try {
        return await writer.addFile(longName, fd, stat.size, { ...meta, uname: 'matrix-synapse', gname: 'nogroup' });
      } finally {
        closeSync(fd);
      }
    })(),
  };
  await writer.addSymlink('conf/live', '../../archive/matrix.test/cert1.pem', meta);
  await writer.finish();
  return { small, streamed, fileData, digests };
}

async function entriesOf(path: string): Promise<{ entries: TarEntry[]; hashes: Map<string, string> }> {
  const handle = await open(path, 'r');
  const entries: TarEntry[] = [];
  const hashers = new Map<string, ReturnType<typeof createHash>>();
  try {
    await scanTar(handle, {
      entry: (e) => {
        entries.push(e);
        hashers.set(e.name, createHash('sha256'));
      },
      data: (e, chunk) => hashers.get(e.name)!.update(chunk),
    });
  } finally {
    await handle.close();
  }
  return { entries, hashes: new Map([...hashers].map(([name, h]) => [name, h.digest('hex')])) };
}

describe('tar writer and reader', () => {
  it('writes members that read back with their metadata, sizes and hashes; the file is 0600', async () => {
    const path = join(dir, 'a.tar');
    const sample = await writeSample(path);
    assert.equal(lstatSync(path).mode & 0o777, 0o600);
    assert.deepEqual(sample.digests.small, { size: 6, sha256: sha(sample.small) });
    assert.deepEqual(sample.digests.streamed, { size: sample.streamed.length, sha256: sha(sample.streamed) });
    const { entries, hashes } = await entriesOf(path);
    assert.deepEqual(entries.map((e) => [e.name, e.type, e.size]), [
      ['conf', 'directory', 0],
      ['conf/small.txt', 'file', 6],
      ['database.dump', 'file', sample.streamed.length],
      [longName, 'file', 5000],
      ['conf/live', 'symlink', 0],
    ]);
    assert.equal(hashes.get('database.dump'), sha(sample.streamed));
    assert.equal(hashes.get(longName), sha(sample.fileData));
    const file = entries.find((e) => e.name === longName)!;
    assert.equal(file.uname, 'matrix-synapse');
    assert.equal(file.gname, 'nogroup');
    assert.equal(file.mode, 0o640);
    assert.equal(file.mtime, meta.mtime);
    assert.equal(entries.find((e) => e.type === 'symlink')!.linkname, '../../archive/matrix.test/cert1.pem');
  });

  it('GNU tar lists and extracts what the writer wrote (long names, symlinks)', async (t) => {
    if (spawnSync('tar', ['--version']).status !== 0) return t.skip('no tar here');
    const path = join(dir, 'b.tar');
    const sample = await writeSample(path);
    const list = spawnSync('tar', ['-tvf', path], { encoding: 'utf8' });
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, /matrix-synapse\/nogroup/);
    const out = join(dir, 'extract');
    mkdirSync(out);
    const extract = spawnSync('tar', ['-xf', path, '-C', out], { encoding: 'utf8' });
    assert.equal(extract.status, 0, extract.stderr);
    assert.deepEqual(readFileSync(join(out, 'database.dump')), sample.streamed);
    assert.deepEqual(readFileSync(join(out, longName)), sample.fileData);
    assert.equal(readlinkSync(join(out, 'conf/live')), '../../archive/matrix.test/cert1.pem');
  });

  it('reads a pax archive GNU tar wrote', async (t) => {
    if (spawnSync('tar', ['--version']).status !== 0) return t.skip('no tar here');
    const src = join(dir, 'gnu-src');
    mkdirSync(join(src, 'x'.repeat(120)), { recursive: true });
    writeFileSync(join(src, 'x'.repeat(120), 'y'.repeat(120)), 'content');
    const path = join(dir, 'gnu.tar');
    assert.equal(spawnSync('tar', ['--format=pax', '-cf', path, '-C', src, '.']).status, 0);
    const { entries, hashes } = await entriesOf(path);
    const file = entries.find((e) => e.type === 'file')!;
    assert.equal(file.name, `./${'x'.repeat(120)}/${'y'.repeat(120)}`);
    assert.equal(hashes.get(file.name), sha(Buffer.from('content')));
  });

  it('refuses a flipped byte in a header, in padding and in the end marker, naming the last good member', async () => {
    const path = join(dir, 'c.tar');
    await writeSample(path);
    const original = readFileSync(path);
    const { entries } = await entriesOf(path);
    const dump = entries.find((e) => e.name === 'database.dump')!;
    const cases: Array<[number, RegExp]> = [
      [dump.dataOffset - 512 + 10, /a damaged member header .* \(after the member conf\/small\.txt\)/],
      [dump.dataOffset + dump.size + 3, /a damaged byte in the padding .* \(after the member database\.dump\)/],
      [original.length - 100, /a damaged end-of-archive marker|a damaged byte/],
    ];
    for (const [at, expected] of cases) {
      const damaged = Buffer.from(original);
      damaged[at] ^= 0x01;
      writeFileSync(path, damaged);
      await assert.rejects(entriesOf(path), (error: unknown) => error instanceof TarFormatError && expected.test(error.message));
    }
    writeFileSync(path, original.subarray(0, original.length - 1024));
    await assert.rejects(entriesOf(path), /the file ends early/);
  });

  it('sizes of 8 GiB and more use the base-256 form and read back', () => {
    const block = encodeHeaders({ ...meta, name: 'big', type: 'file', size: 9 * 1024 ** 3 + 7 });
    assert.equal(block[124], 0x80);
    assert.equal(parseHeader(block).size, 9 * 1024 ** 3 + 7);
  });
});
