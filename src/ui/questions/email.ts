import { domainOf, schemaChoices, yesNo } from './helpers.js';
import type { Question, QuestionContext } from './types.js';

const emailEnabled = ({ draft }: QuestionContext) => draft.email?.enabled === true;
const withLogin = (ctx: QuestionContext) => emailEnabled(ctx) && Boolean(ctx.draft.email?.smtp_user);

/** Where the SMTP password comes from: the choice made here, else what the answers already refer to. */
export function smtpPasswordFrom(ctx: QuestionContext): 'file' | 'env' {
  return ctx.flags.smtpPasswordFrom ?? (ctx.draft.email?.smtp_password?.env ? 'env' : 'file');
}

export const EMAIL_QUESTIONS: Question[] = [
  {
    id: 'email.enabled',
    kind: 'choice',
    group: 'email',
    path: 'email.enabled',
    title: 'Send email notifications and password resets?',
    help: 'Synapse then mails people about messages they missed and lets them reset a forgotten password. Needs an SMTP server you can send through; open registration needs it to verify addresses.',
    warning:
      'Notification emails can contain the text of messages from unencrypted rooms. They leave your server through the mail provider and stay in mailboxes.',
    choices: () => yesNo('configure an SMTP server', 'no outgoing email'),
  },
  {
    id: 'email.smtp_host',
    kind: 'text',
    group: 'email',
    path: 'email.smtp_host',
    title: 'SMTP server',
    ask: emailEnabled,
    placeholder: (ctx) => `e.g. smtp.${domainOf(ctx)}`,
  },
  {
    id: 'email.tls',
    kind: 'choice',
    group: 'email',
    path: 'email.tls',
    title: 'Encryption of the SMTP connection',
    ask: emailEnabled,
    choices: () => schemaChoices('email.tls', { starttls: 'STARTTLS', tls: 'TLS', none: 'None' }),
  },
  {
    id: 'email.smtp_port',
    kind: 'text',
    group: 'email',
    path: 'email.smtp_port',
    title: 'SMTP port',
    help: 'The usual port for the encryption chosen is filled in.',
    ask: emailEnabled,
  },
  {
    id: 'email.smtp_user',
    kind: 'text',
    group: 'email',
    path: 'email.smtp_user',
    title: 'SMTP login (optional)',
    help: 'The user name the SMTP server expects. Leave empty for a relay that needs no login.',
    ask: emailEnabled,
    placeholder: 'empty: no login',
  },
  {
    id: 'email.smtp_password_from',
    kind: 'choice',
    group: 'email',
    flag: 'smtpPasswordFrom',
    title: 'Where should the SMTP password be read from?',
    help: 'The answers file never holds the password itself, only where to find it when matrix-setup runs.',
    ask: withLogin,
    suggest: smtpPasswordFrom,
    choices: () => [
      { value: 'file', label: 'A file', hint: 'its first line is the password; keep it readable by root only' },
      { value: 'env', label: 'An environment variable', hint: 'set it each time matrix-setup runs' },
    ],
  },
  {
    id: 'email.smtp_password_file',
    kind: 'text',
    group: 'email',
    path: 'email.smtp_password_file',
    title: 'File holding the SMTP password',
    help: 'An absolute path. Type the path of the file, not the password.',
    ask: (ctx) => withLogin(ctx) && smtpPasswordFrom(ctx) === 'file',
    placeholder: 'e.g. /root/smtp-password',
  },
  {
    id: 'email.smtp_password_env',
    kind: 'text',
    group: 'email',
    path: 'email.smtp_password_env',
    title: 'Environment variable holding the SMTP password',
    help: 'Its name, such as SMTP_PASSWORD, not the password.',
    ask: (ctx) => withLogin(ctx) && smtpPasswordFrom(ctx) === 'env',
    placeholder: 'e.g. SMTP_PASSWORD',
  },
  {
    id: 'email.notif_from',
    kind: 'text',
    group: 'email',
    path: 'email.notif_from',
    title: 'Sender of the mails',
    help: 'A name and address your SMTP server may send as.',
    ask: emailEnabled,
    suggest: ({ draft }) => (draft.server_name ? `Matrix <noreply@${draft.server_name}>` : undefined),
  },
];
