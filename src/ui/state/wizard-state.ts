/**
 * The whole wizard as one pure state machine: `update(state, action)` returns the next state
 * and the effects (engine calls, exit) the store must carry out. Components render this
 * state; keys become actions in keymap.ts; nothing here touches the machine.
 */
import type { AnswersDraft } from '../../answers/field-spec.js';
import { resolveAnswers } from '../../answers/resolve.js';
import type { Answers, DatabaseAnswers } from '../../answers/types.js';
import { coerceFieldInput, validateField } from '../../answers/validate-field.js';
import type { EngineEvent } from '../../engine/events.js';
import { ExitCode } from '../../errors.js';
import type {
  CheckResult,
  DatabaseTestResult,
  HostSummary,
  PlanSummary,
  PreflightItem,
  PreflightResult,
  PreviousRun,
  WizardRunOutcome,
} from '../engine-port.js';
import { visibleQuestions, type Choice, type Question, type QuestionContext, type WizardFlags } from '../questions/index.js';
import { answerText, defaultAnswer, readAnswer, storedAt, writeAnswer } from './draft.js';
import { doneText, failureText } from './exit-summary.js';
import { finalizeAnswers } from './finalize.js';
import { pruneDraft } from './prune.js';
import { INITIAL_PROGRESS, reduceProgress, type ProgressState } from './progress-state.js';

export type Screen = 'welcome' | 'questions' | 'review' | 'progress' | 'failure' | 'done';

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

/** The preflight checks: while they run, each check as it finishes (the others pending). */
export type PreflightState = { status: 'loading'; items: PreflightItem[] } | { status: 'ready'; value: PreflightResult[] } | { status: 'error'; message: string };

export interface InputState {
  text: string;
  choice: number;
  error?: string;
  /** The text is a suggestion or earlier answer not yet edited: typing replaces it, Backspace edits it. */
  pristine?: boolean;
}

export type WelcomeOption = 'start' | 'resume' | 'change' | 'fresh';

export interface ReviewState {
  /** Continuing the previous run with its answers (no questions were asked). */
  resume: boolean;
  answers?: Answers;
  issues: string[];
  plan?: Loadable<PlanSummary>;
  /** Open while the user types where to save the answers file. */
  saveText?: string;
  saveError?: string;
  savedTo?: string;
}

export interface WizardState {
  screen: Screen;
  /** The quit confirmation is showing over the current screen. */
  quitting: boolean;
  planOnly: boolean;
  host: HostSummary;
  resumeCommand: string;
  previous?: PreviousRun;
  /** Whether the state directory was read for a previous run yet (it is, right after the first frame). */
  previousLoaded: boolean;
  /** The state directory holds a run that could not be read. */
  previousError?: string;
  welcomeChoice: number;
  preflight: PreflightState;
  /** Numbers the preflight runs, so a slower earlier run cannot overwrite a later one. */
  preflightRun: number;
  draft: AnswersDraft;
  /** The welcome option the draft came from. */
  draftOrigin?: WelcomeOption;
  flags: WizardFlags;
  questionId?: string;
  input: InputState;
  databaseTest: { status: 'idle' | 'testing' | 'ok' | 'failed'; message?: string };
  review: ReviewState;
  /** The answers of the run in progress (or finished). */
  running?: Answers;
  progress: ProgressState;
  /** Stop was requested; waiting for the engine to record the step as interrupted. */
  stopping: boolean;
  outcome?: WizardRunOutcome;
  failureChoice: number;
  verify?: Loadable<CheckResult[]>;
  /** Clock for elapsed times and the spinner, advanced by ticks. */
  now: number;
  /** The first body row in view when the user scrolled this screen; undefined follows its focus. */
  scroll?: number;
  exit?: { code: number; message?: string };
}

export type Action =
  | { type: 'move'; delta: number }
  | { type: 'pick'; index: number }
  | { type: 'confirm' }
  | { type: 'back' }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'clear' }
  | { type: 'quit-request' }
  | { type: 'quit-answer'; quit: boolean }
  | { type: 'save-open' }
  | { type: 'retry' }
  | { type: 'recheck' }
  | { type: 'tick'; now: number }
  | { type: 'scroll'; to: number }
  | { type: 'previous-run-result'; previous?: PreviousRun; error?: string }
  | { type: 'preflight-progress'; run: number; items: PreflightItem[] }
  | { type: 'preflight-result'; run: number; results?: PreflightResult[]; error?: string }
  | { type: 'database-result'; result: DatabaseTestResult }
  | { type: 'plan-result'; plan?: PlanSummary; error?: string }
  | { type: 'save-result'; path?: string; error?: string }
  | { type: 'engine-events'; events: EngineEvent[]; now: number }
  | { type: 'run-result'; outcome: WizardRunOutcome }
  | { type: 'verify-result'; results?: CheckResult[]; error?: string };

export type Effect =
  | { type: 'previous-run' }
  | { type: 'preflight'; draft: AnswersDraft; run: number }
  | { type: 'test-database'; database: DatabaseAnswers }
  | { type: 'plan'; answers: Answers }
  | { type: 'save'; path: string; answers: Answers }
  | { type: 'run'; answers: Answers }
  | { type: 'stop-run' }
  | { type: 'verify'; answers: Answers }
  | { type: 'exit'; code: number; message?: string };

export interface Update {
  state: WizardState;
  effects: Effect[];
}

export const DEFAULT_SAVE_PATH = 'matrix-setup-answers.yaml';

export function initialState(options: {
  host: HostSummary;
  planOnly?: boolean;
  resumeCommand: string;
  now: number;
}): Update {
  const state: WizardState = {
    screen: 'welcome',
    quitting: false,
    planOnly: options.planOnly ?? false,
    host: options.host,
    resumeCommand: options.resumeCommand,
    previousLoaded: false,
    welcomeChoice: 0,
    preflight: { status: 'loading', items: [] },
    preflightRun: 1,
    draft: {},
    flags: { advanced: false },
    input: { text: '', choice: 0 },
    databaseTest: { status: 'idle' },
    review: { resume: false, issues: [] },
    progress: INITIAL_PROGRESS,
    stopping: false,
    failureChoice: 0,
    now: options.now,
  };
  return { state, effects: [{ type: 'previous-run' }] };
}

export function welcomeOptions(state: Pick<WizardState, 'previous'>): Array<{ id: WelcomeOption; label: string }> {
  const previous = state.previous;
  if (!previous) return [{ id: 'start', label: 'Start' }];
  const options: Array<{ id: WelcomeOption; label: string }> = [];
  if (previous.status !== 'done') {
    const where = stoppedStepTitle(previous);
    options.push({ id: 'resume', label: `Resume the previous run${where ? ` (from "${where}")` : ''}` });
  }
  options.push({ id: 'change', label: previous.status === 'done' ? 'Change the answers and run again' : 'Change the answers first' });
  options.push({ id: 'fresh', label: 'Start over with new answers' });
  return options;
}

/** The title of the step a previous run stopped in (its id when the steps no longer list it). */
export function stoppedStepTitle(previous: PreviousRun): string | undefined {
  if (!previous.stoppedAt) return undefined;
  return previous.steps.find((step) => step.id === previous.stoppedAt)?.title ?? previous.stoppedAt;
}

/** "A previous run failed in “PostgreSQL server” for example.org." without the name, which is shown bold. */
export function previousRunStatus(previous: PreviousRun): string {
  if (previous.status === 'done') return 'A previous run finished';
  const how = previous.status === 'running' ? 'did not finish' : previous.status === 'interrupted' ? 'was stopped' : 'failed';
  const where = stoppedStepTitle(previous);
  return `A previous run ${how}${where ? ` at "${where}"` : ''}`;
}

export function questionContext(state: Pick<WizardState, 'draft' | 'host' | 'flags'>): QuestionContext {
  return { draft: state.draft, host: state.host, flags: state.flags };
}

export function currentQuestions(state: WizardState): Question[] {
  return visibleQuestions(questionContext(state));
}

export function currentQuestion(state: WizardState): Question | undefined {
  return currentQuestions(state).find((question) => question.id === state.questionId);
}

export function choicesOf(state: WizardState, question: Question): Choice[] {
  return question.kind === 'choice' ? question.choices(questionContext(state)) : [];
}

export function update(state: WizardState, action: Action): Update {
  const result = apply(state, action);
  // A new screen (or question) starts at its top, or at its focus.
  if (result.state.scroll !== undefined && viewKey(result.state) !== viewKey(state)) return { ...result, state: { ...result.state, scroll: undefined } };
  return result;
}

/** What the body shows: scrolling belongs to one of these. */
function viewKey(state: WizardState): string {
  return `${state.screen}:${state.questionId ?? ''}:${state.review.saveText !== undefined}`;
}

function apply(state: WizardState, action: Action): Update {
  switch (action.type) {
    case 'tick':
      return only({ ...state, now: action.now });
    case 'scroll':
      return only({ ...state, scroll: Math.max(0, action.to) });
    case 'quit-request':
      return quitRequest(state);
    case 'quit-answer':
      return quitAnswer(state, action.quit);
    case 'previous-run-result':
      // The first checks look up the names of the previous run, when there is one.
      return only(
        { ...state, previous: action.previous, previousLoaded: true, ...(action.error ? { previousError: action.error } : {}) },
        { type: 'preflight', draft: action.previous?.answers ?? {}, run: state.preflightRun },
      );
    case 'preflight-progress':
      if (action.run !== state.preflightRun || state.preflight.status !== 'loading') return only(state);
      return only({ ...state, preflight: { status: 'loading', items: action.items } });
    case 'preflight-result':
      if (action.run !== state.preflightRun) return only(state);
      return only({
        ...state,
        preflight: action.results ? { status: 'ready', value: action.results } : { status: 'error', message: action.error ?? 'unknown error' },
      });
    case 'database-result':
      return only({ ...state, databaseTest: { status: action.result.ok ? 'ok' : 'failed', message: action.result.message } });
    case 'plan-result':
      return only({
        ...state,
        review: { ...state.review, plan: action.plan ? { status: 'ready', value: action.plan } : { status: 'error', message: action.error ?? 'unknown error' } },
      });
    case 'save-result':
      return only({
        ...state,
        review: action.path
          ? { ...state.review, saveText: undefined, saveError: undefined, savedTo: action.path }
          : { ...state.review, saveError: action.error ?? 'could not save' },
      });
    case 'engine-events': {
      let progress = state.progress;
      for (const event of action.events) progress = reduceProgress(progress, event, action.now);
      return only({ ...state, progress, now: action.now });
    }
    case 'run-result':
      return runResult(state, action.outcome);
    case 'verify-result':
      return only({
        ...state,
        verify: action.results ? { status: 'ready', value: action.results } : { status: 'error', message: action.error ?? 'unknown error' },
      });
  }
  if (state.quitting) return only(state);
  switch (state.screen) {
    case 'welcome':
      return welcome(state, action);
    case 'questions':
      return questions(state, action);
    case 'review':
      return review(state, action);
    case 'progress':
      return only(state);
    case 'failure':
      return failure(state, action);
    case 'done':
      return done(state, action);
  }
}

function only(state: WizardState, ...effects: Effect[]): Update {
  return { state, effects };
}

function exit(state: WizardState, code: number, message?: string): Update {
  return only({ ...state, quitting: false, exit: { code, message } }, { type: 'exit', code, message });
}

// ---- quitting

function quitRequest(state: WizardState): Update {
  if (state.exit || state.stopping) return only(state);
  if (state.screen === 'done') return exit(state, ExitCode.ok, doneText(state));
  if (state.quitting) return quitAnswer(state, true);
  return only({ ...state, quitting: true });
}

function quitAnswer(state: WizardState, quit: boolean): Update {
  if (!state.quitting) return only(state);
  if (!quit) return only({ ...state, quitting: false });
  if (state.screen === 'progress' && !state.progress.finished) {
    return only({ ...state, quitting: false, stopping: true }, { type: 'stop-run' });
  }
  if (state.screen === 'failure') return exit(state, ExitCode.stepFailed, failureText(state));
  return exit(state, ExitCode.interrupted, 'Nothing was changed on this machine.');
}

function resumeMessage(state: WizardState): string {
  return `Continue later with: ${state.resumeCommand}`;
}

// ---- welcome

function welcome(state: WizardState, action: Action): Update {
  const options = welcomeOptions(state);
  switch (action.type) {
    case 'move':
      return only({ ...state, welcomeChoice: wrap(state.welcomeChoice + action.delta, options.length) });
    case 'pick':
      return action.index < options.length ? only({ ...state, welcomeChoice: action.index }) : only(state);
    case 'back':
      return only({ ...state, quitting: true });
    case 'confirm': {
      // Until the state directory has been read, Enter could start over a run that should resume.
      if (!state.previousLoaded) return only(state);
      const option = options[state.welcomeChoice]!.id;
      if (option === 'resume') return enterReview({ ...state, draft: asDraft(state.previous!.answers), draftOrigin: undefined }, true);
      // Coming back to the welcome screen and taking the same way again keeps the answers given so far.
      const keep = state.draftOrigin === option;
      const draft = keep ? state.draft : option === 'change' ? asDraft(state.previous!.answers) : {};
      const flags = keep ? state.flags : { advanced: false };
      const next = { ...state, draft, flags, draftOrigin: option };
      return enterQuestion(next, currentQuestions(next)[0]!);
    }
    default:
      return only(state);
  }
}

function asDraft(answers: Answers): AnswersDraft {
  return structuredClone(answers) as AnswersDraft;
}

// ---- questions

function enterQuestion(state: WizardState, question: Question): Update {
  const ctx = questionContext(state);
  const next: WizardState = { ...state, screen: 'questions', questionId: question.id, input: { text: '', choice: 0 } };
  if (question.kind === 'text') {
    const given = readAnswer(state.draft, question.path);
    const text = answerText(given ?? question.suggest?.(ctx) ?? defaultAnswer(state.draft, question.path));
    return only({ ...next, input: { text, choice: 0, pristine: text !== '' } });
  }
  if (question.kind === 'choice') {
    const choices = question.choices(ctx);
    const current = question.flag
      ? (state.flags[question.flag] ?? question.suggest?.(ctx))
      : (readAnswer(state.draft, question.path!) ?? question.suggest?.(ctx) ?? defaultAnswer(state.draft, question.path!));
    const index = choices.findIndex((choice) => choice.value === current);
    return only({ ...next, input: { text: '', choice: Math.max(0, index) } });
  }
  return testDatabase(next);
}

function testDatabase(state: WizardState): Update {
  const database = resolveAnswers(state.draft).database;
  return only({ ...state, databaseTest: { status: 'testing' } }, { type: 'test-database', database });
}

function questions(state: WizardState, action: Action): Update {
  const question = currentQuestion(state);
  if (!question) return enterReview(state, false);
  switch (action.type) {
    case 'back':
      return goBack(keepValidText(state, question), question);
    case 'confirm':
      return submit(state, question);
    case 'move':
    case 'pick': {
      if (question.kind !== 'choice') return only(state);
      const count = choicesOf(state, question).length;
      const choice = action.type === 'move' ? wrap(state.input.choice + action.delta, count) : action.index;
      if (choice >= count) return only(state);
      return only({ ...state, input: { ...state.input, choice, error: undefined } });
    }
    case 'type':
    case 'erase':
    case 'clear': {
      if (question.kind !== 'text') return only(state);
      const text = editText(state.input, action);
      return only({ ...state, input: { ...state.input, text, pristine: false, error: liveError(state, question.path, text) } });
    }
    default:
      return only(state);
  }
}

function editText(input: InputState, action: Extract<Action, { type: 'type' | 'erase' | 'clear' }>): string {
  if (action.type === 'clear') return '';
  if (action.type === 'erase') return input.text.slice(0, -1);
  return input.pristine ? action.text : input.text + action.text;
}

/** Checks as the user types; an empty field is only reported when they try to continue. */
function liveError(state: WizardState, path: string, text: string): string | undefined {
  if (text.trim() === '') return undefined;
  return validateField(path, coerceFieldInput(path, text), state.draft);
}

function submit(state: WizardState, question: Question): Update {
  if (question.kind === 'database-test') {
    if (state.databaseTest.status === 'ok') return goForward(state, question);
    if (state.databaseTest.status === 'testing') return only(state);
    return testDatabase(state);
  }
  if (question.kind === 'text') {
    const empty = state.input.text.trim() === '';
    const value = empty ? undefined : coerceFieldInput(question.path, state.input.text);
    const error = validateField(question.path, value, state.draft);
    if (error) return only({ ...state, input: { ...state.input, error } });
    return goForward({ ...state, draft: writeAnswer(state.draft, question.path, value) }, question);
  }
  const choice = choicesOf(state, question)[state.input.choice]!;
  if (question.flag) return goForward({ ...state, flags: { ...state.flags, [question.flag]: choice.value } }, question);
  const error = validateField(question.path!, choice.value, state.draft);
  if (error) return only({ ...state, input: { ...state.input, error } });
  return goForward({ ...state, draft: writeAnswer(state.draft, question.path!, choice.value) }, question);
}

function keepValidText(state: WizardState, question: Question): WizardState {
  if (question.kind !== 'text' || state.input.text.trim() === '') return state;
  const value = coerceFieldInput(question.path, state.input.text);
  if (validateField(question.path, value, state.draft)) return state;
  return { ...state, draft: writeAnswer(state.draft, question.path, value) };
}

function goForward(state: WizardState, question: Question): Update {
  const list = currentQuestions(state);
  const index = list.findIndex((q) => q.id === question.id);
  const next = list[index + 1];
  const cleared: WizardState = { ...state, databaseTest: question.kind === 'database-test' ? state.databaseTest : { status: 'idle' } };
  return next ? enterQuestion(cleared, next) : enterReview(cleared, false);
}

function goBack(state: WizardState, question: Question): Update {
  const list = currentQuestions(state);
  const index = list.findIndex((q) => q.id === question.id);
  const previous = index > 0 ? list[index - 1] : undefined;
  if (!previous) return only({ ...state, screen: 'welcome', questionId: undefined });
  // Going back over the database test would only run it again: step over it.
  if (previous.kind === 'database-test' && index > 1) return enterQuestion(state, list[index - 2]!);
  return enterQuestion(state, previous);
}

// ---- review

function enterReview(state: WizardState, resume: boolean): Update {
  // A resumed run installs exactly its saved answers.
  const finalized = finalizeAnswers(resume ? state.draft : pruneDraft(questionContext(state)));
  const next: WizardState = {
    ...state,
    screen: 'review',
    questionId: undefined,
    review: finalized.ok
      ? { resume, answers: finalized.answers, issues: [], plan: { status: 'loading' } }
      : { resume, issues: finalized.issues },
  };
  if (!finalized.ok) return only(next);
  const checked = checkAgain(next);
  return only(checked.state, { type: 'plan', answers: finalized.answers }, ...checked.effects);
}

/** Runs the preflight checks again (with the names answered so far); the previous results stay until the new ones replace them check by check. */
function checkAgain(state: WizardState): Update {
  const run = state.preflightRun + 1;
  const items = state.preflight.status === 'ready' ? state.preflight.value.map((result) => ({ id: result.id, label: result.label, status: 'pending' as const })) : [];
  return only({ ...state, preflightRun: run, preflight: { status: 'loading', items } }, { type: 'preflight', draft: state.draft, run });
}

export function preflightFailures(state: WizardState): PreflightResult[] {
  return state.preflight.status === 'ready' ? state.preflight.value.filter((result) => result.status === 'fail') : [];
}

/** Whether Enter on the review starts the install, and if not, why. */
export function installBlocker(state: WizardState): string | undefined {
  if (state.planOnly) return undefined;
  if (!state.review.answers) return 'Go back and fix the answers above.';
  if (state.review.plan?.status !== 'ready') return state.review.plan?.status === 'error' ? 'The plan could not be built.' : 'Building the plan…';
  if (state.preflight.status === 'loading') return 'Checking this machine…';
  if (preflightFailures(state).length > 0) return 'Fix the failed checks, then press r to check again.';
  return undefined;
}

function review(state: WizardState, action: Action): Update {
  const saving = state.review.saveText !== undefined;
  if (saving) {
    switch (action.type) {
      case 'back':
        return only({ ...state, review: { ...state.review, saveText: undefined, saveError: undefined } });
      case 'type':
        return only({ ...state, review: { ...state.review, saveText: state.review.saveText + action.text, saveError: undefined } });
      case 'erase':
        return only({ ...state, review: { ...state.review, saveText: state.review.saveText!.slice(0, -1) } });
      case 'clear':
        return only({ ...state, review: { ...state.review, saveText: '' } });
      case 'confirm': {
        const path = state.review.saveText!.trim();
        if (!path) return only({ ...state, review: { ...state.review, saveError: 'Type a file name.' } });
        return only(state, { type: 'save', path, answers: state.review.answers! });
      }
      default:
        return only(state);
    }
  }
  switch (action.type) {
    case 'back': {
      if (state.review.resume) return only({ ...state, screen: 'welcome' });
      const list = currentQuestions(state);
      return enterQuestion(state, list[list.length - 1]!);
    }
    case 'save-open':
      if (!state.review.answers) return only(state);
      return only({ ...state, review: { ...state.review, saveText: state.review.savedTo ?? DEFAULT_SAVE_PATH, saveError: undefined } });
    case 'recheck':
      return checkAgain(state);
    case 'confirm': {
      if (state.planOnly) return exit(state, ExitCode.ok, 'Plan only: nothing was installed.');
      if (installBlocker(state)) return only(state);
      return startRun(state, state.review.answers!);
    }
    default:
      return only(state);
  }
}

// ---- progress, failure, done

function startRun(state: WizardState, answers: Answers): Update {
  return only(
    { ...state, screen: 'progress', running: answers, progress: INITIAL_PROGRESS, outcome: undefined, stopping: false, failureChoice: 0, verify: undefined },
    { type: 'run', answers },
  );
}

function runResult(state: WizardState, outcome: WizardRunOutcome): Update {
  const next: WizardState = { ...state, outcome, quitting: false };
  if (outcome.status === 'done') {
    return only({ ...next, screen: 'done', verify: { status: 'loading' } }, { type: 'verify', answers: state.running! });
  }
  if (outcome.status === 'interrupted' && state.stopping) {
    const title = state.progress.steps.find((step) => step.id === outcome.failedStep)?.title ?? outcome.failedStep;
    const where = title ? ` during "${title}"` : '';
    return exit({ ...next, stopping: false }, ExitCode.interrupted, `Stopped${where}. ${resumeMessage(state)}`);
  }
  return only({ ...next, screen: 'failure', stopping: false, failureChoice: 0 });
}

export const FAILURE_OPTIONS = ['Retry now', 'Quit and resume later'] as const;

function failure(state: WizardState, action: Action): Update {
  switch (action.type) {
    case 'move':
      return only({ ...state, failureChoice: wrap(state.failureChoice + action.delta, FAILURE_OPTIONS.length) });
    case 'pick':
      return action.index < FAILURE_OPTIONS.length ? only({ ...state, failureChoice: action.index }) : only(state);
    case 'retry':
      return startRun(state, state.running!);
    case 'back':
      return only({ ...state, quitting: true });
    case 'confirm':
      return state.failureChoice === 0 ? startRun(state, state.running!) : exit(state, ExitCode.stepFailed, failureText(state));
    default:
      return only(state);
  }
}

function done(state: WizardState, action: Action): Update {
  if (action.type === 'confirm' || action.type === 'back') return exit(state, ExitCode.ok, doneText(state));
  return only(state);
}

function wrap(value: number, count: number): number {
  return count === 0 ? 0 : ((value % count) + count) % count;
}
