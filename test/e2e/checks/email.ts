// Reusable end-to-end checks for email: Synapse's drop-in carries the email block, and a
// message Synapse sends reaches the SMTP sink (test/helpers/smtp-sink.ts) on loopback.
import { parse } from 'yaml';
import type { ReceivedMail, SmtpSink } from '../../helpers/smtp-sink.js';

/** The parsed email block of a Synapse config file's text; fails when it is missing or incomplete. */
export function checkEmailBlock(configText: string, expected: { smtpHost: string; smtpPort: number }): Record<string, unknown> {
  const config = parse(configText) as { email?: Record<string, unknown> } | null;
  const email = config?.email;
  if (!email) throw new Error('the config has no email block');
  if (email.smtp_host !== expected.smtpHost || email.smtp_port !== expected.smtpPort) {
    throw new Error(`email block points at ${String(email.smtp_host)}:${String(email.smtp_port)}, not ${expected.smtpHost}:${expected.smtpPort}`);
  }
  if (typeof email.notif_from !== 'string' || email.notif_from === '') throw new Error('email.notif_from is missing');
  return email;
}

/**
 * Makes Synapse send a mail: a logged-in user asks to add an email address, which sends a
 * validation message (POST /_matrix/client/v3/account/3pid/email/requestToken), then waits for it.
 */
export async function checkSynapseSendsMail(options: { baseUrl: string; accessToken: string; sink: SmtpSink; to: string; timeoutMs?: number }): Promise<ReceivedMail> {
  const before = options.sink.messages.length;
  const response = await fetch(`${options.baseUrl}/_matrix/client/v3/account/3pid/email/requestToken`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.accessToken}` },
    body: JSON.stringify({ client_secret: `e2e${Date.now()}`, email: options.to, send_attempt: 1 }),
    signal: AbortSignal.timeout(15_000),
  });
  if (response.status !== 200) throw new Error(`requestToken answered HTTP ${response.status}: ${await response.text()}`);
  const messages = await options.sink.waitForMessages(before + 1, options.timeoutMs ?? 60_000);
  const mail = messages[before];
  if (!mail.to.includes(options.to)) throw new Error(`the mail went to ${mail.to.join(', ')}, not ${options.to}`);
  return mail;
}
