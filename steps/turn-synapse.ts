import type { Action, Step } from '../src/engine/types.js';
import { certificateSource } from './coturn/layout.js';
import { confDirActions, retireDropInTask, synapseDropInPath } from './coturn/synapse-drop-in.js';
import { synapseLayout } from './synapse/sources.js';
import { synapseTurnYaml } from './templates/synapse-turn.js';
import { turnText as t } from '../src/i18n/messages/steps-turn.js';

/**
 * Synapse's side of TURN: the URIs and shared secret of coturn, in a drop-in of its own, so
 * /_matrix/client/v3/voip/turnServer hands logged-in users short-lived relay credentials.
 * Written before Synapse first starts; coturn itself follows once the certificate exists.
 */
export const turnSynapseStep: Step = {
  id: 'turn-synapse',
  title: t.synapseTitle,
  needs: ['synapse-install'],
  plan({ answers, target }): Action[] {
    const layout = synapseLayout(answers, target);
    const path = synapseDropInPath(layout, 'turn');
    if (!answers.turn.enabled) return [retireDropInTask(path, layout.unit)];
    return [
      ...confDirActions(layout),
      { kind: 'file', path, content: synapseTurnYaml(answers, certificateSource(answers) !== undefined), ...layout.secretFile, notify: [layout.unit] },
    ];
  },
};
