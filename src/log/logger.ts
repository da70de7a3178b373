import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { secretForms } from './secret-forms.js';

export interface SecretOptions {
  /** Given by the user (a password of any length), rather than generated (long and random). */
  userGiven?: boolean;
}

/** Generated secrets are long; a shorter value registered as one is not worth redacting ordinary words for. */
const MIN_GENERATED_LENGTH = 6;

/**
 * The run's log file. Every command and its output goes here; every known secret value, in
 * every form it may take in output (see secret-forms.ts), is replaced by *** before anything
 * is written or shown.
 */
export class Logger {
  private readonly secrets = new Set<string>();
  private patterns: string[] = [];

  constructor(readonly file: string | undefined) {
    if (file) mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  }

  /** Register a secret value so it never reaches the log or the screen. */
  addSecret(value: string, options: SecretOptions = {}): void {
    if (!value || this.secrets.has(value)) return;
    // A user's password is redacted whatever its length; a generated value is always long.
    if (!options.userGiven && value.length < MIN_GENERATED_LENGTH) return;
    this.secrets.add(value);
    const all = new Set([...this.patterns, ...secretForms(value)]);
    // Longest first, so a form is replaced whole before a shorter one inside it.
    this.patterns = [...all].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text;
    for (const pattern of this.patterns) {
      if (out.includes(pattern)) out = out.split(pattern).join('***');
    }
    return out;
  }

  write(line: string): void {
    if (!this.file) return;
    const stamp = new Date().toISOString();
    appendFileSync(this.file, `${stamp} ${this.redact(line)}\n`, { mode: 0o600 });
  }
}
