import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * PostgreSQL password verifiers, computed here so a role's password is set with
 * `PASSWORD 'SCRAM-SHA-256$...'` (stored as given, like psql's \password does): the
 * plain password never reaches psql, the server, or a server log with log_statement on.
 */
const DEFAULT_ITERATIONS = 4096;

export function scramVerifier(password: string, salt: Buffer = randomBytes(16), iterations = DEFAULT_ITERATIONS): string {
  const { storedKey, serverKey } = scramKeys(password, salt, iterations);
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/**
 * Whether `password` is the one behind a stored rolpassword (SCRAM-SHA-256 or the old md5 form).
 * An empty or unknown stored value never matches.
 */
export function passwordMatchesStored(password: string, stored: string | null | undefined, roleName: string): boolean {
  if (!stored) return false;
  const scram = /^SCRAM-SHA-256\$(\d+):([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)$/.exec(stored);
  if (scram) {
    const [, iterations, salt, storedKey, serverKey] = scram;
    const keys = scramKeys(password, Buffer.from(salt, 'base64'), Number(iterations));
    return same(keys.storedKey, Buffer.from(storedKey, 'base64')) && same(keys.serverKey, Buffer.from(serverKey, 'base64'));
  }
  if (/^md5[0-9a-f]{32}$/.test(stored)) {
    const md5 = 'md5' + createHash('md5').update(password + roleName, 'utf8').digest('hex');
    return same(Buffer.from(md5), Buffer.from(stored));
  }
  return false;
}

function scramKeys(password: string, salt: Buffer, iterations: number) {
  const salted = pbkdf2Sync(Buffer.from(saslPrep(password), 'utf8'), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  return {
    storedKey: createHash('sha256').update(clientKey).digest(),
    serverKey: createHmac('sha256', salted).update('Server Key').digest(),
  };
}

function same(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

const NON_ASCII_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const MAPPED_TO_NOTHING = /[\u00AD\u034F\u1806\u180B-\u180D\u200B-\u200D\u2060\uFE00-\uFE0F\uFEFF]/g;
// eslint-disable-next-line no-control-regex
const PROHIBITED = /[\u0000-\u001F\u007F-\u009F\uE000-\uF8FF\uFFF9-\uFFFD\u2028\u2029\u200E\u200F\u202A-\u202E\u206A-\u206F]/;

/**
 * The SASLprep normalisation libpq and the server apply to SCRAM passwords (RFC 4013),
 * for the characters passwords actually contain. Like libpq, a password that SASLprep
 * would reject is used as it is.
 */
export function saslPrep(password: string): string {
  if (/^[\x20-\x7E]*$/.test(password)) return password;
  const prepared = password.replace(NON_ASCII_SPACE, ' ').replace(MAPPED_TO_NOTHING, '').normalize('NFKC');
  return PROHIBITED.test(prepared) || prepared === '' ? password : prepared;
}
