// Preflight on a busy or interrupted package manager: a warning that says the install will wait
// (or repair), never a refusal.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { packageManagerCheck } from '../../src/preflight/package-manager-check.js';

const UU = { pid: 637, name: 'unattended-upgrade', lock: '/var/lib/dpkg/lock-frontend' };

test('free: passes', () => {
  assert.deepEqual(packageManagerCheck({ holders: [] }), { id: 'package-manager', label: 'Package manager', status: 'pass', detail: 'no other program is using it' });
});

test('busy: a warning naming the program, and that the install waits for it', () => {
  const result = packageManagerCheck({ holders: [UU, { ...UU, lock: '/var/lib/dpkg/lock' }] });
  assert.equal(result.status, 'warn');
  assert.equal(result.detail, 'unattended-upgrade (PID 637) is using the package manager; matrix-setup will wait for it to finish');
  assert.match(result.fix ?? '', /waits up to 15 minutes \(--package-lock-wait MINUTES/);
});

test('interrupted: a warning that dpkg is repaired first', () => {
  const result = packageManagerCheck({ holders: [], interrupted: 'its journal /var/lib/dpkg/updates holds 3 unfinished updates' });
  assert.equal(result.status, 'warn');
  assert.match(result.detail, /^dpkg was interrupted \(its journal .* holds 3 unfinished updates\); matrix-setup will finish its work first \(dpkg --configure -a\)$/);
  assert.match(result.fix ?? '', /repairs it before installing anything/);
});
