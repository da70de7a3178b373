import { questionText as q } from '../../i18n/messages/questions.js';
import { verbatim } from '../../i18n/localized.js';
import { domainOf, example, schemaChoices, yesNo } from './helpers.js';
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
    title: q.emailTitle,
    help: q.emailHelp,
    warning: q.emailWarning,
    choices: () => yesNo(q.emailYes, q.emailNo),
  },
  {
    id: 'email.smtp_host',
    kind: 'text',
    group: 'email',
    path: 'email.smtp_host',
    title: q.smtpHostTitle,
    ask: emailEnabled,
    placeholder: (ctx) => example(`smtp.${domainOf(ctx)}`),
  },
  {
    id: 'email.tls',
    kind: 'choice',
    group: 'email',
    path: 'email.tls',
    title: q.smtpTlsTitle,
    ask: emailEnabled,
    choices: () => schemaChoices('email.tls', { starttls: verbatim('STARTTLS'), tls: verbatim('TLS'), none: q.smtpTlsNone }),
  },
  {
    id: 'email.smtp_port',
    kind: 'text',
    group: 'email',
    path: 'email.smtp_port',
    title: q.smtpPortTitle,
    help: q.smtpPortHelp,
    ask: emailEnabled,
  },
  {
    id: 'email.smtp_user',
    kind: 'text',
    group: 'email',
    path: 'email.smtp_user',
    title: q.smtpUserTitle,
    help: q.smtpUserHelp,
    ask: emailEnabled,
    placeholder: q.smtpUserPlaceholder,
  },
  {
    id: 'email.smtp_password_from',
    kind: 'choice',
    group: 'email',
    flag: 'smtpPasswordFrom',
    title: q.smtpPasswordFromTitle,
    help: q.smtpPasswordFromHelp,
    ask: withLogin,
    suggest: smtpPasswordFrom,
    choices: () => [
      { value: 'file', label: q.passwordFromFile, hint: q.passwordFromFileHint },
      { value: 'env', label: q.passwordFromEnv, hint: q.passwordFromEnvHint },
    ],
  },
  {
    id: 'email.smtp_password_file',
    kind: 'text',
    group: 'email',
    path: 'email.smtp_password_file',
    title: q.smtpPasswordFileTitle,
    help: q.smtpPasswordFileHelp,
    ask: (ctx) => withLogin(ctx) && smtpPasswordFrom(ctx) === 'file',
    placeholder: example('/root/smtp-password'),
  },
  {
    id: 'email.smtp_password_env',
    kind: 'text',
    group: 'email',
    path: 'email.smtp_password_env',
    title: q.smtpPasswordEnvTitle,
    help: q.smtpPasswordEnvHelp,
    ask: (ctx) => withLogin(ctx) && smtpPasswordFrom(ctx) === 'env',
    placeholder: example('SMTP_PASSWORD'),
  },
  {
    id: 'email.notif_from',
    kind: 'text',
    group: 'email',
    path: 'email.notif_from',
    title: q.notifFromTitle,
    help: q.notifFromHelp,
    ask: emailEnabled,
    suggest: ({ draft }) => (draft.server_name ? `Matrix <noreply@${draft.server_name}>` : undefined),
  },
];
