import { yesNo } from './helpers.js';
import type { Question } from './types.js';

export const ELEMENT_QUESTIONS: Question[] = [
  {
    id: 'element.enabled',
    kind: 'choice',
    group: 'element',
    path: 'element.enabled',
    title: 'Install Element Web, the browser client?',
    help: 'Your users can then chat from a browser at its own address. Any other Matrix client works too.',
    choices: () => yesNo('serve Element Web from this machine', 'clients only (Element apps, others)'),
  },
  {
    id: 'element.host',
    kind: 'text',
    group: 'element',
    path: 'element.host',
    title: 'Host name for Element Web',
    ask: ({ draft }) => draft.element?.enabled !== false,
  },
];
