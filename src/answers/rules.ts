/**
 * Rules that relate keys across sections, or that no single key can express. Rules that
 * are "key X applies / is required when sibling Y is Z" are declared in schema.ts.
 */
import type { Answers } from './types.js';
import type { Localized } from '../i18n/localized.js';
import { answerText as t } from '../i18n/messages/answers.js';

export interface RuleIssue {
  /** Key path the issue is about (YAML form, e.g. "turn.max_port"). */
  path: string;
  message: Localized;
  /** Other keys whose position may locate the issue, tried after `path`. */
  at?: string[];
}

export interface RuleContext {
  answers: Answers;
  /** The key was written in the file (or answered in the wizard). */
  given(path: string): boolean;
}

export interface CrossRule {
  /** The key paths this rule can report on (the wizard re-runs it for those). */
  paths: string[];
  check(ctx: RuleContext): RuleIssue[];
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1']);

export const CROSS_RULES: CrossRule[] = [
  {
    paths: ['delegation', 'synapse_host'],
    check: ({ answers: a }) =>
      a.delegation === 'well-known' && a.server_name === a.synapse_host
        ? [
            {
              path: 'delegation',
              message: t.wellKnownSameHost({ server: a.server_name }),
              at: ['synapse_host', 'server_name'],
            },
          ]
        : [],
  },
  {
    paths: ['tls.mode', 'federation'],
    check: ({ answers: a, given }) =>
      a.tls.mode === 'self-signed' && a.federation
        ? [
            {
              path: given('tls.mode') ? 'tls.mode' : 'federation',
              message: t.selfSignedFederation,
              at: ['federation'],
            },
          ]
        : [],
  },
  {
    paths: ['turn.min_port', 'turn.max_port'],
    check: ({ answers: a }) =>
      a.turn.min_port >= a.turn.max_port
        ? [{ path: 'turn.max_port', message: t.maxAboveMin({ min: a.turn.min_port }), at: ['turn.min_port'] }]
        : [],
  },
  {
    paths: ['turn.private_ip'],
    check: ({ answers: a }) =>
      a.turn.private_ip && !a.turn.external_ip
        ? [{ path: 'turn.private_ip', message: t.privateNeedsExternal }]
        : [],
  },
  {
    paths: ['element.sha256'],
    check: ({ answers: a }) =>
      a.element.sha256 && !a.element.tarball && a.element.version === 'latest'
        ? [
            {
              path: 'element.sha256',
              message: t.checksumPins,
            },
          ]
        : [],
  },
  {
    paths: ['database.admin_user', 'database.admin_password'],
    check: ({ answers: a }) => {
      const d = a.database;
      if (d.mode !== 'external') return [];
      if (d.admin_user && !d.admin_password) {
        return [{ path: 'database.admin_password', message: t.adminPasswordNeeded, at: ['database.admin_user'] }];
      }
      if (d.admin_password && !d.admin_user) {
        return [{ path: 'database.admin_user', message: t.adminUserNeeded, at: ['database.admin_password'] }];
      }
      return [];
    },
  },
  {
    paths: ['email.smtp_user', 'email.smtp_password'],
    check: ({ answers: a }) => {
      const e = a.email;
      if (e.smtp_password && !e.smtp_user) {
        return [{ path: 'email.smtp_user', message: t.smtpUserNeeded, at: ['email.smtp_password'] }];
      }
      if (e.smtp_user && !e.smtp_password) {
        return [{ path: 'email.smtp_password', message: t.smtpPasswordNeeded, at: ['email.smtp_user'] }];
      }
      return [];
    },
  },
  {
    paths: ['email.tls'],
    check: ({ answers: a }) =>
      a.email.enabled && a.email.tls === 'none' && a.email.smtp_password && !LOCAL_HOSTS.has(a.email.smtp_host ?? '')
        ? [{ path: 'email.tls', message: t.plainSmtpPassword, at: ['email.smtp_host'] }]
        : [],
  },
  {
    paths: ['synapse.registration'],
    check: ({ answers: a }) =>
      a.synapse.registration === 'open' && !a.email.enabled
        ? [
            {
              path: 'synapse.registration',
              message: t.openRegistration,
              at: ['email.enabled'],
            },
          ]
        : [],
  },
  {
    paths: ['admin.username'],
    check: ({ answers: a }) =>
      a.admin.username.length + a.server_name.length + 2 > 255
        ? [{ path: 'admin.username', message: t.userIdTooLong, at: ['server_name'] }]
        : [],
  },
];
