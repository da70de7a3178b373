import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { loadSavedAnswers } from '../../answers/migrate.js';
import type { Answers } from '../../answers/types.js';
import { validateAnswersDocument } from '../../answers/validate.js';
import { statePaths } from '../../engine/runner.js';
import { ExitCode, HostRefusedError } from '../../errors.js';
import { ELEMENT_ROOT } from '../../../steps/edge/edge-layout.js';
import { serverNameIn, SERVER_NAME_FILES } from '../../../steps/synapse/existing-install.js';
import { elementUpgradeAvailable, findBlockers, synapseUpgradeAvailable } from '../../../steps/upgrade/blockers.js';
import { inspectUpgrade, type UpgradeRequest } from '../../../steps/upgrade/inspect.js';
import type { CliArgs } from '../args.js';
import { localTarget } from '../resolve-target.js';
import { checkJson, checkText } from './upgrade-report.js';
import { inspectEnv, out } from './upgrade-run.js';

/**
 * The answers `--check` works from: the saved ones where this user can read them (root);
 * otherwise what the machine itself shows (which Synapse package, Element's link), so a
 * check without root still names the versions.
 */
export function checkAnswers(stateDir: string): { answers: Answers; fromMachine: boolean } {
  const saved = statePaths(stateDir).answers;
  try {
    accessSync(saved, constants.R_OK);
    return { answers: loadSavedAnswers(saved, { note: (message) => process.stderr.write(`${message}\n`) }).answers, fromMachine: false };
  } catch (error) {
    if (existsSync(saved) && process.getuid?.() === 0) throw error;
  }
  const serverName = SERVER_NAME_FILES.map((file) => {
    try {
      return serverNameIn(readFileSync(file, 'utf8'));
    } catch {
      return undefined;
    }
  }).find(Boolean);
  if (!serverName) {
    throw new HostRefusedError(`No Synapse installed by matrix-setup was found here (no readable ${saved}, no server_name in ${SERVER_NAME_FILES.join(' or ')}).`);
  }
  const install = existsSync('/var/lib/dpkg/info/matrix-synapse.list') ? 'distro' : existsSync('/var/lib/dpkg/info/matrix-synapse-py3.list') ? 'apt' : 'venv';
  const element = existsSync(`${ELEMENT_ROOT}/current`);
  // Only what the check reads: the install method and whether Element is there (federation and TLS just keep the answers valid).
  const yaml = `version: 1\nserver_name: ${JSON.stringify(serverName)}\nfederation: false\ntls:\n  mode: self-signed\nsynapse:\n  install: ${install}\nelement:\n  enabled: ${element}\n`;
  return { answers: validateAnswersDocument(yaml, 'the machine'), fromMachine: true };
}

export function request(args: CliArgs): UpgradeRequest {
  return { to: args.to, elementTarball: args.elementTarball, elementSha256: args.elementSha256 };
}

/** `matrix-setup upgrade --check [--json]`: read-only, as any user. */
export async function checkCommand(args: CliArgs, stateDir: string): Promise<number> {
  const { answers, fromMachine } = checkAnswers(stateDir);
  const target = await localTarget();
  const inspection = await inspectUpgrade(inspectEnv(answers, target, stateDir), request(args));
  const blockers = findBlockers(inspection, { answers, target, to: args.to });
  if (fromMachine) {
    blockers.push({
      id: 'machine.not-root',
      component: 'machine',
      severity: 'warns',
      message: `Checked as a user who cannot read matrix-setup's saved answers: Element Web's configured release and the database were not looked at (run as root for those).`,
    });
  }
  const upgrades = { synapse: synapseUpgradeAvailable(inspection), element: !fromMachine && elementUpgradeAvailable(inspection) };
  out(args.json ? `${JSON.stringify(checkJson(inspection, blockers, upgrades), null, 2)}\n` : checkText(inspection, blockers, upgrades));
  return ExitCode.ok;
}
