import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { isLang, languageFromEnv, LANGUAGES, type Lang } from '../i18n/language.js';
import { cliText as t } from '../i18n/messages/cli.js';
import { packageText as pkg } from '../i18n/messages/packages.js';
import { listOf, verbatim } from '../i18n/localized.js';

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
  /** The language of everything it prints: --lang, else the locale (LC_ALL, LC_MESSAGES, LANG). */
  lang: Lang;
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

/** Options every command takes. */
const EVERYWHERE = ['help', 'version', 'lang'];

/**
 * The language to speak, read before the rest of the command line: a usage error is then
 * explained in it too. An unknown --lang value falls back to the locale here; parsing refuses it.
 */
export function languageOfArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (isLang(value)) return value;
  }
  return languageFromEnv(env);
}

export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): CliArgs {
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
        lang: { type: 'string' },
      },
    });
  } catch (error) {
    // Node's own words: the option it did not know, or the value it missed.
    throw new UsageError(verbatim((error as Error).message.replace(/^TypeError \[\w+\]: /, '')));
  }
  const { values, positionals } = parsed;
  const name = positionals[0] ?? 'install';
  if (!COMMANDS.includes(name as CommandName)) {
    throw new UsageError(t.unknownCommand({ name, commands: COMMANDS.filter((c) => c !== 'install').join(', ') }));
  }
  const command = name as CommandName;
  const arguments_ = command === 'restore' ? 2 : 1;
  if (positionals.length > arguments_) throw new UsageError(t.unexpectedArgument({ argument: positionals[arguments_]! }));
  if (values.lang !== undefined && !isLang(values.lang)) {
    throw new UsageError(t.unknownLanguage({ value: values.lang, languages: listOf([...LANGUAGES]) }));
  }
  if (!values.help && !values.version) {
    for (const option of Object.keys(values)) {
      if (EVERYWHERE.includes(option)) continue;
      if (!ALLOWED[command].includes(option)) {
        throw new UsageError(command === 'install' ? t.optionNotForInstall({ option }) : t.optionNotForCommand({ option, command }));
      }
    }
    if (values.target && values['os-release']) throw new UsageError(t.targetOrOsRelease);
    if (command === 'plan' && !values.answers && !values.restore) throw new UsageError(t.planNeedsAnswers);
    if (command === 'upgrade') checkUpgradeOptions(values);
    if (command === 'restore' && !positionals[1]) {
      throw new UsageError(t.restoreNeedsArchive);
    }
    if (command === 'backup' && values.to === '') throw new UsageError(t.toNeedsDirectory);
    if (command === 'adopt' && values.answers && !values.yes) throw new UsageError(t.adoptAnswersNeedsYes);
    if (command === 'adopt' && values['answers-out'] && values.yes) throw new UsageError(t.adoptAnswersOutNotWithYes);
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
    lang: isLang(values.lang) ? values.lang : languageFromEnv(env),
  };
}

function checkUpgradeOptions(values: Record<string, string | boolean | undefined>): void {
  const given = (name: string) => values[name] !== undefined && values[name] !== false;
  if (given('rollback')) {
    const other = ['check', 'to', 'no-backup', 'element-tarball', 'element-sha256', 'json'].find(given);
    if (other) throw new UsageError(t.notForRollback({ option: other }));
  }
  if (given('json') && !given('check')) throw new UsageError(t.jsonForCheck);
  if (given('check') && given('yes')) throw new UsageError(t.checkNeedsNoYes);
  if (given('element-tarball') !== given('element-sha256')) throw new UsageError(t.tarballAndSha);
  if (typeof values['element-sha256'] === 'string' && !/^[0-9a-fA-F]{64}$/.test(values['element-sha256'])) throw new UsageError(t.shaFormat);
  if (typeof values['element-tarball'] === 'string' && !values['element-tarball'].startsWith('/') && !values['element-tarball'].startsWith('https://')) {
    throw new UsageError(t.tarballFormat);
  }
  if (typeof values.to === 'string' && !/^[\w.:+~-]+$/.test(values.to)) throw new UsageError(t.notAVersion({ value: values.to }));
}

/** --package-lock-wait MINUTES: a number of minutes (fractions allowed), 0 for not waiting at all. */
export function parseMinutes(text: string): number {
  const minutes = /^\d+(?:\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isFinite(minutes) || minutes > 24 * 60) {
    throw new UsageError(pkg.lockWaitInvalid({ value: text }));
  }
  return Math.round(minutes * 60_000);
}
