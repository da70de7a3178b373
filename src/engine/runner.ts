import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Answers } from '../answers/types.js';
import { InterruptedError, toStepErrorInfo, type StepErrorInfo } from '../errors.js';
import { LocalExecutor, type Executor } from '../exec/executor.js';
import type { Target } from '../host/target.js';
import { Logger } from '../log/logger.js';
import { PackageManagerGuard, type PackageManagerGuardOptions } from '../packages/guard.js';
import { DEFAULT_LOCK_WAIT_MS } from '../packages/lock-wait.js';
import { APT_UPDATED_AT_VARIABLE, aptIndexFreshFromBootstrap } from '../packages/index-freshness.js';
import { planStepActions } from '../plan/build-plan.js';
import { SecretStore } from '../secrets/secret-store.js';
import { applyAction, isInPlace } from './actions/index.js';
import type { EngineEvent, EventListener } from './events.js';
import { checkStepOrder } from './graph.js';
import { RunLock } from './lock.js';
import { prepareStateDir } from './state-dir.js';
import type { RunCommand } from './run-command.js';
import { refuseOverUnfinishedRun } from './unfinished-graph.js';
import { readState, STATE_FORMAT, writeState, type RunState } from './state.js';
import { logEvent } from './log-events.js';
import { stepRuntime, type RunShared } from './step-runtime.js';
import type { Step } from './types.js';

export type { RunCommand };

export interface RunPaths {
  stateDir: string;
  logFile: string;
  /** The run's record; default <stateDir>/state.json (a day-2 command keeps its own, so the install's stays). */
  stateFile?: string;
}

export interface RunOptions {
  answers: Answers;
  target: Target;
  steps: Step[];
  paths: RunPaths;
  /** Default 'install'. */
  command?: RunCommand;
  onEvent: EventListener;
  signal: AbortSignal;
  /** Tests pass a fake; by default commands run on this machine. */
  executor?: (logger: Logger, hooks: ExecutorHooks) => Executor;
  /** How long to wait each time another process holds the package manager (default 15 minutes; 0: do not wait). */
  packageLockWaitMs?: number;
  /** Tests replace how lock holders are found and how time passes. */
  packageManager?: Pick<PackageManagerGuardOptions, 'holders' | 'recover' | 'clock'>;
}

type ExecutorHooks = ConstructorParameters<typeof LocalExecutor>[2];

export interface RunOutcome {
  status: 'done' | 'failed' | 'interrupted';
  failedStep?: string;
  error?: StepErrorInfo;
  changedSteps: string[];
  logFile: string;
  /** Generated secrets created by this run that the user must be told once (the admin password). */
  secrets: SecretStore;
  /** It continued a run that had not finished (whichever command started it again). */
  resumed?: boolean;
}

import { statePaths } from './state-paths.js';
import { mapLocalized } from '../i18n/localized.js';

export { statePaths };

function redactErrorInfo(info: StepErrorInfo, logger: Logger): StepErrorInfo {
  const redact = (text: string) => logger.redact(text);
  return {
    ...info,
    message: mapLocalized(info.message, redact),
    ...(info.hint !== undefined ? { hint: mapLocalized(info.hint, redact) } : {}),
    ...(info.argv ? { argv: info.argv.map(redact) } : {}),
    ...(info.outputTail ? { outputTail: info.outputTail.map(redact) } : {}),
  };
}

export function hashAnswers(answers: Answers): string {
  return createHash('sha256').update(JSON.stringify(answers)).digest('hex').slice(0, 16);
}

/**
 * Walks the steps in order. For each: skip it when it does not apply; otherwise check each
 * action against the machine and apply only those not in place, then verify. A step that
 * finished before with the same planned actions is only re-checked. State is saved
 * (atomically, under the lock) before and after every step, so a run killed at any moment
 * resumes at the step it was in.
 */
export async function runInstall(options: RunOptions): Promise<RunOutcome> {
  const { answers, target, paths, signal } = options;
  const steps = checkStepOrder(options.steps);
  const files = statePaths(paths.stateDir);
  prepareStateDir(paths.stateDir);
  const stateFile = paths.stateFile ?? files.state;
  const command = options.command ?? 'install';
  const lock = new RunLock(files.lock);
  lock.acquire();
  const logger = new Logger(paths.logFile);
  const secrets = new SecretStore(files.secrets, answers, logger);
  const started = Date.now();
  const changedSteps: string[] = [];
  let currentStep = '';
  const emit = (event: EngineEvent) => {
    logEvent(logger, event);
    options.onEvent(event);
  };

  try {
    const previous = readState(stateFile);
    refuseOverUnfinishedRun(previous, command, paths.stateDir);
    const resumed = previous !== undefined && previous.status !== 'done';
    const state: RunState = {
      format: STATE_FORMAT,
      ...(command === 'install' ? {} : { command }),
      target: target.id,
      answersHash: hashAnswers(answers),
      status: 'running',
      startedAt: new Date().toISOString(),
      updatedAt: '',
      logFile: paths.logFile,
      steps: previous?.steps ?? {},
      pendingRestarts: previous?.pendingRestarts ?? [],
    };
    const save = () => writeState(stateFile, state);
    save();

    const hooks: ExecutorHooks = {
      started: (argv) => emit({ type: 'command-started', stepId: currentStep, argv }),
      output: (line) => options.onEvent({ type: 'output', stepId: currentStep, line }),
      ended: (argv, exitCode, durationMs) => emit({ type: 'command-ended', stepId: currentStep, argv, exitCode, durationMs }),
    };
    const machine = options.executor ? options.executor(logger, hooks) : new LocalExecutor(logger, signal, hooks);
    const exec = new PackageManagerGuard(machine, {
      family: target.family,
      limitMs: options.packageLockWaitMs ?? DEFAULT_LOCK_WAIT_MS,
      signal,
      waiting: (holders, waitedMs, limitMs) => emit({ type: 'package-manager-busy', stepId: currentStep, holders, waitedMs, limitMs }),
      note: (message, level) => emit({ type: 'note', stepId: currentStep, level, message }),
      ...options.packageManager,
    });

    const indexFresh = target.family === 'debian' && aptIndexFreshFromBootstrap(process.env[APT_UPDATED_AT_VARIABLE]);
    if (indexFresh) logger.write(`apt's package index was refreshed by install.sh at ${process.env[APT_UPDATED_AT_VARIABLE]} (epoch): it counts as this run's refresh`);
    const shared: RunShared = {
      answers,
      target,
      exec,
      secrets,
      logger,
      signal,
      state,
      saveState: save,
      emit,
      stateDir: paths.stateDir,
      backupStamp: new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, ''),
      refreshed: new Set(indexFresh ? ['apt'] : []),
    };
    const plans = steps.map((step) => planStepActions(step, { answers, target }));
    emit({
      type: 'run-started',
      ...(command === 'install' ? {} : { command }),
      target: target.id,
      steps: plans.map(({ planned: p }) => ({ id: p.id, title: p.title, ...(p.skip ? { skipReason: p.skip } : {}) })),
      logFile: paths.logFile,
      resumed,
    });

    for (const [index, step] of steps.entries()) {
      const { planned: plan, actions } = plans[index];
      currentStep = step.id;
      if (plan.skip) {
        state.steps[step.id] = { status: 'skipped', skipReason: plan.skip, inputHash: plan.inputHash };
        save();
        emit({ type: 'step-skipped', stepId: step.id, reason: plan.skip });
        continue;
      }
      const before = state.steps[step.id];
      const recheck = before?.status === 'done' && before.inputHash === plan.inputHash;
      const stepStarted = Date.now();
      state.steps[step.id] = { status: 'running', inputHash: plan.inputHash, startedAt: new Date().toISOString() };
      save();
      emit({ type: 'step-started', stepId: step.id, title: step.title, recheck });

      let changed = false;
      const { ctx, env } = stepRuntime(shared, step.id, () => {
        changed = true;
      });

      try {
        for (const action of actions) {
          if (signal.aborted) throw new InterruptedError();
          if (await isInPlace(action, env)) continue;
          await applyAction(action, env);
        }
        await step.verify?.(ctx);
        state.steps[step.id] = {
          status: 'done',
          inputHash: plan.inputHash,
          startedAt: state.steps[step.id].startedAt,
          endedAt: new Date().toISOString(),
          changed,
        };
        save();
        if (changed) changedSteps.push(step.id);
        emit({ type: 'step-done', stepId: step.id, changed, durationMs: Date.now() - stepStarted });
      } catch (error) {
        const interrupted = error instanceof InterruptedError || signal.aborted;
        // Error tails (a journal, nginx -t's output) are read by steps, not through the executor: redact them here, once.
        const info = redactErrorInfo(toStepErrorInfo(error), logger);
        state.steps[step.id] = {
          status: interrupted ? 'interrupted' : 'failed',
          inputHash: plan.inputHash,
          startedAt: state.steps[step.id].startedAt,
          endedAt: new Date().toISOString(),
          changed,
          ...(interrupted ? {} : { error: info }),
        };
        state.status = interrupted ? 'interrupted' : 'failed';
        save();
        if (interrupted) emit({ type: 'step-interrupted', stepId: step.id });
        else emit({ type: 'step-failed', stepId: step.id, error: info, durationMs: Date.now() - stepStarted });
        if (!interrupted) logger.write(`error detail: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        emit({ type: 'run-finished', status: state.status, changedSteps, durationMs: Date.now() - started });
        return { status: state.status, failedStep: step.id, error: info, changedSteps, logFile: paths.logFile, secrets };
      }
    }

    state.status = 'done';
    save();
    emit({ type: 'run-finished', status: 'done', changedSteps, durationMs: Date.now() - started });
    return { status: 'done', changedSteps, logFile: paths.logFile, secrets, resumed };
  } finally {
    lock.release();
  }
}
