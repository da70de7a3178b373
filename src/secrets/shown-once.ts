/**
 * Generated secrets the user must learn once: the admin password and the first registration
 * token are shown at the end of the first run that completes (even when the run that generated
 * them was killed before it could show them), never again. A marker file in the state
 * directory records that they were shown.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Answers } from '../answers/types.js';
import { writeFileAtomic } from '../fs/atomic.js';
import type { SecretName } from './tokens.js';

export interface SecretsToShow {
  adminPassword?: string;
  registrationToken?: string;
}

interface SecretSource {
  get(name: SecretName): string;
  isGenerated(name: SecretName): boolean;
}

/** The secrets this finished run shows; marks them as shown. */
export function takeSecretsToShow(stateDir: string, answers: Answers, secrets: SecretSource): SecretsToShow {
  const shown: SecretsToShow = {};
  const once = (marker: string, wanted: boolean, read: () => string): string | undefined => {
    const path = join(stateDir, marker);
    if (!wanted || existsSync(path)) return undefined;
    const value = read();
    writeFileAtomic(path, `${new Date().toISOString()}\n`, { mode: 0o600 });
    return value;
  };
  const password = once('admin-password-shown', answers.admin.enabled && secrets.isGenerated('admin_password'), () => secrets.get('admin_password'));
  if (password) shown.adminPassword = password;
  // The token step runs as the admin: without an admin account there is no first token.
  const token = once('registration-token-shown', answers.synapse.registration === 'token' && answers.admin.enabled, () => secrets.get('registration_token'));
  if (token) shown.registrationToken = token;
  return shown;
}
