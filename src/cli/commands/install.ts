import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadAnswersFile } from '../../answers/load.js';
import { answersToYaml } from '../../answers/save.js';
import type { Answers } from '../../answers/types.js';
import { runInstall, statePaths, type RunCommand, type RunOutcome } from '../../engine/runner.js';
import { readState } from '../../engine/state.js';
import type { Step } from '../../engine/types.js';
import { ExitCode, HostRefusedError, UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../fs/atomic.js';
import { formatFailure } from '../../render/failure-summary.js';
import { createPlainRenderer } from '../../render/plain-renderer.js';
import { STEPS } from '../../../steps/index.js';
import type { CliArgs } from '../args.js';
import { confirm } from '../confirm.js';
import { DEFAULT_STATE_DIR, defaultLogFile } from '../paths.js';
import { localTarget } from '../resolve-target.js';

/** `matrix-setup --answers FILE`: install unattended (or, on a terminal without --answers, the wizard). */
export async function installCommand(args: CliArgs): Promise<number> {
  if (!args.answers) {
    if (process.stdin.isTTY && process.stdout.isTTY) {
      return (await import('./wizard.js')).wizardCommand(args);
    }
    throw new UsageError(
      'No answers given and there is no terminal to ask them on.',
      'Run `matrix-setup --answers FILE --yes` (start from examples/answers.yaml), or run matrix-setup in a terminal for the wizard.',
    );
  }
  const answers = loadAnswersFile(args.answers);
  return install(args, answers, { resuming: false });
}

/** `matrix-setup resume`: the last run again, with its saved answers. */
export async function resumeCommand(args: CliArgs): Promise<number> {
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  const saved = statePaths(stateDir).answers;
  if (!existsSync(saved)) {
    throw new UsageError(`There is no run to resume (no ${saved}).`, 'Start an install with `matrix-setup --answers FILE`.');
  }
  const last = readState(statePaths(stateDir).state);
  if (last?.command === 'adopt') {
    const { ADOPT_STEPS } = await import('../../../steps/adopt/index.js');
    return install({ ...args, yes: true }, loadAnswersFile(saved), { resuming: true, command: 'adopt', steps: ADOPT_STEPS });
  }
  return install({ ...args, yes: true }, loadAnswersFile(saved), { resuming: true });
}

export interface InstallRun {
  resuming: boolean;
  /** Default: the install's own graph. */
  command?: RunCommand;
  steps?: Step[];
}

/** Runs a graph of steps for these answers on this machine: the install's, or a day-2 command's. */
export async function install(args: CliArgs, answers: Answers, run: InstallRun): Promise<number> {
  const { resuming } = run;
  const command = run.command ?? 'install';
  if (process.getuid?.() !== 0) {
    throw new HostRefusedError('matrix-setup installs system packages and services, so it must run as root.', 'Run it again with sudo (or as root).');
  }
  const target = await localTarget();
  if (!args.yes) {
    if (!process.stdin.isTTY) {
      throw new UsageError('Without a terminal, matrix-setup needs --yes to change this machine.', 'Add --yes (see the plan first: `matrix-setup plan --answers FILE`).');
    }
    const ok = await confirm(
      command === 'adopt'
        ? `Take over the Synapse of ${answers.server_name} on this ${target.name} machine (as planned above)?`
        : `Install a Matrix homeserver for ${answers.server_name} on this ${target.name} machine?`,
    );
    if (!ok) {
      process.stdout.write('Nothing was changed.\n');
      return ExitCode.ok;
    }
  }
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  const logFile = args.logFile ?? defaultLogFile();
  writeFileAtomic(statePaths(stateDir).answers, answersToYaml(answers), { mode: 0o600 });

  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${signal} received: stopping the running command…\n`);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    const outcome = await runInstall({
      answers,
      target,
      steps: run.steps ?? STEPS,
      command,
      paths: { stateDir, logFile },
      onEvent: createPlainRenderer({ write: (text) => process.stdout.write(text), verbose: args.verbose }),
      signal: controller.signal,
    });
    return report(outcome, answers, resuming, stateDir, command);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

function report(outcome: RunOutcome, answers: Answers, resuming: boolean, stateDir: string, command: RunCommand): number {
  const out = (text: string) => process.stdout.write(text);
  if (outcome.status === 'failed') {
    process.stderr.write(`\n${formatFailure(outcome.failedStep!, outcome.error!, outcome.logFile, 'matrix-setup resume')}`);
    return outcome.error?.refused ? ExitCode.hostRefused : ExitCode.stepFailed;
  }
  if (outcome.status === 'interrupted') {
    out(`\nStopped during "${outcome.failedStep}". Continue with: matrix-setup resume\n`);
    return ExitCode.interrupted;
  }
  out(`\nYour homeserver ${answers.server_name} is ${command === 'adopt' ? 'adopted: matrix-setup manages it from now on' : 'installed'}${resuming ? ' (resumed)' : ''}.\n`);
  out(`  Homeserver URL: https://${answers.synapse_host}\n`);
  if (answers.element.enabled) out(`  Element Web:    https://${answers.element.host}\n`);
  if (answers.admin.enabled) {
    out(`  Admin user:     @${answers.admin.username}:${answers.server_name}\n`);
    // A generated password is shown once, at the end of the first run that completes
    // (even if the run that generated it was killed before it could show it).
    const shownMarker = join(stateDir, 'admin-password-shown');
    if (outcome.secrets.isGenerated('admin_password') && !existsSync(shownMarker)) {
      out(`  Admin password: ${outcome.secrets.get('admin_password')}   (shown once; kept in ${statePaths(stateDir).secrets}, mode 0600)\n`);
      writeFileAtomic(shownMarker, `${new Date().toISOString()}\n`, { mode: 0o600 });
    }
  }
  const tokenMarker = join(stateDir, 'registration-token-shown');
  if (answers.synapse.registration === 'token' && answers.admin.enabled && !existsSync(tokenMarker)) {
    out(`  Registration token: ${outcome.secrets.get('registration_token')}   (shown once; kept in ${statePaths(stateDir).secrets}, mode 0600)\n`);
    writeFileAtomic(tokenMarker, `${new Date().toISOString()}\n`, { mode: 0o600 });
  }
  out('  Check it as clients and other servers see it: matrix-setup verify\n');
  return ExitCode.ok;
}
