// The rest of the guide on the installed server: TURN credentials from Synapse that allocate a
// real relay in coturn, mail from Synapse reaching the SMTP sink, the service's file limit.
import { checkEmailBlock, checkSynapseSendsMail } from '../checks/email.js';
import {
  checkPrivatePeerRefused,
  checkSynapseUsername,
  fetchTurnCredentials,
  relayThroughTurn,
  turnRestCredentials,
  type CommandRunner,
  type RelayResult,
  type TurnCredentials,
} from '../checks/turn.js';
import type { ReceivedMail, SmtpSink } from '../../helpers/smtp-sink.js';
import { SERVER_NAME, TURN_EXTERNAL_IP } from './answers.js';
import type { Container } from './container.js';

/**
 * Synapse's own listener on loopback (the container shares the host's network). The checks
 * from test/e2e/checks use fetch, which cannot be given Pebble's root; the path through nginx
 * and TLS is covered by verify-server.ts.
 */
export const SYNAPSE_LOOPBACK = 'http://127.0.0.1:8008';
const ANY_EXIT = Array.from({ length: 256 }, (_, i) => i);

export async function loginAdmin(password: string): Promise<{ userId: string; accessToken: string }> {
  const response = await fetch(`${SYNAPSE_LOOPBACK}/_matrix/client/v3/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'm.login.password', identifier: { type: 'm.id.user', user: 'admin' }, password }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await response.json()) as { user_id?: string; access_token?: string };
  if (response.status !== 200 || !body.access_token || !body.user_id) throw new Error(`login: HTTP ${response.status} ${JSON.stringify(body)}`);
  return { userId: body.user_id, accessToken: body.access_token };
}

/** Commands for the TURN checks, run inside the container (turnutils_uclient comes with coturn there). */
export function containerRunner(container: Container): CommandRunner {
  return async (argv, options) => {
    const result = await container.exec(argv, { okExitCodes: ANY_EXIT, timeoutMs: options?.timeoutMs ?? 30_000 });
    console.log(`[e2e] ${argv[0]} (peer ${argv[argv.indexOf('-e') + 1]}): exit ${result.exitCode} in ${result.durationMs} ms`);
    return result;
  };
}

export interface TurnFindings {
  credentials: TurnCredentials;
  refusedPrivate: RelayResult;
  refusedLoopback: RelayResult;
  /** towards this machine's own public address (turn.external_ip) */
  refusedOwnAddress: RelayResult;
}

const TURN_SERVER = { server: '127.0.0.1', port: 3478 };

/**
 * An allocation with credentials signed by another secret: coturn must refuse it, or the
 * allocation below would prove nothing about the secret Synapse and coturn share. uclient
 * retries a refused allocation for about 15 s (it has no timeout option), so the scenario
 * starts this early and collects it with the other TURN checks.
 */
export function startForeignSecretAttempt(container: Container): Promise<RelayResult> {
  const { username, password } = turnRestCredentials('not-the-shared-secret', `@mallory:${SERVER_NAME}`);
  return relayThroughTurn(containerRunner(container), { ...TURN_SERVER, username, password, peer: '10.0.0.1', peerPort: 3480, messages: 1 });
}

/**
 * TURN as a calling client uses it: credentials from /voip/turnServer, then coturn (as the
 * product configured it) allocates a relay with them. Every address this machine has is in
 * coturn's denied-peer-ip ranges (loopback, and on the test host 192.0.2.0/24 and fc00::/7),
 * and the product's hardening rightly allows no exception, so no peer here can receive relayed
 * data. The successful allocation proves the credentials; the 403 on the permission towards a
 * private and a loopback peer proves the hardening.
 */
export async function checkTurn(container: Container, accessToken: string, userId: string): Promise<TurnFindings> {
  const credentials = await fetchTurnCredentials(SYNAPSE_LOOPBACK, accessToken);
  checkSynapseUsername(credentials, userId);
  const run = containerRunner(container);
  const attempt = { ...TURN_SERVER, username: credentials.username, password: credentials.password };
  const refusedPrivate = await checkPrivatePeerRefused(run, attempt, '10.0.0.1');
  const refusedLoopback = await checkPrivatePeerRefused(run, attempt, '127.0.0.1');
  const refusedOwnAddress = await checkPrivatePeerRefused(run, attempt, TURN_EXTERNAL_IP);
  return { credentials, refusedPrivate, refusedLoopback, refusedOwnAddress };
}

/** Synapse's email drop-in as installed, parsed and checked against the sink's address. */
export function checkInstalledEmailBlock(container: Container, smtpPort: number): Record<string, unknown> {
  return checkEmailBlock(container.readFile('/etc/matrix-synapse/conf.d/matrix-setup-email.yaml'), { smtpHost: '127.0.0.1', smtpPort });
}

/** A logged-in user asks to add an address; Synapse mails the validation link to the sink. */
export function checkMail(sink: SmtpSink, accessToken: string): Promise<ReceivedMail> {
  return checkSynapseSendsMail({ baseUrl: SYNAPSE_LOOPBACK, accessToken, sink, to: `admin-e2e@${SERVER_NAME}` });
}

/** A received mail's text with its base64 and quoted-printable MIME parts decoded. */
export function readableMail(data: string): string {
  const parts = data.split(/\r?\n--[^\r\n]+\r?\n/);
  const decoded = parts.map((part) => {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) return part;
    const headers = part.slice(0, split);
    const body = part.slice(split).trim();
    if (/content-transfer-encoding:\s*base64/i.test(headers)) return `${headers}\n\n${Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')}`;
    if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
      return `${headers}\n\n${body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))}`;
    }
    return part;
  });
  return decoded.join('\n');
}

/** `systemctl show -p LimitNOFILE` and the limit the running Synapse process really has. */
export async function synapseFileLimits(container: Container): Promise<{ shown: string; running: string }> {
  const shownLimit = (await container.exec(['systemctl', 'show', 'matrix-synapse', '-p', 'LimitNOFILE'])).stdout.trim();
  const pid = (await container.exec(['systemctl', 'show', 'matrix-synapse', '-p', 'MainPID', '--value'])).stdout.trim();
  const limits = (await container.exec(['cat', `/proc/${pid}/limits`])).stdout;
  const running = /^Max open files\s+(\d+)\s+(\d+)/m.exec(limits);
  return { shown: shownLimit, running: running ? `${running[1]} ${running[2]}` : `not found in /proc/${pid}/limits:\n${limits}` };
}
