import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { VerifyContext, WellKnownFetch } from '../../src/verify/context.js';
import { delegationChecks } from '../../src/verify/delegation.js';
import { HttpError } from '../../src/verify/http.js';

function contextWithServerFile(serverFile: WellKnownFetch, expectDelegation: boolean): VerifyContext {
  const clientFile: WellKnownFetch = { url: 'https://example.test/.well-known/matrix/client', finalUrl: 'https://example.test/.well-known/matrix/client', error: new HttpError('connect', 'refused'), redirects: 0 };
  return {
    options: { serverName: 'example.test', synapseHost: 'example.test', federation: true, maxUploadSize: 50 * 1024 * 1024, expectDelegation },
    http: { timeoutMs: 1000 },
    resolver: { resolve4: async () => [], resolve6: async () => [], resolveSrv: async () => [] },
    now: () => Date.now(),
    wellKnown: async (kind) => (kind === 'server' ? serverFile : clientFile),
    // example.test's HTTPS endpoint itself is fine: only the files differ.
    certificate: async () => ({ info: { valid: true } }),
  };
}

function redirectedTo(contentType: string, body: string): WellKnownFetch {
  return {
    url: 'https://example.test/.well-known/matrix/server',
    finalUrl: 'https://element.example.test/',
    response: { status: 200, headers: { 'content-type': contentType }, body: Buffer.from(body) },
    redirects: 1,
  };
}

it('server well-known: a catch-all web page is no delegation file when none is needed', async () => {
  const results = await delegationChecks(contextWithServerFile(redirectedTo('text/html', '<!doctype html><title>Element</title>'), false));
  const server = results.find((r) => r.id === 'delegation.server')!;
  assert.equal(server.status, 'pass', server.evidence);
  assert.match(server.evidence, /a web page, not a delegation file.*port 8448/);
});

it('server well-known: broken JSON is still reported, and fails when delegation is needed', async () => {
  const broken = redirectedTo('application/json', '{"m.server": example.test:443}');
  const optional = (await delegationChecks(contextWithServerFile(broken, false))).find((r) => r.id === 'delegation.server')!;
  assert.equal(optional.status, 'warn', optional.evidence);
  const needed = (await delegationChecks(contextWithServerFile(redirectedTo('text/html', '<html></html>'), true))).find((r) => r.id === 'delegation.server')!;
  assert.equal(needed.status, 'fail', needed.evidence);
  assert.match(needed.evidence, /not valid JSON/);
});
