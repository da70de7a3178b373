import { fieldAt, getPath } from '../../answers/schema-index.js';
import type { AnswersDraft } from '../../answers/field-spec.js';
import { verbatim, type Localized } from '../../i18n/localized.js';
import { questionText as q } from '../../i18n/messages/questions.js';
import { wizardText as w } from '../../i18n/messages/wizard.js';
import type { Choice } from './types.js';

/** The choices of a key, with the answers schema's explanation of each; a choice without a label is shown as its value. */
export function schemaChoices(path: string, labels: Record<string, Localized> = {}): Choice[] {
  const field = fieldAt(path);
  if (!field || field.type !== 'string' || !field.choices) throw new Error(`${path} has no choices`);
  return Object.entries(field.choices).map(([value, hint]) => ({ value, label: labels[value] ?? verbatim(value), hint }));
}

export function yesNo(yes: Localized, no: Localized): Choice[] {
  return [
    { value: true, label: w.yes, hint: yes },
    { value: false, label: w.no, hint: no },
  ];
}

export function answered(draft: AnswersDraft, path: string): unknown {
  return getPath(draft, path);
}

/** The domain to use in examples: the one entered, or example.org before it is. */
export function domainOf({ draft }: { draft: AnswersDraft }): string {
  return draft.server_name || 'example.org';
}

/** A placeholder such as "e.g. admin@example.org". */
export function example(value: string): Localized {
  return q.example({ value });
}
