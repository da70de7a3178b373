/**
 * ed25519 JSON signatures as Matrix uses them (appendices, "Signing JSON"), with node's
 * own crypto: raw 32-byte keys are wrapped in the fixed DER prefixes of an SPKI public key
 * or a PKCS#8 private key, so no extra library is needed.
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { CanonicalJsonError, canonicalJsonBytes } from './canonical-json.js';
import { verbatim, type Localized } from '../i18n/index.js';
import { checkText as t } from '../i18n/messages/verify-checks.js';

// SEQUENCE { SEQUENCE { OID 1.3.101.112 } BIT STRING (33 bytes: 0 unused bits + key) }
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
// SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32 bytes) } }
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** Decodes unpadded (or padded) standard Base64, and the URL-safe alphabet; null when malformed. */
export function decodeBase64(text: string): Buffer | null {
  const bare = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(bare) && !/^[A-Za-z0-9_-]*$/.test(bare)) return null;
  if (bare.length % 4 === 1) return null;
  return Buffer.from(bare.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

export function encodeUnpaddedBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/=+$/, '');
}

export function ed25519PublicKey(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new Error(`an ed25519 public key has 32 bytes, not ${raw.length}`);
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function ed25519PrivateKeyFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new Error(`an ed25519 seed has 32 bytes, not ${seed.length}`);
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/** The raw 32 bytes of an ed25519 public key (the form `verify_keys` carries). */
export function rawPublicKey(key: KeyObject): Buffer {
  const der = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32);
}

type JsonObject = Record<string, unknown>;

/** The object without `signatures` and `unsigned`: what a signature covers. */
export function signedPart(object: JsonObject): JsonObject {
  const { signatures: _signatures, unsigned: _unsigned, ...rest } = object;
  return rest;
}

/** A copy of `object` with this key's signature added under signatures[entity][keyId]. */
export function signJson(object: JsonObject, entity: string, keyId: string, privateKey: KeyObject): JsonObject {
  const signature = encodeUnpaddedBase64(sign(null, canonicalJsonBytes(signedPart(object)), privateKey));
  const existing = (object.signatures ?? {}) as Record<string, Record<string, string>>;
  return { ...object, signatures: { ...existing, [entity]: { ...(existing[entity] ?? {}), [keyId]: signature } } };
}

export interface SignatureCheck {
  keyId: string;
  ok: boolean;
  /** Why it did not verify. */
  reason?: Localized;
}

/**
 * Checks every ed25519 signature `entity` put on `object` against `publicKeys`
 * (key id → unpadded Base64 raw key). Signatures of other algorithms are not checked.
 */
export function checkEd25519Signatures(object: JsonObject, entity: string, publicKeys: Record<string, string>): SignatureCheck[] {
  const all = object.signatures;
  const mine = all && typeof all === 'object' ? (all as Record<string, unknown>)[entity] : undefined;
  if (!mine || typeof mine !== 'object') return [];
  let message: Buffer;
  try {
    message = canonicalJsonBytes(signedPart(object));
  } catch (error) {
    const reason = error instanceof CanonicalJsonError ? t.notCanonical({ error: error.message }) : verbatim(String(error));
    return Object.keys(mine).filter(isEd25519).map((keyId) => ({ keyId, ok: false, reason }));
  }
  const results: SignatureCheck[] = [];
  for (const [keyId, signatureText] of Object.entries(mine as Record<string, unknown>)) {
    if (!isEd25519(keyId)) continue;
    results.push(checkOne(keyId, signatureText, publicKeys[keyId], message));
  }
  return results;
}

function checkOne(keyId: string, signatureText: unknown, keyText: string | undefined, message: Buffer): SignatureCheck {
  if (keyText === undefined) return { keyId, ok: false, reason: t.noPublishedKey };
  const raw = decodeBase64(keyText);
  if (!raw || raw.length !== 32) return { keyId, ok: false, reason: t.keyNot32Bytes };
  const signature = typeof signatureText === 'string' ? decodeBase64(signatureText) : null;
  if (!signature || signature.length !== 64) return { keyId, ok: false, reason: t.signatureNot64Bytes };
  const ok = verify(null, message, ed25519PublicKey(raw), signature);
  return ok ? { keyId, ok } : { keyId, ok, reason: t.signatureMismatch };
}

function isEd25519(keyId: string): boolean {
  return keyId.startsWith('ed25519:');
}
