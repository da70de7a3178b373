import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseUclientOutput } from '../e2e/checks/turn.js';

it('turnutils_uclient: a refused peer, as coturn 4.6 and 4.18 word it', () => {
  const old = parseUclientOutput('0: create perm sent: 10.0.0.1:3480\n0: create permission error 403 (Forbidden IP)\n');
  assert.deepEqual(old, { allocated: true, forbidden: true, sent: 0, received: 0 });
  const current = parseUclientOutput('2026-11-26T20:13:24.555+0000 INFO channel bind: error 403 ()\n');
  assert.equal(current.forbidden, true);
  assert.equal(current.allocated, true);
});

it('turnutils_uclient: a refused allocation and a relay that carried data', () => {
  assert.equal(parseUclientOutput('0: error 401 (Unauthorized)\nCannot complete Allocation\n').allocated, false);
  const relayed = parseUclientOutput('0: start_mclient: tot_send_msgs=5, tot_recv_msgs=5\n');
  assert.deepEqual(relayed, { allocated: true, forbidden: false, sent: 5, received: 5 });
  assert.equal(parseUclientOutput('0: error 4030 something\n').forbidden, false);
});
