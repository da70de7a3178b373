import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keyToAction, keyToActions } from '../../src/ui/state/keymap.js';
import { INITIAL_PROGRESS, reduceProgress, TAIL_LINES } from '../../src/ui/state/progress-state.js';
import { cleanOutputLine } from '../../src/ui/state/strip-ansi.js';
import { initialState, update, welcomeOptions, type Action, type WizardState } from '../../src/ui/state/wizard-state.js';
import { HOST, STARTED } from './fake-engine.js';

function start(): WizardState {
  const first = initialState({ host: HOST, resumeCommand: 'matrix-setup resume', now: 0 });
  assert.deepEqual(first.effects, [{ type: 'previous-run' }], 'the state directory is read first');
  return update(first.state, { type: 'previous-run-result' }).state;
}

function apply(state: WizardState, ...actions: Action[]): WizardState {
  for (const action of actions) state = update(state, action).state;
  return state;
}

test('cleanOutputLine drops colours, control characters and overwritten progress', () => {
  assert.equal(cleanOutputLine('\u001B[32mok\u001B[0m done'), 'ok done');
  assert.equal(cleanOutputLine('10%\r50%\r100%'), '100%');
  assert.equal(cleanOutputLine('a\tb\u0007'), 'a  b');
  assert.equal(cleanOutputLine('\u001B]0;title\u0007text'), 'text');
});

test('progress: skipped steps from run-started, tail of the running step only, cleared when it ends', () => {
  let state = reduceProgress(INITIAL_PROGRESS, STARTED, 1000);
  assert.equal(state.steps.find((s) => s.id === 'turn')?.status, 'skipped');
  state = reduceProgress(state, { type: 'step-started', stepId: 'base-packages', title: 'Base packages', recheck: false }, 2000);
  for (let i = 0; i < 10; i++) state = reduceProgress(state, { type: 'output', stepId: 'base-packages', line: `\u001B[1mline ${i}\u001B[0m` }, 2000);
  state = reduceProgress(state, { type: 'output', stepId: 'other', line: 'not shown' }, 2000);
  assert.equal(state.tail.length, TAIL_LINES);
  assert.equal(state.tail.at(-1), 'line 9');
  assert.equal(state.steps.find((s) => s.id === 'base-packages')?.startedAt, 2000);
  state = reduceProgress(state, { type: 'step-done', stepId: 'base-packages', changed: true, durationMs: 5 }, 3000);
  assert.deepEqual(state.tail, []);
  assert.equal(state.runningStepId, undefined);
  assert.equal(state.steps.find((s) => s.id === 'base-packages')?.status, 'done');
});

test('progress: a failed step keeps its output for the failure screen', () => {
  let state = reduceProgress(INITIAL_PROGRESS, STARTED, 0);
  state = reduceProgress(state, { type: 'step-started', stepId: 'preflight', title: 'Check', recheck: false }, 0);
  state = reduceProgress(state, { type: 'output', stepId: 'preflight', line: 'E: broken' }, 0);
  state = reduceProgress(state, { type: 'step-failed', stepId: 'preflight', durationMs: 1, error: { message: 'x' } }, 0);
  assert.deepEqual(state.tail, ['E: broken']);
  assert.equal(state.steps[0]!.status, 'failed');
});

test('welcome options follow the previous run', () => {
  const answers = {} as never;
  assert.deepEqual(welcomeOptions({}).map((o) => o.id), ['start']);
  assert.deepEqual(welcomeOptions({ previous: { answers, status: 'failed', steps: [] } }).map((o) => o.id), ['resume', 'change', 'fresh']);
  assert.deepEqual(welcomeOptions({ previous: { answers, status: 'done', steps: [] } }).map((o) => o.id), ['change', 'fresh']);
});

test('Esc on the first question returns to the welcome screen; Enter there keeps the answers', () => {
  let state = apply(start(), { type: 'confirm' });
  assert.equal(state.questionId, 'server_name');
  state = apply(state, { type: 'type', text: 'example.org' }, { type: 'back' });
  assert.equal(state.screen, 'welcome');
  assert.equal(state.draft.server_name, 'example.org', 'valid text is kept when going back');
  state = apply(state, { type: 'confirm' });
  assert.equal(state.input.text, 'example.org');
});

test('Enter on an invalid answer stays and names the problem; nothing is stored', () => {
  let state = apply(start(), { type: 'confirm' }, { type: 'type', text: 'not a name' }, { type: 'confirm' });
  assert.equal(state.questionId, 'server_name');
  assert.ok(state.input.error);
  assert.equal(state.draft.server_name, undefined);
  state = apply(state, { type: 'clear' }, { type: 'type', text: 'example.org' }, { type: 'confirm' });
  assert.equal(state.questionId, 'synapse_host');
  assert.equal(state.input.text, 'example.org', 'synapse_host suggests the server_name');
});

test('Ctrl-C asks; a second Ctrl-C quits; n stays', () => {
  let state = apply(start(), { type: 'quit-request' });
  assert.equal(state.quitting, true);
  state = apply(state, { type: 'quit-answer', quit: false });
  assert.equal(state.quitting, false);
  const result = update(apply(state, { type: 'quit-request' }), { type: 'quit-request' });
  assert.deepEqual(result.effects, [{ type: 'exit', code: 130, message: 'Nothing was changed on this machine.' }]);
});

test('keys: letters are text in a text field and commands elsewhere', () => {
  const onText = apply(start(), { type: 'confirm' });
  assert.deepEqual(keyToAction(onText, 'q', {}), { type: 'type', text: 'q' });
  assert.deepEqual(keyToAction(onText, 'c', { ctrl: true }), { type: 'quit-request' });
  assert.deepEqual(keyToAction(onText, '', { backspace: true }), { type: 'erase' });
  const onWelcome = start();
  assert.deepEqual(keyToAction(onWelcome, 'q', {}), { type: 'quit-request' });
  assert.deepEqual(keyToAction(onWelcome, '', { downArrow: true }), { type: 'move', delta: 1 });
  assert.deepEqual(keyToAction(onWelcome, '2', {}), { type: 'pick', index: 1 });
  assert.deepEqual(keyToAction(onWelcome, '', { escape: true }), { type: 'back' });
});

test('keys: text and Enter in one chunk are the text, then Enter', () => {
  const onText = apply(start(), { type: 'confirm' });
  assert.deepEqual(keyToActions(onText, 'example.org\r', {}), [{ type: 'type', text: 'example.org' }, { type: 'confirm' }]);
});

test('the first registration token\'s limits are asked with registration by token and an admin account only', async () => {
  const { visibleQuestions } = await import('../../src/ui/questions/index.js');
  const { validateField } = await import('../../src/answers/validate.js');
  const asked = (draft: Record<string, unknown>) =>
    visibleQuestions({ draft, host: HOST, flags: { advanced: false } } as never)
      .map((q) => q.id)
      .filter((id) => id.startsWith('synapse.registration_token'));
  assert.deepEqual(asked({ synapse: { registration: 'token' } }), ['synapse.registration_token_uses', 'synapse.registration_token_days']);
  assert.deepEqual(asked({ synapse: { registration: 'token' }, admin: { enabled: false } }), []);
  assert.deepEqual(asked({ synapse: { registration: 'disabled' } }), []);
  assert.match(validateField('synapse.registration_token_uses', 0, { synapse: { registration: 'token' } }) ?? '', /1/);
  assert.equal(validateField('synapse.registration_token_uses', 25, { synapse: { registration: 'token' } }), undefined);
});
