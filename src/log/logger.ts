import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The run's log file. Every command and its output goes here; every known secret
 * value is replaced by *** before anything is written or shown.
 */
export class Logger {
  private readonly secrets = new Set<string>();

  constructor(readonly file: string | undefined) {
    if (file) mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  }

  /** Register a secret value so it never reaches the log or the screen. */
  addSecret(value: string): void {
    // Very short values would redact ordinary words; generated secrets are long.
    if (value && value.length >= 6) this.secrets.add(value);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) {
      if (out.includes(secret)) out = out.split(secret).join('***');
    }
    return out;
  }

  write(line: string): void {
    if (!this.file) return;
    const stamp = new Date().toISOString();
    appendFileSync(this.file, `${stamp} ${this.redact(line)}\n`, { mode: 0o600 });
  }
}
