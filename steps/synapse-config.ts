import type { Action, CommandAction, Step } from '../src/engine/types.js';
import { otherServerProblem, serverNameCheckTask } from './synapse/existing-install.js';
import { asServiceUser, configPathArgs } from './synapse/service-user.js';
import { synapseLayout, type SynapseLayout } from './synapse/sources.js';
import { synapseDropInYaml, synapseHomeserverYaml } from './templates/synapse-config.js';
import { synapseLogConfigYaml } from './templates/synapse-log-config.js';
import { synapseText as t } from '../src/i18n/messages/steps-synapse.js';

/**
 * Synapse's configuration: for a package, matrix-setup's drop-in in conf.d (listeners on
 * 127.0.0.1:8008 behind nginx, PostgreSQL, secrets, policies), read after the package's own
 * files; for a venv, a complete homeserver.yaml and log config. Then the
 * signing key, generated once. A config naming another server_name is never replaced.
 */
export const synapseConfigStep: Step = {
  id: 'synapse-config',
  title: t.configTitle,
  needs: ['synapse-install', 'postgres-verify'],
  plan({ answers, target }): Action[] {
    const layout = synapseLayout(answers, target);
    const guard = (existing: string) => otherServerProblem(existing, answers.server_name);
    const notify = [layout.unit];
    const secrets = layout.secretFile;
    const actions: Action[] = [];
    if (layout.dropIn) {
      actions.push(
        // The package's postinst wrote it from debconf; it must agree with the drop-in.
        serverNameCheckTask(answers, [layout.serverNameFile!]),
        { kind: 'file', path: layout.dropIn, content: synapseDropInYaml(answers, target, layout), ...secrets, notify, guard },
      );
    } else {
      actions.push(
        { kind: 'file', path: layout.homeserverYaml, content: synapseHomeserverYaml(answers, target, layout), ...secrets, notify, guard },
        { kind: 'file', path: layout.logConfig, content: synapseLogConfigYaml(layout), mode: 0o640, owner: 'root', group: layout.group, notify },
      );
    }
    actions.push(signingKeyCommand(layout));
    return actions;
  },
};

/** Synapse's own key generation, as the service user; never run again once the key exists. */
export function signingKeyCommand(layout: SynapseLayout): CommandAction {
  return {
    kind: 'command',
    description: t.signingKeyTask({ path: layout.signingKey }),
    argv: [...asServiceUser(layout), '-m', 'synapse.app.homeserver', ...configPathArgs(layout), '--generate-keys'],
    creates: layout.signingKey,
  };
}
