import { domainOf, schemaChoices } from './helpers.js';
import type { Question } from './types.js';

export const TLS_QUESTIONS: Question[] = [
  {
    id: 'tls.mode',
    kind: 'choice',
    group: 'tls',
    path: 'tls.mode',
    title: 'Where does the HTTPS certificate come from?',
    help: "Let's Encrypt needs ports 80 and 443 reachable and DNS pointing here. Self-signed is only for trials.",
    choices: () => schemaChoices('tls.mode', { letsencrypt: "Let's Encrypt", existing: 'Existing certificate', 'self-signed': 'Self-signed' }),
  },
  {
    id: 'tls.email',
    kind: 'text',
    group: 'tls',
    path: 'tls.email',
    title: "Email address for Let's Encrypt",
    help: 'Expiry and security notices about the certificate go there, so use a mailbox someone reads. It is not published.',
    ask: ({ draft }) => (draft.tls?.mode ?? 'letsencrypt') === 'letsencrypt',
    placeholder: (ctx) => `e.g. admin@${domainOf(ctx)}`,
  },
  {
    id: 'tls.cert_path',
    kind: 'text',
    group: 'tls',
    path: 'tls.cert_path',
    title: 'Certificate file (full chain, PEM)',
    ask: ({ draft }) => draft.tls?.mode === 'existing',
    placeholder: ({ draft }) => `e.g. /etc/letsencrypt/live/${draft.synapse_host || draft.server_name || 'example.org'}/fullchain.pem`,
  },
  {
    id: 'tls.key_path',
    kind: 'text',
    group: 'tls',
    path: 'tls.key_path',
    title: 'Private key file (PEM)',
    ask: ({ draft }) => draft.tls?.mode === 'existing',
    placeholder: ({ draft }) => `e.g. /etc/letsencrypt/live/${draft.synapse_host || draft.server_name || 'example.org'}/privkey.pem`,
  },
];

