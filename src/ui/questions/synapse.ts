import type { SynapseSource } from '../../answers/types.js';
import { fieldAt } from '../../answers/schema-index.js';
import type { Choice, Question } from './types.js';

export const SOURCE_LABELS: Record<SynapseSource, string> = {
  apt: 'matrix.org APT repository',
  distro: "Distribution's own package",
  venv: 'Python virtualenv',
};

/**
 * `auto` resolves to the first source that works here, so it is shown as that source
 * ("Recommended: ...") with that source's explanation, not the schema's general one.
 */
function installChoices(sources: SynapseSource[]): Choice[] {
  const field = fieldAt('synapse.install');
  const hints = field?.type === 'string' ? (field.choices ?? {}) : {};
  const best = sources[0];
  const auto: Choice = {
    value: 'auto',
    label: best ? `Recommended: ${SOURCE_LABELS[best]}` : 'Recommended for this system',
    hint: 'the best method that works on this system (saved as "auto")',
  };
  return [auto, ...sources.map((source) => ({ value: source, label: SOURCE_LABELS[source], hint: hints[source] }))];
}

export const SYNAPSE_QUESTIONS: Question[] = [
  {
    id: 'synapse.install',
    kind: 'choice',
    group: 'synapse',
    path: 'synapse.install',
    title: 'How should Synapse be installed?',
    help: ({ host }) =>
      `Only the methods that work on ${host.targetName ?? 'this system'} are listed. Packages update with the system; a virtualenv pins an exact version.`,
    choices: ({ host }) => installChoices(host.synapseSources),
  },
];
