import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';

export type CommandName = 'install' | 'plan' | 'status' | 'resume' | 'verify' | 'adopt';

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
  planOnly: boolean;
  /** adopt: where to write the answers that reproduce the server. */
  answersOut?: string;
  help: boolean;
  version: boolean;
}

const COMMANDS: CommandName[] = ['install', 'plan', 'status', 'resume', 'verify', 'adopt'];

/** Which options each command accepts (beyond --help, --version). */
const ALLOWED: Record<CommandName, string[]> = {
  install: ['answers', 'yes', 'state-dir', 'log-file', 'plain', 'verbose', 'plan-only'],
  plan: ['answers', 'target', 'os-release', 'json', 'state-dir'],
  status: ['state-dir', 'json'],
  resume: ['yes', 'state-dir', 'log-file', 'plain', 'verbose'],
  verify: ['answers', 'server-name', 'json', 'state-dir'],
  adopt: ['answers', 'answers-out', 'yes', 'json', 'state-dir', 'log-file', 'plain', 'verbose'],
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
        'plan-only': { type: 'boolean' },
        'answers-out': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^TypeError \[\w+\]: /, ''));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".`);
  const name = positionals[0] ?? 'install';
  if (!COMMANDS.includes(name as CommandName)) {
    throw new UsageError(`Unknown command "${name}". Commands: ${COMMANDS.filter((c) => c !== 'install').join(', ')}.`);
  }
  const command = name as CommandName;
  if (!values.help && !values.version) {
    for (const option of Object.keys(values)) {
      if (option === 'help' || option === 'version') continue;
      if (!ALLOWED[command].includes(option)) {
        throw new UsageError(`--${option} does not apply to ${command === 'install' ? 'an install' : `\`${command}\``}.`);
      }
    }
    if (values.target && values['os-release']) throw new UsageError('Give either --target or --os-release, not both.');
    if (command === 'plan' && !values.answers) throw new UsageError('`plan` needs --answers FILE (try examples/answers.yaml).');
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
    planOnly: values['plan-only'] ?? false,
    answersOut: values['answers-out'],
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
