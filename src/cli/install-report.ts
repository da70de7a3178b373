import type { Answers } from '../answers/types.js';
import { statePaths } from '../engine/runner.js';
import type { Target } from '../host/target.js';
import { installSummary, type InstallSummary } from '../render/install-summary.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { takeSecretsToShow } from '../secrets/shown-once.js';
import { SYNAPSE_LISTEN, synapseLayout } from '../../steps/synapse/sources.js';

export interface FinishedInstall {
  answers: Answers;
  target: Target;
  stateDir: string;
  secrets: SecretStore;
  resumed?: boolean;
}

/**
 * The summary of an install that just finished (the `--answers` run prints it, the wizard
 * shows it): generated secrets it has not shown yet are shown now, and marked as shown.
 */
export function finishedInstallSummary(install: FinishedInstall): InstallSummary {
  const shown = takeSecretsToShow(install.stateDir, install.answers, install.secrets);
  return installSummary({
    answers: install.answers,
    resumed: install.resumed,
    ...shown,
    secretsFile: statePaths(install.stateDir).secrets,
    addUserCommand: addUserCommand(install.answers, install.target),
  });
}

/** register_new_matrix_user with the file that holds the registration shared secret. */
export function addUserCommand(answers: Answers, target: Target): string {
  const layout = synapseLayout(answers, target);
  return `${layout.registerTool} -c ${layout.dropIn ?? layout.homeserverYaml} http://${SYNAPSE_LISTEN.host}:${SYNAPSE_LISTEN.port}`;
}
