import { questionText as q } from '../../i18n/messages/questions.js';
import { schemaChoices, yesNo } from './helpers.js';
import type { Question, QuestionContext } from './types.js';

const adminEnabled = ({ draft }: QuestionContext) => draft.admin?.enabled !== false;
/** The first token is created as the admin, so its limits are asked only when there is one. */
const firstToken = (ctx: QuestionContext) => ctx.draft.synapse?.registration === 'token' && adminEnabled(ctx);

export const ACCOUNT_QUESTIONS: Question[] = [
  {
    id: 'admin.enabled',
    kind: 'choice',
    group: 'accounts',
    path: 'admin.enabled',
    title: q.adminTitle,
    help: q.adminHelp,
    choices: () => yesNo(q.adminYes, q.adminNo),
  },
  {
    id: 'admin.username',
    kind: 'text',
    group: 'accounts',
    path: 'admin.username',
    title: q.adminUserTitle,
    help: ({ draft }, text) => q.adminUserHelp({ user: text.trim() || 'admin', server: draft.server_name ?? 'example.org' }),
    ask: adminEnabled,
  },
  {
    id: 'admin.password_file',
    kind: 'text',
    group: 'accounts',
    path: 'admin.password_file',
    title: q.adminPasswordTitle,
    help: q.adminPasswordHelp,
    ask: adminEnabled,
    placeholder: q.adminPasswordPlaceholder,
  },
  {
    id: 'synapse.registration',
    kind: 'choice',
    group: 'accounts',
    path: 'synapse.registration',
    title: q.registrationTitle,
    help: ({ draft }) => (draft.email?.enabled === true ? q.registrationHelp : q.registrationHelpNoEmail),
    choices: () =>
      schemaChoices('synapse.registration', { disabled: q.registrationDisabled, token: q.registrationToken, open: q.registrationOpen }).map((choice) =>
        choice.value === 'open' ? { ...choice, hint: q.registrationOpenHint } : choice,
      ),
  },
  {
    id: 'synapse.registration_token_uses',
    kind: 'text',
    group: 'accounts',
    path: 'synapse.registration_token_uses',
    title: q.tokenUsesTitle,
    help: q.tokenUsesHelp,
    ask: firstToken,
  },
  {
    id: 'synapse.registration_token_days',
    kind: 'text',
    group: 'accounts',
    path: 'synapse.registration_token_days',
    title: q.tokenDaysTitle,
    help: q.tokenDaysHelp,
    ask: firstToken,
  },
];
