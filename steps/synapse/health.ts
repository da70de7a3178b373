import type { RunContext } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import { ANY_EXIT_CODE } from '../../src/exec/executor.js';
import { SYNAPSE_LISTEN, type SynapseLayout } from './sources.js';
import { synapseText as t } from '../../src/i18n/messages/steps-synapse.js';
import { joinLocalized, type Localized } from '../../src/i18n/localized.js';

export const HEALTH_URL = `http://${SYNAPSE_LISTEN.host}:${SYNAPSE_LISTEN.port}/health`;

export interface WaitOptions {
  url?: string;
  timeoutMs?: number;
  intervalMs?: number;
}

/** One GET of Synapse's health endpoint, given up after `timeoutMs`; true only for 200 "OK". */
export async function isHealthy(url = HEALTH_URL, timeoutMs = 2000): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text();
    return response.ok && body.trim() === 'OK';
  } catch {
    return false;
  }
}

/**
 * Polls the health endpoint until it answers, the unit gives up (failed), the run is
 * interrupted, or the time is up; then fails with the end of Synapse's log and its likely cause.
 */
export async function waitForSynapse(ctx: RunContext, layout: SynapseLayout, options: WaitOptions = {}): Promise<void> {
  const url = options.url ?? HEALTH_URL;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const intervalMs = options.intervalMs ?? 1000;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (ctx.signal.aborted) return;
    if (await isHealthy(url, Math.min(2000, Math.max(deadline - Date.now(), 1)))) return;
    const state = await ctx.exec.run(['systemctl', 'is-active', layout.unit], { probe: true, okExitCodes: ANY_EXIT_CODE });
    if (['failed', 'inactive'].includes(state.stdout.trim())) {
      throw await notReady(ctx, layout, t.stoppedInstead({ unit: layout.unit, state: state.stdout.trim(), url }));
    }
    await sleep(Math.min(intervalMs, Math.max(deadline - Date.now(), 0)));
  }
  throw await notReady(ctx, layout, t.noAnswer({ url, seconds: Math.round(timeoutMs / 1000) }));
}

/** The error for a Synapse that does not come up: the end of its log, and what that log points at. */
export async function notReady(ctx: RunContext, layout: SynapseLayout, message: Localized): Promise<StepError> {
  const log = await lastLines(ctx, ['tail', '-n', '30', layout.logFile]);
  const journal = await lastLines(ctx, ['journalctl', '-u', layout.unit, '-n', '50', '--no-pager', '-o', 'cat']);
  const causes = likelyCauses([...log, ...journal]);
  const tail = [...(journal.length ? [`--- journalctl -u ${layout.unit}:`, ...journal.slice(-20)] : []), ...(log.length ? [`--- ${layout.logFile}:`, ...log.slice(-15)] : [])];
  const logs = { unit: layout.unit, log: layout.logFile };
  return new StepError(message, {
    hint: causes.length ? t.notReadyCauseHint({ ...logs, causes: joinLocalized(causes) }) : t.notReadyHint(logs),
    outputTail: tail,
  });
}

const CAUSES: Array<[RegExp, Localized]> = [
  [/password authentication failed|no pg_hba\.conf entry|role ".*" does not exist/i, t.causeLogin],
  [/could not connect to server|connection refused|could not translate host name|server closed the connection unexpectedly|timeout expired/i, t.causeUnreachable],
  [/incorrect (collation|ctype)|LC_COLLATE|LC_CTYPE|allow_unsafe_locale/i, t.causeLocale],
  [/Found users in database not native|server_name.*(mismatch|changed)/i, t.causeOtherServer],
  [/address already in use|CannotListenError/i, t.causePortTaken({ address: `${SYNAPSE_LISTEN.host}:${SYNAPSE_LISTEN.port}` })],
  [/ConfigError|Error in configuration|Invalid config|Missing mandatory/i, t.causeConfig],
  [/Permission denied/i, t.causePermission],
  [/No module named|ImportError|ModuleNotFoundError/i, t.causeModule],
  [/signing key|signing_key/i, t.causeSigningKey],
];

/** Known failure patterns in Synapse's log, as plain sentences (most specific first). */
export function likelyCauses(lines: string[]): Localized[] {
  const text = lines.join('\n');
  return CAUSES.filter(([pattern]) => pattern.test(text)).map(([, cause]) => cause).slice(0, 2);
}

async function lastLines(ctx: RunContext, argv: string[]): Promise<string[]> {
  try {
    const result = await ctx.exec.run(argv, { probe: true, okExitCodes: ANY_EXIT_CODE, timeoutMs: 15_000 });
    return result.exitCode === 0 ? result.stdout.split('\n').filter((line) => line.trim()) : [];
  } catch {
    return [];
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
