// --package-lock-wait: how long a run waits while another program uses the package manager.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCliArgs } from '../../src/cli/args.js';
import { UsageError } from '../../src/errors.js';

test('--package-lock-wait MINUTES applies to every command that installs packages, as milliseconds; 0 means not at all', () => {
  assert.equal(parseCliArgs(['--answers', 'a.yaml', '--package-lock-wait', '30']).packageLockWaitMs, 30 * 60_000);
  assert.equal(parseCliArgs(['resume', '--package-lock-wait=0.5']).packageLockWaitMs, 30_000);
  assert.equal(parseCliArgs(['resume', '--package-lock-wait', '0']).packageLockWaitMs, 0);
  assert.equal(parseCliArgs(['upgrade', '--yes', '--package-lock-wait', '2']).packageLockWaitMs, 2 * 60_000);
  assert.equal(parseCliArgs(['restore', 'backup.tar', '--yes', '--package-lock-wait', '45']).packageLockWaitMs, 45 * 60_000);
  assert.equal(parseCliArgs(['adopt', '--yes', '--package-lock-wait', '5']).packageLockWaitMs, 5 * 60_000);
  assert.equal(parseCliArgs(['--answers', 'a.yaml']).packageLockWaitMs, undefined, 'the default (15 minutes) is the engine\'s');
});

test('--package-lock-wait refuses what is not a number of minutes, and commands that install nothing', () => {
  for (const value of ['soon', '-5', '1e3', '2000']) {
    assert.throws(() => parseCliArgs(['--answers', 'a.yaml', '--package-lock-wait', value]), (error: unknown) => error instanceof UsageError && /--package-lock-wait/.test(error.message), value);
  }
  for (const command of ['status', 'plan', 'backup', 'verify']) assert.throws(() => parseCliArgs([command, '--package-lock-wait', '5']), UsageError, command);
});
