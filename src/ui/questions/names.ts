import type { Question } from './types.js';
import { schemaChoices } from './helpers.js';

export const NAME_QUESTIONS: Question[] = [
  {
    id: 'server_name',
    kind: 'text',
    group: 'names',
    path: 'server_name',
    title: 'Your Matrix domain (server_name)',
    help:
      'It is the part after the colon in every user ID: @alice:example.org. It is permanent: it can never be changed once the server has started.',
    suggest: ({ host }) => host.defaults.server_name,
    placeholder: 'e.g. example.org',
  },
  {
    id: 'synapse_host',
    kind: 'text',
    group: 'names',
    path: 'synapse_host',
    title: 'Host name that serves Synapse',
    help: ({ draft }, text) => {
      const name = draft.server_name ?? '';
      if (text.trim() && text.trim().toLowerCase() !== name.toLowerCase()) {
        return `It differs from ${name}, so clients and servers find it through delegation: small /.well-known files on https://${name} point them to ${text.trim()}. This keeps a website on ${name} free.`;
      }
      return `Usually ${name} itself, or a subdomain such as matrix.${name} when ${name} already hosts a website elsewhere.`;
    },
    suggest: ({ draft }) => draft.server_name,
  },
  {
    id: 'delegation',
    kind: 'choice',
    group: 'names',
    path: 'delegation',
    title: 'Who serves the delegation files?',
    help: ({ draft }) =>
      `Clients and servers look up https://${draft.server_name}/.well-known/matrix/* to find ${draft.synapse_host}. This machine can serve them if ${draft.server_name} points here; otherwise the web server of ${draft.server_name} must.`,
    ask: ({ draft }) => Boolean(draft.synapse_host && draft.server_name && draft.synapse_host.toLowerCase() !== draft.server_name.toLowerCase()),
    choices: () => schemaChoices('delegation'),
  },
];
