import { yesNo } from './helpers.js';
import type { Question, QuestionContext } from './types.js';

const turnEnabled = ({ draft }: QuestionContext) => draft.turn?.enabled === true;

export const CALL_QUESTIONS: Question[] = [
  {
    id: 'turn.enabled',
    kind: 'choice',
    group: 'calls',
    path: 'turn.enabled',
    title: 'Set up a TURN server for voice and video calls?',
    help: 'Calls between people behind home routers or mobile networks often only connect through a relay. coturn is installed here and Synapse gives clients short-lived logins for it.',
    choices: () => yesNo('install coturn (ports 3478 and 5349, and a UDP relay range)', 'calls may fail between networks'),
  },
  {
    id: 'turn.external_ip',
    kind: 'text',
    group: 'calls',
    path: 'turn.external_ip',
    title: 'Public IP address of this machine (optional)',
    help: 'Only needed behind NAT, when the public address is not on any interface of this machine (as on AWS or Google Cloud); otherwise leave it empty and it is detected.',
    ask: turnEnabled,
    placeholder: 'empty: detect it',
  },
  {
    id: 'turn.private_ip',
    kind: 'text',
    group: 'calls',
    path: 'turn.private_ip',
    title: 'Private IP address the public one is forwarded to (optional)',
    help: 'The address of this machine on its private network, behind the NAT. coturn pairs it with the public address.',
    ask: (ctx) => turnEnabled(ctx) && Boolean(ctx.draft.turn?.external_ip),
    placeholder: 'e.g. 10.0.0.5, empty: none',
  },
];
