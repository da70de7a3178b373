/**
 * What a finished install tells its user, for both ways of running it: the `--answers` run
 * prints it, the wizard shows it on its done screen and prints it again when it exits. One
 * source, so the two cannot drift apart: the addresses, the admin account, the generated
 * secrets shown this one time, and what to do next.
 */
import type { Answers } from '../answers/types.js';
import { tokenLimits } from '../answers/registration-token-limits.js';
import type { Lang } from '../i18n/language.js';
import type { Localized } from '../i18n/localized.js';
import { summaryText as t } from '../i18n/messages/install-summary.js';
import { synapseText } from '../i18n/messages/steps-synapse.js';
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
  label: Localized;
  value: string;
  /** A generated secret shown this one time; it stays in this 0600 file. */
  shownOnce?: { keptIn: string };
}

export interface InstallSummary {
  headline: Localized;
  serverName: string;
  rows: SummaryRow[];
  nextSteps: Localized[];
}

export function installSummary(input: InstallSummaryInput): InstallSummary {
  const { answers } = input;
  const homeserver = `https://${answers.synapse_host}`;
  const rows: SummaryRow[] = [{ label: t.homeserverUrl, value: homeserver }];
  if (answers.element.enabled) rows.push({ label: t.elementWeb, value: `https://${answers.element.host}` });
  const admin = `@${answers.admin.username}:${answers.server_name}`;
  if (answers.admin.enabled) rows.push({ label: t.adminUser, value: admin });
  const shownOnce = { keptIn: input.secretsFile };
  if (input.adminPassword) rows.push({ label: t.adminPassword, value: input.adminPassword, shownOnce });
  if (input.registrationToken) rows.push({ label: t.registrationToken, value: input.registrationToken, shownOnce });

  const nextSteps: Localized[] = [];
  const client = answers.element.enabled ? `https://${answers.element.host}` : t.anyClient({ url: homeserver });
  if (answers.admin.enabled) nextSteps.push(t.signIn({ client, admin }));
  if (answers.synapse.registration === 'token') {
    nextSteps.push(input.registrationToken ? t.inviteWithToken({ client, limits: tokenLimitsText(answers) }) : t.inviteLater);
  } else if (answers.synapse.registration === 'open') {
    nextSteps.push(t.openRegistration({ client }));
  }
  nextSteps.push(t.addUsers({ command: input.addUserCommand }));
  const turn = answers.turn.enabled ? t.turnPorts({ min: answers.turn.min_port, max: answers.turn.max_port }) : '';
  nextSteps.push(t.openPorts({ ports: preflightPorts(answers).join(', '), turn }));
  nextSteps.push(t.checkAnyTime);

  return {
    headline: (input.resumed ? t.headlineResumed : t.headline)({ name: answers.server_name }),
    serverName: answers.server_name,
    rows,
    nextSteps,
  };
}

/** " (N accounts within D days of its creation)": the first token's limits, as the run created it. */
function tokenLimitsText(answers: Answers): Localized {
  const { uses, days } = tokenLimits(answers);
  return t.tokenLimits({ accounts: synapseText.accounts({ count: uses }), days: synapseText.days({ count: days }) });
}

/** Labels are padded to this width; a longer one takes the room it needs. */
const LABEL_WIDTH = 16;

/** The summary as plain text, for the end of an `--answers` run and the wizard's exit. */
export function formatInstallSummary(summary: InstallSummary, lang: Lang): string {
  const lines = [summary.headline[lang]];
  for (const row of summary.rows) {
    const label = `${row.label[lang]}:`;
    const note = row.shownOnce ? t.shownOnceNote({ file: row.shownOnce.keptIn })[lang] : '';
    lines.push(`  ${label}${' '.repeat(Math.max(1, LABEL_WIDTH - label.length))}${row.value}${note}`);
  }
  lines.push(t.nextSteps[lang]);
  for (const step of summary.nextSteps) lines.push(`  - ${step[lang]}`);
  return `${lines.join('\n')}\n`;
}
