import { createPrivateKey, createPublicKey } from 'node:crypto';

/** One key of a Synapse signing key file ("ed25519 a_AbCd <base64 seed>" per line), without its secret. */
export interface SigningKeyId {
  /** "ed25519:a_AbCd", as other servers know it. */
  id: string;
  /** The public key, unpadded base64 as in /_matrix/key/v2/server. */
  publicKey?: string;
}

const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** Reads the key ids and public keys; the seed never leaves this function. */
export function parseSigningKeyFile(text: string): SigningKeyId[] {
  const keys: SigningKeyId[] = [];
  for (const line of text.split('\n')) {
    const [algorithm, version, seed] = line.trim().split(/\s+/);
    if (!algorithm || !version) continue;
    const key: SigningKeyId = { id: `${algorithm}:${version}` };
    if (algorithm === 'ed25519' && seed) key.publicKey = ed25519PublicKey(seed);
    keys.push(key);
  }
  return keys;
}

function ed25519PublicKey(seedBase64: string): string | undefined {
  const seed = Buffer.from(seedBase64, 'base64');
  if (seed.length !== 32) return undefined;
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  return Buffer.from(jwk.x!, 'base64url').toString('base64').replace(/=+$/, '');
}
