// A scripted WizardEngine: records what the wizard asked for and plays back engine events.
import { answersToYaml } from '../../src/answers/save.js';
import { fromLanguages, verbatim, type Localized } from '../../src/i18n/localized.js';
import { preflightText as p } from '../../src/i18n/messages/preflight.js';
import { systemText } from '../../src/i18n/messages/steps-system.js';
import { postgresText } from '../../src/i18n/messages/steps-postgres.js';
import { synapseText } from '../../src/i18n/messages/steps-synapse.js';
import { turnText } from '../../src/i18n/messages/steps-turn.js';
import { verifyText } from '../../src/i18n/messages/verify.js';
import { formatBytes } from '../../src/i18n/format-bytes.js';
import { wizardText as w } from '../../src/i18n/messages/wizard.js';
import { installSummary, type InstallSummary } from '../../src/render/install-summary.js';
import type { Answers, DatabaseAnswers } from '../../src/answers/types.js';
import type { AnswersDraft } from '../../src/answers/field-spec.js';
import type { EngineEvent, EventListener } from '../../src/engine/events.js';
import { STEPS } from '../../steps/index.js';
import type {
  CheckResult,
  DatabaseTestResult,
  HostSummary,
  PlanSummary,
  PreflightItem,
  PreflightResult,
  PreviousRun,
  WizardEngine,
  WizardRunOutcome,
} from '../../src/ui/engine-port.js';

export interface RunScript {
  /** Events sent before the run pauses (or ends). */
  events: EngineEvent[];
  /** When set, the run waits here (after `events`) until released or aborted. */
  pauseUntil?: Promise<void>;
  /** Events after the pause. */
  after?: EngineEvent[];
  outcome: WizardRunOutcome;
  /** Generated secrets a finished run shows (its summary is built from the answers it ran with). */
  shown?: { adminPassword?: string; registrationToken?: string };
}

export const HOST: HostSummary = {
  targetName: verbatim('Debian 12 (bookworm)'),
  targetId: 'debian-12',
  synapseSources: ['apt', 'venv'],
  defaults: {},
  installs: [w.installsSynapse, w.installsNginx, w.installsElement, w.installsAdmin],
  stateDir: '/var/lib/matrix-setup',
};

/** A fixture's own text (not a catalog message), in both languages. */
export function both(en: string, ru: string): Localized {
  return fromLanguages((lang) => (lang === 'ru' ? ru : en));
}

const GiB = 1024 ** 3;

/** Preflight results as the real checks word them. */
export const PASSING_PREFLIGHT: PreflightResult[] = [
  { id: 'root', label: p.rootLabel, status: 'pass', detail: p.rootPass },
  { id: 'target', label: p.targetLabel, status: 'pass', detail: verbatim('Debian 12 (bookworm) (amd64)') },
  { id: 'memory', label: p.memoryLabel, status: 'pass', detail: p.memoryDetail({ size: formatBytes(3.8 * GiB) }) },
  { id: 'disk', label: p.diskLabel, status: 'pass', detail: p.diskDetail({ size: formatBytes(41.2 * GiB), path: '/var' }) },
  { id: 'port-80', label: p.portLabel({ port: 80 }), status: 'pass', detail: p.free },
  { id: 'port-443', label: p.portLabel({ port: 443 }), status: 'pass', detail: p.free },
];

export const PLAN: PlanSummary = {
  steps: [
    { id: 'preflight', title: both('Check this machine', 'Проверка этой машины') },
    { id: 'base-packages', title: systemText.basePackagesTitle },
    { id: 'postgres-server', title: postgresText.serverTitle },
    { id: 'synapse-install', title: synapseText.installTitle },
    { id: 'turn', title: both('TURN server', 'Сервер TURN'), skip: turnText.turnOff },
  ],
  packages: ['ca-certificates', 'curl', 'postgresql', 'matrix-synapse-py3', 'nginx', 'certbot'],
  files: ['/etc/matrix-synapse/conf.d/matrix-setup.yaml', '/etc/nginx/sites-available/matrix-setup.conf'],
  ports: [80, 443, 8448],
  commands: 31,
};

/** What the engine reports for a finished install (the same builder the --answers run uses). */
export function summaryFor(answers: Answers, shown: { adminPassword?: string; registrationToken?: string } = {}): InstallSummary {
  return installSummary({
    answers,
    ...shown,
    secretsFile: '/var/lib/matrix-setup/secrets.yaml',
    addUserCommand: 'register_new_matrix_user -c /etc/matrix-synapse/conf.d/zz-matrix-setup.yaml http://127.0.0.1:8008',
  });
}

export class FakeEngine implements WizardEngine {
  resumeCommand = 'matrix-setup resume';
  previous?: PreviousRun;
  preflightResults: PreflightResult[] = PASSING_PREFLIGHT;
  /** The checks finish when this settles (half of them are reported at once). */
  preflightGate: Promise<void> = Promise.resolve();
  databaseResult: DatabaseTestResult = { ok: true, message: w.databaseFound({ version: '16.4', name: 'synapse', encoding: 'UTF8', collate: 'C' }) };
  verifyResults: CheckResult[] = [
    {
      id: 'client-api',
      label: verifyText.groupClientApi,
      status: 'pass',
      detail: both('https://matrix.example.org/_matrix/client/versions answers', 'https://matrix.example.org/_matrix/client/versions отвечает'),
    },
    {
      id: 'federation',
      label: verifyText.groupFederation,
      status: 'pass',
      detail: both('https://matrix.example.org:8448 answers with a valid certificate', 'https://matrix.example.org:8448 отвечает с действительным сертификатом'),
    },
  ];
  runs: RunScript[] = [];
  // What the wizard asked for:
  preflightCalls: AnswersDraft[] = [];
  databaseTests: DatabaseAnswers[] = [];
  saved: Array<{ path: string; text: string }> = [];
  ranWith: Answers[] = [];
  aborted = false;

  host(): HostSummary {
    return HOST;
  }
  async preflight(partial: AnswersDraft, onProgress?: (items: PreflightItem[]) => void): Promise<PreflightResult[]> {
    this.preflightCalls.push(partial);
    onProgress?.(this.preflightResults.map((result, index) => (index % 2 ? result : { id: result.id, label: result.label, status: 'pending' })));
    await this.preflightGate;
    return this.preflightResults;
  }
  async testDatabase(database: DatabaseAnswers): Promise<DatabaseTestResult> {
    this.databaseTests.push(database);
    return this.databaseResult;
  }
  async plan(): Promise<PlanSummary> {
    return PLAN;
  }
  async previousRun(): Promise<PreviousRun | undefined> {
    return this.previous;
  }
  saveAnswers(path: string, answers: Answers): string {
    const absolute = path.startsWith('/') ? path : `/root/${path}`;
    this.saved.push({ path: absolute, text: answersToYaml(answers) });
    return absolute;
  }
  async run(answers: Answers, onEvent: EventListener, signal: AbortSignal): Promise<WizardRunOutcome> {
    this.ranWith.push(answers);
    const script = this.runs.shift();
    if (!script) throw new Error('no scripted run left');
    for (const event of script.events) onEvent(event);
    if (script.pauseUntil) {
      const aborted = new Promise<'aborted'>((resolve) => signal.addEventListener('abort', () => resolve('aborted'), { once: true }));
      if ((await Promise.race([script.pauseUntil.then(() => 'released' as const), aborted])) === 'aborted') {
        this.aborted = true;
        const running = [...script.events].reverse().find((e) => e.type === 'step-started') as Extract<EngineEvent, { type: 'step-started' }> | undefined;
        if (running) onEvent({ type: 'step-interrupted', stepId: running.stepId });
        onEvent({ type: 'run-finished', status: 'interrupted', changedSteps: [], durationMs: 1000 });
        return { status: 'interrupted', failedStep: running?.stepId, logFile: script.outcome.logFile, changedSteps: [] };
      }
    }
    for (const event of script.after ?? []) onEvent(event);
    if (script.outcome.status === 'done' && !script.outcome.summary) return { ...script.outcome, summary: summaryFor(answers, script.shown) };
    return script.outcome;
  }
  async verify(): Promise<CheckResult[]> {
    return this.verifyResults;
  }
}

export function deferred(): { promise: Promise<void>; release: () => void } {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

export const LOG = '/var/log/matrix-setup/install-2025-06-01T10-00-00.log';

export const STARTED: EngineEvent = {
  type: 'run-started',
  target: 'debian-12',
  logFile: LOG,
  resumed: false,
  steps: PLAN.steps.map((s) => ({ id: s.id, title: s.title, ...(s.skip ? { skipReason: s.skip } : {}) })),
};

/**
 * A run of the real steps with TURN off, stopped while `running` starts Synapse and prints nine
 * lines; the preflight step notes `preflightWarnings` first.
 */
export function runOfEveryStep(running: string, preflightWarnings: Localized[] = []): EngineEvent[] {
  const skipped: Record<string, Localized> = { 'turn-synapse': turnText.turnOff, 'turn-server': turnText.turnOff, 'turn-firewall': turnText.turnOff };
  const events: EngineEvent[] = [
    { type: 'run-started', target: 'debian-12', logFile: LOG, resumed: false, steps: STEPS.map((s) => ({ id: s.id, title: s.title, ...(skipped[s.id] ? { skipReason: skipped[s.id] } : {}) })) },
    { type: 'step-started', stepId: 'preflight', title: STEPS[0]!.title, recheck: false },
    ...preflightWarnings.map((message): EngineEvent => ({ type: 'note', stepId: 'preflight', level: 'warn', message })),
    { type: 'step-done', stepId: 'preflight', changed: false, durationMs: 800 },
  ];
  for (const step of STEPS.slice(1)) {
    if (step.id === running) break;
    if (skipped[step.id]) continue;
    events.push({ type: 'step-started', stepId: step.id, title: step.title, recheck: false }, { type: 'step-done', stepId: step.id, changed: true, durationMs: 2100 });
  }
  events.push({ type: 'step-started', stepId: running, title: STEPS.find((s) => s.id === running)!.title, recheck: false });
  events.push({ type: 'command-started', stepId: running, argv: ['systemctl', 'start', 'matrix-synapse.service'] });
  for (let i = 1; i <= 9; i++) events.push({ type: 'output', stepId: running, line: `synapse log line ${i}` });
  return events;
}
