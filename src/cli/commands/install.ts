import type { Lang } from '../../i18n/language.js';
import { existsSync } from 'node:fs';
import { loadAnswersFile } from '../../answers/load.js';
import { loadSavedAnswers } from '../../answers/migrate.js';
import { answersToYaml } from '../../answers/save.js';
import type { Answers } from '../../answers/types.js';
import { runInstall, statePaths, type RunCommand } from '../../engine/runner.js';
import { prepareStateDir } from '../../engine/state-dir.js';
import { readState } from '../../engine/state.js';
import { refuseOverUnfinishedRun } from '../../engine/unfinished-graph.js';
import type { Step } from '../../engine/types.js';
import { ExitCode, HostRefusedError, UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../fs/atomic.js';
import { checkSecretReferences } from '../../secrets/check-references.js';
import { formatInstallSummary } from '../../render/install-summary.js';
import { createPlainRenderer } from '../../render/plain-renderer.js';
import { STEPS } from '../../../steps/index.js';
import type { CliArgs } from '../args.js';
import type { Localized } from '../../i18n/localized.js';
import { confirm } from '../confirm.js';
import { abortOnSignals } from '../interrupt.js';
import { reportUnfinishedRun } from '../unfinished-run.js';
import { DEFAULT_STATE_DIR, defaultLogFile } from '../paths.js';
import { finishedInstallSummary, type FinishedInstall } from '../install-report.js';
import { localTarget } from '../resolve-target.js';
import { cliText as t } from '../../i18n/messages/cli.js';

/** `matrix-setup --answers FILE`: install unattended (or, on a terminal without --answers, the wizard). */
export async function installCommand(args: CliArgs): Promise<number> {
  if (!args.answers) {
    if (process.stdin.isTTY && process.stdout.isTTY) {
      return (await import('./wizard.js')).wizardCommand(args);
    }
    throw new UsageError(t.noAnswersNoTerminal, t.noAnswersNoTerminalHint);
  }
  const answers = loadAnswersFile(args.answers);
  checkSecretReferences(answers, { requirePresent: true, file: args.answers });
  return install(args, answers, { resuming: false });
}

/** `matrix-setup resume`: the last run again, with its saved answers. */
export async function resumeCommand(args: CliArgs): Promise<number> {
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  const saved = statePaths(stateDir).answers;
  if (!existsSync(saved)) {
    throw new UsageError(t.noRunToResume({ path: saved }), t.noRunToResumeHint);
  }
  const answers = loadSavedAnswers(saved, { note: (message) => process.stdout.write(`${message[args.lang]}\n`) }).answers;
  checkSecretReferences(answers, { requirePresent: true, file: saved });
  return install({ ...args, yes: true }, answers, { resuming: true });
}

export interface InstallRun {
  resuming: boolean;
  /** Default: the install's own graph. */
  command?: RunCommand;
  steps?: Step[];
  /** The question asked on a terminal without --yes, about this machine (default: whether to install). */
  question?(machine: string): Localized;
  /** What a finished run prints (default: the install's summary). */
  summary?(finished: FinishedInstall): string;
}

/** Runs a graph of steps for these answers on this machine: the install's, or a day-2 command's (adopt). */
export async function install(args: CliArgs, answers: Answers, run: InstallRun): Promise<number> {
  if (process.getuid?.() !== 0) {
    throw new HostRefusedError(t.installNeedsRoot, t.runAsRoot);
  }
  const target = await localTarget();
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  refuseOverUnfinishedRun(readState(statePaths(stateDir).state), run.command ?? 'install', stateDir);
  if (!args.yes) {
    if (!process.stdin.isTTY) {
      throw new UsageError(t.needsYes, t.needsYesInstallHint);
    }
    const ok = await confirm(run.question?.(target.name) ?? t.confirmInstall({ server: answers.server_name, system: target.name }), args.lang);
    if (!ok) {
      process.stdout.write(`${t.nothingChanged[args.lang]}\n`);
      return ExitCode.ok;
    }
  }
  const logFile = args.logFile ?? defaultLogFile();
  prepareStateDir(stateDir);
  writeFileAtomic(statePaths(stateDir).answers, answersToYaml(answers), { mode: 0o600 });

  const interrupt = abortOnSignals(args.lang);
  try {
    const outcome = await runInstall({
      answers,
      target,
      steps: run.steps ?? STEPS,
      command: run.command ?? 'install',
      paths: { stateDir, logFile },
      onEvent: createPlainRenderer({ write: (text) => process.stdout.write(text), verbose: args.verbose, lang: args.lang }),
      signal: interrupt.signal,
      packageLockWaitMs: args.packageLockWaitMs,
    });
    const unfinished = reportUnfinishedRun(outcome, args.lang);
    if (unfinished !== undefined) return unfinished;
    const finished: FinishedInstall = { answers, target, stateDir, secrets: outcome.secrets, resumed: run.resuming || outcome.resumed };
    process.stdout.write(`\n${run.summary ? run.summary(finished) : formatInstallSummary(finishedInstallSummary(finished), args.lang)}`);
    return ExitCode.ok;
  } finally {
    interrupt.dispose();
  }
}
