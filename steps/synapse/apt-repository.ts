import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Answers } from '../../src/answers/types.js';
import type { PackageRepository, RunContext, TaskAction } from '../../src/engine/types.js';
import { CommandFailedError, StepError } from '../../src/errors.js';
import { MATRIX_ORG_APT, matrixOrgSources } from '../templates/synapse-apt-source.js';
import type { SynapseLayout } from './sources.js';
import { synapseText as t } from '../../src/i18n/messages/steps-synapse.js';
import { verbatim, type Localized } from '../../src/i18n/localized.js';

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
export function keyringProblem(colons: string): Localized | undefined {
  const keys = primaryFingerprints(colons);
  const expected = MATRIX_ORG_APT.fingerprint;
  if (keys.length === 0) return t.keyringEmpty;
  if (keys.length > 1) return t.keyringMany({ count: keys.length, keys: keys.join(', '), expected });
  if (keys[0].toUpperCase() !== expected) return t.keyringOther({ key: keys[0], expected });
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
export function keyringRefreshReason(colons: string, nowMs: number): Localized | undefined {
  const expiry = signingKeyExpiry(colons);
  if (expiry === undefined) return t.noSigningKey;
  if (expiry === null) return undefined;
  const date = new Date(expiry * 1000).toISOString().slice(0, 10);
  if (expiry * 1000 <= nowMs) return t.signingKeyExpired({ date });
  if (expiry * 1000 <= nowMs + KEY_REFRESH_MARGIN_DAYS * 86_400_000) return t.signingKeyExpires({ date });
  return undefined;
}

/**
 * What to do with a freshly downloaded (and fingerprint-checked) key, given the installed one:
 * install it unless it lasts no longer than the installed one. Not yet extended upstream:
 * keep the installed key while it still works (warn), fail once it has expired.
 */
export function refreshDecision(installed: string | undefined, downloaded: string, nowMs: number): { action: 'install' } | { action: 'keep'; warning: Localized } | { action: 'fail'; reason: Localized } {
  const fresh = signingKeyExpiry(downloaded);
  const expiredDownload = fresh !== null && (fresh === undefined || fresh * 1000 <= nowMs);
  const current = installed === undefined ? undefined : signingKeyExpiry(installed);
  const lastsLonger = fresh === null || (fresh !== undefined && (current === undefined || (current !== null && fresh > current)));
  if (installed !== undefined && current !== undefined && !lastsLonger) {
    const date = current === null ? t.never : new Date(current * 1000).toISOString().slice(0, 10);
    if (current === null || current * 1000 > nowMs) return { action: 'keep', warning: t.keyNotExtended({ date }) };
    return { action: 'fail', reason: t.keyExpiredNoNewer({ date, url: MATRIX_ORG_APT.keyUrl }) };
  }
  if (expiredDownload) return { action: 'fail', reason: t.publishedKeyExpired({ url: MATRIX_ORG_APT.keyUrl }) };
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
    title: verbatim('packages.matrix.org'),
    setup: [keyringTask(), { kind: 'file', path: MATRIX_ORG_APT.sourcesFile, content: matrixOrgSources(codename), mode: 0o644, owner: 'root', group: 'root' }, indexTask(codename)],
  };
}

/** debconf answers for the package's install questions (apt runs non-interactive), set before it is installed. */
export function debconfAnswers(answers: Answers, layout: SynapseLayout): string {
  const owner = layout.packageName!;
  return `${owner} matrix-synapse/server-name string ${answers.server_name}\n` + `${owner} matrix-synapse/report-stats boolean ${answers.synapse.report_stats}\n`;
}

function keyringTask(): TaskAction {
  const temp = t.temporaryDirectory.en;
  const days = KEY_REFRESH_MARGIN_DAYS;
  return {
    kind: 'task',
    description: t.keyringTask({ keyring: MATRIX_ORG_APT.keyring, fingerprint: MATRIX_ORG_APT.fingerprint, days }),
    shows: [
      { argv: ['gpg', '--show-keys', '--with-colons', MATRIX_ORG_APT.keyring], when: t.whenKeyring },
      { argv: ['curl', '-fsSL', '--proto', '=https', '--max-time', '60', '-o', `${temp}/key`, MATRIX_ORG_APT.keyUrl], when: t.whenKeyringStale({ days }) },
      { argv: ['gpg', '--show-keys', '--with-colons', `${temp}/key`], when: t.whenKeyChecked },
      { argv: ['install', '-m', '0644', '-o', 'root', '-g', 'root', `${temp}/key`, MATRIX_ORG_APT.keyring] },
    ],
    async check(ctx) {
      const installed = await installedKeyring(ctx);
      return installed !== undefined && keyringRefreshReason(installed, Date.now()) === undefined;
    },
    async run(ctx) {
      const installed = await installedKeyring(ctx);
      const stale = installed === undefined ? undefined : keyringRefreshReason(installed, Date.now());
      if (stale) ctx.note(t.keyringStale({ keyring: MATRIX_ORG_APT.keyring, reason: stale }));
      const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-key-'));
      try {
        const downloaded = join(dir, 'key');
        await ctx.exec.run(['curl', '-fsSL', '--proto', '=https', '--max-time', '60', '-o', downloaded, MATRIX_ORG_APT.keyUrl], {
          timeoutMs: 90_000,
          hint: t.reachOverHttps({ host: new URL(MATRIX_ORG_APT.keyUrl).host }),
        });
        const colons = await showKeys(ctx, downloaded, dir);
        const problem = keyringProblem(colons);
        if (problem) {
          throw new StepError(t.notMatrixOrgKey({ url: MATRIX_ORG_APT.keyUrl, problem }), { hint: t.notMatrixOrgKeyHint });
        }
        const decision = refreshDecision(installed, colons, Date.now());
        if (decision.action === 'keep') {
          ctx.warn(decision.warning);
          return;
        }
        if (decision.action === 'fail') {
          throw new StepError(t.cannotVerifyRepository({ reason: decision.reason }), { hint: t.cannotVerifyRepositoryHint });
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
    description: t.indexTask({ codename }),
    shows: [
      { argv: ['apt-cache', 'show', '--no-all-versions', 'matrix-synapse-py3'], when: t.whenAptKnows },
      { argv: ['apt-get', 'update', '-q'], when: t.whenItDoesNot },
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
          throw new StepError(t.noSuite({ codename }), {
            hint: (removed ? t.noSuiteRemovedHint : t.noSuiteHint)({ file: MATRIX_ORG_APT.sourcesFile }),
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
