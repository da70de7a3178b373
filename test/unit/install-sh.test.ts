// install.sh's own logic, without letting it touch this machine: its functions are sourced
// (MATRIX_SETUP_INSTALL_SH_NO_MAIN=1) and called with fake node binaries. The whole script
// runs for real in the end-to-end suite, on a fresh Debian container.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const SCRIPT = join(import.meta.dirname, '..', '..', 'install.sh');
const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-install-sh-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function fakeNode(version: string): string {
  const path = join(dir, `node-${version}`);
  writeFileSync(path, `#!/bin/sh\necho ${version}\n`);
  chmodSync(path, 0o755);
  return path;
}

function bash(snippet: string) {
  return spawnSync('bash', ['-c', `source "${SCRIPT}"; ${snippet}`], {
    encoding: 'utf8',
    env: { ...process.env, MATRIX_SETUP_INSTALL_SH_NO_MAIN: '1' },
  });
}

describe('install.sh', () => {
  it('is valid bash', () => {
    const result = spawnSync('bash', ['-n', SCRIPT], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  it('accepts a Node.js from 18.19 on and refuses older ones', () => {
    for (const [version, ok] of [
      ['v18.18.2', false],
      ['v18.19.0', true],
      ['v18.20.4', true],
      ['v12.22.9', false],
      ['v20.19.2', true],
      ['v24.1.0', true],
      ['garbage', false],
    ] as const) {
      const result = bash(`node_is_new_enough "${fakeNode(version)}"`);
      assert.equal(result.status === 0, ok, `${version}: ${result.stderr}`);
    }
  });

  it('uses a bundle given by path and refuses an unreadable one with exit 2', () => {
    const bundle = join(dir, 'bundle.mjs');
    writeFileSync(bundle, '');
    assert.equal(bash(`MATRIX_SETUP_BUNDLE="${bundle}" get_bundle`).stdout.trim(), bundle);
    const missing = bash(`MATRIX_SETUP_BUNDLE="${join(dir, 'nope.mjs')}" get_bundle`);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /not readable/);
  });

  it('refuses to run as another user than root, before changing anything', (t) => {
    if (process.getuid?.() !== 0) return t.skip('needs root to switch to an unprivileged user');
    const result = spawnSync('runuser', ['-u', 'nobody', '--', 'bash', SCRIPT, '--version'], { encoding: 'utf8' });
    assert.equal(result.status, 3);
    assert.match(result.stderr, /run this as root/);
  });
});
