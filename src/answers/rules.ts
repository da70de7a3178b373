/**
 * Rules that relate keys across sections, or that no single key can express. Rules that
 * are "key X applies / is required when sibling Y is Z" are declared in schema.ts.
 */
import type { Answers } from './types.js';

export interface RuleIssue {
  /** Key path the issue is about (YAML form, e.g. "turn.max_port"). */
  path: string;
  message: string;
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
              message:
                'well-known delegation points server_name at another host, but synapse_host is the server_name itself. ' +
                'Set synapse_host (e.g. matrix.' + a.server_name + ') or use delegation: auto',
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
              message:
                'other servers refuse to federate with a self-signed certificate. Use letsencrypt or existing, ' +
                'or set federation: false for a private test server',
              at: ['federation'],
            },
          ]
        : [],
  },
  {
    paths: ['turn.min_port', 'turn.max_port'],
    check: ({ answers: a }) =>
      a.turn.min_port >= a.turn.max_port
        ? [{ path: 'turn.max_port', message: `must be greater than turn.min_port (${a.turn.min_port})`, at: ['turn.min_port'] }]
        : [],
  },
  {
    paths: ['turn.private_ip'],
    check: ({ answers: a }) =>
      a.turn.private_ip && !a.turn.external_ip
        ? [{ path: 'turn.private_ip', message: 'needs turn.external_ip: coturn maps the private address to the public one' }]
        : [],
  },
  {
    paths: ['element.sha256'],
    check: ({ answers: a }) =>
      a.element.sha256 && !a.element.tarball && a.element.version === 'latest'
        ? [
            {
              path: 'element.sha256',
              message: 'a checksum pins one exact file: set element.version to that release (or element.tarball), or remove sha256',
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
        return [{ path: 'database.admin_password', message: 'is required with database.admin_user: give database.admin_password_file or database.admin_password_env', at: ['database.admin_user'] }];
      }
      if (d.admin_password && !d.admin_user) {
        return [{ path: 'database.admin_user', message: 'is required with database.admin_password (the role those credentials belong to)', at: ['database.admin_password'] }];
      }
      return [];
    },
  },
  {
    paths: ['email.smtp_user', 'email.smtp_password'],
    check: ({ answers: a }) => {
      const e = a.email;
      if (e.smtp_password && !e.smtp_user) {
        return [{ path: 'email.smtp_user', message: 'is required with email.smtp_password (the login the password belongs to)', at: ['email.smtp_password'] }];
      }
      if (e.smtp_user && !e.smtp_password) {
        return [{ path: 'email.smtp_password', message: 'is required with email.smtp_user: give email.smtp_password_file or email.smtp_password_env', at: ['email.smtp_user'] }];
      }
      return [];
    },
  },
  {
    paths: ['email.tls'],
    check: ({ answers: a }) =>
      a.email.enabled && a.email.tls === 'none' && a.email.smtp_password && !LOCAL_HOSTS.has(a.email.smtp_host ?? '')
        ? [{ path: 'email.tls', message: 'would send the SMTP password unencrypted over the network; use starttls or tls', at: ['email.smtp_host'] }]
        : [],
  },
  {
    paths: ['synapse.registration'],
    check: ({ answers: a }) =>
      a.synapse.registration === 'open' && !a.email.enabled
        ? [
            {
              path: 'synapse.registration',
              message:
                'open registration without verification invites spam bots, and Synapse refuses it. ' +
                'Configure email (email.enabled: true) so new accounts verify an address, or use registration: token',
              at: ['email.enabled'],
            },
          ]
        : [],
  },
  {
    paths: ['admin.username'],
    check: ({ answers: a }) =>
      a.admin.username.length + a.server_name.length + 2 > 255
        ? [{ path: 'admin.username', message: 'is too long: a user ID (@name:server_name) has at most 255 characters', at: ['server_name'] }]
        : [],
  },
];
