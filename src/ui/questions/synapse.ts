import type { SynapseSource } from '../../answers/types.js';
import { fieldAt } from '../../answers/schema-index.js';
import type { Localized } from '../../i18n/localized.js';
import { questionText as q } from '../../i18n/messages/questions.js';
import type { Choice, Question } from './types.js';

export const SOURCE_LABELS: Record<SynapseSource, Localized> = {
  apt: q.sourceApt,
  distro: q.sourceDistro,
  venv: q.sourceVenv,
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
    label: best ? q.recommendedSource({ source: SOURCE_LABELS[best] }) : q.recommendedHere,
    hint: q.autoHint,
  };
  return [auto, ...sources.map((source) => ({ value: source, label: SOURCE_LABELS[source], hint: hints[source] }))];
}

export const SYNAPSE_QUESTIONS: Question[] = [
  {
    id: 'synapse.install',
    kind: 'choice',
    group: 'synapse',
    path: 'synapse.install',
    title: q.synapseInstallTitle,
    help: ({ host }) => q.synapseInstallHelp({ system: host.targetName ?? q.thisSystem }),
    choices: ({ host }) => installChoices(host.synapseSources),
  },
];
