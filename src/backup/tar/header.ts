/**
 * The 512-byte header blocks of a POSIX (ustar/pax) tar file, as GNU tar, bsdtar and Python's
 * tarfile read them. Names longer than ustar allows go into a pax extended header; sizes of
 * 8 GiB and more use the base-256 number form (a GNU extension every current tar reads), so a
 * header always has the same length and can be rewritten once a streamed member's size is known.
 */
export const BLOCK = 512;

export type EntryType = 'file' | 'directory' | 'symlink';

const TYPE_FLAG: Record<EntryType, string> = { file: '0', directory: '5', symlink: '2' };
const PAX_FLAG = 'x';

export interface EntryMeta {
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  /** Seconds since the epoch. */
  mtime: number;
}

export interface HeaderFields extends EntryMeta {
  name: string;
  type: EntryType;
  size: number;
  linkname?: string;
}

/** A header as read back: the fields plus the raw type flag (pax headers are resolved by the reader). */
export interface ParsedHeader extends EntryMeta {
  name: string;
  typeflag: string;
  size: number;
  linkname: string;
}

/** The blocks for one entry's header: a pax header first when a name or link does not fit ustar. */
export function encodeHeaders(fields: HeaderFields): Buffer {
  const pax: Record<string, string> = {};
  const fullName = fields.type === 'directory' && !fields.name.endsWith('/') ? `${fields.name}/` : fields.name;
  const split = splitName(fullName);
  if (!split) pax.path = fullName;
  const linkname = fields.linkname ?? '';
  if (Buffer.byteLength(linkname) > 100) pax.linkpath = linkname;
  if (Buffer.byteLength(fields.uname) > 31) pax.uname = fields.uname;
  if (Buffer.byteLength(fields.gname) > 31) pax.gname = fields.gname;
  const main = ustarBlock({
    ...fields,
    name: split ? split.name : truncate(fullName, 100),
    prefix: split ? split.prefix : '',
    linkname: pax.linkpath ? truncate(linkname, 100) : linkname,
    uname: pax.uname ? '' : fields.uname,
    gname: pax.gname ? '' : fields.gname,
    typeflag: TYPE_FLAG[fields.type],
  });
  if (Object.keys(pax).length === 0) return main;
  const body = encodePaxRecords(pax);
  const paxHeader = ustarBlock({
    name: truncate(`PaxHeaders/${fields.name}`, 100),
    prefix: '',
    linkname: '',
    mode: 0o644,
    uid: 0,
    gid: 0,
    uname: '',
    gname: '',
    mtime: fields.mtime,
    size: body.length,
    typeflag: PAX_FLAG,
  });
  return Buffer.concat([paxHeader, body, Buffer.alloc(padding(body.length)), main]);
}

/** Zero bytes that follow `size` bytes of data up to the next block boundary. */
export function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

export function isZeroBlock(block: Buffer): boolean {
  for (const byte of block) if (byte !== 0) return false;
  return true;
}

export class HeaderChecksumError extends Error {}

/** Reads one ustar header block; throws HeaderChecksumError when the block is not a valid header. */
export function parseHeader(block: Buffer): ParsedHeader {
  const stored = readOctal(block, 148, 8);
  if (stored === undefined || stored !== checksumOf(block)) throw new HeaderChecksumError('header checksum mismatch');
  const magic = block.toString('latin1', 257, 263);
  if (magic !== 'ustar\0' && magic !== 'ustar ') throw new HeaderChecksumError('not a ustar header');
  const name = cString(block, 0, 100);
  const prefix = magic === 'ustar\0' ? cString(block, 345, 155) : '';
  const size = readNumber(block, 124, 12);
  const mode = readOctal(block, 100, 8);
  const mtime = readNumber(block, 136, 12);
  if (size === undefined || mode === undefined || mtime === undefined) throw new HeaderChecksumError('unreadable number in the header');
  return {
    name: prefix ? `${prefix}/${name}` : name,
    typeflag: block.toString('latin1', 156, 157) || '0',
    size,
    mode,
    uid: readNumber(block, 108, 8) ?? 0,
    gid: readNumber(block, 116, 8) ?? 0,
    mtime,
    linkname: cString(block, 157, 100),
    uname: cString(block, 265, 32),
    gname: cString(block, 297, 32),
  };
}

export function parsePaxRecords(data: Buffer): Record<string, string> {
  const records: Record<string, string> = {};
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    if (space < 0) throw new HeaderChecksumError('malformed pax record');
    const length = Number(data.toString('latin1', offset, space));
    if (!Number.isInteger(length) || length <= 0 || offset + length > data.length) throw new HeaderChecksumError('malformed pax record');
    const record = data.toString('utf8', space + 1, offset + length - 1);
    const equals = record.indexOf('=');
    if (equals < 0 || data[offset + length - 1] !== 0x0a) throw new HeaderChecksumError('malformed pax record');
    records[record.slice(0, equals)] = record.slice(equals + 1);
    offset += length;
  }
  return records;
}

export function entryType(typeflag: string): EntryType | undefined {
  if (typeflag === '0' || typeflag === '\0') return 'file';
  if (typeflag === '5') return 'directory';
  if (typeflag === '2') return 'symlink';
  return undefined;
}

interface UstarFields extends EntryMeta {
  name: string;
  prefix: string;
  linkname: string;
  size: number;
  typeflag: string;
}

function ustarBlock(fields: UstarFields): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(fields.name, 0, 100, 'utf8');
  writeOctal(block, 100, 8, fields.mode & 0o7777);
  writeNumber(block, 108, 8, fields.uid);
  writeNumber(block, 116, 8, fields.gid);
  writeNumber(block, 124, 12, fields.size);
  writeNumber(block, 136, 12, Math.max(0, Math.floor(fields.mtime)));
  block.write(fields.typeflag, 156, 1, 'latin1');
  block.write(fields.linkname, 157, 100, 'utf8');
  block.write('ustar\0', 257, 6, 'latin1');
  block.write('00', 263, 2, 'latin1');
  block.write(fields.uname, 265, 32, 'utf8');
  block.write(fields.gname, 297, 32, 'utf8');
  block.write(fields.prefix, 345, 155, 'utf8');
  writeChecksum(block);
  return block;
}

/** ustar's split of a long path into prefix (<= 155 bytes) and name (<= 100 bytes) at a slash. */
function splitName(path: string): { prefix: string; name: string } | undefined {
  if (Buffer.byteLength(path) <= 100) return { prefix: '', name: path };
  for (let i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name.length > 0) return { prefix, name };
  }
  return undefined;
}

function truncate(text: string, bytes: number): string {
  let out = text;
  while (Buffer.byteLength(out) > bytes) out = out.slice(0, -1);
  return out;
}

function encodePaxRecords(records: Record<string, string>): Buffer {
  const parts = Object.entries(records).map(([key, value]) => {
    const body = ` ${key}=${value}\n`;
    const bodyLength = Buffer.byteLength(body);
    // The length counts its own digits.
    let length = bodyLength + String(bodyLength).length;
    while (bodyLength + String(length).length !== length) length = bodyLength + String(length).length;
    return Buffer.from(`${length}${body}`, 'utf8');
  });
  return Buffer.concat(parts);
}

function checksumOf(block: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i];
  return sum;
}

function writeChecksum(block: Buffer): void {
  block.fill(0x20, 148, 156);
  const sum = checksumOf(block);
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1');
}

function writeOctal(block: Buffer, offset: number, width: number, value: number): void {
  block.write(`${value.toString(8).padStart(width - 1, '0')}\0`, offset, width, 'latin1');
}

/** Octal when it fits, base-256 (high bit set, big-endian) when it does not. */
function writeNumber(block: Buffer, offset: number, width: number, value: number): void {
  if (value < 8 ** (width - 1)) {
    writeOctal(block, offset, width, value);
    return;
  }
  block.fill(0, offset, offset + width);
  let rest = BigInt(value);
  for (let i = offset + width - 1; i > offset; i--) {
    block[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  block[offset] = 0x80;
}

function readNumber(block: Buffer, offset: number, width: number): number | undefined {
  if (block[offset] & 0x80) {
    if (block[offset] !== 0x80) return undefined; // negative or absurdly large
    let value = 0n;
    for (let i = offset + 1; i < offset + width; i++) value = (value << 8n) | BigInt(block[i]);
    return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : undefined;
  }
  return readOctal(block, offset, width);
}

function readOctal(block: Buffer, offset: number, width: number): number | undefined {
  const text = block.toString('latin1', offset, offset + width).replace(/[\0 ]+$/, '').replace(/^[ ]+/, '');
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) return undefined;
  return Number.parseInt(text, 8);
}

function cString(block: Buffer, offset: number, width: number): string {
  const end = block.indexOf(0, offset);
  return block.toString('utf8', offset, end >= 0 && end < offset + width ? end : offset + width);
}
