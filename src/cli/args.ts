import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';

export type CommandName = 'install' | 'plan' | 'status' | 'resume' | 'verify';

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
  help: boolean;
  version: boolean;
}

const COMMANDS: CommandName[] = ['install', 'plan', 'status', 'resume', 'verify'];

/** Which options each command accepts (beyond --help, --version). */
const ALLOWED: Record<CommandName, string[]> = {
  install: ['answers', 'yes', 'state-dir', 'log-file', 'plain', 'verbose', 'plan-only'],
  plan: ['answers', 'target', 'os-release', 'json', 'state-dir'],
  status: ['state-dir', 'json'],
  resume: ['yes', 'state-dir', 'log-file', 'plain', 'verbose'],
  verify: ['answers', 'server-name', 'ca', 'json', 'state-dir'],
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
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
