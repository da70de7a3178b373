// A scripted WizardEngine: records what the wizard asked for and plays back engine events.
import { answersToYaml } from '../../src/answers/save.js';
import { installSummary, type InstallSummary } from '../../src/render/install-summary.js';
import type { Answers, DatabaseAnswers } from '../../src/answers/types.js';
import type { AnswersDraft } from '../../src/answers/field-spec.js';
import type { EngineEvent, EventListener } from '../../src/engine/events.js';
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
  targetName: 'Debian 12 (bookworm)',
  targetId: 'debian-12',
  synapseSources: ['apt', 'venv'],
  defaults: {},
  installs: ['Synapse (the Matrix homeserver) with PostgreSQL', 'nginx with a TLS certificate', 'Element Web, the browser client'],
  stateDir: '/var/lib/matrix-setup',
};

export const PASSING_PREFLIGHT: PreflightResult[] = [
  { id: 'root', label: 'Root', status: 'pass', detail: 'running as root' },
  { id: 'target', label: 'Operating system', status: 'pass', detail: 'Debian 12 (bookworm) (amd64)' },
  { id: 'memory', label: 'Memory', status: 'pass', detail: '3.8 GiB of RAM' },
  { id: 'disk', label: 'Disk space', status: 'pass', detail: '41.2 GiB free under /var' },
  { id: 'port-80', label: 'Port 80', status: 'pass', detail: 'free' },
  { id: 'port-443', label: 'Port 443', status: 'pass', detail: 'free' },
];

export const PLAN: PlanSummary = {
  steps: [
    { id: 'preflight', title: 'Check this machine' },
    { id: 'base-packages', title: 'Base packages' },
    { id: 'postgres-server', title: 'PostgreSQL server' },
    { id: 'synapse-install', title: 'Install Synapse' },
    { id: 'turn', title: 'TURN server', skip: 'turn.enabled is false' },
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
  databaseResult: DatabaseTestResult = { ok: true, message: 'PostgreSQL 16.4, database synapse, UTF8 with C collation' };
  verifyResults: CheckResult[] = [
    { id: 'client-api', label: 'Client API', status: 'pass', detail: 'https://matrix.example.org/_matrix/client/versions answers' },
    { id: 'federation', label: 'Federation', status: 'pass', detail: 'https://matrix.example.org:8448 answers with a valid certificate' },
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
