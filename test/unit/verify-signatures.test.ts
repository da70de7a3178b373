// ed25519 JSON signing and verification against the Matrix specification's
// "Cryptographic Test Vectors" appendix: seed YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA1,
// server name "domain", key id "ed25519:1".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkEd25519Signatures,
  decodeBase64,
  ed25519PrivateKeyFromSeed,
  encodeUnpaddedBase64,
  rawPublicKey,
  signJson,
} from '../../src/verify/signatures.js';

const SEED = decodeBase64('YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA1')!;
const PRIVATE = ed25519PrivateKeyFromSeed(SEED);
const PUBLIC_B64 = encodeUnpaddedBase64(rawPublicKey(PRIVATE));
const SIG_EMPTY = 'K8280/U9SSy9IVtjBuVeLr+HpOB4BQFWbg+UZaADMtTdGYI7Geitb76LTrr5QV/7Xg4ahLwYGYZzuHGZKM5ZAQ';
const SIG_ONE_TWO = 'KqmLSbO39/Bzb0QIYE82zqLwsA+PDzYIpIRA2sRQ4sL53+sN6/fpNSoqE7BP7vBZhG6kYdD13EIMJpvhJI+6Bw';

test('unpadded Base64 examples from the appendix', () => {
  const cases: Array<[string, string]> = [['', ''], ['f', 'Zg'], ['fo', 'Zm8'], ['foo', 'Zm9v'], ['foob', 'Zm9vYg'], ['fooba', 'Zm9vYmE'], ['foobar', 'Zm9vYmFy']];
  for (const [plain, encoded] of cases) {
    assert.equal(encodeUnpaddedBase64(Buffer.from(plain)), encoded);
    assert.equal(decodeBase64(encoded)!.toString(), plain);
  }
  assert.equal(decodeBase64('Zm8=')!.toString(), 'fo', 'padding is accepted when decoding');
  assert.equal(decodeBase64('Zm9v!'), null);
  assert.equal(decodeBase64('Zm9vY'), null, 'a length of 4n+1 is never valid');
  assert.equal(SEED.length, 32);
});

test('signing {} gives the spec signature', () => {
  const signed = signJson({}, 'domain', 'ed25519:1', PRIVATE);
  assert.deepEqual(signed, { signatures: { domain: { 'ed25519:1': SIG_EMPTY } } });
});

test('signing {"one":1,"two":"Two"} gives the spec signature', () => {
  const signed = signJson({ one: 1, two: 'Two' }, 'domain', 'ed25519:1', PRIVATE);
  assert.equal((signed.signatures as Record<string, Record<string, string>>).domain['ed25519:1'], SIG_ONE_TWO);
});

test('the spec vectors verify with the public key derived from the seed', () => {
  const keys = { 'ed25519:1': PUBLIC_B64 };
  assert.deepEqual(checkEd25519Signatures({ signatures: { domain: { 'ed25519:1': SIG_EMPTY } } }, 'domain', keys), [{ keyId: 'ed25519:1', ok: true }]);
  // unsigned and signatures are not covered, and key order does not matter.
  const signed = { two: 'Two', unsigned: { age_ts: 5 }, one: 1, signatures: { domain: { 'ed25519:1': SIG_ONE_TWO } } };
  assert.deepEqual(checkEd25519Signatures(signed, 'domain', keys), [{ keyId: 'ed25519:1', ok: true }]);
});

test('a changed value, a flipped bit, a wrong key, a missing key and junk all fail, each with its reason', () => {
  const keys = { 'ed25519:1': PUBLIC_B64 };
  const changed = { one: 2, two: 'Two', signatures: { domain: { 'ed25519:1': SIG_ONE_TWO } } };
  assert.equal(checkEd25519Signatures(changed, 'domain', keys)[0].ok, false);
  assert.match(checkEd25519Signatures(changed, 'domain', keys)[0].reason!.en, /does not match/);

  const bytes = decodeBase64(SIG_EMPTY)!;
  bytes[10] ^= 1;
  const flipped = { signatures: { domain: { 'ed25519:1': encodeUnpaddedBase64(bytes) } } };
  assert.equal(checkEd25519Signatures(flipped, 'domain', keys)[0].ok, false);

  const other = encodeUnpaddedBase64(rawPublicKey(ed25519PrivateKeyFromSeed(Buffer.alloc(32, 7))));
  assert.equal(checkEd25519Signatures({ signatures: { domain: { 'ed25519:1': SIG_EMPTY } } }, 'domain', { 'ed25519:1': other })[0].ok, false);

  assert.match(checkEd25519Signatures({ signatures: { domain: { 'ed25519:2': SIG_EMPTY } } }, 'domain', keys)[0].reason!.en, /no published key/);
  assert.match(checkEd25519Signatures({ signatures: { domain: { 'ed25519:1': 'not base64!' } } }, 'domain', keys)[0].reason!.en, /not 64 bytes/);
  assert.match(checkEd25519Signatures({ f: 1.5, signatures: { domain: { 'ed25519:1': SIG_EMPTY } } }, 'domain', keys)[0].reason!.en, /not canonical JSON/);
});

test('signatures of other entities and other algorithms are ignored', () => {
  const object = { signatures: { elsewhere: { 'ed25519:1': SIG_EMPTY }, domain: { 'curve25519:1': 'AAAA' } } };
  assert.deepEqual(checkEd25519Signatures(object, 'domain', { 'ed25519:1': PUBLIC_B64 }), []);
});
