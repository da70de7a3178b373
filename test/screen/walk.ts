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
  await accept(w, 'Create an administrator account?');
  await accept(w, 'Admin user name');
  await accept(w, 'File holding the admin password');
  await accept(w, 'Send email');
  await accept(w, 'Who may create an account?');
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
