/**
 * Holds the wizard state outside React and carries out the effects the reducer asks for:
 * engine calls, the run (with its events batched so a chatty command cannot flood the
 * terminal), stopping it, and the exit. Components subscribe and dispatch; nothing more.
 */
import { toStepErrorInfo } from '../errors.js';
import type { EngineEvent } from '../engine/events.js';
import type { WizardEngine } from './engine-port.js';
import { initialState, update, type Action, type Effect, type WizardState } from './state/wizard-state.js';

export interface WizardStoreOptions {
  engine: WizardEngine;
  planOnly?: boolean;
  /** Clock for elapsed times and the spinner (tests pin it). */
  now?: () => number;
  /** How often the spinner and elapsed times advance while something is running. 0 turns it off. */
  tickMs?: number;
  /** Engine events are applied at most this often. */
  flushMs?: number;
  /** Wait for start() before the first effects (the caller paints the first frame first). */
  deferStart?: boolean;
}

export interface WizardExit {
  code: number;
  message?: string;
}

export interface WizardStore {
  getState(): WizardState;
  dispatch(action: Action): void;
  subscribe(listener: () => void): () => void;
  /** Starts the first effects when created with deferStart. */
  start(): void;
  /** Resolves when the wizard decides to exit. */
  exited: Promise<WizardExit>;
  /** Stops timers; aborts a run still going. */
  dispose(): void;
}

export function createWizardStore(options: WizardStoreOptions): WizardStore {
  const { engine } = options;
  const now = options.now ?? Date.now;
  const flushMs = options.flushMs ?? 80;
  const listeners = new Set<() => void>();
  let resolveExit!: (exit: WizardExit) => void;
  const exited = new Promise<WizardExit>((resolve) => (resolveExit = resolve));
  let controller: AbortController | undefined;
  let pending: EngineEvent[] = [];
  let flushTimer: NodeJS.Timeout | undefined;

  const first = initialState({ host: engine.host(), planOnly: options.planOnly, resumeCommand: engine.resumeCommand, now: now() });
  let state = first.state;

  const dispatch = (action: Action) => {
    const result = update(state, action);
    if (result.state !== state) {
      state = result.state;
      for (const listener of listeners) listener();
    }
    for (const effect of result.effects) perform(effect);
  };

  const flush = () => {
    flushTimer = undefined;
    if (pending.length === 0) return;
    const events = pending;
    pending = [];
    dispatch({ type: 'engine-events', events, now: now() });
  };

  const onEvent = (event: EngineEvent) => {
    pending.push(event);
    flushTimer ??= setTimeout(flush, flushMs);
  };

  const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

  function perform(effect: Effect): void {
    switch (effect.type) {
      case 'preflight': {
        const { run } = effect;
        engine.preflight(effect.draft, (items) => dispatch({ type: 'preflight-progress', run, items })).then(
          (results) => dispatch({ type: 'preflight-result', run, results }),
          (error: unknown) => dispatch({ type: 'preflight-result', run, error: message(error) }),
        );
        return;
      }
      case 'test-database':
        engine.testDatabase(effect.database).then(
          (result) => dispatch({ type: 'database-result', result }),
          (error: unknown) => dispatch({ type: 'database-result', result: { ok: false, message: message(error) } }),
        );
        return;
      case 'previous-run':
        engine.previousRun().then(
          (previous) => dispatch({ type: 'previous-run-result', previous }),
          (error: unknown) => dispatch({ type: 'previous-run-result', error: message(error) }),
        );
        return;
      case 'plan':
        engine.plan(effect.answers).then(
          (plan) => dispatch({ type: 'plan-result', plan }),
          (error: unknown) => dispatch({ type: 'plan-result', error: message(error) }),
        );
        return;
      case 'save':
        queueMicrotask(() => {
          try {
            dispatch({ type: 'save-result', path: engine.saveAnswers(effect.path, effect.answers) });
          } catch (error) {
            dispatch({ type: 'save-result', error: message(error) });
          }
        });
        return;
      case 'run': {
        const run = new AbortController();
        controller = run;
        engine.run(effect.answers, onEvent, run.signal).then(
          (outcome) => {
            if (flushTimer) clearTimeout(flushTimer);
            flush();
            dispatch({ type: 'run-result', outcome });
          },
          (error: unknown) => {
            if (flushTimer) clearTimeout(flushTimer);
            flush();
            const progress = state.progress;
            dispatch({
              type: 'run-result',
              outcome: {
                status: run.signal.aborted ? 'interrupted' : 'failed',
                failedStep: progress.runningStepId ?? progress.steps.find((s) => s.status === 'failed')?.id,
                error: toStepErrorInfo(error),
                logFile: progress.logFile ?? '',
                changedSteps: [],
              },
            });
          },
        );
        return;
      }
      case 'stop-run':
        controller?.abort();
        return;
      case 'verify':
        engine.verify(effect.answers).then(
          (results) => dispatch({ type: 'verify-result', results }),
          (error: unknown) => dispatch({ type: 'verify-result', error: message(error) }),
        );
        return;
      case 'exit':
        resolveExit({ code: effect.code, message: effect.message });
        return;
    }
  }

  const tickMs = options.tickMs ?? 100;
  const ticker = tickMs > 0 ? setInterval(() => needsClock(state) && dispatch({ type: 'tick', now: now() }), tickMs) : undefined;
  ticker?.unref();

  // The first effects (reading the state directory, then the preflight checks) start once the
  // first frame is out: the welcome screen paints at once and its checks fill in as they finish.
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    for (const effect of first.effects) perform(effect);
  };
  if (!options.deferStart) start();

  return {
    start,
    getState: () => state,
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    exited,
    dispose() {
      if (ticker) clearInterval(ticker);
      if (flushTimer) clearTimeout(flushTimer);
      controller?.abort();
    },
  };
}

/** Something on screen moves with time: a spinner or an elapsed time. */
function needsClock(state: WizardState): boolean {
  if (state.exit) return false;
  if (state.screen === 'progress') return true;
  if (state.preflight.status === 'loading' && (state.screen === 'welcome' || state.screen === 'review')) return true;
  if (state.screen === 'questions' && state.databaseTest.status === 'testing') return true;
  return state.screen === 'done' && state.verify?.status === 'loading';
}
