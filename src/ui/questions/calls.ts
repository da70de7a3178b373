import { questionText as q } from '../../i18n/messages/questions.js';
import { yesNo } from './helpers.js';
import type { Question, QuestionContext } from './types.js';

const turnEnabled = ({ draft }: QuestionContext) => draft.turn?.enabled === true;

export const CALL_QUESTIONS: Question[] = [
  {
    id: 'turn.enabled',
    kind: 'choice',
    group: 'calls',
    path: 'turn.enabled',
    title: q.turnTitle,
    help: q.turnHelp,
    choices: () => yesNo(q.turnYes, q.turnNo),
  },
  {
    id: 'turn.external_ip',
    kind: 'text',
    group: 'calls',
    path: 'turn.external_ip',
    title: q.externalIpTitle,
    help: q.externalIpHelp,
    ask: turnEnabled,
    placeholder: q.externalIpPlaceholder,
  },
  {
    id: 'turn.private_ip',
    kind: 'text',
    group: 'calls',
    path: 'turn.private_ip',
    title: q.privateIpTitle,
    help: q.privateIpHelp,
    ask: (ctx) => turnEnabled(ctx) && Boolean(ctx.draft.turn?.external_ip),
    placeholder: q.privateIpPlaceholder,
  },
];
