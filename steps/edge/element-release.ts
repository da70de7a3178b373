import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Answers } from '../../src/answers/types.js';
import type { RunContext, TaskAction } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import { sha256File } from '../../src/fs/sha256-file.js';
import { ELEMENT_ROOT } from './edge-layout.js';
import { edgeText as t } from '../../src/i18n/messages/steps-edge.js';
import type { Localized } from '../../src/i18n/localized.js';

/**
 * The Element Web release this version of matrix-setup installs when the answers say
 * `latest`: a pinned, known release, so a plan shows exactly what will be installed.
 */
export const ELEMENT_WEB_VERSION = '1.11.100';
export const ELEMENT_RELEASE_KEY_URL = 'https://packages.element.io/element-release-key.asc';
/** Element's release signing key. A key file with any other fingerprint is refused. */
export const ELEMENT_RELEASE_KEY_FINGERPRINT = '712BFBEE92DCA45252DB17D7C7BE97EFA179B100';
/** Written into a release directory once it is complete; says where it came from. */
export const SOURCE_MARKER = '.matrix-setup-source';

export type ElementSource =
  | { kind: 'release'; version: string; url: string; signatureUrl: string }
  | { kind: 'tarball'; location: string; sha256: string };

export interface ElementLayout {
  root: string;
  /** element-v1.11.100: the directory a release unpacks to. */
  release: string;
  releaseDir: string;
  /** The symlink nginx serves from; it names the release directory relatively. */
  current: string;
  config: string;
  source: ElementSource;
}

export function elementLayout(answers: Answers, root = ELEMENT_ROOT): ElementLayout {
  const { tarball, sha256 } = answers.element;
  const exact = answers.element.version === 'latest' ? undefined : answers.element.version;
  let source: ElementSource;
  let version: string;
  if (tarball) {
    source = { kind: 'tarball', location: tarball, sha256: (sha256 ?? '').toLowerCase() };
    version = exact ?? versionFromFileName(tarball) ?? `sha256-${source.sha256.slice(0, 12)}`;
  } else {
    version = exact ?? ELEMENT_WEB_VERSION;
    const url = `https://github.com/element-hq/element-web/releases/download/v${version}/element-v${version}.tar.gz`;
    source = { kind: 'release', version, url, signatureUrl: `${url}.asc` };
  }
  const release = version.startsWith('sha256-') ? `element-${version}` : `element-v${version}`;
  const releaseDir = `${root}/${release}`;
  return { root, release, releaseDir, current: `${root}/current`, config: `${releaseDir}/config.json`, source };
}

function versionFromFileName(location: string): string | undefined {
  return /^element-v(\d+\.\d+\.\d+(?:-rc\.\d+)?)\.tar\.gz$/.exec(basename(location))?.[1];
}

/** What the marker of a complete release directory says about its source. */
export function sourceId(source: ElementSource): string {
  return source.kind === 'tarball' ? `sha256 ${source.sha256}\n` : `release v${source.version} signed by ${ELEMENT_RELEASE_KEY_FINGERPRINT}\n`;
}

/** Primary-key fingerprints in `gpg --with-colons --list-keys` output. */
export function primaryFingerprints(colons: string): string[] {
  const found: string[] = [];
  let afterPrimary = false;
  for (const line of colons.split('\n')) {
    const fields = line.split(':');
    if (fields[0] === 'pub') afterPrimary = true;
    else if (fields[0] === 'fpr' && afterPrimary) {
      found.push(fields[9].toUpperCase());
      afterPrimary = false;
    } else if (fields[0] === 'sub') afterPrimary = false;
  }
  return found;
}

/** The primary-key fingerprint of a good signature in `gpg --status-fd 1 --verify` output. */
export function validSignatureKey(status: string): string | undefined {
  const line = status.split('\n').find((l) => l.startsWith('[GNUPG:] VALIDSIG '));
  if (!line) return undefined;
  const fields = line.trim().split(/\s+/).slice(2);
  // VALIDSIG <signing key fpr> <date> <timestamp> <expiry> <version> <reserved> <pk algo> <hash algo> <class> <primary fpr>
  return (fields.length >= 10 ? fields[9] : fields[0]).toUpperCase();
}

export function releaseInstalled(layout: ElementLayout): boolean {
  try {
    return readFileSync(join(layout.releaseDir, SOURCE_MARKER), 'utf8') === sourceId(layout.source);
  } catch {
    return false;
  }
}

function downloadShows(layout: ElementLayout, temp: string) {
  const source = layout.source;
  const curl = (url: string, out: string) => ['curl', '-fsSL', '--proto', '=https', '--retry', '3', '-o', out, url];
  const tarball = source.kind === 'tarball' && !/^https:\/\//.test(source.location) ? source.location : `${temp}/element.tar.gz`;
  const shows: Array<{ argv: string[]; when?: Localized }> = [];
  if (source.kind === 'release') {
    const gpg = ['gpg', '--homedir', `${temp}/gnupg`, '--batch', '--no-autostart'];
    shows.push(
      { argv: curl(source.url, tarball) },
      { argv: curl(source.signatureUrl, `${temp}/element.tar.gz.asc`) },
      { argv: curl(ELEMENT_RELEASE_KEY_URL, `${temp}/element-release-key.asc`) },
      { argv: [...gpg, '--import', `${temp}/element-release-key.asc`] },
      { argv: [...gpg, '--with-colons', '--list-keys'], when: t.whenKeyIs({ fingerprint: ELEMENT_RELEASE_KEY_FINGERPRINT }) },
      { argv: [...gpg, '--status-fd', '1', '--verify', `${temp}/element.tar.gz.asc`, tarball], when: t.whenGoodSignature({ fingerprint: ELEMENT_RELEASE_KEY_FINGERPRINT }) },
    );
  } else {
    if (tarball !== source.location) shows.push({ argv: curl(source.location, tarball) });
    shows.push({ argv: ['sha256sum', tarball], when: t.whenChecksum({ sha256: source.sha256 }) });
  }
  shows.push({ argv: ['tar', '-xzf', tarball, '-C', `${temp}/unpack`, '--no-same-owner'] }, { argv: ['mv', `${temp}/unpack/${t.topDirectory.en}`, layout.releaseDir] });
  return { shows, tarball };
}

/**
 * Fetches and checks a release, then unpacks it into its own versioned directory. A
 * directory is complete only once it carries the source marker, so an interrupted run starts
 * over cleanly; nothing is unpacked from a file that failed its check.
 */
export function installReleaseTask(layout: ElementLayout): TaskAction {
  const what = layout.source.kind === 'release' ? t.releaseSigned({ version: layout.source.version }) : t.releaseFrom({ location: layout.source.location });
  return {
    kind: 'task',
    description: t.installRelease({ what, dir: layout.releaseDir }),
    shows: downloadShows(layout, `${layout.root}/.download-XXXXXX`).shows,
    check: async () => releaseInstalled(layout),
    run: (ctx) => installRelease(ctx, layout),
  };
}

export async function installRelease(ctx: RunContext, layout: ElementLayout): Promise<void> {
  mkdirSync(layout.root, { recursive: true, mode: 0o755 });
  // In the same file system as the release directories, so the final move is a rename.
  const temp = mkdtempSync(join(layout.root, '.download-'));
  try {
    const { tarball } = downloadShows(layout, temp);
    const source = layout.source;
    const curl = (url: string, out: string) =>
      ctx.exec.run(['curl', '-fsSL', '--proto', '=https', '--retry', '3', '-o', out, url], {
        timeoutMs: 10 * 60_000,
        hint: t.downloadHint,
      });
    if (source.kind === 'release') {
      await curl(source.url, tarball);
      await curl(source.signatureUrl, `${temp}/element.tar.gz.asc`);
      await curl(ELEMENT_RELEASE_KEY_URL, `${temp}/element-release-key.asc`);
      await verifySignature(ctx, temp, tarball);
    } else {
      if (tarball !== source.location) await curl(source.location, tarball);
      if (!existsSync(tarball)) throw new StepError(t.tarballMissing({ path: tarball }), { hint: t.tarballMissingHint });
      const actual = await sha256File(tarball);
      if (actual !== source.sha256) {
        throw new StepError(t.checksumMismatch({ location: source.location, actual, expected: source.sha256 }), { hint: t.checksumMismatchHint });
      }
    }
    const unpack = join(temp, 'unpack');
    mkdirSync(unpack);
    await ctx.exec.run(['tar', '-xzf', tarball, '-C', unpack, '--no-same-owner'], { timeoutMs: 10 * 60_000, hint: t.unpackHint });
    const top = readdirSync(unpack);
    if (top.length !== 1 || !lstatSync(join(unpack, top[0])).isDirectory() || !existsSync(join(unpack, top[0], 'index.html'))) {
      throw new StepError(t.notARelease({ found: top.join(', ') || t.nothing }), { hint: t.notAReleaseHint });
    }
    if (existsSync(layout.releaseDir)) {
      // Something without our marker: an earlier copy made by hand. Keep it, out of the way.
      const aside = `${layout.releaseDir}.matrix-setup-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}.bak`;
      renameSync(layout.releaseDir, aside);
      ctx.note(t.movedAside({ path: layout.releaseDir, aside }));
    }
    writeFileSync(join(unpack, top[0], SOURCE_MARKER), sourceId(source), { mode: 0o644 });
    renameSync(join(unpack, top[0]), layout.releaseDir);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * Checks `<temp>/element.tar.gz.asc` over the tarball with only the key in
 * `<temp>/element-release-key.asc`, in a keyring of its own that must hold exactly the pinned key.
 */
export async function verifySignature(ctx: RunContext, temp: string, tarball: string, fingerprint = ELEMENT_RELEASE_KEY_FINGERPRINT): Promise<void> {
  const home = join(temp, 'gnupg');
  mkdirSync(home, { recursive: true, mode: 0o700 });
  // --no-autostart: checking a signature needs no gpg-agent, and one started here would outlive the temporary keyring.
  const gpg = ['gpg', '--homedir', home, '--batch', '--no-autostart'];
  await ctx.exec.run([...gpg, '--import', `${temp}/element-release-key.asc`], { probe: true });
  const keys = await ctx.exec.run([...gpg, '--with-colons', '--list-keys'], { probe: true });
  const fingerprints = primaryFingerprints(keys.stdout);
  if (fingerprints.length !== 1 || fingerprints[0] !== fingerprint) {
    throw new StepError(t.wrongKey({ url: ELEMENT_RELEASE_KEY_URL, found: fingerprints.join(', ') || t.noKey, fingerprint }), { hint: t.wrongKeyHint });
  }
  const verify = await ctx.exec.run([...gpg, '--status-fd', '1', '--verify', `${temp}/element.tar.gz.asc`, tarball], { probe: true, okExitCodes: [0, 1, 2] });
  const signer = validSignatureKey(verify.stdout);
  if (verify.exitCode !== 0 || signer !== fingerprint) {
    throw new StepError(t.badSignature({ fingerprint }), {
      hint: t.badSignatureHint,
      outputTail: `${verify.stdout}\n${verify.stderr}`.split('\n').filter(Boolean).slice(-10),
    });
  }
}

/** `current` → the release: replaced by a rename, so nginx never sees a missing link and a rollback is one link. */
export function switchCurrentTask(layout: ElementLayout): TaskAction {
  return {
    kind: 'task',
    description: t.switchTask({ link: layout.current, release: layout.release }),
    shows: [{ argv: ['ln', '-sfn', layout.release, layout.current] }],
    check: async () => currentTarget(layout) === layout.release,
    run: async (ctx) => {
      const before = currentTarget(layout);
      if (before === null) {
        throw new StepError(t.notALink({ path: layout.current }), { hint: t.notALinkHint });
      }
      const temp = `${layout.current}.${process.pid}.tmp`;
      rmSync(temp, { force: true });
      symlinkSync(layout.release, temp);
      renameSync(temp, layout.current);
      if (before) ctx.note(t.switched({ before, release: layout.release, link: layout.current }));
    },
  };
}

/** The link's target; undefined when absent, null when something else is there. */
export function currentTarget(layout: ElementLayout): string | null | undefined {
  try {
    const stat = lstatSync(layout.current);
    return stat.isSymbolicLink() ? readlinkSync(layout.current) : null;
  } catch {
    return undefined;
  }
}
