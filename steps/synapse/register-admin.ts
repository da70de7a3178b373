import { createHmac } from 'node:crypto';
import { StepError } from '../../src/errors.js';
import { SYNAPSE_LISTEN } from './sources.js';
import { synapseText as t } from '../../src/i18n/messages/steps-synapse.js';

export const REGISTER_URL = `http://${SYNAPSE_LISTEN.host}:${SYNAPSE_LISTEN.port}/_synapse/admin/v1/register`;

/** The MAC Synapse's shared-secret registration expects: HMAC-SHA1 over nonce, user, password and admin flag, NUL-separated. */
export function registrationMac(sharedSecret: string, nonce: string, username: string, password: string, admin: boolean): string {
  return createHmac('sha1', sharedSecret)
    .update([nonce, username, password, admin ? 'admin' : 'notadmin'].join('\0'))
    .digest('hex');
}

export type RegisterOutcome = 'created' | 'exists';

/**
 * Creates an admin account through Synapse's shared-secret registration API (a nonce, then
 * the request with its MAC). Nothing secret is put on a command line; the password only
 * travels over loopback to Synapse.
 */
export async function registerAdmin(options: {
  username: string;
  password: string;
  sharedSecret: string;
  url?: string;
  timeoutMs?: number;
}): Promise<RegisterOutcome> {
  const url = options.url ?? REGISTER_URL;
  const timeout = () => AbortSignal.timeout(options.timeoutMs ?? 30_000);
  const nonceResponse = await request(url, { signal: timeout() });
  const nonce = (nonceResponse.body as { nonce?: unknown }).nonce;
  if (nonceResponse.status !== 200 || typeof nonce !== 'string') {
    throw new StepError(t.noNonce({ status: nonceResponse.status }), { hint: t.noNonceHint });
  }
  const body = {
    nonce,
    username: options.username,
    password: options.password,
    admin: true,
    mac: registrationMac(options.sharedSecret, nonce, options.username, options.password, true),
  };
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: timeout(),
  });
  if (response.status === 200) return 'created';
  const error = response.body as { errcode?: string; error?: string };
  if (error.errcode === 'M_USER_IN_USE') return 'exists';
  throw new StepError(t.adminRefused({ error: `${error.error ?? `HTTP ${response.status}`}${error.errcode ? ` (${error.errcode})` : ''}` }), {
    hint: error.errcode === 'M_WEAK_PASSWORD' ? t.weakPasswordHint : t.sharedSecretHint,
  });
}

async function request(url: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new StepError(t.unreachable({ url, error: (error as Error).message }), { hint: t.unreachableHint });
  }
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: response.status, body: {} };
  }
}
