// Element Web from a local tarball into a temporary root through the engine's own action
// handlers: checksum, versioned directory, config.json, atomic switch of `current`, upgrade,
// refusal of a wrong checksum; and the signature check with a throwaway key.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ActionEnv } from '../../src/engine/actions/action-env.js';
import { applyAction, isInPlace } from '../../src/engine/actions/index.js';
import type { Answers } from '../../src/answers/types.js';
import { StepError } from '../../src/errors.js';
import { elementWebActions } from '../../steps/element-web.js';
import { primaryFingerprints, SOURCE_MARKER, verifySignature } from '../../steps/edge/element-release.js';
import { recordingActionEnv } from '../helpers/action-env.js';
import { testAnswers } from '../helpers/answers.js';
import { localContext } from './nginx-edge.js';

const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-element-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function tarball(version: string, marker: string): { path: string; sha256: string } {
  const build = join(dir, `build-${version}`);
  const top = join(build, `element-v${version}`);
  mkdirSync(join(top, 'i18n'), { recursive: true });
  writeFileSync(join(top, 'index.html'), `<!doctype html><title>${marker}</title>\n`);
  writeFileSync(join(top, 'version'), `${version}\n`);
  writeFileSync(join(top, 'i18n', 'en_EN.json'), '{}\n');
  writeFileSync(join(top, 'config.sample.json'), JSON.stringify({ default_server_config: { 'm.homeserver': { base_url: 'https://matrix-client.matrix.org', server_name: 'matrix.org' } } }));
  const path = join(dir, `element-v${version}.tar.gz`);
  execFileSync('tar', ['--owner=0', '--group=0', '-czf', path, '-C', build, `element-v${version}`]);
  return { path, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') };
}

function environment(answers: Answers) {
  const ctx = localContext(answers);
  return { ...recordingActionEnv(ctx, join(dir, 'backups'), 'bak'), ctx };
}

async function install(answers: Answers, root: string) {
  const { env, ctx, changes } = environment(answers);
  for (const action of elementWebActions(answers, root)) {
    if (!(await isInPlace(action, env))) await applyAction(action, env);
  }
  return { changes, notes: ctx.notes };
}

const answersFor = (file: { path: string; sha256: string }) =>
  testAnswers({ server_name: 'example.org', synapse_host: 'matrix.example.org', element: { enabled: true, host: 'element.example.org', version: 'latest', tarball: file.path, sha256: file.sha256 } });

describe('Element Web from a local tarball', () => {
  const root = join(dir, 'www-element');
  const v1 = tarball('1.0.0', 'first');
  const v2 = tarball('1.0.1', 'second');

  it('unpacks into a versioned directory, writes config.json and points current at it', async () => {
    const { changes } = await install(answersFor(v1), root);
    assert.ok(changes.length >= 3, changes.join('\n'));
    assert.equal(readlinkSync(join(root, 'current')), 'element-v1.0.0');
    assert.match(readFileSync(join(root, 'current', 'index.html'), 'utf8'), /first/);
    const config = JSON.parse(readFileSync(join(root, 'current', 'config.json'), 'utf8'));
    assert.deepEqual(config.default_server_config['m.homeserver'], { base_url: 'https://matrix.example.org', server_name: 'example.org' });
    assert.equal(config.disable_custom_urls, false);
    assert.equal(readFileSync(join(root, 'element-v1.0.0', SOURCE_MARKER), 'utf8'), `sha256 ${v1.sha256}\n`);
    assert.deepEqual(readdirSync(root).filter((f) => f.startsWith('.download-')), [], 'no download directory left behind');
  });

  it('a second run changes nothing', async () => {
    const { changes } = await install(answersFor(v1), root);
    assert.deepEqual(changes, []);
  });

  it('an upgrade gets its own directory and one link switch; the old release stays for a rollback', async () => {
    const { notes } = await install(answersFor(v2), root);
    assert.equal(readlinkSync(join(root, 'current')), 'element-v1.0.1');
    assert.match(readFileSync(join(root, 'current', 'index.html'), 'utf8'), /second/);
    assert.ok(existsSync(join(root, 'element-v1.0.0', 'config.json')));
    assert.ok(notes.some((note) => note.includes(`ln -sfn element-v1.0.0 ${join(root, 'current')}`)), notes.join('\n'));
    assert.ok(lstatSync(join(root, 'current')).isSymbolicLink());
  });

  it('a wrong sha256 is refused and nothing is unpacked or switched', async () => {
    const v3 = tarball('1.0.2', 'third');
    const wrong = { path: v3.path, sha256: '0'.repeat(64) };
    await assert.rejects(install(answersFor(wrong), root), (error: unknown) => {
      assert.ok(error instanceof StepError);
      assert.match(error.message, /has SHA-256 [0-9a-f]{64}, but element\.sha256 says 0{64}\. Nothing was unpacked\./);
      return true;
    });
    assert.equal(existsSync(join(root, 'element-v1.0.2')), false);
    assert.equal(readlinkSync(join(root, 'current')), 'element-v1.0.1');
    assert.deepEqual(readdirSync(root).filter((f) => f.startsWith('.download-')), []);
  });

  it('a missing tarball is named', async () => {
    await assert.rejects(install(answersFor({ path: join(dir, 'element-v9.9.9.tar.gz'), sha256: 'a'.repeat(64) }), root), /element\.tarball: .*element-v9\.9\.9\.tar\.gz does not exist/);
  });
});

const gpgMissing = spawnSync('sh', ['-c', 'command -v gpg']).status === 0 ? undefined : 'gpg is not installed';

describe('release signature check', { skip: gpgMissing }, () => {
  const work = join(dir, 'signature');
  const home = join(dir, 'signer-home');
  let fingerprint = '';
  const release = join(work, 'element.tar.gz');

  before(() => {
    mkdirSync(work, { recursive: true });
    mkdirSync(home, { recursive: true, mode: 0o700 });
    const gpg = (args: string[], input?: string) => execFileSync('gpg', ['--homedir', home, '--batch', ...args], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
    gpg(['--passphrase', '', '--quick-generate-key', 'Test Release Signer <release@example.test>', 'ed25519', 'sign', '1d']);
    fingerprint = primaryFingerprints(gpg(['--with-colons', '--list-keys']))[0];
    assert.match(fingerprint, /^[0-9A-F]{40}$/);
    writeFileSync(join(work, 'element-release-key.asc'), gpg(['--armor', '--export', fingerprint]));
    writeFileSync(release, 'pretend release\n');
    gpg(['--armor', '--detach-sign', '--output', join(work, 'element.tar.gz.asc'), release]);
    // Signing started a gpg-agent for this keyring; stop it (verification itself starts none).
    execFileSync('gpgconf', ['--homedir', home, '--kill', 'all']);
  });

  it('accepts a good signature by the pinned key', async () => {
    await verifySignature(localContext(), work, release, fingerprint);
  });

  it('refuses a key with another fingerprint than the pinned one', async () => {
    rmSync(join(work, 'gnupg'), { recursive: true, force: true });
    await assert.rejects(verifySignature(localContext(), work, release), /not Element's release key 712BFBEE92DCA45252DB17D7C7BE97EFA179B100/);
  });

  it('refuses a tampered tarball', async () => {
    rmSync(join(work, 'gnupg'), { recursive: true, force: true });
    writeFileSync(release, 'pretend release, changed\n');
    await assert.rejects(verifySignature(localContext(), work, release, fingerprint), /signature does not verify/);
  });
});
