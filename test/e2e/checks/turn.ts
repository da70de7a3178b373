// Reusable end-to-end checks for TURN: Synapse's turnServer API, a real relay allocation with
// those credentials (turnutils_uclient from Debian's coturn package), and the refusal of a
// relay towards a private address. The runner decides where commands run (host or container).
import { createHmac } from 'node:crypto';

export interface CommandRunner {
  (argv: string[], options?: { timeoutMs?: number }): Promise<{ exitCode: number; stdout: string; stderr?: string }>;
}

export interface TurnCredentials {
  username: string;
  password: string;
  uris: string[];
  ttl: number;
}

/** Credentials the way Synapse (and the TURN REST API draft) computes them: user "<expiry>:<name>", password base64(HMAC-SHA1(secret, user)). */
export function turnRestCredentials(secret: string, name: string, ttlSeconds = 3600, now = Date.now()): { username: string; password: string } {
  const username = `${Math.floor(now / 1000) + ttlSeconds}:${name}`;
  return { username, password: createHmac('sha1', secret).update(username).digest('base64') };
}

/** GET /_matrix/client/v3/voip/turnServer as a logged-in user; fails unless Synapse hands out credentials. */
export async function fetchTurnCredentials(baseUrl: string, accessToken: string): Promise<TurnCredentials> {
  const response = await fetch(`${baseUrl}/_matrix/client/v3/voip/turnServer`, {
    headers: { authorization: `Bearer ${accessToken}` },
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await response.json()) as Partial<TurnCredentials>;
  if (response.status !== 200 || typeof body.username !== 'string' || typeof body.password !== 'string' || !Array.isArray(body.uris) || body.uris.length === 0) {
    throw new Error(`turnServer answered HTTP ${response.status}: ${JSON.stringify(body)}`);
  }
  return body as TurnCredentials;
}

/** Username part Synapse signed for: "<expiry>:<user id>", expiry in the future. */
export function checkSynapseUsername(credentials: TurnCredentials, userId: string, now = Date.now()): void {
  const [expiry, ...rest] = credentials.username.split(':');
  if (rest.join(':') !== userId) throw new Error(`TURN username ${credentials.username} is not for ${userId}`);
  if (Number(expiry) * 1000 <= now) throw new Error(`TURN credentials already expired (${expiry})`);
}

export interface RelayAttempt {
  server: string;
  port: number;
  username: string;
  password: string;
  peer: string;
  peerPort: number;
  messages?: number;
}

export interface RelayResult {
  allocated: boolean;
  forbidden: boolean;
  sent: number;
  received: number;
  output: string;
}

/** Parses turnutils_uclient's summary. */
export function parseUclientOutput(output: string): Omit<RelayResult, 'output'> {
  const totals = /tot_send_msgs=(\d+), tot_recv_msgs=(\d+)/.exec(output.split('\n').filter((l) => /start_mclient: tot_send_msgs=/.test(l)).pop() ?? '');
  return {
    allocated: !/Cannot complete Allocation/i.test(output),
    // coturn 4.6 says "403 (Forbidden IP)"; 4.18 (Debian unstable) sends the code without a reason: "channel bind: error 403 ()".
    forbidden: /403 \(Forbidden IP\)|error 403\b/.test(output),
    sent: totals ? Number(totals[1]) : 0,
    received: totals ? Number(totals[2]) : 0,
  };
}

/** Allocates a UDP relay and sends `messages` packets through it to the peer (which must echo, e.g. turnutils_peer). */
export async function relayThroughTurn(run: CommandRunner, attempt: RelayAttempt): Promise<RelayResult> {
  const argv = [
    'turnutils_uclient',
    '-p', String(attempt.port),
    '-u', attempt.username,
    '-w', attempt.password,
    '-e', attempt.peer,
    '-r', String(attempt.peerPort),
    '-n', String(attempt.messages ?? 5),
    '-c',
    attempt.server,
  ];
  const result = await run(argv, { timeoutMs: 30_000 });
  const output = `${result.stdout}\n${result.stderr ?? ''}`;
  return { ...parseUclientOutput(output), output };
}

/** A relay towards a private address (or this machine's own) must be refused by coturn (403 Forbidden IP). */
export async function checkPrivatePeerRefused(run: CommandRunner, attempt: Omit<RelayAttempt, 'peer' | 'peerPort'>, peer = '10.0.0.1'): Promise<RelayResult> {
  const result = await relayThroughTurn(run, { ...attempt, peer, peerPort: 3480, messages: 1 });
  if (!result.allocated) throw new Error(`the allocation itself failed, so the refusal proves nothing:\n${result.output}`);
  if (!result.forbidden || result.received > 0) throw new Error(`coturn granted a relay to ${peer}, which it must refuse:\n${result.output}`);
  return result;
}
