/**
 * Secret tokens stand in for secret values in plans, file contents and command input.
 * `plan` prints them as they are; the runner swaps in the values only when it writes a
 * file or feeds a command, so values never reach a plan, the state file or the log.
 */
export type SecretName =
  | 'database_password'
  | 'database_admin_password'
  | 'registration_shared_secret'
  | 'macaroon_secret_key'
  | 'form_secret'
  | 'admin_password'
  | 'turn_shared_secret'
  | 'smtp_password'
  | 'registration_token';

const TOKEN = /<<secret:([a-z_]+)>>/g;

export function secretToken(name: SecretName): string {
  return `<<secret:${name}>>`;
}

export function secretNamesIn(text: string): SecretName[] {
  return [...text.matchAll(TOKEN)].map((m) => m[1] as SecretName);
}

export function replaceSecretTokens(text: string, valueOf: (name: SecretName) => string): string {
  return text.replace(TOKEN, (_, name: string) => valueOf(name as SecretName));
}
