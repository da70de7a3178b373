/** The words shown with a question: its help (by default the answers schema's description) and placeholder. */
import { fieldAt } from '../../answers/schema-index.js';
import { verbatim, type Localized } from '../../i18n/localized.js';
import type { Question } from '../questions/index.js';
import { questionContext, type WizardState } from './wizard-state.js';

export function helpOf(state: WizardState, question: Question): Localized {
  if (typeof question.help === 'function') return question.help(questionContext(state), state.input.text);
  if (question.help) return question.help;
  const path = 'path' in question && question.path ? question.path.replace(/_(file|env)$/, '') : undefined;
  const field = path ? fieldAt(path) : undefined;
  return field?.description ?? verbatim('');
}

export function placeholderOf(state: WizardState, question: Question): Localized | undefined {
  if (question.kind !== 'text') return undefined;
  return typeof question.placeholder === 'function' ? question.placeholder(questionContext(state)) : question.placeholder;
}
