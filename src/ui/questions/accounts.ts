import { schemaChoices, yesNo } from './helpers.js';
import type { Question, QuestionContext } from './types.js';

const adminEnabled = ({ draft }: QuestionContext) => draft.admin?.enabled !== false;
const emailEnabled = ({ draft }: QuestionContext) => draft.email?.enabled === true;

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
    id: 'email.enabled',
    kind: 'choice',
    group: 'accounts',
    path: 'email.enabled',
    title: 'Send email (notifications, password resets)?',
    help: 'Needs an SMTP server you can send through. Open registration requires it, so new accounts verify an address.',
    choices: () => yesNo('configure an SMTP server', 'no outgoing email'),
  },
  { id: 'email.smtp_host', kind: 'text', group: 'accounts', path: 'email.smtp_host', title: 'SMTP server', ask: emailEnabled, placeholder: 'e.g. smtp.example.org' },
  {
    id: 'email.tls',
    kind: 'choice',
    group: 'accounts',
    path: 'email.tls',
    title: 'Encryption of the SMTP connection',
    ask: emailEnabled,
    choices: () => schemaChoices('email.tls'),
  },
  { id: 'email.smtp_port', kind: 'text', group: 'accounts', path: 'email.smtp_port', title: 'SMTP port', ask: emailEnabled },
  { id: 'email.smtp_user', kind: 'text', group: 'accounts', path: 'email.smtp_user', title: 'SMTP login (optional)', ask: emailEnabled, placeholder: 'empty: no login' },
  {
    id: 'email.smtp_password_file',
    kind: 'text',
    group: 'accounts',
    path: 'email.smtp_password_file',
    title: 'File holding the SMTP password',
    ask: (ctx) => emailEnabled(ctx) && Boolean(ctx.draft.email?.smtp_user),
    placeholder: 'e.g. /root/smtp-password',
  },
  {
    id: 'email.notif_from',
    kind: 'text',
    group: 'accounts',
    path: 'email.notif_from',
    title: 'Sender of the mails',
    ask: emailEnabled,
    suggest: ({ draft }) => (draft.server_name ? `Matrix <noreply@${draft.server_name}>` : undefined),
  },
  {
    id: 'synapse.registration',
    kind: 'choice',
    group: 'accounts',
    path: 'synapse.registration',
    title: 'Who may create an account?',
    help: 'You can change this later in the Synapse configuration.',
    choices: () => schemaChoices('synapse.registration', { disabled: 'Only the admin', token: 'People with a token', open: 'Anyone' }),
  },
];
