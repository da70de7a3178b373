import type { SynapseSource } from '../../answers/types.js';
import { fieldAt } from '../../answers/schema-index.js';
import type { Choice, Question } from './types.js';

const SOURCE_LABELS: Record<SynapseSource, string> = {
  apt: 'matrix.org APT repository',
  distro: "Distribution's package",
  venv: 'Python virtualenv',
};

function installChoices(sources: SynapseSource[]): Choice[] {
  const field = fieldAt('synapse.install');
  const hints = field?.type === 'string' ? (field.choices ?? {}) : {};
  const best = sources[0];
  return [
    { value: 'auto', label: `Default for this system${best ? ` (${SOURCE_LABELS[best]})` : ''}`, hint: hints.auto },
    ...sources.map((source) => ({ value: source, label: SOURCE_LABELS[source], hint: hints[source] })),
  ];
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
