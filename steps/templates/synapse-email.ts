import type { Answers } from '../../src/answers/types.js';
import { secretToken } from '../../src/secrets/tokens.js';
import { synapseText as t } from '../../src/i18n/messages/steps-synapse.js';

/** Written into the configuration file, which stays in English. */
const EMAIL_CONTENT_WARNING = t.emailContentWarning.en;

/**
 * Synapse's `email:` block as a drop-in. The password is a YAML literal block, so whatever
 * characters it holds are taken verbatim (the runner writes the value in place of the token).
 */
export function synapseEmailYaml(answers: Answers): string {
  const e = answers.email;
  const lines = [
    '# Written by matrix-setup: outgoing email (notifications, password resets, address checks).',
    `# ${EMAIL_CONTENT_WARNING}`,
    'email:',
    `  smtp_host: ${quote(e.smtp_host ?? 'localhost')}`,
    `  smtp_port: ${e.smtp_port}`,
  ];
  if (e.smtp_user) {
    lines.push(`  smtp_user: ${quote(e.smtp_user)}`, '  smtp_pass: |-', `    ${secretToken('smtp_password')}`);
  }
  lines.push(...tlsSettings(e.tls));
  lines.push(
    `  notif_from: ${quote(escapePercent(e.notif_from ?? `Matrix <noreply@${answers.server_name}>`))}`,
    '  app_name: Matrix',
    '  enable_notifs: true',
    '  notif_for_new_users: true',
  );
  if (answers.element.enabled) lines.push(`  client_base_url: ${quote(`https://${answers.element.host}`)}`);
  lines.push('');
  return lines.join('\n');
}

function tlsSettings(mode: Answers['email']['tls']): string[] {
  switch (mode) {
    case 'tls':
      return ['  force_tls: true'];
    case 'starttls':
      // Refuse to send (and log in) at all when the server does not offer STARTTLS.
      return ['  force_tls: false', '  require_transport_security: true'];
    case 'none':
      return ['  force_tls: false', '  require_transport_security: false', '  enable_tls: false'];
  }
}

/** notif_from is a Python %-format string (%(app)s); a lone % in a display name would break it. */
function escapePercent(from: string): string {
  return from.replace(/%(?!\(app\)s)/g, '%%');
}

function quote(value: string): string {
  return JSON.stringify(value);
}
