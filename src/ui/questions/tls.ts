import { questionText as q } from '../../i18n/messages/questions.js';
import { domainOf, example, schemaChoices } from './helpers.js';
import type { Question } from './types.js';

export const TLS_QUESTIONS: Question[] = [
  {
    id: 'tls.mode',
    kind: 'choice',
    group: 'tls',
    path: 'tls.mode',
    title: q.tlsModeTitle,
    help: q.tlsModeHelp,
    choices: () => schemaChoices('tls.mode', { letsencrypt: q.tlsLetsEncrypt, existing: q.tlsExisting, 'self-signed': q.tlsSelfSigned }),
  },
  {
    id: 'tls.email',
    kind: 'text',
    group: 'tls',
    path: 'tls.email',
    title: q.tlsEmailTitle,
    help: q.tlsEmailHelp,
    ask: ({ draft }) => (draft.tls?.mode ?? 'letsencrypt') === 'letsencrypt',
    placeholder: (ctx) => example(`admin@${domainOf(ctx)}`),
  },
  {
    id: 'tls.cert_path',
    kind: 'text',
    group: 'tls',
    path: 'tls.cert_path',
    title: q.tlsCertTitle,
    ask: ({ draft }) => draft.tls?.mode === 'existing',
    placeholder: ({ draft }) => example(`/etc/letsencrypt/live/${draft.synapse_host || draft.server_name || 'example.org'}/fullchain.pem`),
  },
  {
    id: 'tls.key_path',
    kind: 'text',
    group: 'tls',
    path: 'tls.key_path',
    title: q.tlsKeyTitle,
    ask: ({ draft }) => draft.tls?.mode === 'existing',
    placeholder: ({ draft }) => example(`/etc/letsencrypt/live/${draft.synapse_host || draft.server_name || 'example.org'}/privkey.pem`),
  },
];
