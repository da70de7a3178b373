import assert from 'node:assert/strict';
import { it } from 'node:test';
import { coturnComplaints, mappedJemalloc } from '../e2e/checks/service-runtime.js';

it("reads the jemalloc a process mapped from /proc/PID/maps (none when it runs on glibc's malloc)", () => {
  const maps = [
    '7f1c2a000000-7f1c2a01f000 r--p 00000000 08:01 1311 /usr/lib/x86_64-linux-gnu/libjemalloc.so.2',
    '7f1c2a01f000-7f1c2a0e0000 r-xp 0001f000 08:01 1311 /usr/lib/x86_64-linux-gnu/libjemalloc.so.2',
    '7f1c2b000000-7f1c2b028000 r--p 00000000 08:01 1200 /usr/lib/x86_64-linux-gnu/libc.so.6',
    '7ffd5e3a1000-7ffd5e3c2000 rw-p 00000000 00:00 0 [stack]',
  ].join('\n');
  assert.deepEqual(mappedJemalloc(maps), ['/usr/lib/x86_64-linux-gnu/libjemalloc.so.2']);
  assert.deepEqual(mappedJemalloc(maps.split('\n').slice(2).join('\n')), []);
});

it("finds coturn's complaints about options: unknown (4.7+) and deprecated (4.10+)", () => {
  const log = [
    '0: : WARNING: Bad configuration format: no-tlsv1',
    '2026-11-26T20:13:24.555+0000 ERROR no-cli option is deprecated, see --cli',
    '0: : Coturn Version Coturn-4.6.1 \'Gorst\'',
    '0: : Relay address to use: 127.0.0.1',
  ].join('\n');
  assert.deepEqual(coturnComplaints(log), [
    '0: : WARNING: Bad configuration format: no-tlsv1',
    '2026-11-26T20:13:24.555+0000 ERROR no-cli option is deprecated, see --cli',
  ]);
  assert.deepEqual(coturnComplaints('0: : Coturn Version Coturn-4.18.0\n'), []);
});
