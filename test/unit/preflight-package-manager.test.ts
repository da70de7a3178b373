// Preflight on a busy or interrupted package manager: a warning that says the install will wait
// (or repair), never a refusal.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { packageText } from '../../src/i18n/messages/packages.js';
import { packageManagerCheck } from '../../src/preflight/package-manager-check.js';

const UU = { pid: 637, name: 'unattended-upgrade', lock: '/var/lib/dpkg/lock-frontend' };

test('free: passes', () => {
  assert.deepEqual(packageManagerCheck({ holders: [] }), { id: 'package-manager', label: packageText.checkLabel, status: 'pass', detail: packageText.checkFree });
  assert.equal(packageText.checkFree.ru, 'никакая другая программа его не использует');
});

test('busy: a warning naming the program, and that the install waits for it', () => {
  const result = packageManagerCheck({ holders: [UU, { ...UU, lock: '/var/lib/dpkg/lock' }] });
  assert.equal(result.status, 'warn');
  assert.equal(result.detail.en, 'unattended-upgrade (PID 637) is using the package manager; matrix-setup will wait for it to finish');
  assert.equal(result.detail.ru, 'unattended-upgrade (PID 637) использует менеджер пакетов; matrix-setup дождётся его завершения');
  assert.match(result.fix?.en ?? '', /waits up to 15 minutes \(--package-lock-wait MINUTES/);
});

test('interrupted: a warning that dpkg is repaired first', () => {
  const result = packageManagerCheck({ holders: [], interrupted: packageText.journalPending({ dir: '/var/lib/dpkg/updates', count: 3 }) });
  assert.equal(result.status, 'warn');
  assert.match(result.detail.en, /^dpkg was interrupted \(its journal .* holds 3 unfinished updates\); matrix-setup will finish its work first \(dpkg --configure -a\)$/);
  assert.match(result.fix?.en ?? '', /repairs it before installing anything/);
});
