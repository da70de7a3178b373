import type { Lang } from '../../i18n/language.js';
import { existsSync } from 'node:fs';
import { loadAnswersFile } from '../../answers/load.js';
import { loadSavedAnswers } from '../../answers/migrate.js';
import { answersToYaml } from '../../answers/save.js';
import type { Answers } from '../../answers/types.js';
import { runInstall, statePaths, type RunOutcome } from '../../engine/runner.js';
import { prepareStateDir } from '../../engine/state-dir.js';
import { ExitCode, HostRefusedError, UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../fs/atomic.js';
import { checkSecretReferences } from '../../secrets/check-references.js';
import { formatInstallSummary } from '../../render/install-summary.js';
import type { Target } from '../../host/target.js';
import { createPlainRenderer } from '../../render/plain-renderer.js';
import { STEPS } from '../../../steps/index.js';
import type { CliArgs } from '../args.js';
import { confirm } from '../confirm.js';
import { abortOnSignals } from '../interrupt.js';
import { reportUnfinishedRun } from '../unfinished-run.js';
import { DEFAULT_STATE_DIR, defaultLogFile } from '../paths.js';
import { finishedInstallSummary } from '../install-report.js';
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
  return install(args, answers, false);
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
  return install({ ...args, yes: true }, answers, true);
}

async function install(args: CliArgs, answers: Answers, resuming: boolean): Promise<number> {
  if (process.getuid?.() !== 0) {
    throw new HostRefusedError(t.installNeedsRoot, t.runAsRoot);
  }
  const target = await localTarget();
  if (!args.yes) {
    if (!process.stdin.isTTY) {
      throw new UsageError(t.needsYes, t.needsYesInstallHint);
    }
    const ok = await confirm(t.confirmInstall({ server: answers.server_name, system: target.name }), args.lang);
    if (!ok) {
      process.stdout.write(`${t.nothingChanged[args.lang]}\n`);
      return ExitCode.ok;
    }
  }
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  const logFile = args.logFile ?? defaultLogFile();
  prepareStateDir(stateDir);
  writeFileAtomic(statePaths(stateDir).answers, answersToYaml(answers), { mode: 0o600 });

  const interrupt = abortOnSignals(args.lang);
  try {
    const outcome = await runInstall({
      answers,
      target,
      steps: STEPS,
      paths: { stateDir, logFile },
      onEvent: createPlainRenderer({ write: (text) => process.stdout.write(text), verbose: args.verbose, lang: args.lang }),
      signal: interrupt.signal,
      packageLockWaitMs: args.packageLockWaitMs,
    });
    return report(outcome, answers, target, resuming, stateDir, args.lang);
  } finally {
    interrupt.dispose();
  }
}

function report(outcome: RunOutcome, answers: Answers, target: Target, resuming: boolean, stateDir: string, lang: Lang): number {
  const unfinished = reportUnfinishedRun(outcome, lang);
  if (unfinished !== undefined) return unfinished;
  process.stdout.write(`\n${formatInstallSummary(finishedInstallSummary({ answers, target, stateDir, secrets: outcome.secrets, resumed: resuming }), lang)}`);
  return ExitCode.ok;
}
