/**
 * Canonical JSON as the Matrix specification defines it (appendices, "Canonical JSON"):
 * object keys sorted by Unicode code point, no insignificant whitespace, UTF-8 text,
 * integers only in [-(2^53)+1, 2^53-1] without exponent or fraction, and only the escapes
 * the spec's grammar allows. Signatures are computed over exactly these bytes.
 */
export class CanonicalJsonError extends Error {}

export function canonicalJson(value: unknown): string {
  return encode(value, '$');
}

/** The UTF-8 bytes that get signed. */
export function canonicalJsonBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

function encode(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return encodeNumber(value, path);
    case 'string':
      return encodeString(value, path);
    case 'object':
      if (Array.isArray(value)) return `[${value.map((item, i) => encode(item, `${path}[${i}]`)).join(',')}]`;
      return encodeObject(value as Record<string, unknown>, path);
    default:
      throw new CanonicalJsonError(`${path}: ${typeof value} has no JSON form`);
  }
}

function encodeNumber(value: number, path: string): string {
  if (!Number.isInteger(value)) throw new CanonicalJsonError(`${path}: ${value} is not an integer (canonical JSON has no floats)`);
  if (!Number.isSafeInteger(value)) throw new CanonicalJsonError(`${path}: ${value} is outside the range canonical JSON allows`);
  // -0 is written as 0; String() never uses an exponent for safe integers.
  return value === 0 ? '0' : String(value);
}

function encodeObject(object: Record<string, unknown>, path: string): string {
  const keys = Object.keys(object).sort(compareCodePoints);
  return `{${keys.map((key) => `${encodeString(key, path)}:${encode(object[key], `${path}.${key}`)}`).join(',')}}`;
}

/**
 * JavaScript's default sort compares UTF-16 code units, which puts U+10000 and above
 * before U+E000..U+FFFF; the spec sorts by code point.
 */
export function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const difference = left[i].codePointAt(0)! - right[i].codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function encodeString(text: string, path: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (SHORT_ESCAPES[char]) out += SHORT_ESCAPES[char];
    else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if (code >= 0xd800 && code <= 0xdfff) throw new CanonicalJsonError(`${path}: a lone surrogate cannot be encoded as UTF-8`);
    else out += char;
  }
  return `${out}"`;
}
