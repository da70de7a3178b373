import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupAddresses, type AddressResolver } from '../../src/host/dns.js';

function errorWith(code: string): Error {
  return Object.assign(new Error(code), { code });
}

function resolver(records: { v4?: string[] | string; v6?: string[] | string }): AddressResolver {
  const answer = (value: string[] | string | undefined) =>
    typeof value === 'string' ? Promise.reject(errorWith(value)) : Promise.resolve(value ?? []);
  return { resolve4: () => answer(records.v4), resolve6: () => answer(records.v6) };
}

test('returns A and AAAA records, IPv6 in canonical form', async () => {
  const answer = await lookupAddresses('matrix.example.org', {
    resolver: resolver({ v4: ['203.0.113.7'], v6: ['2001:DB8:0:0:0:0:0:7'] }),
  });
  assert.deepEqual(answer, { name: 'matrix.example.org', ipv4: ['203.0.113.7'], ipv6: ['2001:db8::7'] });
});

test('a missing record is not an error', async () => {
  const answer = await lookupAddresses('example.org', { resolver: resolver({ v4: ['203.0.113.7'], v6: 'ENODATA' }) });
  assert.deepEqual(answer, { name: 'example.org', ipv4: ['203.0.113.7'], ipv6: [] });
  const none = await lookupAddresses('nx.example.org', { resolver: resolver({ v4: 'ENOTFOUND', v6: 'ENOTFOUND' }) });
  assert.deepEqual(none, { name: 'nx.example.org', ipv4: [], ipv6: [] });
});

test('a failing server is reported', async () => {
  const answer = await lookupAddresses('example.org', { resolver: resolver({ v4: 'ESERVFAIL', v6: 'ETIMEOUT' }) });
  assert.equal(answer.error, 'ESERVFAIL, ETIMEOUT');
  assert.deepEqual(answer.ipv4, []);
});

test('a resolver that never answers is abandoned after the timeout', async () => {
  let cancelled = false;
  const hanging: AddressResolver = {
    resolve4: () => new Promise(() => {}),
    resolve6: () => new Promise(() => {}),
    cancel: () => {
      cancelled = true;
    },
  };
  const started = Date.now();
  const answer = await lookupAddresses('slow.example.org', { resolver: hanging, timeoutMs: 150 });
  assert.ok(Date.now() - started < 2000);
  assert.match(answer.error ?? '', /no answer within/);
  assert.deepEqual([answer.ipv4, answer.ipv6], [[], []]);
  assert.ok(cancelled);
});

test('the real resolver answers or fails within its timeout (offline machines included)', async () => {
  const started = Date.now();
  const answer = await lookupAddresses('does-not-exist.invalid', { timeoutMs: 1500 });
  assert.ok(Date.now() - started < 3000);
  assert.deepEqual([answer.ipv4, answer.ipv6], [[], []]);
});
