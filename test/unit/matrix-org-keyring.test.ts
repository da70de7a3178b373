// The matrix.org keyring's expiry, read from real `gpg --show-keys --with-colons` output of keys
// made here (gpg's --faked-system-time makes one that expired). packages.matrix.org itself cannot
// be reached from this machine: the download is plan-level only.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { keyringRefreshReason, refreshDecision, signingKeyExpiry } from '../../steps/synapse/apt-repository.js';
import { synapseInstallStep } from '../../steps/synapse-install.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2027, 2, 1); // 2027-03-01
const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** A gpg --with-colons listing: a certify-only primary key and signing subkeys with these expiries (seconds; '' never). */
function listing(primaryExpiry: number | '', ...subkeys: Array<{ expires: number | ''; revoked?: boolean }>): string {
  return [
    `pub:-:4096:1:CF45A512DE2DA058:1560000000:${primaryExpiry}::-:::cSC::::::23::0:`,
    'fpr:::::::::AAF9AE843A7584B5A3E4CD2BCF45A512DE2DA058:',
    ...subkeys.flatMap((sub, i) => [`sub:${sub.revoked ? 'r' : '-'}:4096:1:F473DD4473365DE${i}:1560000000:${sub.expires}:::::s::::::23:`, `fpr:::::::::00000000000000000000000000000000F473DD4${i}:`]),
  ].join('\n');
}

describe('matrix.org keyring expiry', () => {
  it('is the latest signing subkey, capped by the primary key; revoked subkeys do not count', () => {
    assert.equal(signingKeyExpiry(listing('', { expires: at('2027-03-15') })), at('2027-03-15'));
    assert.equal(signingKeyExpiry(listing('', { expires: at('2025-03-15') }, { expires: at('2029-03-15') })), at('2029-03-15'));
    assert.equal(signingKeyExpiry(listing(at('2028-01-01'), { expires: at('2029-03-15') })), at('2028-01-01'));
    assert.equal(signingKeyExpiry(listing('', { expires: at('2029-03-15'), revoked: true }, { expires: at('2027-03-15') })), at('2027-03-15'));
    assert.equal(signingKeyExpiry(listing('', { expires: '' })), null);
    // The primary key's own capabilities are the lowercase letters: "cSC" only certifies, "scSC" also signs.
    assert.equal(signingKeyExpiry(listing('')), undefined);
    assert.equal(signingKeyExpiry(listing('').replace(':cSC:', ':scSC:')), null);
    assert.equal(signingKeyExpiry('pub:-:4096:1:AB:1560000000:::-:::cC:::::\nsub:r:4096:1:CD:1560000000:::::s:::::\n'), undefined);
  });

  it(`asks for a refresh when the signing key has expired or expires within 30 days, on every run`, () => {
    assert.equal(keyringRefreshReason(listing('', { expires: at('2027-06-01') }), NOW), undefined);
    assert.equal(keyringRefreshReason(listing('', { expires: at('2027-03-15') }), NOW), 'its signing key expires on 2027-03-15');
    assert.equal(keyringRefreshReason(listing('', { expires: at('2027-03-15') }), NOW + 20 * DAY), 'its signing key expired on 2027-03-15');
    assert.equal(keyringRefreshReason(listing('', { expires: '' }), NOW), undefined);
  });

  it('installs a download only when it lasts longer; keeps a working key until matrix.org extends it; fails once both are expired', () => {
    const installed = listing('', { expires: at('2027-03-15') });
    assert.deepEqual(refreshDecision(installed, listing('', { expires: at('2029-03-15') }), NOW), { action: 'install' });
    assert.deepEqual(refreshDecision(undefined, listing('', { expires: at('2027-03-15') }), NOW), { action: 'install' }, 'a first install');
    const notYet = refreshDecision(installed, installed, NOW);
    assert.equal(notYet.action, 'keep');
    assert.match(notYet.action === 'keep' ? notYet.warning : '', /expires on 2027-03-15 and the published key has not been extended yet/);
    const both = refreshDecision(installed, installed, NOW + 30 * DAY);
    assert.equal(both.action, 'fail');
    assert.match(both.action === 'fail' ? both.reason : '', /expired on 2027-03-15, and the key published at .* is no newer/);
    assert.equal(refreshDecision(undefined, listing('', { expires: at('2026-01-01') }), NOW).action, 'fail', 'never installs an expired key');
  });

  it('the plan says the keyring is checked on every run', () => {
    const actions = synapseInstallStep.plan({ answers: testAnswers({ synapse: { install: 'apt' } }), target: testTarget('debian-12') });
    const packages = actions.find((a) => a.kind === 'packages');
    assert.ok(packages?.kind === 'packages' && packages.repositories, 'the package comes with its repository, checked whenever the package is');
    const keyring = packages.repositories[0].setup.find((a) => a.kind === 'task' && a.description.startsWith("Install matrix.org's signing key"));
    assert.ok(keyring?.kind === 'task');
    assert.match(keyring.description, /fetched again when its signing key expires within 30 days/);
    assert.match(keyring.shows[0].when ?? '', /on every run/);
  });
});

describe('matrix.org keyring expiry, read from real gpg output', { skip: spawnSync('gpg', ['--version']).status === 0 ? false : 'needs gpg' }, () => {
  let home: string;
  let fingerprint: string;
  const gpg = (args: string[], time?: string) => {
    const result = spawnSync('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', '', ...(time ? ['--faked-system-time', time] : []), ...args], {
      env: { ...process.env, GNUPGHOME: home },
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
  };
  const exported = () => {
    const file = join(home, `export-${Math.random().toString(36).slice(2)}.gpg`);
    gpg(['--output', file, '--export', fingerprint]);
    return gpg(['--show-keys', '--with-colons', file]);
  };

  before(() => {
    home = mkdtempSync(join(tmpdir(), 'matrix-setup-keyring-test-'));
    // A key made "in 2024" with a signing subkey valid for one year: expired today.
    gpg(['--quick-gen-key', 'Expiry Test <expiry@example.org>', 'ed25519', 'cert', 'never'], '20240101T000000');
    fingerprint = gpg(['--with-colons', '--list-keys']).split('\n').find((l) => l.startsWith('fpr:'))!.split(':')[9];
    gpg(['--quick-add-key', fingerprint, 'ed25519', 'sign', '1y'], '20240101T000000');
  });

  after(() => {
    spawnSync('gpgconf', ['--kill', 'all'], { env: { ...process.env, GNUPGHOME: home } });
    rmSync(home, { recursive: true, force: true });
  });

  it('finds the expired signing subkey, then the extension of the same key', () => {
    const old = exported();
    assert.equal(signingKeyExpiry(old), at('2024-12-31'));
    assert.match(keyringRefreshReason(old, Date.now()) ?? '', /^its signing key expired on 2024-12-3\d$/);
    const subkey = old.split('\n').filter((l) => l.startsWith('fpr:'))[1].split(':')[9];
    gpg(['--quick-set-expire', fingerprint, '3y', subkey]);
    const extended = exported();
    assert.equal(keyringRefreshReason(extended, Date.now()), undefined);
    assert.deepEqual(refreshDecision(old, extended, Date.now()), { action: 'install' });
  });
});
