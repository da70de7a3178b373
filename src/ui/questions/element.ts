import { questionText as q } from '../../i18n/messages/questions.js';
import { yesNo } from './helpers.js';
import type { Question } from './types.js';

export const ELEMENT_QUESTIONS: Question[] = [
  {
    id: 'element.enabled',
    kind: 'choice',
    group: 'element',
    path: 'element.enabled',
    title: q.elementTitle,
    help: q.elementHelp,
    choices: () => yesNo(q.elementYes, q.elementNo),
  },
  {
    id: 'element.host',
    kind: 'text',
    group: 'element',
    path: 'element.host',
    title: q.elementHostTitle,
    ask: ({ draft }) => draft.element?.enabled !== false,
  },
];
