import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Answers } from '../../src/answers/types.js';
import type { PackageRepository, RunContext, TaskAction } from '../../src/engine/types.js';
import { CommandFailedError, StepError } from '../../src/errors.js';
import { MATRIX_ORG_APT, matrixOrgSources } from '../templates/synapse-apt-source.js';
import type { SynapseLayout } from './sources.js';

/** Fingerprints of the primary keys in `gpg --with-colons` output (the fpr line right after each pub line). */
export function primaryFingerprints(colons: string): string[] {
  const found: string[] = [];
  let afterPub = false;
  for (const line of colons.split('\n')) {
    const fields = line.split(':');
    if (fields[0] === 'pub') afterPub = true;
    else if (fields[0] === 'fpr' && afterPub) {
      found.push(fields[9]);
      afterPub = false;
    } else if (fields[0] === 'sub') afterPub = false;
  }
  return found;
}

/** Why a downloaded keyring is not matrix.org's, or undefined when it holds exactly that key. */
export function keyringProblem(colons: string): string | undefined {
  const keys = primaryFingerprints(colons);
  if (keys.length === 0) return 'it holds no OpenPGP key';
  if (keys.length > 1) return `it holds ${keys.length} keys (${keys.join(', ')}), expected only ${MATRIX_ORG_APT.fingerprint}`;
  if (keys[0].toUpperCase() !== MATRIX_ORG_APT.fingerprint) return `its key is ${keys[0]}, expected ${MATRIX_ORG_APT.fingerprint}`;
  return undefined;
}

/**
 * Until when a keyring can verify signatures, in seconds since the epoch: the latest expiry of
 * its signing-capable keys (a subkey or the primary itself), not after the primary key's own;
 * null when it never expires; undefined when it has no usable signing key at all.
 * APT reports a signature by an expired key as EXPKEYSIG and refuses the repository.
 */
export function signingKeyExpiry(colons: string): number | null | undefined {
  let primary: number | null = null;
  const signing: Array<number | null> = [];
  for (const line of colons.split('\n')) {
    const fields = line.split(':');
    if (fields[0] !== 'pub' && fields[0] !== 'sub') continue;
    const expires = fields[6] ? Number(fields[6]) : null;
    if (fields[0] === 'pub') primary = expires;
    if (fields[1] !== 'r' && (fields[11] ?? '').includes('s')) signing.push(expires);
  }
  if (signing.length === 0) return undefined;
  const latest = signing.includes(null) ? null : Math.max(...(signing as number[]));
  if (primary === null) return latest;
  return latest === null ? primary : Math.min(latest, primary);
}

/** A keyring is refreshed this long before its signing key expires (matrix.org extends its key shortly before). */
export const KEY_REFRESH_MARGIN_DAYS = 30;

/** Why an installed keyring should be fetched again (expired or expiring soon), or undefined while it is good. */
export function keyringRefreshReason(colons: string, nowMs: number): string | undefined {
  const expiry = signingKeyExpiry(colons);
  if (expiry === undefined) return 'it holds no signing key that is not revoked';
  if (expiry === null) return undefined;
  const date = new Date(expiry * 1000).toISOString().slice(0, 10);
  if (expiry * 1000 <= nowMs) return `its signing key expired on ${date}`;
  if (expiry * 1000 <= nowMs + KEY_REFRESH_MARGIN_DAYS * 86_400_000) return `its signing key expires on ${date}`;
  return undefined;
}

/**
 * What to do with a freshly downloaded (and fingerprint-checked) key, given the installed one:
 * install it unless it lasts no longer than the installed one. Not yet extended upstream:
 * keep the installed key while it still works (warn), fail once it has expired.
 */
export function refreshDecision(installed: string | undefined, downloaded: string, nowMs: number): { action: 'install' } | { action: 'keep'; warning: string } | { action: 'fail'; reason: string } {
  const fresh = signingKeyExpiry(downloaded);
  const expiredDownload = fresh !== null && (fresh === undefined || fresh * 1000 <= nowMs);
  const current = installed === undefined ? undefined : signingKeyExpiry(installed);
  const lastsLonger = fresh === null || (fresh !== undefined && (current === undefined || (current !== null && fresh > current)));
  if (installed !== undefined && current !== undefined && !lastsLonger) {
    const until = current === null ? 'never' : new Date(current * 1000).toISOString().slice(0, 10);
    if (current === null || current * 1000 > nowMs) {
      return { action: 'keep', warning: `matrix.org's signing key expires on ${until} and the published key has not been extended yet; matrix-setup fetches it again on its next run.` };
    }
    return { action: 'fail', reason: `matrix.org's signing key expired on ${until}, and the key published at ${MATRIX_ORG_APT.keyUrl} is no newer` };
  }
  if (expiredDownload) return { action: 'fail', reason: `the key published at ${MATRIX_ORG_APT.keyUrl} has no signing key that is still valid` };
  return { action: 'install' };
}

/** True when apt-get update output says a suite does not exist on packages.matrix.org. */
export function isMissingSuite(output: string[]): boolean {
  return output.some((line) => /packages\.matrix\.org/.test(line) && /(does not have a Release file|404\s+Not Found)/i.test(line));
}

/**
 * packages.matrix.org as an APT source: its key checked against the known fingerprint
 * before it is trusted, a deb822 source that trusts that key for this repository only,
 * and its package index.
 */
export function matrixOrgRepository(codename: string): PackageRepository {
  return {
    id: 'packages.matrix.org',
    title: 'packages.matrix.org',
    setup: [keyringTask(), { kind: 'file', path: MATRIX_ORG_APT.sourcesFile, content: matrixOrgSources(codename), mode: 0o644, owner: 'root', group: 'root' }, indexTask(codename)],
  };
}

/** debconf answers for the package's install questions (apt runs non-interactive), set before it is installed. */
export function debconfAnswers(answers: Answers, layout: SynapseLayout): string {
  const owner = layout.packageName!;
  return `${owner} matrix-synapse/server-name string ${answers.server_name}\n` + `${owner} matrix-synapse/report-stats boolean ${answers.synapse.report_stats}\n`;
}

function keyringTask(): TaskAction {
  const temp = '<temporary directory>';
  return {
    kind: 'task',
    description: `Install matrix.org's signing key as ${MATRIX_ORG_APT.keyring} after checking its fingerprint is ${MATRIX_ORG_APT.fingerprint}; fetched again when its signing key expires within ${KEY_REFRESH_MARGIN_DAYS} days`,
    shows: [
      { argv: ['gpg', '--show-keys', '--with-colons', MATRIX_ORG_APT.keyring], when: 'read-only, on every run: the installed keyring, its key and when its signing key expires' },
      {
        argv: ['curl', '-fsSL', '--proto', '=https', '--max-time', '60', '-o', `${temp}/key`, MATRIX_ORG_APT.keyUrl],
        when: `when the keyring is missing, holds another key, or its signing key expires within ${KEY_REFRESH_MARGIN_DAYS} days`,
      },
      { argv: ['gpg', '--show-keys', '--with-colons', `${temp}/key`], when: 'refuses to go on unless the only key is the expected one; installs it only when it lasts longer than the installed one' },
      { argv: ['install', '-m', '0644', '-o', 'root', '-g', 'root', `${temp}/key`, MATRIX_ORG_APT.keyring] },
    ],
    async check(ctx) {
      const installed = await installedKeyring(ctx);
      return installed !== undefined && keyringRefreshReason(installed, Date.now()) === undefined;
    },
    async run(ctx) {
      const installed = await installedKeyring(ctx);
      const stale = installed === undefined ? undefined : keyringRefreshReason(installed, Date.now());
      if (stale) ctx.note(`${MATRIX_ORG_APT.keyring}: ${stale}; fetching matrix.org's key again.`);
      const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-key-'));
      try {
        const downloaded = join(dir, 'key');
        await ctx.exec.run(['curl', '-fsSL', '--proto', '=https', '--max-time', '60', '-o', downloaded, MATRIX_ORG_APT.keyUrl], {
          timeoutMs: 90_000,
          hint: `Check that this machine can reach ${new URL(MATRIX_ORG_APT.keyUrl).host} over HTTPS (proxy, firewall, DNS).`,
        });
        const colons = await showKeys(ctx, downloaded, dir);
        const problem = keyringProblem(colons);
        if (problem) {
          throw new StepError(`The key downloaded from ${MATRIX_ORG_APT.keyUrl} is not matrix.org's: ${problem}.`, {
            hint: 'It was not installed and nothing was trusted. Something between this machine and packages.matrix.org may be tampering with downloads; try again later, or use synapse.install: venv.',
          });
        }
        const decision = refreshDecision(installed, colons, Date.now());
        if (decision.action === 'keep') {
          ctx.warn(decision.warning);
          return;
        }
        if (decision.action === 'fail') {
          throw new StepError(`APT cannot verify packages.matrix.org: ${decision.reason}.`, {
            hint: "Check matrix.org's announcements (Synapse's upgrade notes) for a new key, or switch to synapse.install: venv, then resume.",
          });
        }
        let keyring = downloaded;
        // APT reads a .gpg keyring only in binary form; convert an ASCII-armored download.
        if (readFileSync(downloaded, 'latin1').startsWith('-----BEGIN PGP')) {
          keyring = join(dir, 'key.gpg');
          await ctx.exec.run(['gpg', '--batch', '--yes', '--output', keyring, '--dearmor', downloaded], { env: { GNUPGHOME: dir } });
        }
        await ctx.exec.run(['install', '-m', '0644', '-o', 'root', '-g', 'root', keyring, MATRIX_ORG_APT.keyring]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The installed keyring's `gpg --with-colons` listing when it holds exactly matrix.org's key; undefined otherwise. */
async function installedKeyring(ctx: RunContext): Promise<string | undefined> {
  if (!existsSync(MATRIX_ORG_APT.keyring)) return undefined;
  const colons = await showKeys(ctx, MATRIX_ORG_APT.keyring);
  return keyringProblem(colons) === undefined ? colons : undefined;
}

/** `gpg --show-keys` with a throwaway home, so root's own keyring is never touched. */
async function showKeys(ctx: RunContext, file: string, home?: string): Promise<string> {
  const dir = home ?? mkdtempSync(join(tmpdir(), 'matrix-setup-gpg-'));
  try {
    const result = await ctx.exec.run(['gpg', '--show-keys', '--with-colons', file], { probe: true, env: { GNUPGHOME: dir }, okExitCodes: [0, 2] });
    return result.stdout;
  } finally {
    if (!home) rmSync(dir, { recursive: true, force: true });
  }
}

function indexTask(codename: string): TaskAction {
  return {
    kind: 'task',
    description: `Read the package index of packages.matrix.org (suite ${codename})`,
    shows: [
      { argv: ['apt-cache', 'show', '--no-all-versions', 'matrix-synapse-py3'], when: 'read-only: whether APT already knows the package' },
      { argv: ['apt-get', 'update', '-q'], when: 'when it does not' },
    ],
    async check(ctx) {
      const result = await ctx.exec.run(['apt-cache', 'show', '--no-all-versions', 'matrix-synapse-py3'], { probe: true, okExitCodes: [0, 100] });
      return result.exitCode === 0 && result.stdout.trim() !== '';
    },
    async run(ctx) {
      try {
        await ctx.exec.run(['apt-get', 'update', '-q'], { timeoutMs: 15 * 60 * 1000 });
      } catch (error) {
        if (error instanceof CommandFailedError && isMissingSuite(error.info.outputTail ?? [])) {
          // Left in place, the source would break every later apt-get update on this machine.
          const removed = removeIfOurs(MATRIX_ORG_APT.sourcesFile, matrixOrgSources(codename));
          throw new StepError(`packages.matrix.org does not publish Synapse for "${codename}" (no Release file for that suite).`, {
            hint: `Set synapse.install: venv in the answers (Synapse from PyPI works on every release), then resume. ${removed ? `${MATRIX_ORG_APT.sourcesFile} was removed again so APT keeps working.` : `Remove ${MATRIX_ORG_APT.sourcesFile} if you switch.`}`,
            argv: error.info.argv,
            exitCode: error.info.exitCode,
            outputTail: error.info.outputTail,
          });
        }
        throw error;
      }
    },
  };
}

/** Removes a file only when it holds exactly what matrix-setup wrote there. */
function removeIfOurs(path: string, content: string): boolean {
  try {
    if (readFileSync(path, 'utf8') !== content) return false;
    rmSync(path);
    return true;
  } catch {
    return false;
  }
}
