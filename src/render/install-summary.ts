/**
 * What a finished install tells its user, for both ways of running it: the `--answers` run
 * prints it, the wizard shows it on its done screen and prints it again when it exits. One
 * source, so the two cannot drift apart: the addresses, the admin account, the generated
 * secrets shown this one time, and what to do next.
 */
import type { Answers } from '../answers/types.js';
import { preflightPorts } from '../preflight/checks.js';

export interface InstallSummaryInput {
  answers: Answers;
  resumed?: boolean;
  /** A generated admin password, only on the one run that shows it. */
  adminPassword?: string;
  /** The first registration token, only on the one run that shows it. */
  registrationToken?: string;
  /** Where generated secrets are kept (0600). */
  secretsFile: string;
  /** The command that adds a user on this machine (the installed Synapse's register tool). */
  addUserCommand: string;
}

export interface SummaryRow {
  label: string;
  value: string;
  /** A generated secret shown this one time; it stays in this 0600 file. */
  shownOnce?: { keptIn: string };
}

export interface InstallSummary {
  headline: string;
  serverName: string;
  rows: SummaryRow[];
  nextSteps: string[];
}

export function installSummary(input: InstallSummaryInput): InstallSummary {
  const { answers } = input;
  const homeserver = `https://${answers.synapse_host}`;
  const rows: SummaryRow[] = [{ label: 'Homeserver URL', value: homeserver }];
  if (answers.element.enabled) rows.push({ label: 'Element Web', value: `https://${answers.element.host}` });
  const admin = `@${answers.admin.username}:${answers.server_name}`;
  if (answers.admin.enabled) rows.push({ label: 'Admin user', value: admin });
  const shownOnce = { keptIn: input.secretsFile };
  if (input.adminPassword) rows.push({ label: 'Admin password', value: input.adminPassword, shownOnce });
  if (input.registrationToken) rows.push({ label: 'Registration token', value: input.registrationToken, shownOnce });

  const nextSteps: string[] = [];
  const client = answers.element.enabled ? `https://${answers.element.host}` : `any Matrix client (homeserver ${homeserver})`;
  if (answers.admin.enabled) nextSteps.push(`Sign in at ${client} as ${admin}.`);
  if (answers.synapse.registration === 'token') {
    nextSteps.push(
      input.registrationToken
        ? `Invite people: they create an account at ${client} with the registration token above${tokenLimits(answers)}. More tokens: POST /_synapse/admin/v1/registration_tokens/new (Synapse's admin API).`
        : 'Invite people with a registration token: POST /_synapse/admin/v1/registration_tokens/new (Synapse\'s admin API).',
    );
  } else if (answers.synapse.registration === 'open') {
    nextSteps.push(`Anyone can create an account at ${client}, after confirming an email address.`);
  }
  nextSteps.push(`Add users yourself: ${input.addUserCommand}`);
  const turn = answers.turn.enabled ? `, and for calls TCP and UDP 3478 and 5349 plus UDP ${answers.turn.min_port}-${answers.turn.max_port}` : '';
  nextSteps.push(`Open TCP ports ${preflightPorts(answers).join(', ')}${turn} in your cloud provider's firewall (security group), if it has one.`);
  nextSteps.push('Check it any time as clients and other servers see it: matrix-setup verify');

  return {
    headline: `Your Matrix homeserver ${answers.server_name} is installed${input.resumed ? ' (resumed)' : ''}.`,
    serverName: answers.server_name,
    rows,
    nextSteps,
  };
}

/** " (N accounts within D days of its creation)", from the answers' limits of the first token. */
function tokenLimits(answers: Answers): string {
  const uses = answers.synapse.registration_token_uses;
  const days = answers.synapse.registration_token_days;
  if (!uses || !days) return '';
  return ` (${uses} account${uses === 1 ? '' : 's'} within ${days} day${days === 1 ? '' : 's'} of its creation)`;
}

/** Labels are padded to this width; a longer one takes the room it needs. */
const LABEL_WIDTH = 16;

/** The summary as plain text, for the end of an `--answers` run and the wizard's exit. */
export function formatInstallSummary(summary: InstallSummary): string {
  const lines = [summary.headline];
  for (const row of summary.rows) {
    const label = `${row.label}:`;
    const note = row.shownOnce ? `   (shown once; kept in ${row.shownOnce.keptIn}, mode 0600)` : '';
    lines.push(`  ${label}${' '.repeat(Math.max(1, LABEL_WIDTH - label.length))}${row.value}${note}`);
  }
  lines.push('Next steps:');
  for (const step of summary.nextSteps) lines.push(`  - ${step}`);
  return `${lines.join('\n')}\n`;
}
