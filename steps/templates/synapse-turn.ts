import type { Answers } from '../../src/answers/types.js';
import { secretToken } from '../../src/secrets/tokens.js';
import { TURNS_PORT, TURN_PORT } from '../coturn/layout.js';

/** Lifetime of the credentials Synapse hands out: a day, as the TURN REST API draft recommends, so long calls keep their relay. */
export const TURN_USER_LIFETIME = '1d';

/** The URIs clients get from /voip/turnServer: plain TURN first, then TURN over TLS/DTLS when coturn has a certificate. */
export function turnUris(answers: Answers, tls: boolean): string[] {
  const host = answers.synapse_host;
  const uris = [`turn:${host}:${TURN_PORT}?transport=udp`, `turn:${host}:${TURN_PORT}?transport=tcp`];
  if (tls) uris.push(`turns:${host}:${TURNS_PORT}?transport=udp`, `turns:${host}:${TURNS_PORT}?transport=tcp`);
  return uris;
}

/** Synapse's drop-in pointing clients at coturn (read after homeserver.yaml; the secret is written by the runner). */
export function synapseTurnYaml(answers: Answers, tls: boolean): string {
  return [
    '# Written by matrix-setup: the TURN server (coturn on this machine) for voice and video calls.',
    '# Synapse signs short-lived credentials with the secret coturn shares (static-auth-secret).',
    'turn_uris:',
    ...turnUris(answers, tls).map((uri) => `  - "${uri}"`),
    `turn_shared_secret: "${secretToken('turn_shared_secret')}"`,
    `turn_user_lifetime: ${TURN_USER_LIFETIME}`,
    'turn_allow_guests: false',
    '',
  ].join('\n');
}
