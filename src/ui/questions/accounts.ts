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
    title: 'Create an administrator account?',
    help: 'The admin can create users and moderate the server. It is skipped if the account already exists.',
    choices: () => yesNo('create it now', 'no admin account'),
  },
  {
    id: 'admin.username',
    kind: 'text',
    group: 'accounts',
    path: 'admin.username',
    title: 'Admin user name',
    help: ({ draft }, text) => `The account will be @${text.trim() || 'admin'}:${draft.server_name ?? 'example.org'}.`,
    ask: adminEnabled,
  },
  {
    id: 'admin.password_file',
    kind: 'text',
    group: 'accounts',
    path: 'admin.password_file',
    title: 'File holding the admin password (optional)',
    help: 'Leave empty to have a strong password generated: it is shown once at the end and kept in a root-only file.',
    ask: adminEnabled,
    placeholder: 'empty: generate one',
  },
  {
    id: 'synapse.registration',
    kind: 'choice',
    group: 'accounts',
    path: 'synapse.registration',
    title: 'Who may create an account?',
    help: ({ draft }) =>
      draft.email?.enabled === true
        ? 'You can change this later in the Synapse configuration.'
        : 'You can change this later in the Synapse configuration. Anyone registering needs email, which is off.',
    choices: () =>
      schemaChoices('synapse.registration', { disabled: 'Only the admin', token: 'People with a token', open: 'Anyone' }).map((choice) =>
        choice.value === 'open' ? { ...choice, hint: 'anyone can register; they verify an email address' } : choice,
      ),
  },
  {
    id: 'synapse.registration_token_uses',
    kind: 'text',
    group: 'accounts',
    path: 'synapse.registration_token_uses',
    title: 'How many accounts may the first registration token create?',
    help: 'The token is shown once when the install ends. Make more tokens later with the admin API.',
    ask: firstToken,
  },
  {
    id: 'synapse.registration_token_days',
    kind: 'text',
    group: 'accounts',
    path: 'synapse.registration_token_days',
    title: 'For how many days is the first registration token valid?',
    help: 'After that, nobody can register with it, even if it has uses left.',
    ask: firstToken,
  },
];
