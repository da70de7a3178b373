import { readFileSync, readlinkSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Answers } from '../../src/answers/types.js';
import { connectDatabase } from '../../src/database/connection.js';
import { ANY_EXIT_CODE, type Executor } from '../../src/exec/executor.js';
import type { Target } from '../../src/host/target.js';
import { ELEMENT_ROOT } from '../edge/edge-layout.js';
import { elementLayout } from '../edge/element-release.js';
import { SYNAPSE_LISTEN, synapseLayout, type SynapseLayout } from '../synapse/sources.js';
import { aptPolicyArgv, installedVersionArgv, parseAptPolicy, parseSimulation, simulateArgv, aptUpgradeArgv, describeChange, type AptPolicy, type SimulatedChange } from './package-commands.js';
import { comparePythonVersions, releaseOf, upstreamOfPackage } from './versions.js';

/**
 * What `upgrade --check` reads, and what `upgrade` decides from: the installed and the newest
 * available version of Synapse (through the way it was installed) and of Element Web, and
 * the facts of this machine that a new release may need. Read-only; parts that need root (the
 * database) are left out when they cannot be read.
 */
export interface InspectEnv {
  exec: Executor;
  answers: Answers;
  target: Target;
  /** The Synapse role's password, when this user can read it. */
  databasePassword?: () => string;
  elementRoot?: string;
  /** GET of a JSON document (tests pass a fake). */
  fetchJson?: (url: string) => Promise<unknown>;
}

export interface UpgradeRequest {
  /** --to: a Synapse release (1.161.0) or an exact package version. */
  to?: string;
  /** --element-tarball and --element-sha256: the Element Web release to install (offline servers). */
  elementTarball?: string;
  elementSha256?: string;
}

export interface SynapseFacts {
  method: SynapseLayout['source'];
  packageName?: string;
  /** Package version (apt, distro) or PyPI version (venv). */
  installed?: string;
  installedRelease?: string;
  /** What an upgrade would install (the newest, or --to). */
  candidate?: string;
  candidateRelease?: string;
  /** The version the running Synapse reports. */
  running?: string;
  /** Where the candidate comes from, in words. */
  source: string;
  /** apt: the package is on hold (apt-mark hold). */
  held?: boolean;
  policy?: AptPolicy;
  /** apt: what installing the candidate would change. */
  packageChanges?: SimulatedChange[];
  /** venv: the virtualenv's Python (major.minor). */
  python?: string;
  /** SCHEMA_VERSION of the installed code. */
  schemaVersion?: number;
  notes: string[];
}

export interface ElementFacts {
  enabled: boolean;
  installed?: string;
  installedRelease?: string;
  candidate?: string;
  candidateRelease?: string;
  source: string;
}

export interface DatabaseFacts {
  postgresMajor?: number;
  /** schema_compat_version in Synapse's database: the oldest code that can still run on it. */
  compatVersion?: number;
  schemaVersion?: number;
  /** Rows in background_updates: data migrations Synapse still runs in the background. */
  backgroundUpdates?: number;
  unreadable?: string;
}

export interface Inspection {
  synapse: SynapseFacts;
  element: ElementFacts;
  database: DatabaseFacts;
  /** The answers an upgrade leaves saved (a new Element source, a new pinned Synapse version). */
  answersAfter: Answers;
}

export const SERVER_VERSION_URL = `http://${SYNAPSE_LISTEN.host}:${SYNAPSE_LISTEN.port}/_synapse/admin/v1/server_version`;

export async function inspectUpgrade(env: InspectEnv, request: UpgradeRequest): Promise<Inspection> {
  const layout = synapseLayout(env.answers, env.target);
  const synapse = layout.source === 'venv' ? await inspectVenv(env, layout, request) : await inspectPackage(env, layout, request);
  synapse.running = await runningVersion(env);
  synapse.schemaVersion = await codeSchemaVersion(env.exec, layout);
  const answersAfter = answersAfterUpgrade(env.answers, synapse, request);
  const element = inspectElement(env.answers, answersAfter, env.elementRoot ?? ELEMENT_ROOT);
  const database = await inspectDatabase(env);
  return { synapse, element, database, answersAfter };
}

async function inspectPackage(env: InspectEnv, layout: SynapseLayout, request: UpgradeRequest): Promise<SynapseFacts> {
  const packageName = layout.packageName!;
  const facts: SynapseFacts = { method: layout.source, packageName, source: `apt-cache policy ${packageName}`, notes: [] };
  const status = await env.exec.run(['dpkg-query', '-W', '-f=${Status}', packageName], { probe: true, okExitCodes: ANY_EXIT_CODE });
  if (status.exitCode === 0 && /\binstalled$/.test(status.stdout.trim())) {
    facts.installed = (await env.exec.run(installedVersionArgv(packageName), { probe: true })).stdout.trim();
    facts.installedRelease = upstreamOfPackage(facts.installed);
    facts.held = status.stdout.startsWith('hold ');
  }
  const policy = parseAptPolicy((await env.exec.run(aptPolicyArgv(packageName), { probe: true, okExitCodes: ANY_EXIT_CODE })).stdout);
  facts.policy = policy;
  if (request.to) {
    const wanted = policy.versions.find((v) => v.version === request.to) ?? policy.versions.find((v) => upstreamOfPackage(v.version) === request.to);
    if (wanted) facts.candidate = wanted.version;
    else facts.notes.push(`--to ${request.to}: apt knows no such version of ${packageName} (it knows ${policy.versions.map((v) => v.version).join(', ') || 'none'}).`);
  } else {
    facts.candidate = policy.candidate;
  }
  if (facts.candidate) facts.candidateRelease = upstreamOfPackage(facts.candidate);
  if (facts.installed && facts.candidate && facts.candidate !== facts.installed) {
    const simulation = await env.exec.run(simulateArgv(aptUpgradeArgv(packageName, facts.candidate)), { probe: true, okExitCodes: ANY_EXIT_CODE });
    facts.packageChanges = parseSimulation(simulation.stdout);
    if (simulation.exitCode !== 0) facts.notes.push(`apt cannot install ${packageName} ${facts.candidate}: ${lastLine(simulation.stderr || simulation.stdout)}`);
  }
  return facts;
}

async function inspectVenv(env: InspectEnv, layout: SynapseLayout, request: UpgradeRequest): Promise<SynapseFacts> {
  const python = layout.python;
  const facts: SynapseFacts = { method: 'venv', source: 'the package index (PyPI) through pip', notes: [] };
  const installed = await env.exec.run([python, '-c', 'import importlib.metadata as m; print(m.version("matrix-synapse"))'], { probe: true, okExitCodes: ANY_EXIT_CODE });
  if (installed.exitCode === 0) {
    facts.installed = installed.stdout.trim();
    facts.installedRelease = facts.installed;
  }
  const version = await env.exec.run([python, '-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { probe: true, okExitCodes: ANY_EXIT_CODE });
  if (version.exitCode === 0) facts.python = version.stdout.trim();
  if (request.to) {
    facts.candidate = request.to;
    facts.source = `--to ${request.to} (pip checks it exists when it installs)`;
  } else if (env.answers.synapse.version !== 'latest') {
    facts.candidate = env.answers.synapse.version;
    facts.source = `synapse.version pinned to ${env.answers.synapse.version} in the answers`;
  } else {
    const index = await env.exec.run([python, '-m', 'pip', 'index', 'versions', 'matrix-synapse'], {
      probe: true,
      okExitCodes: ANY_EXIT_CODE,
      env: { PIP_DISABLE_PIP_VERSION_CHECK: '1', PIP_NO_INPUT: '1' },
      timeoutMs: 60_000,
    });
    const newest = parsePipIndex(index.stdout);
    if (index.exitCode === 0 && newest) facts.candidate = newest;
    else facts.notes.push(`The package index could not be asked for the newest matrix-synapse (${lastLine(index.stderr || index.stdout) || `pip exit ${index.exitCode}`}).`);
  }
  if (facts.candidate) facts.candidateRelease = facts.candidate;
  return facts;
}

/** `pip index versions matrix-synapse` → its first line "matrix-synapse (1.161.0)". */
export function parsePipIndex(text: string): string | undefined {
  return /^matrix-synapse \(([^)]+)\)/m.exec(text)?.[1];
}

async function runningVersion(env: InspectEnv): Promise<string | undefined> {
  const fetchJson =
    env.fetchJson ??
    (async (url: string) => {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      return response.ok ? response.json() : undefined;
    });
  try {
    const body = (await fetchJson(SERVER_VERSION_URL)) as { server_version?: unknown } | undefined;
    return typeof body?.server_version === 'string' ? releaseOf(body.server_version) : undefined;
  } catch {
    return undefined;
  }
}

/** SCHEMA_VERSION of the installed Synapse: the newest database schema it can run on. */
export async function codeSchemaVersion(exec: Executor, layout: SynapseLayout): Promise<number | undefined> {
  const result = await exec.run([layout.python, '-c', 'from synapse.storage.schema import SCHEMA_VERSION; print(SCHEMA_VERSION)'], {
    probe: true,
    okExitCodes: ANY_EXIT_CODE,
    cwd: '/',
  });
  const value = Number.parseInt(result.stdout.trim(), 10);
  return result.exitCode === 0 && Number.isFinite(value) ? value : undefined;
}

/** PostgreSQL's major version and the schema versions in Synapse's database, as the Synapse role sees them. */
export async function inspectDatabase(env: Pick<InspectEnv, 'answers' | 'databasePassword'>): Promise<DatabaseFacts> {
  if (!env.databasePassword) return { unreadable: 'the database password is readable by root only' };
  const { mode, host, port, name, user, sslmode } = env.answers.database;
  let password: string;
  try {
    password = env.databasePassword();
  } catch (error) {
    return { unreadable: (error as Error).message };
  }
  try {
    const client = await connectDatabase({ host: mode === 'local' ? '127.0.0.1' : host, port, database: name, user, password, sslmode });
    try {
      const facts: DatabaseFacts = {};
      const version = await client.query<{ server_version_num: string }>('SHOW server_version_num');
      facts.postgresMajor = Math.floor(Number(version.rows[0].server_version_num) / 10000);
      const compat = await client.query<{ compat_version: number }>('SELECT compat_version FROM schema_compat_version').catch(() => undefined);
      if (compat?.rows[0]) facts.compatVersion = Number(compat.rows[0].compat_version);
      const schema = await client.query<{ version: number }>('SELECT version FROM schema_version').catch(() => undefined);
      if (schema?.rows[0]) facts.schemaVersion = Number(schema.rows[0].version);
      const pending = await client.query<{ count: string }>('SELECT count(*) AS count FROM background_updates').catch(() => undefined);
      if (pending?.rows[0]) facts.backgroundUpdates = Number(pending.rows[0].count);
      return facts;
    } finally {
      await client.end().catch(() => {});
    }
  } catch (error) {
    return { unreadable: (error as Error).message };
  }
}

/** The saved answers after the upgrade: a pinned venv version follows --to, Element's source follows the new tarball. */
export function answersAfterUpgrade(answers: Answers, synapse: SynapseFacts, request: UpgradeRequest): Answers {
  const after: Answers = structuredClone(answers);
  if (synapse.method === 'venv' && request.to && answers.synapse.version !== 'latest') after.synapse.version = request.to;
  if (request.elementTarball) {
    after.element = { ...after.element, tarball: request.elementTarball, sha256: request.elementSha256?.toLowerCase(), version: 'latest' };
  }
  return after;
}

function inspectElement(answers: Answers, answersAfter: Answers, root: string): ElementFacts {
  if (!answers.element.enabled) return { enabled: false, source: 'element.enabled is false' };
  const installedRelease = linkedRelease(root);
  const installed = installedRelease ? elementVersion(root, installedRelease) : undefined;
  const layout = elementLayout(answersAfter, root);
  const candidateRelease = layout.release;
  const candidate = layout.source.kind === 'release' ? layout.source.version : versionOfRelease(candidateRelease);
  const source =
    layout.source.kind === 'release'
      ? answersAfter.element.version === 'latest'
        ? `the release this matrix-setup installs (${candidate}, signature checked)`
        : `element.version pinned to ${candidate} in the answers`
      : `the tarball ${layout.source.location}`;
  return { enabled: true, installed, installedRelease, candidate, candidateRelease, source };
}

/** The release directory `current` points at, if it is a link. */
export function linkedRelease(root: string): string | undefined {
  try {
    return readlinkSync(join(root, 'current')).replace(/\/$/, '').split('/').pop();
  } catch {
    return undefined;
  }
}

/** The version an Element release directory holds: its `version` file, else its name. */
export function elementVersion(root: string, release: string): string {
  const file = join(root, release, 'version');
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim().replace(/^v/, '');
    if (text) return text;
  }
  return versionOfRelease(release);
}

function versionOfRelease(release: string): string {
  return release.replace(/^element-v?/, '');
}

/** Whether `candidate` is a newer Element than `installed` (different and not older, where both are versions). */
export function elementIsNewer(installed: string | undefined, candidate: string | undefined): boolean {
  if (!candidate || candidate === installed) return false;
  if (!installed) return true;
  const semver = /^\d+\.\d+\.\d+/;
  return semver.test(installed) && semver.test(candidate) ? comparePythonVersions(candidate, installed) > 0 : true;
}

export function describePackageChanges(changes: SimulatedChange[] | undefined): string[] {
  return (changes ?? []).map(describeChange);
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).pop() ?? '';
}
