import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import type { Answers, SecretRef } from '../answers/types.js';
import { StepError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic.js';
import type { Logger } from '../log/logger.js';
import { firstLine } from './check-references.js';
import { secretValueProblem } from './secret-value.js';
import type { SecretName } from './tokens.js';
import type { Localized } from '../i18n/localized.js';
import { secretText as t } from '../i18n/messages/secrets.js';

interface SecretSource {
  /** The answers' reference for this secret, if the user gave one. */
  ref?(answers: Answers): SecretRef | undefined;
  /** Whether matrix-setup may generate it when no reference is given. */
  generated: boolean;
  /** Generated secrets for humans to type get a readable alphabet. */
  humanReadable?: boolean;
}

const SOURCES: Record<SecretName, SecretSource> = {
  database_password: { ref: (a) => a.database.password, generated: true },
  database_admin_password: { ref: (a) => a.database.admin_password, generated: false },
  registration_shared_secret: { generated: true },
  macaroon_secret_key: { generated: true },
  form_secret: { generated: true },
  admin_password: { ref: (a) => a.admin.password, generated: true, humanReadable: true },
  turn_shared_secret: { generated: true },
  smtp_password: { ref: (a) => a.email.smtp_password, generated: false },
  // The first registration token (synapse.registration: token), created in Synapse and shown once.
  registration_token: { generated: true, humanReadable: true },
};

/**
 * Secrets of this install: referenced ones are read from their file or environment
 * variable; generated ones are made once and kept in a 0600 YAML file, so every later
 * run (and a resume) reuses the same values.
 */
export class SecretStore {
  private generated: Partial<Record<SecretName, string>> | undefined;
  /** Generated secrets created during this run, so the UI can show the admin password once. */
  readonly createdThisRun = new Set<SecretName>();

  constructor(
    private readonly file: string,
    private readonly answers: Answers,
    private readonly logger: Logger,
  ) {}

  get(name: SecretName): string {
    const source = SOURCES[name];
    const ref = source.ref?.(this.answers);
    const userGiven = Boolean(ref && (ref.file || ref.env));
    const value = userGiven ? readRef(name, ref!) : this.generatedValue(name, source);
    this.logger.addSecret(value, { userGiven });
    return value;
  }

  /**
   * Every secret value readable now, without generating one: those kept in the secrets file
   * and those the answers refer to. For hiding them where a file on the machine is shown
   * (plan's diff); what cannot be read is left out.
   */
  knownValues(): Array<{ name: SecretName; value: string }> {
    const known: Array<{ name: SecretName; value: string }> = [];
    try {
      for (const [name, value] of Object.entries(this.load())) if (value) known.push({ name: name as SecretName, value });
    } catch {
      // unreadable (not root): nothing known from it
    }
    for (const [name, source] of Object.entries(SOURCES) as Array<[SecretName, SecretSource]>) {
      const ref = source.ref?.(this.answers);
      if (!ref || !(ref.file || ref.env)) continue;
      try {
        known.push({ name, value: readRef(name, ref) });
      } catch {
        // not readable here
      }
    }
    return known;
  }

  /** True when the value will be generated (and so must be shown or saved for the user). */
  isGenerated(name: SecretName): boolean {
    const ref = SOURCES[name].ref?.(this.answers);
    return !(ref && (ref.file || ref.env));
  }

  /**
   * Keeps a value found on the machine (a server set up by hand already has its secrets) in
   * place of a generated one, so the config matrix-setup writes carries the same value.
   * Returns whether the kept value changed.
   */
  remember(name: SecretName, value: string): 'added' | 'same' | 'replaced' {
    if (!SOURCES[name].generated) throw new Error(`${name} is not a secret matrix-setup keeps`);
    this.logger.addSecret(value);
    const all = this.load();
    const before = all[name];
    if (before === value) return 'same';
    all[name] = value;
    writeFileAtomic(this.file, stringify(all), { mode: 0o600 });
    return before === undefined ? 'added' : 'replaced';
  }

  /** The value kept for a generated secret, without generating one. */
  kept(name: SecretName): string | undefined {
    return this.load()[name];
  }

  private generatedValue(name: SecretName, source: SecretSource): string {
    if (!source.generated) {
      throw new StepError(t.noReference({ name }), { hint: t.noReferenceHint });
    }
    const all = this.load();
    let value = all[name];
    if (!value) {
      value = source.humanReadable ? randomBytes(18).toString('base64url') : randomBytes(32).toString('base64url');
      all[name] = value;
      writeFileAtomic(this.file, stringify(all), { mode: 0o600 });
      this.createdThisRun.add(name);
    }
    return value;
  }

  private load(): Partial<Record<SecretName, string>> {
    if (!this.generated) {
      try {
        this.generated = (parse(readFileSync(this.file, 'utf8')) ?? {}) as Partial<Record<SecretName, string>>;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        this.generated = {};
      }
      for (const value of Object.values(this.generated)) if (value) this.logger.addSecret(value);
    }
    return this.generated;
  }
}

function readRef(name: SecretName, ref: SecretRef): string {
  if (ref.env) {
    const value = process.env[ref.env];
    if (!value) {
      throw new StepError(t.envMissing({ env: ref.env, name }), { hint: t.envMissingHint({ env: ref.env }) });
    }
    return checked(name, value, t.fromEnv({ env: ref.env }));
  }
  let value: string;
  try {
    value = firstLine(readFileSync(ref.file!, 'utf8'));
  } catch {
    value = '';
  }
  if (!value) {
    throw new StepError(t.fileMissing({ name, path: ref.file! }), { hint: t.fileMissingHint({ path: ref.file! }) });
  }
  return checked(name, value, ref.file!);
}

/** A value with a line break or control character would change the files it is written into. */
function checked(name: SecretName, value: string, source: Localized | string): string {
  const problem = secretValueProblem(value);
  if (problem) throw new StepError(t.unusable({ name, source, problem }), { hint: t.unusableHint });
  return value;
}
