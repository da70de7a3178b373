// The entry point. Kept small on purpose: --version and --help answer without loading
// the engine or the Ink UI; every command is imported only when it runs.
import { ExitCode, MatrixSetupError } from '../errors.js';
import { VERSION } from '../version.js';
import { errorText as t } from '../i18n/messages/errors.js';
import { languageOfArgs, parseCliArgs, type CliArgs } from './args.js';
import { help } from './help.js';

async function main(argv: string[]): Promise<number> {
  const args = parseCliArgs(argv);
  if (args.version) {
    process.stdout.write(`${VERSION}\n`);
    return ExitCode.ok;
  }
  if (args.help) {
    process.stdout.write(help(args.lang));
    return ExitCode.ok;
  }
  return dispatch(args);
}

async function dispatch(args: CliArgs): Promise<number> {
  switch (args.command) {
    case 'plan':
      return (await import('./commands/plan.js')).planCommand(args);
    case 'status':
      return (await import('./commands/status.js')).statusCommand(args);
    case 'resume':
      return (await import('./commands/resume.js')).resumeCommand(args);
    case 'verify':
      return (await import('./commands/verify-cli.js')).verifyCliCommand(args);
    case 'install':
      // The wizard paints its first screen before the install machinery is even loaded.
      if (!args.answers && process.stdin.isTTY && process.stdout.isTTY) return (await import('./commands/wizard.js')).wizardCommand(args);
      return (await import('./commands/install.js')).installCommand(args);
    case 'backup':
      return (await import('./commands/backup.js')).backupCommand(args);
    case 'restore':
      return (await import('./commands/restore.js')).restoreCommand(args);
    case 'upgrade':
      return (await import('./commands/upgrade.js')).upgradeCommand(args);
    case 'adopt':
      return (await import('./commands/adopt.js')).adoptCommand(args);
  }
}

const lang = languageOfArgs(process.argv.slice(2));

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof MatrixSetupError) {
      process.stderr.write(`matrix-setup: ${error.text[lang]}\n`);
      if (error.hint) process.stderr.write(`${error.hint[lang]}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`${t.unexpected[lang]}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = ExitCode.stepFailed;
  },
);
