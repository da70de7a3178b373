import { questionText as q } from '../../i18n/messages/questions.js';
import { yesNo } from './helpers.js';
import type { Question } from './types.js';

export const FEDERATION_QUESTIONS: Question[] = [
  {
    id: 'federation',
    kind: 'choice',
    group: 'federation',
    path: 'federation',
    title: q.federationTitle,
    help: q.federationHelp,
    choices: () => yesNo(q.federationYes, q.federationNo),
  },
];
