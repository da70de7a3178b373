/**
 * The wizard's engine port on this machine: host facts, preflight, the database test, the
 * plan, saving answers, and the install itself, all through the same modules the
 * `--answers` path uses. The install's machinery (the steps, the runner, the planner) is
 * loaded only when first needed, after the welcome screen is on the terminal.
 */
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { AnswersDraft } from '../answers/field-spec.js';
import { loadAnswersFile } from '../answers/load.js';
import { resolveAnswers } from '../answers/resolve.js';
import { answersToYaml } from '../answers/save.js';
import type { Answers, DatabaseAnswers, SecretRef } from '../answers/types.js';
import type { EventListener } from '../engine/events.js';
import type { RunOutcome, runInstall } from '../engine/runner.js';
import { readState } from '../engine/state.js';
import { prepareStateDir } from '../engine/state-dir.js';
import { refuseOverUnfinishedRun } from '../engine/unfinished-graph.js';
import { commandFor } from '../engine/state-location.js';
import { checkSecretReferences, firstLine } from '../secrets/check-references.js';
import { statePaths } from '../engine/state-paths.js';
import type { Step } from '../engine/types.js';
import { toStepErrorInfo } from '../errors.js';
import { joinLocalized, verbatim } from '../i18n/localized.js';
import { wizardText as w } from '../i18n/messages/wizard.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { gatherHostFacts } from '../host/facts.js';
import { localProbe } from '../host/probe.js';
import type { Target } from '../host/target.js';
import type { buildPlan } from '../plan/build-plan.js';
import { withRepositoryActions } from '../plan/planned-action.js';
import { preflightNames, preflightPorts, runPreflightChecks } from '../preflight/checks.js';
import type { CheckResult, DatabaseTestResult, HostSummary, InstallSummary, PlanSummary, PreflightItem, PreviousRun, WizardEngine, WizardRunOutcome } from './engine-port.js';
import { preflightItems } from './preflight-progress.js';

/** What installing needs beyond the wizard itself. */
export interface InstallMachinery {
  steps: Step[];
  runInstall: typeof runInstall;
  buildPlan: typeof buildPlan;
}

export interface LocalEngineOptions {
  target: Target;
  stateDir: string;
  logFile: string;
  /** Loads the install's machinery (called once, when first needed). */
  machinery: () => Promise<InstallMachinery>;
  /** How long to wait for another package manager (default 15 minutes). */
  packageLockWaitMs?: number;
  /** `matrix-setup verify`'s checks, once available. */
  verify?: (answers: Answers) => Promise<CheckResult[]>;
  /** What a finished install tells its user: the same summary the `--answers` run prints. */
  summary: (answers: Answers, secrets: RunOutcome['secrets'], resumed: boolean) => Promise<InstallSummary>;
}

export function createLocalEngine(options: LocalEngineOptions): WizardEngine {
  const { target, stateDir } = options;
  const files = statePaths(stateDir);
  const fqdn = hostname();
  let loading: Promise<InstallMachinery> | undefined;
  const machinery = () => (loading ??= options.machinery());
  return {
    resumeCommand: commandFor(stateDir, 'resume'),
    host(): HostSummary {
      return {
        targetName: target.derivative ? w.targetAs({ derivative: target.derivative, name: target.name }) : verbatim(target.name),
        targetId: target.id,
        synapseSources: target.synapseSources,
        defaults: fqdn.includes('.') ? { server_name: fqdn.toLowerCase() } : {},
        installs: [w.installsSynapse, w.installsNginx, w.installsElement, w.installsAdmin],
        stateDir,
      };
    },
    async preflight(partial: AnswersDraft, onProgress?: (items: PreflightItem[]) => void) {
      const answers = resolveAnswers(partial);
      const facts = await gatherHostFacts({
        probe: localProbe,
        names: preflightNames(answers),
        onProgress: onProgress && ((progress) => onProgress(preflightItems(progress, answers, target))),
      });
      return runPreflightChecks(facts, answers, target);
    },
    async testDatabase(database: DatabaseAnswers): Promise<DatabaseTestResult> {
      try {
        const { verifyDatabase } = await import('../database/verify-database.js');
        const report = await verifyDatabase({
          host: database.host,
          port: database.port,
          database: database.name,
          user: database.user,
          password: readSecret(database.password),
          sslmode: database.sslmode,
        });
        return {
          ok: true,
          message: w.databaseFound({ version: report.serverVersion, name: database.name, encoding: report.encoding, collate: report.collate }),
        };
      } catch (error) {
        const info = toStepErrorInfo(error);
        return { ok: false, message: joinLocalized(info.hint ? [info.message, info.hint] : [info.message]) };
      }
    },
    async plan(answers: Answers): Promise<PlanSummary> {
      const { steps, buildPlan } = await machinery();
      return summarizePlan(buildPlan(steps, { answers, target }), answers);
    },
    async previousRun(): Promise<PreviousRun | undefined> {
      if (!existsSync(files.answers)) return undefined;
      const state = readState(files.state);
      if (!state) return undefined;
      const titles = new Map((await machinery()).steps.map((step) => [step.id, step.title]));
      const stopped = Object.entries(state.steps).find(([, step]) => ['failed', 'interrupted', 'running'].includes(step.status));
      return {
        answers: loadAnswersFile(files.answers),
        status: state.status,
        stoppedAt: stopped?.[0],
        logFile: state.logFile,
        steps: Object.entries(state.steps).map(([id, step]) => ({ id, title: titles.get(id) ?? verbatim(id), status: step.status })),
      };
    },
    saveAnswers(path: string, answers: Answers): string {
      const absolute = resolve(path);
      writeFileAtomic(absolute, answersToYaml(answers), { mode: 0o600 });
      return absolute;
    },
    async run(answers: Answers, onEvent: EventListener, signal: AbortSignal): Promise<WizardRunOutcome> {
      checkSecretReferences(answers, { requirePresent: true });
      refuseOverUnfinishedRun(readState(files.state), 'install', stateDir);
      prepareStateDir(stateDir);
      writeFileAtomic(files.answers, answersToYaml(answers), { mode: 0o600 });
      let resumed = false;
      const listen: EventListener = (event) => {
        if (event.type === 'run-started') resumed = event.resumed;
        onEvent(event);
      };
      const { steps, runInstall } = await machinery();
      const outcome = await runInstall({ answers, target, steps, paths: { stateDir, logFile: options.logFile }, onEvent: listen, signal, packageLockWaitMs: options.packageLockWaitMs });
      const result: WizardRunOutcome = {
        status: outcome.status,
        failedStep: outcome.failedStep,
        error: outcome.error,
        logFile: outcome.logFile,
        changedSteps: outcome.changedSteps,
      };
      if (outcome.status === 'done') result.summary = await options.summary(answers, outcome.secrets, resumed);
      return result;
    },
    async verify(answers: Answers): Promise<CheckResult[]> {
      if (options.verify) return options.verify(answers);
      return [{ id: 'verify', label: w.verifyUnavailableLabel, status: 'warn', detail: w.verifyUnavailable, fix: w.verifyUnavailableFix }];
    },
  };
}

function readSecret(ref: SecretRef | undefined): string {
  if (ref?.env) return process.env[ref.env] ?? '';
  if (ref?.file) return firstLine(readFileSync(ref.file, 'utf8'));
  return '';
}

/**
 * The file a task's shown command writes: the `write PATH` of a configuration written with a
 * backup (nginx), or the destination of `install` (a keyring). Files that tools create on
 * their own (the certificate, Synapse's signing key, Element's release) are not counted.
 */
function writtenBy(argv: string[]): string[] {
  if (argv[0] === 'write' && argv[1]) return [argv[1]];
  if (argv[0] === 'install' && argv.length > 2 && argv[argv.length - 1]!.startsWith('/')) return [argv[argv.length - 1]!];
  return [];
}

function summarizePlan(plan: ReturnType<typeof buildPlan>, answers: Answers): PlanSummary {
  const packages = new Set<string>();
  const files = new Set<string>();
  let commands = 0;
  for (const step of plan) {
    for (const action of withRepositoryActions(step.actions)) {
      if (action.kind === 'packages') action.names.forEach((name) => packages.add(name));
      if (action.kind === 'file') files.add(action.path);
      if (action.kind === 'command') commands += 1;
      if (action.kind === 'task') {
        commands += action.commands.length;
        for (const path of action.commands.flatMap(({ argv }) => writtenBy(argv))) files.add(path);
      }
      if (action.kind === 'packages' || action.kind === 'service') commands += action.commands.length;
    }
  }
  return {
    steps: plan.map((step) => ({ id: step.id, title: step.title, ...(step.skip ? { skip: step.skip } : {}) })),
    packages: [...packages],
    files: [...files],
    ports: preflightPorts(answers),
    commands,
  };
}
