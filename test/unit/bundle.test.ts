// The shipped artifact: dist/matrix-setup.mjs must be self-contained and start on the Node
// floor (18.19.0, the exact binary from the npm registry) as well as on the dev Node.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
// @ts-expect-error a plain .mjs helper of the project's scripts
import { nodeBinary } from '../../scripts/node-binaries.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'matrix-setup.mjs');

// The bundle runs from a copy in a scratch directory with no node_modules above it, with the
// files the tests name beside it: whatever it needs at run time must be inside it.
const ISOLATED = mkdtempSync(join(tmpdir(), 'matrix-setup-bundle-'));
after(() => rmSync(ISOLATED, { recursive: true, force: true }));

before(() => {
  if (!existsSync(BUNDLE)) {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    assert.equal(build.status, 0, 'the build failed');
  }
  copyFileSync(BUNDLE, join(ISOLATED, 'matrix-setup.mjs'));
  for (const dir of ['examples', 'test/fixtures/answers', 'test/fixtures/os-release']) cpSync(join(ROOT, dir), join(ISOLATED, dir), { recursive: true });
});

// An English locale unless a test asks for another: the machine running the tests may have any.
const ENGLISH = { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };

function runBundle(node: string, args: string[], locale: Record<string, string> = ENGLISH) {
  return spawnSync(node, ['matrix-setup.mjs', ...args], { cwd: ISOLATED, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...ENGLISH, ...locale } });
}

describe('the bundle', () => {
  it('has no runtime dependencies: package.json lists devDependencies only', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.dependencies, undefined);
    assert.equal(pkg.optionalDependencies, undefined);
  });

  const nodes: Array<[string, () => string | undefined]> = [
    ['Node 18.19.0', () => nodeBinary('18.19.0')],
    [`the dev Node ${process.version}`, () => process.execPath],
  ];
  for (const [label, resolve] of nodes) {
    it(`starts on ${label}: --version, --help, plan`, (t) => {
      const node = resolve();
      if (!node) return t.skip(`${label} is not available on this machine (${process.arch})`);
      const version = runBundle(node, ['--version']);
      assert.equal(version.status, 0, version.stderr);
      assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
      const help = runBundle(node, ['--help']);
      assert.equal(help.status, 0, help.stderr);
      assert.match(help.stdout, /Exit status/);
      const plan = runBundle(node, ['plan', '--answers', 'examples/answers.yaml', '--target', 'debian-12']);
      assert.equal(plan.status, 0, plan.stderr);
      assert.match(plan.stdout, /^Plan for Debian 12/);
      const json = runBundle(node, ['plan', '--answers', 'examples/answers.yaml', '--target', 'rocky-9', '--json']);
      assert.equal(json.status, 0, json.stderr);
      assert.equal(JSON.parse(json.stdout).target.id, 'rocky-9');
    });
  }

  it('exits 2 naming the key and line for invalid answers, and 3 for a CentOS 7 host', () => {
    const bad = runBundle(process.execPath, ['plan', '--answers', 'test/fixtures/answers/many-problems.yaml', '--target', 'debian-12']);
    assert.equal(bad.status, 2, bad.stderr);
    assert.match(bad.stderr, /:\d+:\d+/);
    const centos = runBundle(process.execPath, ['plan', '--answers', 'examples/answers.yaml', '--os-release', 'test/fixtures/os-release/centos-7']);
    assert.equal(centos.status, 3, centos.stderr);
    assert.match(centos.stderr, /CentOS/);
  });

  it('--help in the language of the locale, or of --lang', () => {
    const russian = runBundle(process.execPath, ['--help'], { LANG: 'ru_RU.UTF-8' });
    assert.equal(russian.status, 0, russian.stderr);
    assert.match(russian.stdout, /^matrix-setup: превращает этот сервер/);
    assert.match(russian.stdout, /\nКод завершения\n/);
    assert.doesNotMatch(russian.stdout, /Exit status/);
    // Through the application rather than the launcher's shortcut: --lang wins over the locale.
    const asked = runBundle(process.execPath, ['--lang', 'ru', '--help']);
    assert.equal(asked.stdout, russian.stdout);
    const english = runBundle(process.execPath, ['--help', '--lang', 'en'], { LANG: 'ru_RU.UTF-8' });
    assert.match(english.stdout, /\nExit status\n/);
    assert.doesNotMatch(english.stdout, /[а-яё]/i);
  });

  it('exits 2 with a clear message on bad usage', () => {
    const result = runBundle(process.execPath, ['plan']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /needs --answers/);
    const unknown = runBundle(process.execPath, ['frobnicate']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /Unknown command "frobnicate"/);
  });

  it('without a terminal and without answers, explains what is needed instead of waiting (exit 2)', () => {
    const result = runBundle(process.execPath, []);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--answers FILE --yes/);
  });
});
