import { readFileSync } from 'node:fs';
import type { RunContext, Step } from '../../src/engine/types.js';
import { writeFileAtomic } from '../../src/fs/atomic.js';
import type { SecretName } from '../../src/secrets/tokens.js';
import { ADOPTED_DB_PASSWORD_FILE } from '../../src/adopt/answers-from-facts.js';
import { synapseLayout } from '../synapse/sources.js';
import { readEffectiveConfig } from './synapse-settings.js';
import { adoptStepText as t } from '../../src/i18n/messages/steps-adopt.js';

/** Secrets Synapse's config already holds, which matrix-setup's drop-in must carry unchanged. */
export function secretsInConfig(merged: Record<string, unknown>): Partial<Record<SecretName, string>> {
  const found: Partial<Record<SecretName, string>> = {};
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const registration = text(merged.registration_shared_secret);
  if (registration) found.registration_shared_secret = registration;
  // Without its own, Synapse uses registration_shared_secret as the macaroon key: keep that behaviour.
  const macaroon = text(merged.macaroon_secret_key) ?? registration;
  if (macaroon) found.macaroon_secret_key = macaroon;
  const form = text(merged.form_secret);
  if (form) found.form_secret = form;
  const turn = text(merged.turn_shared_secret);
  if (turn) found.turn_shared_secret = turn;
  const database = merged.database as { name?: string; args?: Record<string, unknown> } | undefined;
  const password = database?.name === 'psycopg2' ? text(database.args?.password) : undefined;
  if (password) found.database_password = password;
  return found;
}

/**
 * Keeps the secrets of the adopted server (registration shared secret, macaroon key, form
 * secret, TURN secret, database password) in matrix-setup's 0600 secrets file, so the config
 * it writes carries the same values instead of new ones: existing tokens, registration
 * scripts and TURN credentials keep working.
 */
export const adoptSecretsStep: Step = {
  id: 'adopt-secrets',
  title: t.secretsTitle,
  needs: ['adopt-check'],
  plan({ answers, target }) {
    const layout = synapseLayout(answers, target);
    return [
      {
        kind: 'task',
        description: t.secretsTask({ files: layout.configPaths.join(' + ') }),
        shows: [],
        check: async (ctx) => (await changes(ctx, false)) === 0,
        run: async (ctx) => {
          await changes(ctx, true);
        },
      },
    ];

    async function changes(ctx: RunContext, apply: boolean): Promise<number> {
      const found = secretsInConfig(readEffectiveConfig(layout).merged);
      let count = 0;
      for (const [name, value] of Object.entries(found) as Array<[SecretName, string]>) {
        if (name === 'database_password' && ctx.answers.database.password) {
          count += keepInFile(ctx, value, apply);
          continue;
        }
        if (ctx.secrets.kept(name) === value) continue;
        count++;
        if (apply) {
          ctx.secrets.remember(name, value);
          ctx.note(t.keptSecret({ name }));
        }
      }
      return count;
    }
  },
};

/** An external database's password, read from Synapse's config into the file the adopted answers name. */
function keepInFile(ctx: RunContext, value: string, apply: boolean): number {
  const file = ctx.answers.database.password?.file;
  if (!file || !file.endsWith(`/${ADOPTED_DB_PASSWORD_FILE}`)) return 0;
  try {
    if (readFileSync(file, 'utf8').split('\n')[0].trim() === value) return 0;
  } catch {
    // missing: written below
  }
  if (apply) {
    writeFileAtomic(file, `${value}\n`, { mode: 0o600 });
    ctx.note(t.keptDatabasePassword({ file }));
  }
  return 1;
}
