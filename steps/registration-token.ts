import { tokenLimits, type TokenLimits } from '../src/answers/registration-token-limits.js';
import { synapseRowExists } from './synapse/database-row.js';
import type { Action, RunContext, Step } from '../src/engine/types.js';
import { secretToken } from '../src/secrets/tokens.js';
import { StepError } from '../src/errors.js';
import { SYNAPSE_LISTEN } from './synapse/sources.js';
import { synapseText as t } from '../src/i18n/messages/steps-synapse.js';

const BASE_URL = `http://${SYNAPSE_LISTEN.host}:${SYNAPSE_LISTEN.port}`;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * With registration by token, the first token: generated once (kept 0600 with the other
 * secrets, shown once when the run ends), created through Synapse's admin API as the admin,
 * for a limited number of accounts and days (a token that leaks must not open the server for
 * good). Skipped when Synapse already has it.
 */
export const registrationTokenStep: Step = {
  id: 'registration-token',
  title: t.tokenTitle,
  needs: ['synapse-admin'],
  skip({ answers }) {
    if (answers.synapse.registration !== 'token') return t.registrationIs({ value: answers.synapse.registration });
    return answers.admin.enabled ? undefined : t.tokenNeedsAdmin;
  },
  plan({ answers }): Action[] {
    const token = secretToken('registration_token');
    const limits = tokenLimits(answers);
    return [
      {
        kind: 'task',
        description: t.tokenTask({ user: answers.admin.username, server: answers.server_name }),
        shows: [
          { argv: ['SELECT', '1', 'FROM', 'registration_tokens', 'WHERE', 'token', '=', `'${token}'`], when: t.readOnlyAs({ user: answers.database.user, name: answers.database.name }) },
          { argv: ['POST', `${BASE_URL}/_matrix/client/v3/login`], stdin: JSON.stringify({ type: 'm.login.password', identifier: { type: 'm.id.user', user: answers.admin.username }, password: secretToken('admin_password') }) },
          {
            argv: ['POST', `${BASE_URL}/_synapse/admin/v1/registration_tokens/new`],
            stdin: JSON.stringify({ token, uses_allowed: limits.uses, expiry_time: `<milliseconds now + ${limits.days} days>` }),
          },
          { argv: ['POST', `${BASE_URL}/_matrix/client/v3/logout`] },
        ],
        check: (ctx) => tokenExists(ctx, ctx.secrets.get('registration_token')),
        async run(ctx) {
          const accessToken = await login({ baseUrl: BASE_URL }, ctx.answers.admin.username, ctx.secrets.get('admin_password'));
          try {
            await createRegistrationToken({ baseUrl: BASE_URL }, accessToken, ctx.secrets.get('registration_token'), limits);
          } finally {
            await logout({ baseUrl: BASE_URL }, accessToken);
          }
          ctx.note(t.tokenCreated({ accounts: t.accounts({ count: limits.uses }), days: t.days({ count: limits.days }) }));
        },
      },
    ];
  },
};

async function tokenExists(ctx: RunContext, token: string): Promise<boolean> {
  return synapseRowExists(ctx, 'SELECT 1 FROM registration_tokens WHERE token = $1', [token]);
}

// Synapse's client and admin API, as far as this step needs it.
export interface AdminApiOptions {
  /** Synapse's client listener, e.g. http://127.0.0.1:8008. */
  baseUrl: string;
  timeoutMs?: number;
}

async function call(options: AdminApiOptions, method: string, path: string, body?: unknown, accessToken?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  let response: Response;
  try {
    response = await fetch(`${options.baseUrl}${path}`, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (error) {
    throw new StepError(t.unreachable({ url: options.baseUrl, error: (error as Error).message }), { hint: t.unreachableHint });
  }
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
  } catch {
    return { status: response.status, body: {} };
  }
}

/** Logs in with a password; the session is ended again by logout(). */
export async function login(options: AdminApiOptions, user: string, password: string): Promise<string> {
  const response = await call(options, 'POST', '/_matrix/client/v3/login', {
    type: 'm.login.password',
    identifier: { type: 'm.id.user', user },
    password,
    initial_device_display_name: 'matrix-setup',
  });
  const token = response.body.access_token;
  if (response.status !== 200 || typeof token !== 'string') {
    throw new StepError(t.loginRefused({ user, error: String(response.body.error ?? `HTTP ${response.status}`) }), { hint: t.loginRefusedHint });
  }
  return token;
}

export async function logout(options: AdminApiOptions, accessToken: string): Promise<void> {
  await call(options, 'POST', '/_matrix/client/v3/logout', {}, accessToken).catch(() => {});
}

/** Creates a registration token with this exact value, these many uses and days from now; an existing one is left alone. */
export async function createRegistrationToken(options: AdminApiOptions, accessToken: string, token: string, limits: TokenLimits, now = Date.now()): Promise<'created' | 'exists'> {
  const existing = await call(options, 'GET', `/_synapse/admin/v1/registration_tokens/${encodeURIComponent(token)}`, undefined, accessToken);
  if (existing.status === 200) return 'exists';
  const body = { token, uses_allowed: limits.uses, expiry_time: now + limits.days * DAY_MS };
  const response = await call(options, 'POST', '/_synapse/admin/v1/registration_tokens/new', body, accessToken);
  if (response.status === 200) return 'created';
  throw new StepError(t.tokenRefused({ error: String(response.body.error ?? `HTTP ${response.status}`) }), { hint: t.tokenRefusedHint });
}
