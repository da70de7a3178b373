/** The words shown with a question: its help (by default the answers schema's description) and placeholder. */
import { fieldAt } from '../../answers/schema-index.js';
import type { Question } from '../questions/index.js';
import { questionContext, type WizardState } from './wizard-state.js';

export function helpOf(state: WizardState, question: Question): string {
  if (typeof question.help === 'function') return question.help(questionContext(state), state.input.text);
  if (question.help) return question.help;
  const path = 'path' in question && question.path ? question.path.replace(/_(file|env)$/, '') : undefined;
  const field = path ? fieldAt(path) : undefined;
  return field?.description ?? '';
}

export function placeholderOf(state: WizardState, question: Question): string | undefined {
  if (question.kind !== 'text') return undefined;
  return typeof question.placeholder === 'function' ? question.placeholder(questionContext(state)) : question.placeholder;
}
