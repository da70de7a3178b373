import type { Answers } from '../../answers/types.js';
import { ExitCode, UsageError } from '../../errors.js';
import { LocalExecutor } from '../../exec/executor.js';
import { Logger } from '../../log/logger.js';
import { hasFailures, runVerify, type VerifyOptions } from '../../verify/index.js';
import { systemLocalProbes } from '../../verify/local-probes.js';
import { optionsForRemote, optionsFromAnswers, readOnlySecrets } from '../../verify/options-from-answers.js';
import { renderJson, renderText, textOptionsFor } from '../../verify/report.js';
import { statePaths } from '../../engine/runner.js';
import { DEFAULT_STATE_DIR } from '../paths.js';
import { verifyText as v } from '../../i18n/messages/verify.js';
import type { Lang } from '../../i18n/index.js';

export interface VerifyCommandOptions {
  serverName?: string;
  json: boolean;
  /** This install's answers (the saved ones by default); absent: check a server from outside. */
  answers?: Answers;
  stdout: NodeJS.WritableStream;
  lang: Lang;
  stateDir?: string;
  /** Overrides for the checks (tests: connectTo, resolver, ca, probes). */
  overrides?: Partial<VerifyOptions>;
}

/** The checks for the install on this machine: from its answers, with local health. */
export function thisMachineVerifyOptions(answers: Answers, stateDir: string, overrides: Partial<VerifyOptions> = {}): VerifyOptions {
  const verifyOptions: VerifyOptions = { ...optionsFromAnswers(answers), ...overrides };
  if (verifyOptions.localHealth !== false && !verifyOptions.probes) {
    verifyOptions.probes = systemLocalProbes({
      executor: new LocalExecutor(new Logger(undefined), new AbortController().signal),
      answers,
      secrets: readOnlySecrets(answers, statePaths(stateDir).secrets),
    });
  }
  return verifyOptions;
}

/**
 * `matrix-setup verify`: with this machine's answers, every check including local health;
 * with --server-name for another server (or no answers), the checks from outside.
 * Returns 0 when nothing failed, 1 otherwise.
 */
export async function verifyCommand(options: VerifyCommandOptions): Promise<number> {
  const { answers, serverName, overrides = {} } = options;
  let verifyOptions: VerifyOptions;
  if (answers && (!serverName || serverName === answers.server_name)) {
    verifyOptions = thisMachineVerifyOptions(answers, options.stateDir ?? DEFAULT_STATE_DIR, overrides);
  } else if (serverName) {
    verifyOptions = await optionsForRemote(serverName, overrides);
  } else {
    throw new UsageError(v.noServerKnown, v.noServerKnownHint);
  }
  const results = await runVerify(verifyOptions);
  if (options.json) {
    const meta = { serverName: verifyOptions.serverName, synapseHost: verifyOptions.synapseHost, checkedAt: new Date().toISOString() };
    options.stdout.write(renderJson(results, meta, options.lang));
  } else {
    const where = { server: verifyOptions.serverName, host: verifyOptions.synapseHost };
    const heading = verifyOptions.localHealth === false ? v.checkingFromOutside(where) : v.checking(where);
    options.stdout.write(renderText(results, heading, textOptionsFor(options.stdout, options.lang)));
  }
  return hasFailures(results) ? ExitCode.stepFailed : ExitCode.ok;
}
