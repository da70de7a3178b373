// Walking the questions by keystrokes, waiting for each question before answering it.
import type { Wizard } from './helpers.js';
import { KEYS } from './helpers.js';

/** Replaces the text of the current field. */
export async function answerText(w: Wizard, title: string, text: string): Promise<void> {
  await w.waitFor(title, `the question "${title}"`);
  await w.press(KEYS.ctrlU);
  await w.type(text);
  await w.press(KEYS.enter);
}

/** Accepts what the current question shows (its default or previous answer). */
export async function accept(w: Wizard, title: string): Promise<void> {
  await w.waitFor(title, `the question "${title}"`);
  await w.press(KEYS.enter);
}

/** Picks choice number `n` (1-based) of the current question. */
export async function choose(w: Wizard, title: string, n: number): Promise<void> {
  await w.waitFor(title, `the question "${title}"`);
  await w.press(String(n));
  await w.press(KEYS.enter);
}

/** The common answers: example.org served from matrix.example.org, Let's Encrypt, local database, defaults elsewhere. */
export async function answerEverything(w: Wizard): Promise<void> {
  await answerText(w, 'Your Matrix domain', 'example.org');
  await answerText(w, 'Host name that serves Synapse', 'matrix.example.org');
  await accept(w, 'Who serves the delegation files?');
  await accept(w, 'Federate with other Matrix servers?');
  await accept(w, 'Where does the HTTPS certificate come from?');
  await answerText(w, "Email address for Let's Encrypt", 'admin@example.org');
  await accept(w, 'Where should the PostgreSQL database run?');
  await accept(w, 'How should Synapse be installed?');
  await accept(w, 'Send email notifications');
  await accept(w, 'Create an administrator account?');
  await accept(w, 'Admin user name');
  await accept(w, 'File holding the admin password');
  await accept(w, 'Who may create an account?');
  await accept(w, 'Set up a TURN server');
  await accept(w, 'Install Element Web');
  await accept(w, 'Host name for Element Web');
  await accept(w, 'Largest file users can upload');
  await accept(w, 'Change the advanced settings?');
}

/** The same choices as an answers file a person would write for --answers. */
export const SAME_CHOICES_YAML = `version: 1
server_name: example.org
synapse_host: matrix.example.org
tls:
  email: admin@example.org
`;

/** Up to the email question, with the common answers. */
export async function answerUpToEmail(w: Wizard): Promise<void> {
  await answerText(w, 'Your Matrix domain', 'example.org');
  await answerText(w, 'Host name that serves Synapse', 'matrix.example.org');
  await accept(w, 'Who serves the delegation files?');
  await accept(w, 'Federate with other Matrix servers?');
  await accept(w, 'Where does the HTTPS certificate come from?');
  await answerText(w, "Email address for Let's Encrypt", 'admin@example.org');
  await accept(w, 'Where should the PostgreSQL database run?');
  await accept(w, 'How should Synapse be installed?');
}

/** Email through smtp.example.org with a login, TURN behind NAT; defaults elsewhere. */
export async function answerWithTurnAndEmail(w: Wizard, password: { file: string } | { env: string }): Promise<void> {
  await answerUpToEmail(w);
  await choose(w, 'Send email notifications', 1);
  await answerText(w, 'SMTP server', 'smtp.example.org');
  await choose(w, 'Encryption of the SMTP connection', 2);
  await accept(w, 'SMTP port');
  await answerText(w, 'SMTP login', 'matrix@example.org');
  if ('file' in password) {
    await choose(w, 'Where should the SMTP password be read from?', 1);
    await answerText(w, 'File holding the SMTP password', password.file);
  } else {
    await choose(w, 'Where should the SMTP password be read from?', 2);
    await answerText(w, 'Environment variable holding the SMTP password', password.env);
  }
  await accept(w, 'Sender of the mails');
  await accept(w, 'Create an administrator account?');
  await accept(w, 'Admin user name');
  await accept(w, 'File holding the admin password');
  await accept(w, 'Who may create an account?');
  await choose(w, 'Set up a TURN server', 1);
  await answerText(w, 'Public IP address of this machine', '203.0.113.10');
  await answerText(w, 'Private IP address the public one', '10.0.0.5');
  await accept(w, 'Install Element Web');
  await accept(w, 'Host name for Element Web');
  await accept(w, 'Largest file users can upload');
  await choose(w, 'Change the advanced settings?', 1);
  await accept(w, 'ACME directory');
  await accept(w, 'Synapse version');
  await accept(w, 'Database name');
  await accept(w, 'Database role');
  await accept(w, 'Share online status');
  await accept(w, 'Show link previews?');
  await accept(w, 'Send anonymous usage statistics');
  await answerText(w, 'Cache size factor', '2');
  await accept(w, 'Open file limit of Synapse');
  await accept(w, 'Element Web version');
  await answerText(w, 'First UDP port of the TURN relay range', '50000');
  await answerText(w, 'Last UDP port of the TURN relay range', '50999');
  await accept(w, 'Open the ports in the firewall?');
  await choose(w, 'Turn on automatic security updates?', 1);
}

/** The same choices as answerWithTurnAndEmail, written by hand (the SMTP password by file). */
export const TURN_AND_EMAIL_YAML = `version: 1
server_name: example.org
synapse_host: matrix.example.org
tls:
  email: admin@example.org
synapse:
  cache_factor: 2
turn:
  enabled: true
  external_ip: 203.0.113.10
  private_ip: 10.0.0.5
  min_port: 50000
  max_port: 50999
email:
  enabled: true
  smtp_host: smtp.example.org
  tls: tls
  smtp_user: matrix@example.org
  smtp_password_file: /root/smtp-password
  notif_from: Matrix <noreply@example.org>
automatic_updates: true
`;

/** Answers by question id: a text replaces the field, a choice is its number; any other question keeps its default. */
export interface AnswersById {
  text: Record<string, string>;
  choice: Record<string, number>;
}

/** Every section asked: email, TURN, token registration and the advanced settings (with the ACME CA bundle). */
export const EVERY_SECTION: AnswersById = {
  text: {
    server_name: 'example.org',
    synapse_host: 'matrix.example.org',
    'tls.email': 'admin@example.org',
    'email.smtp_host': 'smtp.example.org',
    'email.smtp_user': 'matrix@example.org',
    'email.smtp_password_file': '/root/smtp-password',
    'turn.external_ip': '203.0.113.10',
    'tls.acme_directory': 'https://ca.example.net/acme/directory',
    'tls.acme_ca_bundle': '/root/private-ca.pem',
  },
  choice: { 'email.enabled': 1, 'synapse.registration': 2, 'turn.enabled': 1, advanced: 1 },
};

/** Answers the question `id` on screen from `answers` and waits until the wizard has moved past it. */
export async function answerById(w: Wizard, id: string, answers: AnswersById): Promise<void> {
  if (answers.text[id] !== undefined) {
    await w.press(KEYS.ctrlU);
    await w.type(answers.text[id]!);
  } else if (answers.choice[id] !== undefined) {
    await w.press(String(answers.choice[id]));
  }
  await w.press(KEYS.enter);
  await w.waitFor(() => w.store.getState().questionId !== id || w.store.getState().screen !== 'questions', `past ${id}`);
}
