import { fieldAt, getPath } from '../../answers/schema-index.js';
import type { AnswersDraft } from '../../answers/field-spec.js';
import type { Choice } from './types.js';

/** The choices of a key, with the answers schema's explanation of each. */
export function schemaChoices(path: string, labels: Record<string, string> = {}): Choice[] {
  const field = fieldAt(path);
  if (!field || field.type !== 'string' || !field.choices) throw new Error(`${path} has no choices`);
  return Object.entries(field.choices).map(([value, hint]) => ({ value, label: labels[value] ?? value, hint }));
}

export function yesNo(yes: string, no: string): Choice[] {
  return [
    { value: true, label: 'Yes', hint: yes },
    { value: false, label: 'No', hint: no },
  ];
}

export function answered(draft: AnswersDraft, path: string): unknown {
  return getPath(draft, path);
}

/** The domain to use in examples: the one entered, or example.org before it is. */
export function domainOf({ draft }: { draft: AnswersDraft }): string {
  return draft.server_name || 'example.org';
}
