import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './process.js';

export const ELEMENT_FIXTURE_VERSION = '1.0.0';

export interface ElementTarball {
  path: string;
  sha256: string;
  version: string;
  /** Removes the temp directory holding it. */
  remove(): void;
}

/**
 * A small stand-in for an Element Web release tarball, laid out like the real one
 * (element-v<version>/ with index.html, config.sample.json and version), so the install
 * works offline. Another version makes the release an upgrade goes to.
 */
export async function makeElementTarball(version = ELEMENT_FIXTURE_VERSION): Promise<ElementTarball> {
  const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-e2e-element-'));
  const top = `element-v${version}`;
  mkdirSync(join(dir, top));
  writeFileSync(join(dir, top, 'index.html'), '<!doctype html>\n<title>Element (test fixture)</title>\n<p>Element Web fixture</p>\n');
  writeFileSync(
    join(dir, top, 'config.sample.json'),
    `${JSON.stringify({ default_server_config: { 'm.homeserver': { base_url: 'https://matrix-client.matrix.org', server_name: 'matrix.org' } }, brand: 'Element' }, null, 4)}\n`,
  );
  writeFileSync(join(dir, top, 'version'), `${version}\n`);
  const path = join(dir, `${top}.tar.gz`);
  await run(['tar', '--owner=0', '--group=0', '--numeric-owner', '-czf', path, '-C', dir, top]);
  const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
  return { path, sha256, version, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
