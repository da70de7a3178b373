import { yesNo } from './helpers.js';
import type { Question } from './types.js';

export const FEDERATION_QUESTIONS: Question[] = [
  {
    id: 'federation',
    kind: 'choice',
    group: 'federation',
    path: 'federation',
    title: 'Federate with other Matrix servers?',
    help: 'Federation lets your users talk to people on matrix.org and every other server. Without it the server is private and closed.',
    choices: () => yesNo('talk to the whole Matrix network (needs port 8448 or delegation)', 'a private server: only its own users'),
  },
];
