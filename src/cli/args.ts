import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';

export type CommandName = 'install' | 'plan' | 'status' | 'resume' | 'verify' | 'upgrade' | 'backup' | 'restore' | 'adopt';

export interface CliArgs {
  command: CommandName;
  answers?: string;
  yes: boolean;
  target?: string;
  osRelease?: string;
  json: boolean;
  stateDir?: string;
  logFile?: string;
  plain: boolean;
  verbose: boolean;
  serverName?: string;
  /** verify: a CA certificate (PEM) to trust in addition to the system's. */
  ca?: string;
  planOnly: boolean;
  /** upgrade: only report the versions and what stands in the way. */
  check: boolean;
  /** upgrade: the Synapse release to go to; backup: the directory the archive goes to. */
  to?: string;
  /** upgrade: no backup first. */
  noBackup: boolean;
  /** upgrade: undo the last upgrade. */
  rollback: boolean;
  /** upgrade: a new Element Web release tarball and its SHA-256. */
  elementTarball?: string;
  elementSha256?: string;
  /** backup: leave the media store out. */
  noMedia: boolean;
  /** restore: the archive; plan --restore ARCHIVE: the restore's plan. */
  archive?: string;
  /** restore: move an existing database holding Synapse data aside first. */
  replaceDatabase: boolean;
  /** adopt: where to write the answers that reproduce the server. */
  answersOut?: string;
  /** --package-lock-wait: how long to wait for another package manager, in milliseconds. */
  packageLockWaitMs?: number;
  help: boolean;
  version: boolean;
}

const COMMANDS: CommandName[] = ['install', 'plan', 'status', 'resume', 'verify', 'upgrade', 'backup', 'restore', 'adopt'];

/** Which options each command accepts (beyond --help, --version). */
const ALLOWED: Record<CommandName, string[]> = {
  install: ['answers', 'yes', 'state-dir', 'log-file', 'plain', 'verbose', 'plan-only', 'package-lock-wait'],
  plan: ['answers', 'target', 'os-release', 'json', 'state-dir', 'restore'],
  status: ['state-dir', 'json'],
  resume: ['yes', 'state-dir', 'log-file', 'plain', 'verbose', 'package-lock-wait'],
  verify: ['answers', 'server-name', 'ca', 'json', 'state-dir'],
  upgrade: ['check', 'json', 'to', 'yes', 'no-backup', 'rollback', 'element-tarball', 'element-sha256', 'state-dir', 'log-file', 'plain', 'verbose', 'package-lock-wait'],
  backup: ['to', 'no-media', 'json', 'state-dir', 'log-file', 'plain', 'verbose'],
  restore: ['answers', 'yes', 'replace-database', 'state-dir', 'log-file', 'plain', 'verbose', 'package-lock-wait'],
  adopt: ['answers', 'answers-out', 'yes', 'json', 'state-dir', 'log-file', 'plain', 'verbose', 'package-lock-wait'],
};

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        answers: { type: 'string', short: 'a' },
        yes: { type: 'boolean', short: 'y' },
        target: { type: 'string' },
        'os-release': { type: 'string' },
        json: { type: 'boolean' },
        'state-dir': { type: 'string' },
        'log-file': { type: 'string' },
        plain: { type: 'boolean' },
        verbose: { type: 'boolean' },
        'server-name': { type: 'string' },
        ca: { type: 'string' },
        'plan-only': { type: 'boolean' },
        'package-lock-wait': { type: 'string' },
        check: { type: 'boolean' },
        to: { type: 'string' },
        'no-backup': { type: 'boolean' },
        rollback: { type: 'boolean' },
        'element-tarball': { type: 'string' },
        'element-sha256': { type: 'string' },
        'no-media': { type: 'boolean' },
        'replace-database': { type: 'boolean' },
        restore: { type: 'string' },
        'answers-out': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^TypeError \[\w+\]: /, ''));
  }
  const { values, positionals } = parsed;
  const name = positionals[0] ?? 'install';
  if (!COMMANDS.includes(name as CommandName)) {
    throw new UsageError(`Unknown command "${name}". Commands: ${COMMANDS.filter((c) => c !== 'install').join(', ')}.`);
  }
  const command = name as CommandName;
  const arguments_ = command === 'restore' ? 2 : 1;
  if (positionals.length > arguments_) throw new UsageError(`Unexpected argument "${positionals[arguments_]}".`);
  if (!values.help && !values.version) {
    for (const option of Object.keys(values)) {
      if (option === 'help' || option === 'version') continue;
      if (!ALLOWED[command].includes(option)) {
        throw new UsageError(`--${option} does not apply to ${command === 'install' ? 'an install' : `\`${command}\``}.`);
      }
    }
    if (values.target && values['os-release']) throw new UsageError('Give either --target or --os-release, not both.');
    if (command === 'plan' && !values.answers && !values.restore) {
      throw new UsageError('`plan` needs --answers FILE (try examples/answers.yaml), or --restore ARCHIVE for a restore\'s plan.');
    }
    if (command === 'upgrade') checkUpgradeOptions(values);
    if (command === 'restore' && !positionals[1]) {
      throw new UsageError('`restore` needs the archive: matrix-setup restore ARCHIVE [--answers FILE] [--yes].');
    }
    if (command === 'backup' && values.to === '') throw new UsageError('--to needs a directory.');
    if (command === 'adopt' && values.answers && !values.yes) throw new UsageError('`adopt --answers FILE` takes over the server: add --yes (without --yes, adopt only looks and writes answers).');
    if (command === 'adopt' && values['answers-out'] && values.yes) throw new UsageError('--answers-out is for the first look (`matrix-setup adopt`); `adopt --yes` uses --answers FILE.');
  }
  return {
    command,
    answers: values.answers,
    yes: values.yes ?? false,
    target: values.target,
    osRelease: values['os-release'],
    json: values.json ?? false,
    stateDir: values['state-dir'],
    logFile: values['log-file'],
    plain: values.plain ?? false,
    verbose: values.verbose ?? false,
    serverName: values['server-name'],
    ca: values.ca,
    planOnly: values['plan-only'] ?? false,
    check: values.check ?? false,
    to: values.to,
    noBackup: values['no-backup'] ?? false,
    rollback: values.rollback ?? false,
    elementTarball: values['element-tarball'],
    elementSha256: values['element-sha256'],
    noMedia: values['no-media'] ?? false,
    archive: command === 'restore' ? positionals[1] : values.restore,
    replaceDatabase: values['replace-database'] ?? false,
    answersOut: values['answers-out'],
    ...(values['package-lock-wait'] !== undefined ? { packageLockWaitMs: parseMinutes(values['package-lock-wait']) } : {}),
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

function checkUpgradeOptions(values: Record<string, string | boolean | undefined>): void {
  const given = (name: string) => values[name] !== undefined && values[name] !== false;
  if (given('rollback')) {
    const other = ['check', 'to', 'no-backup', 'element-tarball', 'element-sha256', 'json'].find(given);
    if (other) throw new UsageError(`--${other} does not apply to \`upgrade --rollback\`: it undoes the last upgrade as it was recorded.`);
  }
  if (given('json') && !given('check')) throw new UsageError('--json applies to `upgrade --check`.');
  if (given('check') && given('yes')) throw new UsageError('`upgrade --check` changes nothing, so it needs no --yes.');
  if (given('element-tarball') !== given('element-sha256')) {
    throw new UsageError('--element-tarball and --element-sha256 go together: the tarball is only unpacked when its checksum matches.');
  }
  if (typeof values['element-sha256'] === 'string' && !/^[0-9a-fA-F]{64}$/.test(values['element-sha256'])) {
    throw new UsageError('--element-sha256 must be the tarball\'s SHA-256: 64 hexadecimal digits.');
  }
  if (typeof values['element-tarball'] === 'string' && !values['element-tarball'].startsWith('/') && !values['element-tarball'].startsWith('https://')) {
    throw new UsageError('--element-tarball must be an absolute path or an https:// URL.');
  }
  if (typeof values.to === 'string' && !/^[\w.:+~-]+$/.test(values.to)) throw new UsageError(`--to ${values.to}: not a version.`);
}

/** --package-lock-wait MINUTES: a number of minutes (fractions allowed), 0 for not waiting at all. */
export function parseMinutes(text: string): number {
  const minutes = /^\d+(?:\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isFinite(minutes) || minutes > 24 * 60) {
    throw new UsageError(`--package-lock-wait ${text}: give the minutes to wait as a number from 0 to 1440, e.g. --package-lock-wait 30.`);
  }
  return Math.round(minutes * 60_000);
}
