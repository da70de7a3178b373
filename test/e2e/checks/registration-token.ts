// Registration with a token, as a Matrix client does it over the public URL: the client API's
// user-interactive auth (POST /_matrix/client/v3/register), one stage after another.
import { httpsRequest } from '../harness/client.js';

export interface Registered {
  userId: string;
  accessToken: string;
}

interface RegisterAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Registers `username` with `token` on `host` (trusting only `ca`). Throws with Synapse's
 * answer when the server refuses, so a test can expect a wrong token to fail.
 */
export async function registerWithToken(options: { host: string; ca: string; username: string; password: string; token: string }): Promise<Registered> {
  const post = async (body: Record<string, unknown>): Promise<RegisterAnswer> => {
    const response = await httpsRequest({
      host: options.host,
      ca: options.ca,
      method: 'POST',
      path: '/_matrix/client/v3/register',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: response.json() };
  };
  const request = { username: options.username, password: options.password, initial_device_display_name: 'matrix-setup e2e' };
  let answer = await post(request);
  for (let round = 0; round < 5 && answer.status === 401; round++) {
    const session = String(answer.body.session ?? '');
    const flows = (answer.body.flows as Array<{ stages: string[] }> | undefined) ?? [];
    const flow = flows.find((f) => f.stages.some((stage) => stage.endsWith('registration_token')));
    if (!flow) throw new Error(`no registration flow with a token: ${JSON.stringify(answer.body)}`);
    const completed = (answer.body.completed as string[] | undefined) ?? [];
    if (answer.body.errcode) throw new Error(`registration refused: ${JSON.stringify(answer.body)}`);
    const stage = flow.stages.find((s) => !completed.includes(s));
    if (!stage) break;
    if (stage.endsWith('registration_token')) answer = await post({ ...request, auth: { type: stage, token: options.token, session } });
    else if (stage === 'm.login.dummy') answer = await post({ ...request, auth: { type: stage, session } });
    else throw new Error(`an unexpected registration stage ${stage}: ${JSON.stringify(answer.body)}`);
  }
  if (answer.status !== 200 || typeof answer.body.user_id !== 'string' || typeof answer.body.access_token !== 'string') {
    throw new Error(`registration failed: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return { userId: answer.body.user_id, accessToken: answer.body.access_token };
}

/** Who an access token belongs to (GET /_matrix/client/v3/account/whoami). */
export async function whoami(options: { host: string; ca: string; accessToken: string }): Promise<string> {
  const response = await httpsRequest({ host: options.host, ca: options.ca, path: '/_matrix/client/v3/account/whoami', accessToken: options.accessToken });
  if (response.status !== 200) throw new Error(`whoami: HTTP ${response.status} ${response.text}`);
  return String(response.json().user_id);
}
