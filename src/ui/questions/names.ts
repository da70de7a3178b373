import { questionText as q } from '../../i18n/messages/questions.js';
import type { Question } from './types.js';
import { example, schemaChoices } from './helpers.js';

export const NAME_QUESTIONS: Question[] = [
  {
    id: 'server_name',
    kind: 'text',
    group: 'names',
    path: 'server_name',
    title: q.serverNameTitle,
    help: q.serverNameHelp,
    suggest: ({ host }) => host.defaults.server_name,
    placeholder: example('example.org'),
  },
  {
    id: 'synapse_host',
    kind: 'text',
    group: 'names',
    path: 'synapse_host',
    title: q.synapseHostTitle,
    help: ({ draft }, text) => {
      const name = draft.server_name ?? '';
      if (text.trim() && text.trim().toLowerCase() !== name.toLowerCase()) return q.synapseHostDelegated({ name, host: text.trim() });
      return q.synapseHostSame({ name });
    },
    suggest: ({ draft }) => draft.server_name,
  },
  {
    id: 'delegation',
    kind: 'choice',
    group: 'names',
    path: 'delegation',
    title: q.delegationTitle,
    help: ({ draft }) => q.delegationHelp({ name: draft.server_name ?? '', host: draft.synapse_host ?? '' }),
    ask: ({ draft }) => Boolean(draft.synapse_host && draft.server_name && draft.synapse_host.toLowerCase() !== draft.server_name.toLowerCase()),
    choices: () => schemaChoices('delegation'),
  },
];
